import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { writeGeneratedPages } from '../../src/generator/page-folder.writer.js';
import { generateTaxonomy } from '../../src/generator/taxonomy.generator.js';
import { Database } from '../../src/neo4j/database.js';
import { passwordFile } from '../../src/neo4j/local-neo4j.js';
import type { NpmStart } from '../npm-start.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A driver on the Neo4j that an `npm start` runs, logged in with its data folder's password. */
export async function openDatabaseOf(running: NpmStart): Promise<Database> {
  const password = (await readFile(passwordFile(running.dataDir), 'utf8')).trim();
  return Database.open({ uri: `bolt://127.0.0.1:${running.env.NEO4J_LOCAL_PORT}`, user: 'neo4j', password });
}

/** A folder of generated pages, big enough that importing them takes seconds. */
export async function generatedPages(roles: number): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'career-graph-chaos-pages-'));
  const taxonomy = generateTaxonomy({ roles, skills: roles * 5, links: roles * 30, transitions: roles * 3, seed: 7, zipfExponent: 0.65 });
  await writeGeneratedPages(folder, taxonomy);
  return folder;
}

export interface ImportRun {
  pid: number;
  done: Promise<{ code: number | null; output: string }>;
}

/** `npm run import -- folder` as a user would run it next to that `npm start`: same data folder and port. */
export function runImport(running: NpmStart, folder: string): ImportRun {
  const child = spawn('npm', ['run', 'import', '--', folder], { cwd: projectRoot, env: running.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { pid: child.pid as number, done: new Promise((resolve) => child.once('exit', (code) => resolve({ code, output }))) };
}

/** Waits until /health answers 200, and returns the seconds it took, or null after the timeout. */
export async function waitForHealthy(running: NpmStart, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const status = await fetch(`${running.url}/health`).then((response) => response.status, () => 0);
    if (status === 200) return (performance.now() - started) / 1000;
    await sleep(250);
  }
  return null;
}

export async function health(running: NpmStart): Promise<{ status: number; body: { localNeo4j?: { state: string; restarts: number } } }> {
  const response = await fetch(`${running.url}/health`);
  return { status: response.status, body: await response.json() };
}

/** Waits until a write transaction other than the caller's has been running for a while: an import mid-way. */
export async function waitForRunningWrite(database: Database, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const running = await database.read<{ id: string }>(`
      SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery, elapsedTime, status
      WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' AND elapsedTime.milliseconds > 1000
      RETURN id`);
    if (running.length > 0) return true;
    await sleep(200);
  }
  return false;
}
