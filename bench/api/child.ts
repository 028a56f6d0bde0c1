import type { Server } from 'node:http';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { readConfig, type RemoteNeo4jConfig } from '../../src/config.js';
import { percentile } from './percentile.js';

/**
 * How a benchmark server child reports itself: one JSON line on stdout once it listens, the time its requests
 * spent inside it over IPC, and a clean exit on SIGTERM (so that `node --cpu-prof` writes its profile).
 */
export function neo4jConnection(): RemoteNeo4jConfig {
  const connection = readConfig().neo4j;
  if (!connection) throw new Error('NEO4J_URI is not set');
  return connection;
}

/** The bench's Neo4j login, for the servers that open a driver of their own. */
export function neo4jAuth(): AuthToken {
  const { user, password } = neo4jConnection();
  return neo4j.auth.basic(user, password);
}

function listening(server: Server): string {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

/** What a server child reports, over IPC, when the bench asks for the time its requests spent inside it. */
export interface ServerTimings {
  requests: number;
  p50: number;
  p99: number;
}

/**
 * Times each request from the moment Node hands it to the server (its headers parsed) to the moment the answer's
 * last byte is handed to the kernel. What the load generator measures on top is time outside the server: in the
 * kernel, and in the load generator itself waiting for a core that the server and Neo4j share with it.
 */
function timeRequests(server: Server): () => ServerTimings {
  let durations: number[] = [];
  server.prependListener('request', (_request, response) => {
    const started = performance.now();
    response.once('finish', () => durations.push(performance.now() - started));
  });
  return () => {
    const sorted = durations.sort((a, b) => a - b);
    durations = [];
    return { requests: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  };
}

/**
 * Tells the bench where the server listens, answers its requests for timings (each answer covers the requests
 * since the previous one), and stops the server when told to.
 */
export function announce(server: Server, stop: () => Promise<void>): void {
  const timings = timeRequests(server);
  process.on('message', (message) => {
    if (message === 'timings') process.send?.(timings());
  });
  process.stdout.write(`${JSON.stringify({ url: listening(server) })}\n`);
  let stopping = false;
  const exit = () => {
    if (stopping) return;
    stopping = true;
    // A clean stop, but no longer than 3 s: Apollo's drain may wait on idle keep-alive connections, and
    // `node --cpu-prof` writes its profile only on an exit, not on the SIGKILL that would follow.
    Promise.race([stop(), new Promise<void>((resolve) => setTimeout(resolve, 3000).unref())]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', exit);
  process.on('SIGINT', exit);
  // The bench holds our stdin: when it ends, however it ends, so do we.
  process.stdin.on('end', exit);
  process.stdin.resume();
}
