import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import { contextSlot } from '../common/context-slot.js';
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

/**
 * Each request's scope, handed down explicitly (to the GraphQL context, the request's view of the database,
 * the response cache's lookup) rather than through AsyncLocalStorage: its hooks ran at every promise the
 * server made, about 3 % of its CPU under load (bench/README.md).
 */
const scopes = new WeakMap<IncomingMessage, RequestScope>();

/** The scope observeRequests gave the request; undefined for one that did not pass through it (tests). */
export function requestScopeOf(request: IncomingMessage): RequestScope | undefined {
  return scopes.get(request);
}

const scopeSlot = contextSlot<RequestScope>('requestScope');

/** Hands the request's scope to Apollo's plugins through the request's GraphQL context. */
export function putScopeIn(context: object, scope: RequestScope | undefined): void {
  if (scope) scopeSlot.put(context, scope);
}

/** The scope of the request whose GraphQL context (or a plugin's copy of it) this is. */
export const scopeIn = scopeSlot.get;

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
    scopes.set(request, scope);
    listener(request, response);
  };
}

/** A route label of bounded values: the path without its query, or "other". */
function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return ['/graphql', '/health', '/metrics', '/'].includes(path) ? path : 'other';
}
