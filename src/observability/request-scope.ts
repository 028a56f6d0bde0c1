import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import type { Logger } from './logger.js';
import { cacheLookups, graphqlRequestDuration, httpRequests, operationLabel } from './metrics.js';

/** What the layers below learn about a request, for its log line, its metrics and its Neo4j transactions. */
export interface RequestScope {
  id: string;
  /** The GraphQL operation's name, once Apollo has parsed it (or the cache has recognised its body). */
  operation: string | null;
  /** Whether the response cache answered it: null when the cache did not look it up. */
  cache: 'hit' | 'miss' | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The request being served, wherever in its handling the caller is; undefined outside a request. */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

const clientId = /^[\w.:-]{1,128}$/;

/**
 * The outermost request listener, around the HTTP front (http-front.ts) where the response cache answers, so
 * that cache hits are logged and counted like any other request. Each request gets an id (the client's
 * `X-Request-Id` when it is a sane one), sent back in `X-Request-Id`, and one log line when its answer is sent.
 */
export function observeRequests(listener: RequestListener, logger: Logger): RequestListener {
  return (request, response) => {
    const header = request.headers['x-request-id'];
    const scope: RequestScope = { id: typeof header === 'string' && clientId.test(header) ? header : randomUUID(), operation: null, cache: null };
    response.setHeader('x-request-id', scope.id);
    const started = performance.now();
    // Read now: Express rewrites request.url under a mount path (/graphql becomes /).
    const url = request.url;
    response.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = routeOf(url);
      httpRequests.inc({ route, status: response.statusCode });
      if (route === '/graphql') {
        graphqlRequestDuration.observe({ operation: operationLabel(scope.operation), cache: scope.cache ?? 'none', status: response.statusCode }, seconds);
        if (scope.cache) cacheLookups.inc({ result: scope.cache });
      }
      logger.info(
        { reqId: scope.id, method: request.method, url, status: response.statusCode, ms: Math.round(seconds * 1e4) / 10, operation: scope.operation ?? undefined, cache: scope.cache ?? undefined },
        'request',
      );
    });
    withRequestScope(scope, () => listener(request, response));
  };
}

/** Runs `work` as part of the request the scope describes. */
export function withRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** A route label of bounded values: the path without its query, or "other". */
function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return ['/graphql', '/health', '/metrics', '/'].includes(path) ? path : 'other';
}
