import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, served at /metrics. One registry per process, as Prometheus scrapes a
 * process: API servers started side by side in one process (the tests) add to the same series.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by route and status.',
  labelNames: ['route', 'status'] as const,
  registers: [metricsRegistry],
});

export const graphqlRequestDuration = new Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'Time from a GraphQL request arriving to its answer sent, by operation name and whether the response cache answered it (hit, miss, or none when the cache did not look).',
  labelNames: ['operation', 'cache', 'status'] as const,
  buckets: latencyBuckets,
  registers: [metricsRegistry],
});

export const cacheLookups = new Counter({
  name: 'response_cache_lookups_total',
  help: 'Queries the response cache looked up, by result: the hit rate is hit / (hit + miss).',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

export const neo4jQueryDuration = new Histogram({
  name: 'neo4j_query_duration_seconds',
  help: 'Cypher queries sent to Neo4j (the _count is the number of queries), by access mode and GraphQL operation.',
  labelNames: ['access', 'operation'] as const,
  buckets: latencyBuckets,
  registers: [metricsRegistry],
});

export const importDuration = new Histogram({
  name: 'import_duration_seconds',
  help: 'Imports of pages into the graph (the seed at start-up), from reading the files to the commit.',
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
  registers: [metricsRegistry],
});

export const operationsWaiting = new Gauge({
  name: 'graphql_operations_waiting',
  help: 'GraphQL operations waiting for an execution slot (MAX_CONCURRENT_OPERATIONS): above 0 for long, the API is saturated.',
  registers: [metricsRegistry],
});

const maxOperationNames = 200;
const seenOperations = new Set<string>();

/**
 * The operation label: a client names its operations, so the label's values are bounded, or a client sending
 * random names would grow the series without end. Past the first 200 names, and for names that are not
 * GraphQL names, "other"; an operation without a name is "anonymous".
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= maxOperationNames || !/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  seenOperations.add(name);
  return name;
}
