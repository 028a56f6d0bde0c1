import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, type TestApi } from '../../tests/api-server.js';
import { findLauncherJvm } from '../../tests/process-tree.js';
import { readConfig } from '../config.js';
import { connect, type Connection } from '../neo4j/connect.js';

// This file kills the JVM of a Neo4j of its own, so that the other tests' database stays up.

let dataDir: string;
let connection: Connection;
let api: TestApi;

const roleQuery = '{ role(id: "vp") { id title } }';
const graphqlResponseJson = { accept: 'application/graphql-response+json, application/json;q=0.9' };
const health = async () => {
  const response = await fetch(`${api.server.url}/health`);
  return { status: response.status, body: await response.json() };
};

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'career-graph-outage-'));
  const config = readConfig();
  connection = await connect({ ...config, neo4j: null, localNeo4j: { ...config.localNeo4j, port: 0, dataDir } }, () => {});
  await seedGraph(connection.database);
  api = await startTestApi(connection.database, { localNeo4j: connection.localStatus });
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await connection?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('when the local Neo4j dies', () => {
  it('serves while it is up, and says so', async () => {
    expect((await api.query(roleQuery)).data).toEqual({ role: { id: 'vp', title: 'VP of Engineering' } });
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up', localNeo4j: { state: 'up', restarts: 0, lastError: null, since: expect.any(String) } },
    });
  });

  it('fails each request within a second with SERVICE_UNAVAILABLE and no internals, 503 for graphql-response+json', async () => {
    const jvm = findLauncherJvm(process.pid);
    expect(jvm).toBeDefined();
    process.kill(jvm!.pid, 'SIGKILL');
    await waitFor(async () => (await health()).body.localNeo4j.state === 'restarting', 5_000);

    const plain = await timed(() => api.query(roleQuery));
    expect(plain.ms).toBeLessThan(1_000);
    expect(plain.value).toEqual({
      status: 200,
      data: null,
      errors: [
        {
          message: 'The graph database is unavailable right now. Try again shortly.',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
          path: ['role'],
          locations: [{ line: 1, column: 3 }],
        },
      ],
    });
    const modern = await timed(() => api.query(roleQuery, undefined, graphqlResponseJson));
    expect(modern.ms).toBeLessThan(1_000);
    expect(modern.value.status).toBe(503);
    expect(modern.value.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);

    const down = await timed(health);
    expect(down.ms).toBeLessThan(1_000);
    expect(down.value).toEqual({
      status: 503,
      body: {
        status: 'degraded',
        database: 'down',
        localNeo4j: { state: 'restarting', restarts: 0, lastError: expect.stringMatching(/^exited with SIGKILL at /), since: expect.any(String) },
      },
    });
  });

  it('restarts it and recovers by itself', { timeout: 600_000 }, async () => {
    await waitFor(async () => (await health()).status === 200, 590_000);
    expect((await health()).body.localNeo4j).toMatchObject({ state: 'up', restarts: 1, lastError: expect.stringMatching(/SIGKILL/) });
    expect((await api.query(roleQuery)).data).toEqual({ role: { id: 'vp', title: 'VP of Engineering' } });
    expect((await api.query(roleQuery, undefined, graphqlResponseJson)).status).toBe(200);
  });
});
