import type { RequestListener } from 'node:http';
import type { GraphqlHandler } from './graphql-handler.js';
import { answerRequestError, readRequestBody, type RequestErrorLog } from './request-body.js';
import type { ResponseCache } from './response-cache.js';

/** Where the front passes on what it does not answer itself. */
export interface FrontRoutes {
  /** The Express app: every route, /graphql's GETs included. */
  app: RequestListener;
  /** Apollo, for GraphQL POSTs. */
  graphql: GraphqlHandler;
}

/**
 * The HTTP server's request listener, in front of the Express app: the one place where a request's body is
 * read (readRequestBody) and a body the API cannot use is refused, where the response cache answers, and
 * where a GraphQL POST the cache does not answer goes to Apollo. Express runs no body parser of its own: it
 * gets each request with `request.body` already set.
 *
 * What sees which requests, then:
 * - Listeners around this one (observeRequests: request ids, the request log, the metrics) see every request,
 *   cache hits included.
 * - Express middleware, app-wide or mounted on /graphql (CORS, rate limits, ...), sees every request but the
 *   POSTs to /graphql: GETs, the career map, health and metrics. Middleware that must see GraphQL POSTs
 *   belongs around this listener, as observeRequests is; one whose answer depends on the request (its
 *   headers) must be part of the cache's key.
 * - Apollo's plugins see what reaches Apollo: misses, mutations, refusals by Apollo, GETs; not hits.
 *
 * Why in front of Express rather than as its middleware: Express's routing and its per-request setup took most
 * of the server's CPU for a cached answer, 0.26 ms an answer through Express against 0.10 ms here
 * (`npm run bench -- --only Q3 --servers project`, concurrency 16; bench/README.md), and about a twentieth of
 * it for a computed one (N3, random paths, concurrency 16).
 */
export function httpFront({ app, graphql }: FrontRoutes, cache: ResponseCache | null, log: RequestErrorLog): RequestListener {
  return (request, response) => {
    const lookup = cache?.lookUp(request);
    const next =
      request.method === 'POST' && request.url === '/graphql'
        ? () => void graphql(request, response).catch((cause: unknown) => answerRequestError(response, cause, log))
        : () => app(request, response);
    readRequestBody(request, response)
      .then((body) => (lookup ? lookup(response, body, next) : next()))
      .catch((cause: unknown) => answerRequestError(response, cause, log));
  };
}
