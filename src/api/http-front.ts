import type { RequestListener } from 'node:http';
import { answerRequestError, readRequestBody } from './request-body.js';
import type { ResponseCache } from './response-cache.js';

/**
 * The HTTP server's request listener, in front of the Express app: the one place where a request's body is
 * read (readRequestBody) and a body the API cannot use is refused, and where the response cache answers.
 * Express runs no body parser of its own: it gets each request with `request.body` already set.
 *
 * What sees which requests, then:
 * - Listeners around this one (observeRequests: request ids, the request log, the metrics) see every request,
 *   cache hits included.
 * - Express middleware, app-wide or mounted on /graphql (CORS, rate limits, ...), sees every request except the
 *   queries the cache answers: it sees misses, mutations, refusals by Apollo, and GETs, but never a hit, nor a
 *   body that could not be read. Middleware that must see every GraphQL request belongs around this listener,
 *   as observeRequests is; one whose answer depends on the request (its headers) must be part of the cache's key.
 * - Apollo's plugins see what reaches Apollo: misses, not hits.
 *
 * Why in front of Express rather than as its middleware: Express's routing and its per-request setup took most
 * of the server's CPU for a cached answer, 0.26 ms an answer through Express against 0.10 ms here
 * (`npm run bench -- --only Q3 --servers project`, concurrency 16; bench/README.md).
 */
export function httpFront(app: RequestListener, cache: ResponseCache | null, log: (message: string, error?: unknown) => void): RequestListener {
  return (request, response) => {
    const lookup = cache?.lookUp(request);
    const next = () => app(request, response);
    readRequestBody(request, response)
      .then((body) => (lookup ? lookup(response, body, next) : next()))
      .catch((cause: unknown) => answerRequestError(response, cause, log));
  };
}
