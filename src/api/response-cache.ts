import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { OperationTypeNode } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { currentRequest } from '../observability/request-scope.js';
import { readRequestBody, requestBodyLimit, requestErrorFrom, requireUtf8, sendRequestError } from './request-body.js';

/**
 * A cache of whole GraphQL answers, keyed by the request's body (the operation and its variables, as the
 * client wrote them), that never serves an answer older than the graph.
 *
 * The graph's version is the bookmark Neo4j gives for a read: the position of the last transaction the database
 * committed. Every write moves it, whoever makes it: a curator's mutation through any instance of the API,
 * `npm run import` from another process, a Cypher statement typed into Neo4j's shell. Each request reads the
 * version first (one round trip, shared by the requests that arrive together), and an answer is served only
 * if it was computed at that same version, so no instance ever serves what an earlier graph said, and nothing
 * on the write side has to remember to invalidate anything. An answer is stored under the version read before
 * it was computed: its reads see that version or a later one, never an earlier one.
 *
 * Only queries are cached, only answers without errors, only POSTs to /graphql with a JSON body (what Apollo's
 * CSRF prevention lets through anyway, and what clients send); mutations always run. The cache is bounded by the bytes of the
 * answers it holds, least recently used out first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { version: string; body: Buffer; operation: string | null }>();
  private bytes = 0;
  /** The latest version read to start: the next one waits for it to end. */
  private lastRead: Promise<string | null> = Promise.resolve(null);
  /** The version read that the requests which arrived since the latest one started will share. */
  private nextRead: Promise<string | null> | null = null;
  /** Answers being computed, by version and key: the same request arriving meanwhile waits for it. */
  private readonly inflight = new Map<string, Promise<Buffer | null>>();
  /** What the front noted for each request it passed on to be answered and stored. */
  private readonly tickets = new WeakMap<IncomingMessage, Ticket>();

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

  /**
   * A request listener in front of the Express app. It reads a POST to /graphql with a JSON body itself and
   * answers from the cache when it can; anything else, and every miss, goes on to the app, a miss with its
   * body parsed and a note for the plugin to store the answer. A cached answer thus costs no Express routing
   * and no body-parser, which took most of the server's CPU for one: 0.26 ms an answer through Express against
   * 0.10 ms here (`npm run bench -- --only Q3 --servers project`, concurrency 16). The price: Express
   * middleware mounted for /graphql (CORS, rate limits) does not see cache hits, and would have to run here
   * too; the request log and metrics run in front of this listener (observeRequests), and see them.
   */
  inFrontOf(app: RequestListener): RequestListener {
    return (request, response) => {
      if (!readsItself(request)) return app(request, response);
      // The version is read from when the request arrived, while its body comes in. Without one (the database
      // is unreachable) the request goes on uncached, and fails as any other would.
      const version = this.version().catch(() => null);
      readRequestBody(request)
        .then(async (body) => this.answer(request, response, body, await version, app))
        .catch((cause: unknown) => sendRequestError(response, requestErrorFrom(cause)));
    };
  }

  private answer(request: IncomingMessage, response: ServerResponse, body: Buffer, version: string | null, app: RequestListener): void {
    // The body's bytes are the key: a hit needs no parsing, and only a body that parsed is ever stored.
    const key = body.toString('latin1');
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      noteLookup('hit', entry.operation);
      return send(response, entry.body);
    }
    let parsed: unknown;
    try {
      requireUtf8(body);
      parsed = JSON.parse(body.toString('utf8'));
    } catch (cause) {
      return sendRequestError(response, requestErrorFrom(cause));
    }
    // Express's JSON parser leaves a request whose body has been read as it is.
    Object.assign(request, { body: parsed });
    // No version (the database is unreachable) or an operation the cache leaves alone: it runs uncached.
    if (version === null || !isCacheable(parsed)) return app(request, response);
    const flight = `${version}\u0000${key}`;
    const running = this.inflight.get(flight);
    if (running) {
      // The same question at the same version is being answered: its answer is ours too.
      running.then((answer) => {
        if (answer === null) return app(request, response);
        noteLookup('hit', null);
        send(response, answer);
      });
      return;
    }
    let settle: (answer: Buffer | null) => void = () => {};
    const answer = new Promise<Buffer | null>((resolve) => (settle = resolve));
    this.inflight.set(flight, answer);
    const done = (stored: Buffer | null) => {
      if (this.inflight.get(flight) === answer) this.inflight.delete(flight);
      settle(stored);
    };
    // An answer that is not stored (errors, a mutation, a failure) lets the waiting requests run their own.
    response.once('close', () => done(null));
    this.tickets.set(request, { key, version, done });
    noteLookup('miss', null);
    app(request, response);
  }

  /**
   * Hands what the front noted for a request to the plugin, through the request's GraphQL context: Apollo
   * gives the plugin a shallow copy of the context, which keeps its own properties, a symbol's included.
   */
  track(context: object, request: IncomingMessage): void {
    const ticket = this.tickets.get(request);
    if (ticket) Object.defineProperty(context, ticketKey, { value: ticket, enumerable: true });
  }

  /** The version a request was checked against, which its reads wait for (Database.forRequest); null if none was. */
  versionOf(request: IncomingMessage): string | null {
    return this.tickets.get(request)?.version ?? null;
  }

  /**
   * Stores each query's answer without errors under the version read before it was computed, if the graph is
   * still at that version once it has been: Neo4j reads at read committed, so a write that committed meanwhile
   * may show in part of the answer, which is then sent but not kept. The check runs after the answer has been
   * handed over, and costs the client nothing.
   */
  plugin(): ApolloServerPlugin<object> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ contextValue, operation, operationName, response }) => {
          const ticket = (contextValue as { [ticketKey]?: Ticket })[ticketKey];
          if (!ticket) return;
          if (operation?.operation !== OperationTypeNode.QUERY || response.body.kind !== 'single') return ticket.done(null);
          const result = response.body.singleResult;
          if (result.errors || (response.http.status ?? 200) !== 200) return ticket.done(null);
          // What Apollo sends for an answer without errors (runHttpQuery's prettyJSONStringify).
          const body = Buffer.from(`${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`);
          void this.version()
            .catch(() => null)
            .then((version) => {
              if (version !== ticket.version) return ticket.done(null);
              this.store(ticket, body, operationName ?? null);
              ticket.done(body);
            });
        },
      }),
    };
  }

  private store(ticket: Ticket, body: Buffer, operation: string | null): void {
    const size = body.length + ticket.key.length * 2;
    if (size > this.maxBytes / 4) return;
    this.delete(ticket.key);
    this.entries.set(ticket.key, { version: ticket.version, body, operation });
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

/** Tells the request's log line and metrics whether the cache answered (a hit never reaches Apollo, which names the operation of a miss). */
function noteLookup(result: 'hit' | 'miss', operation: string | null): void {
  const scope = currentRequest();
  if (!scope) return;
  scope.cache = result;
  if (operation) scope.operation = operation;
}

interface Ticket {
  key: string;
  version: string;
  /** Hands the answer (or null, when it is not to be shared) to the requests waiting for it. */
  done(body: Buffer | null): void;
}

/** A cached answer (kept as bytes, so a hit does not encode it again) as Apollo sends it, less the ETag Express would hash the body for: no client sends POSTs conditionally. */
function send(response: ServerResponse, body: Buffer): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
}

/**
 * A POST to /graphql whose body the front reads itself: JSON in UTF-8, not compressed, with a length within
 * the limit. What Playground, the career map and other clients send; anything rarer goes to Express's parser.
 */
function readsItself(request: IncomingMessage): boolean {
  if (request.method !== 'POST' || request.url !== '/graphql') return false;
  const type = request.headers['content-type']?.replace(/\s+/g, '').toLowerCase();
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return false;
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const length = Number(request.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= requestBodyLimit;
}

/** A single operation given as text: not a batch, nor a persisted query's hash (extensions), which the cache leaves to Apollo. */
function isCacheable(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, extensions } = body as { query?: unknown; extensions?: unknown };
  return typeof query === 'string' && extensions === undefined;
}
