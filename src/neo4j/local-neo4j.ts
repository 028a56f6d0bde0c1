import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { projectRoot, type LocalNeo4jConfig } from '../config.js';
import type { Neo4jConnection } from './database.js';
import { restartDelayMs, stableAfterMs } from './restart-policy.js';

const launcherDir = join(projectRoot, 'neo4j-launcher');
const classesDir = join(launcherDir, 'target', 'classes');
const libDir = join(launcherDir, 'target', 'lib');
/** Touched after each successful build: Maven leaves target/lib's time alone when no jar changed. */
const builtStamp = join(launcherDir, 'target', 'built.stamp');
const readyTimeoutMs = 300_000;
/** A JVM that does not end within this after its input closes is killed: `npm start` must be gone within 10 s. */
const stopTimeoutMs = 7_000;
const user = 'neo4j';

/** Where the local Neo4j's password is kept: in its data folder, readable by its owner only. */
export function passwordFile(dataDir: string): string {
  return join(dataDir, 'neo4j-password');
}

export type LocalNeo4jState = 'up' | 'restarting' | 'stopped';

/** What /health reports of the local Neo4j. */
export interface LocalNeo4jStatus {
  state: LocalNeo4jState;
  /** Restarts after the JVM died, since this process started it. */
  restarts: number;
  /** How the JVM last ended or failed to start, if it ever did. */
  lastError: string | null;
  /** When the state last changed (ISO 8601). */
  since: string;
}

/** A Neo4j running in a child JVM of this process. */
export interface LocalNeo4j {
  connection: Neo4jConnection;
  /** Null when this process found a Neo4j already running and does not supervise it. */
  status(): LocalNeo4jStatus | null;
  /** Called whenever the JVM dies, before it is restarted: what depends on the database can stop waiting for it. */
  onDown(listener: () => void): void;
  /** Shuts the database down cleanly, without restarting it, and waits for the JVM to exit. */
  stop(): Promise<void>;
}

/**
 * Starts Neo4j 5.26 Community embedded in a child JVM, building the launcher with Maven on first use, and keeps
 * it running: when the JVM dies it is started again, after 1 s, then 2, 4, … up to 30 s while starts keep failing.
 *
 * The JVM watches its standard input, which only this process holds: when this process ends, however it
 * ends, the pipe closes and the JVM shuts the database down and exits. If a Neo4j already answers on the
 * port to the password of this data folder (an `npm start` in another terminal), it is used instead of
 * starting a second one on the same data.
 */
export async function startLocalNeo4j(config: LocalNeo4jConfig, log: (line: string) => void = console.error): Promise<LocalNeo4j> {
  const secretFile = passwordFile(config.dataDir);
  if (config.port !== 0) {
    const uri = `bolt://127.0.0.1:${config.port}`;
    const probe = await probeBolt(uri, readPassword(secretFile));
    if (probe === 'ready') {
      log(`Using the Neo4j already running at ${uri}`);
      return { connection: connectionTo(uri, readPassword(secretFile)), status: () => null, onDown: () => {}, stop: async () => {} };
    }
    if (probe === 'refused') {
      throw new Error(`The Neo4j at ${uri} refuses the password in ${secretFile}: it is not this data folder's. Stop it, or set NEO4J_LOCAL_PORT to a free port.`);
    }
  }
  buildLauncherIfNeeded(log);
  // Only new folders get the mode: the store files are as private as the password.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const port = config.port === 0 ? await freePort() : config.port;
  const supervisor = new Supervisor(config, port, secretFile, log);
  await supervisor.start();
  return supervisor;
}

/**
 * Starts the JVM and starts it again each time it dies, until stop(). The first start fails loudly (a broken
 * install should not loop); later ones are retried with a growing delay, which a start that stays up resets.
 */
class Supervisor implements LocalNeo4j {
  readonly connection: Neo4jConnection;
  private jvm: ChildProcess | null = null;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private failuresInARow = 0;
  private upSince = 0;
  private current: LocalNeo4jStatus = { state: 'up', restarts: 0, lastError: null, since: new Date().toISOString() };
  private readonly downListeners: (() => void)[] = [];

  constructor(
    private readonly config: LocalNeo4jConfig,
    private readonly port: number,
    private readonly secretFile: string,
    private readonly log: (line: string) => void,
  ) {
    this.connection = connectionTo(`bolt://127.0.0.1:${port}`, null);
  }

  status(): LocalNeo4jStatus {
    return { ...this.current };
  }

  onDown(listener: () => void): void {
    this.downListeners.push(listener);
  }

  async start(): Promise<void> {
    this.log(`Starting the local Neo4j at ${this.connection.uri} (data in ${this.config.dataDir})`);
    await this.launch();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.setState('stopped', this.current.lastError);
    if (this.jvm) await stopJvm(this.jvm);
  }

