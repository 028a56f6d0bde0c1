import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Router } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from '../config.js';
import { writeAccess } from '../curation/write-access.js';
import { toApiError } from '../errors/neo4j-errors.js';
import type { Database } from '../neo4j/database.js';
import type { LocalNeo4jStatus } from '../neo4j/local-neo4j.js';
import { createContext, type Context } from './context.js';
import { healthRouter } from './health.router.js';
import { playgroundRouter } from './playground.js';
import { queryLimitsPlugin } from './query-limits.plugin.js';
import { requestBodyErrors, requestBodyLimit } from './request-body.js';
import { ResponseCache } from './response-cache.js';
import { createRepositories } from './repositories.js';
import { buildApiSchema } from './schema.js';
import { unavailableStatusPlugin } from './unavailable-status.plugin.js';

export interface ApiServer {
  httpServer: Server;
  /** The address it listens on, e.g. http://127.0.0.1:4000. */
  url: string;
  stop(): Promise<void>;
}

export interface ApiOptions {
  database: Database;
  /** responseCacheMb: the answers the response cache may hold, 64 MB unless given; 0 turns it off. */
  config: Pick<Config, 'apiToken' | 'maxQueryDepth' | 'maxQueryComplexity' | 'maxMatrixRoles'> & Partial<Pick<Config, 'responseCacheMb'>>;
  port: number;
  host?: string;
  /** Further routes, such as the career map page, mounted before the API. */
  routes?: Router[];
  /** The bundled Neo4j's supervision, which /health reports. */
  localNeo4j?: () => LocalNeo4jStatus | null;
  log?: (message: string, error?: unknown) => void;
}

export const defaultResponseCacheMb = 64;

/** GraphQL at /graphql (Playground for browsers), health at /health. */
export async function startApiServer(options: ApiOptions): Promise<ApiServer> {
  const { database, config, log = defaultLog } = options;
  const schema = await buildApiSchema();
  const repositories = createRepositories(database);
  const cacheMb = config.responseCacheMb ?? defaultResponseCacheMb;
  const cache = cacheMb > 0 ? new ResponseCache(database.driver, database.databaseName, cacheMb * 2 ** 20) : null;
  const app = express();
  const httpServer = createServer(cache ? cache.inFrontOf(app) : app);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // Requests in flight get 3 s to finish, not 10: `npm start` must be gone within 10 s of a SIGTERM.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // No field has a cache hint, and the cache-control plugin Apollo installs by default runs at every field of
      // every answer (a profile of Q1 showed it): the response cache keys on the whole operation instead.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(schema, { maxDepth: config.maxQueryDepth, maxComplexity: config.maxQueryComplexity }) as ApolloServerPlugin<Context>,
      ...(cache ? [cache.plugin() as ApolloServerPlugin<Context>] : []),
      unavailableStatusPlugin() as ApolloServerPlugin<Context>,
    ],
    formatError: (formatted, error) => formatApiError(formatted, error, log),
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(healthRouter(database, options.localNeo4j));
  app.use(playgroundRouter('/graphql'));
  for (const router of options.routes ?? []) app.use(router);
  app.use(
    '/graphql',
    express.json({ limit: requestBodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const context = createContext(repositories, writeAccess(config.apiToken, req.headers.authorization), config);
        cache?.track(context, req);
        return context;
      },
    }),
    requestBodyErrors(log),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    httpServer,
    url: `http://127.0.0.1:${port}`,
    stop: () => apollo.stop(),
  };
}

/**
 * API errors (ours, and GraphQL's own validation errors) pass as they are; anything else, such as a driver
 * error, is logged here and replaced by a coded error that says nothing of the server's internals.
 */
function formatApiError(formatted: GraphQLFormattedError, error: unknown, log: (message: string, error?: unknown) => void): GraphQLFormattedError {
  const cause = unwrapResolverError(error);
  if (cause instanceof GraphQLError || !(cause instanceof Error)) return formatted;
  const apiError = toApiError(cause);
  log(`${apiError.extensions.code} at ${formatted.path?.join('.') ?? 'operation'}`, cause);
  return { message: apiError.message, extensions: apiError.extensions, ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
}

function defaultLog(message: string, error?: unknown): void {
  console.error(message, error instanceof Error ? error.message : (error ?? ''));
}
