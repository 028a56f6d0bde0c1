import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/config.js';
import { freePort } from '../src/neo4j/local-neo4j.js';
import { isAlive, processTree, type ProcessInfo } from './process-tree.js';

/** `npm start` as a user runs it, on ports and a data folder of its own. */
export interface NpmStart {
  npm: ChildProcess;
  pid: number;
  url: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** What it printed, stdout and stderr together. */
  output(): string;
  /** The pids of npm and everything under it, now. */
  tree(): ProcessInfo[];
  /** Ends whatever is left of it (SIGKILL to the pids it ever had) and removes its data folder. */
  cleanUp(): Promise<void>;
}

export async function startNpmStart(options: { env?: NodeJS.ProcessEnv; dataDir?: string; readyTimeoutMs?: number } = {}): Promise<NpmStart> {
  const port = await freePort();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'career-graph-npm-start-')));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_DATA: dataDir, SEED_ON_START: 'false', ...options.env };
  delete env.NEO4J_URI;
  const npm = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (chunk) => (output += chunk));
  npm.stderr.on('data', (chunk) => (output += chunk));
  const seen = new Map<number, ProcessInfo>();
  const tree = () => {
    const now = processTree(npm.pid as number);
    for (const info of now) seen.set(info.pid, info);
    return now;
  };
  const url = `http://127.0.0.1:${port}`;
  const started: NpmStart = {
    npm,
    pid: npm.pid as number,
    url,
    dataDir,
    env,
    output: () => output,
    tree,
    cleanUp: async () => {
      for (const pid of seen.keys()) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 600_000);
  for (;;) {
    tree();
    if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}:\n${output}`);
    const health = await fetch(`${url}/health`).then((response) => response.status, () => 0);
    if (health === 200) return started;
    if (Date.now() > deadline) {
      await started.cleanUp();
      throw new Error(`npm start was not healthy within ${(options.readyTimeoutMs ?? 600_000) / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until none of the pids is alive, and returns those still alive after the timeout. */
export async function waitUntilGone(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