  private async launch(): Promise<void> {
    const jvm = spawn('java', [...jvmOptions(this.config.heapMb), '-cp', `${classesDir}:${libDir}/*`, 'dev.careergraph.launcher.Launcher', this.config.dataDir, String(this.port), this.secretFile], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.jvm = jvm;
    const stderr = tail(jvm);
    const password = await waitUntilReady(this.connection.uri, jvm, stderr, this.secretFile);
    this.connection.password = password;
    if (jvm.exitCode !== null || jvm.signalCode !== null) throw new Error(`The local Neo4j ${exitDescription(jvm.exitCode, jvm.signalCode)} as soon as it was ready.\n${stderr()}`);
    this.upSince = Date.now();
    jvm.once('exit', (code, signal) => this.died(jvm, exitDescription(code, signal), stderr));
  }

  private died(jvm: ChildProcess, how: string, stderr: () => string): void {
    if (this.stopping || jvm !== this.jvm) return;
    if (Date.now() - this.upSince > stableAfterMs) this.failuresInARow = 0;
    const lastLines = stderr().split('\n').slice(-5).join('\n');
    this.log(`The local Neo4j ${how}${lastLines ? `:\n${lastLines}` : ''}`);
    this.setState('restarting', `${how} at ${new Date().toISOString()}`);
    for (const listener of this.downListeners) listener();
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = restartDelayMs(this.failuresInARow);
    this.log(`Restarting the local Neo4j in ${delay / 1000} s`);
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    this.restartTimer = null;
    try {
      await this.launch();
    } catch (error) {
      if (this.stopping) return;
      this.failuresInARow += 1;
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.log(`The local Neo4j failed to restart: ${message}`);
      this.current.lastError = `${message} at ${new Date().toISOString()}`;
      this.scheduleRestart();
      return;
    }
    if (this.stopping) return void (await stopJvm(this.jvm as ChildProcess));
    this.current.restarts += 1;
    this.setState('up', this.current.lastError);
    this.log(`The local Neo4j is back at ${this.connection.uri} (restart ${this.current.restarts})`);
  }

  private setState(state: LocalNeo4jState, lastError: string | null): void {
    this.current = { state, restarts: this.current.restarts, lastError, since: new Date().toISOString() };
  }
}

function connectionTo(uri: string, password: string | null): Neo4jConnection {
  return { uri, user, ...(password === null ? {} : { password }) };
}

/** The data folder's password, or null before the launcher's first start has written it. */
function readPassword(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function jvmOptions(heapMb: number): string[] {
  // Neo4j reaches into JDK internals for its page cache and network stack; these are the opens its own
  // startup script passes on Java 17.
  return [
    '-Xms256m',
    `-Xmx${heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
    '--add-opens=java.base/java.util=ALL-UNNAMED',
    '--add-opens=java.base/java.net=ALL-UNNAMED',
    '--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED',
    '--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
  ];
}

function buildLauncherIfNeeded(log: (line: string) => void): void {
  if (launcherIsBuilt()) return;
  log('Building the local Neo4j launcher with Maven (first run only: downloads Neo4j 5.26 from Maven Central, about 130 MB)...');
  const build = spawnSync('mvn', ['-B', '-ntp', '-DskipTests', 'package'], { cwd: launcherDir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.error) throw new Error(`Could not run Maven to build the Neo4j launcher: ${build.error.message}. Install Java 17 and Maven, or set NEO4J_URI.`);
  if (build.status !== 0) throw new Error(`Maven failed to build the Neo4j launcher (exit ${build.status}); see its output above.`);
  writeFileSync(builtStamp, '');
}

function launcherIsBuilt(): boolean {
  if (!existsSync(libDir) || !existsSync(classesDir) || !existsSync(builtStamp)) return false;
  const built = statSync(builtStamp).mtimeMs;
  const sources = [join(launcherDir, 'pom.xml'), ...javaSources(join(launcherDir, 'src'))];
  return sources.every((file) => statSync(file).mtimeMs <= built);
}

function javaSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Keeps the last lines the JVM wrote to stderr, to explain a failed start. */
function tail(jvm: ChildProcess): () => string {
  let text = '';
  jvm.stderr?.setEncoding('utf8');
  jvm.stderr?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-4000);
  });
  return () => text.trim();
}

/**
 * Waits for the launcher's line saying that the database is up with its password set, then for a Bolt login
 * with that password, and returns the password. Logins are not tried earlier: Bolt opens before the password
 * of a new database is set, and Neo4j locks a user out after three failed logins in a row.
 */
async function waitUntilReady(uri: string, jvm: ChildProcess, stderr: () => string, secretFile: string): Promise<string> {
  let exited: string | null = null;
  let announced = false;
  jvm.once('exit', (code, signal) => {
    exited = exitDescription(code, signal);
  });
  jvm.once('error', (error) => {
    exited = `could not start java: ${error.message}`;
  });
  jvm.stdout?.setEncoding('utf8');
  jvm.stdout?.on('data', (chunk: string) => {
    if (chunk.includes('neo4j-launcher: bolt://')) announced = true;
  });
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The local Neo4j ${exited}.\n${stderr()}`);
    const password = announced ? readPassword(secretFile) : null;
    if (password !== null && (await probeBolt(uri, password)) === 'ready') return password;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  jvm.kill('SIGKILL');
  throw new Error(`The local Neo4j did not accept Bolt connections at ${uri} within ${readyTimeoutMs / 1000} s.\n${stderr()}`);
}

function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  return `exited with ${signal ?? `code ${code}`}`;
}

/** Readiness is a real Bolt handshake and login, not a guess from a log line or a sleep. */
async function probeBolt(uri: string, password: string | null): Promise<'ready' | 'refused' | 'unreachable'> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password ?? ''), { connectionTimeout: 1000, maxConnectionPoolSize: 1 });
  try {
    await driver.verifyConnectivity();
    return 'ready';
  } catch (error) {
    return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.') ? 'refused' : 'unreachable';
  } finally {
    await driver.close();
  }
}

async function stopJvm(jvm: ChildProcess): Promise<void> {
  if (jvm.exitCode !== null || jvm.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => jvm.once('exit', () => resolve()));
  jvm.stdin?.end();
  const killer = setTimeout(() => jvm.kill('SIGKILL'), stopTimeoutMs);
  await exited;
  clearTimeout(killer);
}

/** A port nothing listens on right now, for a Neo4j or a server of our own. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
