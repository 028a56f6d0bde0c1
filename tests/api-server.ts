import { afterAll, beforeAll, expect } from 'vitest';
import type { Router } from 'express';
import { startApiServer, type ApiOptions, type ApiServer } from '../src/api/server.js';
import { defaultMaxQueryComplexity } from '../src/config.js';
import { loadPages } from '../src/importer/load/graph.loader.js';
import { createLogger, type Logger } from '../src/observability/logger.js';
import { collectPageFiles, readPages } from '../src/importer/read/pages.reader.js';
import type { Database } from '../src/neo4j/database.js';
import { clearGraph, openTestDatabase } from './neo4j.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  server: ApiServer;
  /** Posts a GraphQL operation and returns the parsed response with its HTTP status. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The operation's data, after asserting that it answered without errors. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export const testApiToken = 'test-token-for-curators';

/** Empties the graph and loads seed/, as `npm start` does. */
export async function seedGraph(database: Database): Promise<void> {
  await clearGraph(database);
  await loadPages(database, await readPages(await collectPageFiles(['seed'])));
}

export interface TestApiOptions {
  apiToken?: string;
  maxQueryDepth?: number;
  maxQueryComplexity?: number;
  maxMatrixRoles?: number;
  responseCacheMb?: number;
  queryTimeoutMs?: number;
  maxConcurrentOperations?: number;
  routes?: Router[];
  logger?: Logger;
  localNeo4j?: ApiOptions['localNeo4j'];
}

/** The API on a free loopback port, writable with testApiToken. */
export async function startTestApi(database: Database, options: TestApiOptions = {}): Promise<TestApi> {
  const server = await startApiServer({
    database,
    port: 0,
    host: '127.0.0.1',
    routes: options.routes ?? [],
    localNeo4j: options.localNeo4j,
    config: {
      apiToken: 'apiToken' in options ? options.apiToken : testApiToken,
      maxQueryDepth: options.maxQueryDepth ?? 12,
      maxQueryComplexity: options.maxQueryComplexity ?? defaultMaxQueryComplexity,
      maxMatrixRoles: options.maxMatrixRoles ?? 500,
      ...(options.responseCacheMb === undefined ? {} : { responseCacheMb: options.responseCacheMb }),
      ...(options.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: options.queryTimeoutMs }),
      ...(options.maxConcurrentOperations === undefined ? {} : { maxConcurrentOperations: options.maxConcurrentOperations }),
    },
    // Errors and slow queries only: a line for every request would bury the test output.
    logger: options.logger ?? createLogger('warn'),
    // A test's requests have all been answered when it stops the server: no need to wait for stragglers.
    drainGraceMs: 250,
  });
  const api: TestApi = {
    server,
    async data(query, variables) {
      const response = await api.query(query, variables);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data as never;
    },
    async query(query, variables, headers) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    stop: () => server.stop(),
  };
  return api;
}

/**
 * The test file's fixture: the seed loaded and the API started before its tests, both closed after them. The
 * returned API forwards to the one started in beforeAll, so a file declares it once, at the top.
 */
export function useSeededApi(options: TestApiOptions & { database?: Database } = {}): TestApi & { database: Database } {
  const database = options.database ?? openTestDatabase();
  let started: TestApi | undefined;
  const running = (): TestApi => {
    if (!started) throw new Error('useSeededApi: the API starts in beforeAll; call it from a test or a later hook');
    return started;
  };
  beforeAll(async () => {
    await seedGraph(database);
    started = await startTestApi(database, options);
  });
  afterAll(async () => {
    await started?.stop();
    await database.close();
  });
  return {
    database,
    get server() {
      return running().server;
    },
    query: (query, variables, headers) => running().query(query, variables, headers),
    data: (query, variables) => running().data(query, variables),
    stop: () => running().stop(),
  };
}
