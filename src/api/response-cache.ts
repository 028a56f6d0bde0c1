import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { OperationTypeNode } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';

/**
 * A cache of whole GraphQL answers, keyed by operation and variables, that never serves an answer older than
 * the graph.
 *
 * The graph's version is the bookmark Neo4j gives for a read: the position of the last transaction the database
 * committed. Every write moves it, whoever makes it: a curator's mutation through any instance of the API,
 * `npm run import` from another process, a Cypher statement typed into Neo4j's shell. Each request reads the
 * version first (one round trip, shared by the requests that arrive together), and an answer is served only
 * if it was computed at that same version, so no instance ever serves what an earlier graph said, and nothing
 * on the write side has to remember to invalidate anything. An answer is stored under the version read before
 * it was computed: its reads see that version or a later one, never an earlier one.
 *
 * Only queries are cached, only answers without errors, only POST requests with a JSON body (what Apollo's
 * CSRF prevention lets through anyway); mutations always run. The cache is bounded by the bytes of the
 * answers it holds, least recently used out first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { version: string; body: Buffer }>();
  private bytes = 0;
  /** The latest version read to start: the next one waits for it to end. */
  private lastRead: Promise<string | null> = Promise.resolve(null);
  /** The version read that the requests which arrived since the latest one started will share. */
  private nextRead: Promise<string | null> | null = null;
  /** Answers being computed, by version and key: the same request arriving meanwhile waits for it. */
  private readonly inflight = new Map<string, Promise<Buffer | null>>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly driver: Driver,
    private readonly databaseName: string | undefined,
    private readonly maxBytes: number,
  ) {}

  /**
   * The graph's version, read after the request arrived, so that it sees every write committed before. One read
   * runs at a time: the requests that arrive while it runs share the next one, which starts when it ends (and
   * after the current turn of the event loop, to gather the requests of that turn). Under load that is one
   * round trip to Neo4j for every batch of requests rather than one for each.
   */
  version(): Promise<string | null> {
    this.nextRead ??= this.lastRead
      .catch(() => null)
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.nextRead = null;
        this.lastRead = this.readVersion();
        return this.lastRead;
      });
    return this.nextRead;
  }

  /**
   * An empty read transaction, BEGIN then COMMIT, whose bookmark is the version. Running no Cypher costs Neo4j
   * half the CPU of an auto-commit `RETURN 1` (about 0.4 ms a read against 0.9 ms on the 2-core machine), and
   * under load Neo4j shares the cores with the API.
   */
  private async readVersion(): Promise<string | null> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      const tx = await session.beginTransaction();
      await tx.commit();
      return session.lastBookmarks()[0] ?? null;
    } finally {
      await session.close();
    }
  }

  /** Express middleware, before Apollo's: answers from the cache, or notes the request for the plugin. */
  middleware() {
    return (request: Request, response: Response, next: NextFunction): void => {
      const key = cacheKey(request);
      if (key === null) return next();
      this.version().then(
        (version) => {
          if (version === null) return next();
          const entry = this.entries.get(key);
          if (entry && entry.version === version) {
            this.hits += 1;
            // Most recently used last: Map keeps insertion order.
            this.entries.delete(key);
            this.entries.set(key, entry);
            send(response, entry.body);
            return;
          }
          const flight = `${version}\u0000${key}`;
          const running = this.inflight.get(flight);
          if (running) {
            // The same question at the same version is being answered: its answer is ours too.
            running.then((body) => (body === null ? next() : send(response, body)));
            return;
          }
          this.misses += 1;
          let settle: (body: Buffer | null) => void = () => {};
          const answer = new Promise<Buffer | null>((resolve) => (settle = resolve));
          this.inflight.set(flight, answer);
          const done = (body: Buffer | null) => {
            if (this.inflight.get(flight) === answer) this.inflight.delete(flight);
            settle(body);
          };
          // An answer that is not stored (errors, a mutation, a failure) lets the waiting requests run their own.
          response.once('close', () => done(null));
          response.locals.responseCacheTicket = { key, version, done } satisfies Ticket;
          next();
        },
        // The database is unreachable: the request goes on uncached, and fails as any other would.
        () => next(),
      );
    };
  }

  /**
   * Hands what the middleware noted for a request to the plugin, through the request's GraphQL context: Apollo
   * gives the plugin a shallow copy of the context, which keeps its own properties, a symbol's included.
   */
  track(context: object, response: Response): void {
    const ticket = response.locals.responseCacheTicket as Ticket | undefined;
    if (ticket) Object.defineProperty(context, ticketKey, { value: ticket, enumerable: true });
  }

  /** Stores each query's answer without errors under the version read before it was computed. */
  plugin(): ApolloServerPlugin<object> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ contextValue, operation, response }) => {
          const ticket = (contextValue as { [ticketKey]?: Ticket })[ticketKey];
          if (!ticket) return;
          if (operation?.operation !== OperationTypeNode.QUERY || response.body.kind !== 'single') return ticket.done(null);
          const result = response.body.singleResult;
          if (result.errors || (response.http.status ?? 200) !== 200) return ticket.done(null);
          // What Apollo sends for an answer without errors (runHttpQuery's prettyJSONStringify).
          const body = Buffer.from(`${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`);
          this.store(ticket, body);
          ticket.done(body);
        },
      }),
    };
  }

  private store(ticket: Ticket, body: Buffer): void {
    const size = body.length + ticket.key.length * 2;
    if (size > this.maxBytes / 4) return;
    this.delete(ticket.key);
    this.entries.set(ticket.key, { version: ticket.version, body });
    this.bytes += size;
    for (const [key] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length + key.length * 2;
  }
}

const ticketKey = Symbol('responseCacheTicket');

interface Ticket {
  key: string;
  version: string;
  /** Hands the answer (or null, when it is not to be shared) to the requests waiting for it. */
  done(body: Buffer | null): void;
}

/** A cached answer (kept as bytes, so a hit does not encode it again) as Apollo sends it, less the ETag Express would hash the body for: no client sends POSTs conditionally. */
function send(response: Response, body: Buffer): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
}

/** The operation and its variables, or null for a request the cache leaves alone. */
function cacheKey(request: Request): string | null {
  if (request.method !== 'POST') return null;
  const body = request.body as { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown } | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string' || body.extensions !== undefined) return null;
  return JSON.stringify([body.operationName ?? null, body.variables ?? null, body.query]);
}
