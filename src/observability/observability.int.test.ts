import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useSeededApi } from '../../tests/api-server.js';
import { Database } from '../neo4j/database.js';
import { createLogger } from './logger.js';

// The API with its log captured and every Cypher query counted as slow (threshold 0 ms), on the seeded graph.

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  operation?: string;
  cache?: string;
  status?: number;
  query?: string;
}

const lines: LogLine[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
    done();
  },
});
const logger = createLogger('info', sink);
const api = useSeededApi({ logger, database: Database.open(inject('neo4j'), { logger, slowQueryMs: 0 }) });
const { database } = api;

const roleTitle = 'query RoleTitle { role(id: "vp") { title } }';

async function post(query: string, requestId?: string): Promise<Response> {
  return fetch(`${api.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify({ query }),
  });
}

/** The value of one series in Prometheus's text format, 0 when it is not there yet. */
async function metric(series: string): Promise<number> {
  const text = await (await fetch(`${api.server.url}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const missSeries = 'graphql_request_duration_seconds_count{operation="RoleTitle",cache="miss",status="200"}';
const hitSeries = 'graphql_request_duration_seconds_count{operation="RoleTitle",cache="hit",status="200"}';
const queriesSeries = 'neo4j_query_duration_seconds_count{access="read",operation="RoleTitle"}';

describe('a query asked twice: answered, then served from the response cache', () => {
  const before: Record<string, number> = {};
  const first = 'observability-test-1';
  const second = 'observability-test-2';

  beforeAll(async () => {
    for (const series of [missSeries, hitSeries, queriesSeries, 'response_cache_lookups_total{result="hit"}', 'response_cache_lookups_total{result="miss"}']) {
      before[series] = await metric(series);
    }
    for (const id of [first, second]) {
      const response = await post(roleTitle, id);
      expect(await response.json()).toEqual({ data: { role: { title: 'VP of Engineering' } } });
      expect(response.headers.get('x-request-id')).toBe(id);
    }
  });

  it('logs one JSON line for each, with its request id, operation, status and whether the cache answered', () => {
    const requests = lines.filter((line) => line.msg === 'request' && (line.reqId === first || line.reqId === second));
    expect(requests).toEqual([
      expect.objectContaining({ reqId: first, operation: 'RoleTitle', status: 200, cache: 'miss' }),
      expect.objectContaining({ reqId: second, operation: 'RoleTitle', status: 200, cache: 'hit' }),
    ]);
  });

  it('logs the Cypher of the answered one as slow, under its request and operation, and none for the hit', () => {
    const slow = lines.filter((line) => line.msg === 'slow Cypher query');
    expect(slow.filter((line) => line.reqId === first).length).toBeGreaterThan(0);
    expect(slow.find((line) => line.reqId === first)).toMatchObject({ operation: 'RoleTitle', query: expect.stringContaining('MATCH') });
    expect(slow.filter((line) => line.reqId === second)).toEqual([]);
  });

  it('counts both by operation, the hit and the miss, and the Neo4j queries of the miss', async () => {
    expect((await metric(missSeries)) - (before[missSeries] ?? 0)).toBe(1);
    expect((await metric(hitSeries)) - (before[hitSeries] ?? 0)).toBe(1);
    expect((await metric('response_cache_lookups_total{result="hit"}')) - (before['response_cache_lookups_total{result="hit"}'] ?? 0)).toBe(1);
    expect((await metric('response_cache_lookups_total{result="miss"}')) - (before['response_cache_lookups_total{result="miss"}'] ?? 0)).toBe(1);
    expect((await metric(queriesSeries)) - (before[queriesSeries] ?? 0)).toBeGreaterThan(0);
  });
});

it('gives a request without an id one of its own', async () => {
  const response = await post('{ __typename }');
  expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

it.each([
  ['in the transaction its reads share', false],
  ['in a read sent alone, as one expected to read once', true],
])('names the operation and the request in the metadata of the transactions it runs: %s', async (_, alone) => {
  const scope = { id: 'observability-metadata', operation: 'RoleTitle', cache: null };
  const request = database.forRequest(null, scope);
  if (alone) request.expectOneRead();
  const [row] = await request.database.read<{ metaData: Record<string, string> }>(
    'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE currentQuery STARTS WITH "SHOW TRANSACTIONS" RETURN metaData',
  );
  await request.end();
  expect(row?.metaData).toEqual({ app: 'career-graph', requestId: 'observability-metadata', operation: 'RoleTitle' });
});
