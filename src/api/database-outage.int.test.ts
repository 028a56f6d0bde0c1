import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, type TestApi } from '../../tests/api-server.js';
import { readConfig } from '../config.js';
import { Database } from '../neo4j/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j/local-neo4j.js';
import { applySchema } from '../neo4j/schema.js';

// This file stops and restarts a Neo4j of its own, so that the other tests' database stays up.

let dataDir: string;
let neo4j: LocalNeo4j;
let port: number;
let database: Database;
let api: TestApi;

const roleQuery = '{ role(id: "vp") { id title } }';
const health = async () => {
  const response = await fetch(`${api.server.url}/health`);
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'career-graph-outage-'));
  neo4j = await startLocalNeo4j({ ...readConfig().localNeo4j, port: 0, dataDir }, () => {});
  port = Number(new URL(neo4j.uri.replace('bolt:', 'http:')).port);
  database = Database.open({ uri: neo4j.uri });
  await applySchema(database);
  await seedGraph(database);
  api = await startTestApi(database);
});

afterAll(async () => {
  await api.stop();
  await database.close();
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('when Neo4j goes away and comes back', () => {
  it('serves while it is up', async () => {
    expect((await api.query(roleQuery)).data).toEqual({ role: { id: 'vp', title: 'VP of Engineering' } });
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });
  });

  it('fails the affected operations with SERVICE_UNAVAILABLE and no internals, and reports the database down', async () => {
    await neo4j.stop();
    const response = await api.query(roleQuery);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toEqual([
      {
        message: 'The graph database is unavailable right now. Try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
        path: ['role'],
        locations: [{ line: 1, column: 3 }],
      },
    ]);
    expect(await health()).toEqual({ status: 503, body: { status: 'degraded', database: 'down' } });
  });

  it('recovers by itself once Neo4j is back', async () => {
    neo4j = await startLocalNeo4j({ ...readConfig().localNeo4j, port, dataDir }, () => {});
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });
    expect((await api.query(roleQuery)).data).toEqual({ role: { id: 'vp', title: 'VP of Engineering' } });
  });
});
