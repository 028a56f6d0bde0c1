import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { projectRoot, type LocalNeo4jConfig } from '../config.js';

const launcherDir = join(projectRoot, 'neo4j-launcher');
const classesDir = join(launcherDir, 'target', 'classes');
const libDir = join(launcherDir, 'target', 'lib');
const readyTimeoutMs = 180_000;

/** A Neo4j running in a child JVM of this process. */
export interface LocalNeo4j {
  uri: string;
  /** Shuts the database down cleanly and waits for the JVM to exit. */
  stop(): Promise<void>;
}

/**
 * Starts Neo4j 5.26 Community embedded in a child JVM, building the launcher with Maven on first use.
 *
 * The JVM watches its standard input, which only this process holds: when this process ends, however it
 * ends, the pipe closes and the JVM shuts the database down and exits. If a Neo4j already answers on the
 * port (an `npm start` in another terminal), it is used instead of starting a second one on the same data.
 */
export async function startLocalNeo4j(config: LocalNeo4jConfig, log: (line: string) => void = console.error): Promise<LocalNeo4j> {
  const uri = `bolt://127.0.0.1:${config.port}`;
  if (config.port !== 0 && (await boltAnswers(uri))) {
    log(`Using the Neo4j already running at ${uri}`);
    return { uri, stop: async () => {} };
  }
  buildLauncherIfNeeded(log);
  mkdirSync(config.dataDir, { recursive: true });
  const port = config.port === 0 ? await freePort() : config.port;
  const portUri = `bolt://127.0.0.1:${port}`;
  log(`Starting the local Neo4j at ${portUri} (data in ${config.dataDir})`);
  const jvm = spawn('java', [...jvmOptions(config.heapMb), '-cp', `${classesDir}:${libDir}/*`, 'dev.careergraph.launcher.Launcher', config.dataDir, String(port)], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const stderr = tail(jvm);
  await waitUntilReady(portUri, jvm, stderr);
  return { uri: portUri, stop: () => stopJvm(jvm) };
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
}

function launcherIsBuilt(): boolean {
  if (!existsSync(libDir) || !existsSync(classesDir)) return false;
  const built = statSync(libDir).mtimeMs;
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

async function waitUntilReady(uri: string, jvm: ChildProcess, stderr: () => string): Promise<void> {
  let exited: string | null = null;
  jvm.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  jvm.once('error', (error) => {
    exited = `could not start java: ${error.message}`;
  });
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The local Neo4j ${exited}.\n${stderr()}`);
    if (await boltAnswers(uri)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  jvm.kill('SIGKILL');
  throw new Error(`The local Neo4j did not accept Bolt connections at ${uri} within ${readyTimeoutMs / 1000} s.\n${stderr()}`);
}

/** Readiness is a real Bolt handshake and query, not a guess from a log line or a sleep. */
async function boltAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 1000, maxConnectionPoolSize: 1 });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

async function stopJvm(jvm: ChildProcess): Promise<void> {
  if (jvm.exitCode !== null || jvm.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => jvm.once('exit', () => resolve()));
  jvm.stdin?.end();
  const killer = setTimeout(() => jvm.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
