import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request } from 'autocannon';
import type { ServerTimings } from './child.js';
import type { Flavor } from './operations.js';
import { percentile } from './percentile.js';

/** A benchmark server in a child process of its own, so that its CPU and memory are its own. */
export interface ServerChild {
  flavor: Flavor;
  url: string;
  pid: number;
  /** The time requests spent inside the server since the previous call (see child.ts). */
  timings(): Promise<ServerTimings>;
  /** This project's response cache lookups so far, from its /metrics; null for the servers without one. */
  cacheLookups(): Promise<CacheLookups | null>;
  stop(): Promise<void>;
}

const serverFiles: Record<Flavor, string> = {
  floor: fileURLToPath(new URL('./floor.server.ts', import.meta.url)),
  peer: fileURLToPath(new URL('./peer.server.ts', import.meta.url)),
  project: fileURLToPath(new URL('./project.server.ts', import.meta.url)),
  uncached: fileURLToPath(new URL('./project.server.ts', import.meta.url)),
};

export interface CacheLookups {
  hit: number;
  miss: number;
}

/** The response cache's lookups by result, from the Prometheus text of /metrics (response_cache_lookups_total). */
async function readCacheLookups(url: string): Promise<CacheLookups> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const count = (result: string) => Number(new RegExp(`^response_cache_lookups_total\\{result="${result}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { hit: count('hit'), miss: count('miss') };
}

/** The flags `npm start` gives node (package.json), so that the bench's API runs with the same heap. */
export function startNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = /\bexec node (.*?)\s*--import tsx /.exec(start)?.[1];
  if (flags === undefined) throw new Error(`the start script of package.json is not "... exec node <flags> --import tsx ...": ${start}`);
  return flags.split(/\s+/).filter(Boolean);
}

/**
 * Starts `node --import tsx <server>` (node itself, not the tsx CLI, so that the pid is the server's) and waits
 * for the line that says where it listens. `nodeOptions` adds flags such as --cpu-prof.
 */
export async function startServer(flavor: Flavor, env: Record<string, string>, nodeOptions: string[] = []): Promise<ServerChild> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', serverFiles[flavor]], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    const timer = setTimeout(() => reject(new Error(`${flavor} server did not start within 120 s`)), 120_000);
    child.once('exit', (code) => reject(new Error(`${flavor} server exited with code ${code} before listening`)));
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { url?: string };
        if (message.url) {
          clearTimeout(timer);
          // From here on its output (a log line per request, for the project) is drained unread: parsing it
          // would take the load generator's CPU, in this process, from the run.
          lines.close();
          child.stdout?.resume();
          resolve(message.url);
        }
      } catch {
        // Not ours: a library's log line.
      }
    });
  });
  // A server that died mid-run fails the bench instead of leaving it waiting for an answer that never comes.
  const timings = () =>
    new Promise<ServerTimings>((resolve, reject) => {
      const gone = () => reject(new Error(`${flavor} server exited during the run`));
      if (!child.connected) return gone();
      child.once('disconnect', gone);
      child.once('message', (message) => {
        child.off('disconnect', gone);
        resolve(message as ServerTimings);
      });
      child.send('timings');
    });
  const cached = flavor === 'project' || flavor === 'uncached';
  return { flavor, url, pid: child.pid as number, timings, cacheLookups: () => (cached ? readCacheLookups(url) : Promise.resolve(null)), stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

/** Resident set size of a process in bytes, from /proc/<pid>/status (VmRSS); 0 once it is gone. */
export function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time a process has used so far, user and system, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime field 14, stime field 15 (in clock ticks, 100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Samples the resident set of each process every interval and keeps the maximum, per phase and per case. */
export class RssSampler {
  private readonly max = new Map<string, number>();
  private phase = '';
  private case = '';
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly processes: { name: string; pid: number }[],
    intervalMs = 100,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  setPhase(phase: string): void {
    this.sample();
    this.phase = phase;
    this.case = '';
  }

  /** Within a phase, the case (workload) being run, which keeps a maximum of its own too. */
  setCase(name: string): void {
    this.sample();
    this.case = name;
  }

  private sample(): void {
    if (!this.phase) return;
    for (const { name, pid } of this.processes) {
      const bytes = residentBytes(pid);
      for (const key of [`${name}\u0000${this.phase}`, ...(this.case ? [`${name}\u0000case ${this.case}`] : [])]) {
        this.max.set(key, Math.max(this.max.get(key) ?? 0, bytes));
      }
    }
  }

  /** The largest resident set seen for a process while a case ran, in bytes. */
  maxOfCase(name: string, caseName: string): number {
    return this.max.get(`${name}\u0000case ${caseName}`) ?? 0;
  }

  /** The largest resident set seen for a process during a phase, in bytes. */
  maxOf(name: string, phase: string): number {
    return this.max.get(`${name}\u0000${phase}`) ?? 0;
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Transport errors, non-2xx answers, and 2xx answers that carry GraphQL errors. */
  failures: number;
  /** CPU the server used per request, in milliseconds. */
  serverCpuMsPerRequest: number;
  /** The 99th percentile of the time requests spent inside the server, in milliseconds. */
  serverP99: number;
  /** This project's response cache during the run: lookups that it answered, and all lookups; null for the others. */
  cache: CacheLookups | null;
}

/**
 * Loads a server with autocannon: `connections` connections, each sending the requests in turn, until `amount`
 * requests are answered. A run by count, not by time, waits for every answer: no request outlives its run to
 * load the server (and Neo4j) during the next one. Latencies are taken from each response's own timing
 * (autocannon's histogram keeps whole milliseconds).
 */
export async function runLoad(server: ServerChild, requests: Request[], connections: number, amount: number): Promise<LoadResult> {
  const latencies: number[] = [];
  await server.timings();
  const lookupsBefore = await server.cacheLookups();
  const cpuBefore = cpuMs(server.pid);
  const started = performance.now();
  const instance = autocannon({
    url: server.url,
    connections,
    amount: Math.max(amount, connections),
    // A run by count ends at the tick after its last answer: tick often, so that no server waits idle.
    sampleInt: 50,
    requests,
    timeout: 30,
    verifyBody: (body: string) => !body.startsWith('{"errors"') && !body.includes('"errors":['),
  });
  let lastAnswer = started;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    lastAnswer = performance.now();
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  // The run ends at the tick after the last answer: its time is up to the last answer.
  const elapsed = (lastAnswer - started) / 1000;
  const cpu = cpuMs(server.pid) - cpuBefore;
  const inside = await server.timings();
  const lookupsAfter = await server.cacheLookups();
  latencies.sort((a, b) => a - b);
  const completed = result.requests.total;
  return {
    requests: completed,
    requestsPerSecond: elapsed > 0 ? completed / elapsed : Number.NaN,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures: result.errors + result.non2xx + result.mismatches,
    serverCpuMsPerRequest: completed > 0 ? cpu / completed : Number.NaN,
    serverP99: inside.p99,
    cache: lookupsBefore && lookupsAfter ? { hit: lookupsAfter.hit - lookupsBefore.hit, miss: lookupsAfter.miss - lookupsBefore.miss } : null,
  };
}
