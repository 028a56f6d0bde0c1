import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { defaultMaxConcurrentOperations, defaultQueryTimeoutMs, type Config } from '../config.js';
import { writeAccess } from '../curation/write-access.js';
import type { Database } from '../neo4j/database.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { metricsRegistry } from '../observability/metrics.js';
import { operationNamePlugin } from '../observability/operation.plugin.js';
import { observeRequests, putScopeIn, requestScopeOf } from '../observability/request-scope.js';
import type { LocalNeo4jStatus } from '../neo4j/local-neo4j.js';
import { createContext, type Context } from '../app/context.js';
import { formatApiError, resolverErrorLog } from './api-errors.js';
import { healthRouter } from './health.router.js';
import { graphqlHandler } from './graphql-handler.js';
import { httpFront } from './http-front.js';
import { playgroundRouter } from './playground.js';
import { supportedOperationTypeRule } from './operation-type.rule.js';
import { queryLimitsPlugin } from './query-limits.plugin.js';
import { oneReadPlugin, putReadsIn } from './one-read.plugin.js';
import { requestErrors } from './request-body.js';
import { ResponseCache } from './response-cache.js';
import { createRepositories } from '../app/repositories.js';
import { ReadByVersion } from './read-by-version.js';
import { buildApiSchema } from './schema.js';
import { unavailableStatusPlugin } from './unavailable-status.plugin.js';
import { ExecutionSlots } from './execution-slots.js';
import { executionSlotsPlugin } from './execution-slots.plugin.js';

export interface ApiServer {
  httpServer: Server;
  /** The address it listens on, e.g. http://127.0.0.1:4000. */
  url: string;
  stop(): Promise<void>;
}

export interface ApiOptions {
  database: Database;
  /**
   * responseCacheMb: the answers the response cache may hold, 64 MB unless given; 0 turns it off.
   * maxConcurrentOperations: the operations executing at once, defaultMaxConcurrentOperations unless given.
   * queryTimeoutMs: how long a request's reads (one transaction) may run, defaultQueryTimeoutMs unless given.
   */
  config: Pick<Config, 'apiToken' | 'maxQueryDepth' | 'maxQueryComplexity' | 'maxMatrixRoles'> & Partial<Pick<Config, 'responseCacheMb' | 'queryTimeoutMs' | 'maxConcurrentOperations'>>;
  port: number;
  host?: string;
  /** Further routes, such as the career map page, mounted before the API. */
  routes?: Router[];
  /** Where requests, errors and slow queries are logged: JSON lines on stdout unless given. */
  logger?: Logger;
  /** How long stop() lets requests in flight finish before it closes their connections: 10 s unless given. */
  drainGraceMs?: number;
  /** The bundled Neo4j's supervision, which /health reports. */
  localNeo4j?: () => LocalNeo4jStatus | null;
}

export const defaultResponseCacheMb = 64;

/** GraphQL at /graphql (Playground for browsers), health at /health, Prometheus metrics at /metrics. */
export async function startApiServer(options: ApiOptions): Promise<ApiServer> {
  const { database, config, logger = createLogger() } = options;
  const schema = await buildApiSchema();
  const reads = database.withReadTimeout(config.queryTimeoutMs ?? defaultQueryTimeoutMs);
  // Read outside any request's transaction, once per version of the graph: what no kept answer holds.
  const shared = createRepositories(reads);
  const graphSize = new ReadByVersion(() => shared.graphSize.read());
  const knownIds = { roles: new ReadByVersion(() => shared.roles.allNames()), skills: new ReadByVersion(() => shared.skills.allNames()) };
  const cacheMb = config.responseCacheMb ?? defaultResponseCacheMb;
  const cache = cacheMb > 0 ? new ResponseCache(database.driver, database.databaseName, cacheMb * 2 ** 20) : null;
  const app = express();
  const logRequestError = (request: IncomingMessage, message: string, error?: unknown) => logger.error({ reqId: requestScopeOf(request)?.id, err: error }, message);
  // Its listener, once Apollo (which drains it on stop) has started: the HTTP front.
  const httpServer = createServer();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [supportedOperationTypeRule],
    plugins: [
      // Requests in flight get 3 s to finish unless told otherwise: `npm start` must be gone within 10 s of a SIGTERM.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.drainGraceMs ?? 3_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // No field has a cache hint, and the cache-control plugin Apollo installs by default runs at every field of
      // every answer (a profile of Q1 showed it): the response cache keys on the whole operation instead.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(schema, { maxDepth: config.maxQueryDepth, maxComplexity: config.maxQueryComplexity, maxMatrixRoles: config.maxMatrixRoles }, (context) =>
        graphSize.at(cache?.versionIn(context) ?? null),
      ) as ApolloServerPlugin<Context>,
      ...(cache ? [cache.plugin() as ApolloServerPlugin<Context>] : []),
      executionSlotsPlugin(new ExecutionSlots(config.maxConcurrentOperations ?? defaultMaxConcurrentOperations)) as ApolloServerPlugin<Context>,
      operationNamePlugin() as ApolloServerPlugin<Context>,
      oneReadPlugin() as ApolloServerPlugin<Context>,
      resolverErrorLog(logger) as ApolloServerPlugin<Context>,
      unavailableStatusPlugin() as ApolloServerPlugin<Context>,
    ],
    formatError: formatApiError,
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(healthRouter(database, options.localNeo4j));
  app.get('/metrics', async (_request, response) => {
    response.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  app.use(playgroundRouter('/graphql'));
  for (const router of options.routes ?? []) app.use(router);
  const graphql = graphqlHandler(apollo, async (req, res) => {
    // One read transaction for the request's reads, at the version the cache answers it at, if it does.
    const scope = requestScopeOf(req);
    const version = cache?.versionOf(req) ?? null;
    const request = reads.forRequest(version, scope);
    const readsEnded = new Promise<string | null>((resolve) => res.once('close', () => resolve(request.end().catch(() => null))));
    const context = createContext(createRepositories(request.database), writeAccess(config.apiToken, req.headers.authorization), config, {
      roles: () => knownIds.roles.at(version),
      skills: () => knownIds.skills.at(version),
    });
    putScopeIn(context, scope);
    putReadsIn(context, request);
    cache?.track(context, req, readsEnded);
    return context;
  }, cache ? (req, body) => cache.answered(req, body) : undefined);
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => void graphql(req, res).catch(next), requestErrors(logRequestError));
  // Bodies are read, cached answers sent and GraphQL POSTs answered in front of Express: http-front.ts says what its middleware sees.
  httpServer.on('request', observeRequests(httpFront({ app, graphql }, cache, logRequestError), logger));

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
