import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { OperationTypeNode } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { contextSlot } from '../common/context-slot.js';
import { withoutStackCapture } from '../neo4j/without-stack-capture.js';
import { requestScopeOf } from '../observability/request-scope.js';
import type { RequestBody } from './request-body.js';

/**
 * A cache of whole GraphQL answers, keyed by what they depend on besides the graph (the request's body and its
 * Accept header: keyOf), that never serves an answer older than the graph. It answers in front of Express
 * (http-front.ts says what middleware sees, then).
 *
 * The graph's version is the bookmark Neo4j gives for a read: the position of the last transaction the database
 * committed. Every write moves it, whoever makes it: a curator's mutation through any instance of the API,
 * `npm run import` from another process, a Cypher statement typed into Neo4j's shell. A request whose answer the
 * cache holds, or is computing, reads the version first (one round trip, shared by the requests that arrive
 * together), and an answer is served only if it was computed at that same version, so no instance ever serves
 * what an earlier graph said, and nothing on the write side has to remember to invalidate anything. A request
 * the cache has no answer for, at any version, is a miss whatever the version: it skips that round trip and is
 * computed at once, at the latest version the cache has seen (that of a transaction which had ended before its
 * reads began), so most requests whose parameters do not repeat never read the version at all.
 *
 * An answer is stored under the version it was computed at (its reads see that version or a later one, never an
 * earlier one), and only if the graph was still at that version when its reads ended: the bookmark of their
 * transaction's commit, which costs no read of its own.
 *
 * Only queries are cached, only answers without errors, only POSTs to /graphql with a JSON body (what Apollo's
 * CSRF prevention lets through anyway, and what clients send); mutations always run. The cache is bounded by
 * the bytes of the answers it holds, least recently used out first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** The latest version read to start: the next one waits for it to end. */
  private lastRead: Promise<string | null> = Promise.resolve(null);
  /** The version read that the requests which arrived since the latest one started will share. */
  private nextRead: Promise<string | null> | null = null;
  /** Answers being computed, by key, with the version each is computed at: the same request at that version waits for it. */
  private readonly inflight = new Map<string, Flight>();
  /** The version of the transaction that ended last, version read or request; null until one has, and after a request that failed or read nothing. */
  private latest: string | null = null;
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
   * under load Neo4j shares the cores with the API. BEGIN is not awaited, so COMMIT follows it at once: one
   * round trip, not two.
   */
  private async readVersion(): Promise<string | null> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      const tx = session.beginTransaction();
      await withoutStackCapture(() => tx.commit());
      return this.seen(session.lastBookmarks()[0] ?? null);
    } finally {
      await session.close();
    }
  }

  /**
   * Looks up a request once its body has been read: answers from the cache when it can and otherwise calls
   * `next`, with a note for the plugin to store the answer. Null for a request the cache leaves alone: anything
   * but a POST to /graphql.
   */
  lookUp(request: IncomingMessage): Lookup | null {
    if (request.method !== 'POST' || request.url !== '/graphql') return null;
    return async (response, { bytes, json }, next) => {
      if (bytes === null || !isCacheable(json)) return next();
      const key = keyOf(request, bytes);
      const neverHeld = !this.entries.has(key) && !this.inflight.has(key);
      // Without a version (the database is unreachable) the request goes on uncached, and fails as any other would.
      const version = (neverHeld ? this.latest : null) ?? (await this.version().catch(() => null));
      if (version === null) return next();
      this.answer(request, response, key, version, next);
    };
  }

  private answer(request: IncomingMessage, response: ServerResponse, key: string, version: string, next: () => void): void {
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      noteLookup(request, 'hit', entry.operation);
      return send(response, entry);
    }
    const running = this.inflight.get(key);
    if (running && running.version === version) {
      // The same question at the same version is being answered: its answer is ours too.
      running.answer.then((answer) => {
        if (answer === null) return next();
        noteLookup(request, 'hit', null);
        send(response, answer);
      });
      return;
    }
    let settle: (answer: Entry | null) => void = () => {};
    const flight: Flight = { version, answer: new Promise<Entry | null>((resolve) => (settle = resolve)) };
    this.inflight.set(key, flight);
    const done = (stored: Entry | null) => {
      if (this.inflight.get(key) === flight) this.inflight.delete(key);
      settle(stored);
    };
    const ticket: Ticket = { key, version, keep: false, body: null, operation: null };
    this.tickets.set(request, ticket);
    // Stored once sent, with what the response said of its bytes, if the graph is still at the version it was
    // read at: Neo4j reads at read committed, so a write that committed meanwhile may show in part of the
    // answer, which is then sent but not kept. An answer that is not stored (errors, a mutation, a failure, a
    // graph that moved) lets the waiting requests run their own.
    let sent = false;
    response.once('finish', () => {
      sent = true;
      const body = ticket.body;
      if (!body || response.statusCode !== 200) return done(null);
      // An answer that read nothing from Neo4j has no transaction to tell the version it ended at: read it.
      void (ticket.readsEnded ?? Promise.resolve(null))
        .then((ended) => ended ?? this.version())
        .catch(() => null)
        .then((now) => done(now === version ? this.store(ticket, body, response) : null));
    });
    response.once('close', () => void (sent || done(null)));
    noteLookup(request, 'miss', null);
    next();
  }

  /**
   * Hands what the front noted for a request to the plugin, through the request's GraphQL context.
   * `readsEnded` gives the graph's version when the request's reads ended (Database.forRequest), or null.
   */
  track(context: object, request: IncomingMessage, readsEnded: Promise<string | null>): void {
    const ticket = this.tickets.get(request);
    if (!ticket) return;
    ticket.readsEnded = readsEnded.then((ended) => this.seen(ended));
    ticketSlot.put(context, ticket);
  }

  /** The version a request is answered at (checked, or the latest seen), which its reads wait for (Database.forRequest); null if none. */
  versionOf(request: IncomingMessage): string | null {
    return this.tickets.get(request)?.version ?? null;
  }

  /** The version a request is answered at, from its GraphQL context (or a plugin's copy of it); null if none. */
  versionIn(context: object): string | null {
    return ticketSlot.get(context)?.version ?? null;
  }

  /** Marks each query's answer without errors as one to keep, for the lookup to store once it is sent. */
  plugin(): ApolloServerPlugin<object> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ contextValue, operation, operationName, response }) => {
          const ticket = ticketSlot.get(contextValue);
          if (!ticket || operation?.operation !== OperationTypeNode.QUERY || response.body.kind !== 'single') return;
          if (response.body.singleResult.errors || (response.http.status ?? 200) !== 200) return;
          ticket.keep = true;
          ticket.operation = operationName ?? null;
        },
      }),
    };
  }

  /**
   * The body Apollo answered a request with, as it is about to be sent: noted on its ticket if the plugin marked
   * the answer as one to keep. Copied into memory of its own: Buffer.from puts a small answer in a slice of a
   * shared 8 KB slab, which a kept answer would hold whole, so that the cache's bytes would not bound what it holds.
   */
  answered(request: IncomingMessage, body: string): void {
    const ticket = this.tickets.get(request);
    if (!ticket?.keep) return;
    ticket.body = Buffer.allocUnsafeSlow(Buffer.byteLength(body));
    ticket.body.write(body);
  }

  /**
   * Notes the version a transaction ended at, the latest seen so far; null (a request that failed, or read
   * nothing) forgets it, so that the next request reads the version afresh. A database put back to an earlier
   * state would otherwise make every request wait for a version it no longer reaches.
   */
  private seen(version: string | null): string | null {
    this.latest = version;
    return version;
  }

  /** An answer as its response sent it, kept unless it would take over a quarter of the cache. */
  private store(ticket: Ticket, body: Buffer, response: ServerResponse): Entry {
    // What describes the answer's bytes, the same for every request with its key; the other headers belong to one
    // exchange (X-Request-Id, Date).
    const headers: OutgoingHttpHeaders = { 'content-length': body.length };
    const contentType = response.getHeader('content-type');
    if (typeof contentType === 'string') headers['content-type'] = contentType;
    const entry: Entry = { version: ticket.version, body, headers, operation: ticket.operation };
    const size = body.length + ticket.key.length * 2;
    if (size > this.maxBytes / 4) return entry;
    this.delete(ticket.key);
    this.entries.set(ticket.key, entry);
    this.bytes += size;
    for (const [key] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
    return entry;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length + key.length * 2;
  }
}

const ticketSlot = contextSlot<Ticket>('responseCacheTicket');

/** Tells the request's log line and metrics whether the cache answered (a hit never reaches Apollo, which names the operation of a miss). */
function noteLookup(request: IncomingMessage, result: 'hit' | 'miss', operation: string | null): void {
  const scope = requestScopeOf(request);
  if (!scope) return;
  scope.cache = result;
  if (operation) scope.operation = operation;
}

/** Looks up a request whose body has been read: answers it from the cache, or calls `next` to compute it. */
export type Lookup = (response: ServerResponse, body: RequestBody, next: () => void) => Promise<void>;

interface Flight {
  version: string;
  /** The answer once stored; null if it was not (errors, a failure, a graph that moved). */
  answer: Promise<Entry | null>;
}

interface Ticket {
  key: string;
  version: string;
  /** Set by the plugin for a query's answer without errors. */
  keep: boolean;
  /** The answer's bytes, once Apollo gave them for an answer to keep; null until then, or for good. */
  body: Buffer | null;
  operation: string | null;
  /** The graph's version when the request's reads ended, once they have; null where it read nothing. */
  readsEnded?: Promise<string | null>;
}

interface Entry {
  version: string;
  /** Kept as bytes, so that a hit does not encode it again. */
  body: Buffer;
  /** What the response that computed it said of its bytes, sent again as they are. */
  headers: OutgoingHttpHeaders;
  operation: string | null;
}

/**
 * What an answer depends on besides the graph. The body: the operation and its variables as the client wrote
 * them (a hit needs no more than its bytes). Accept: it chooses the media type Apollo answers in,
 * application/json or application/graphql-response+json. Not Authorization: only mutations look at the token
 * (`@Authorized` marks them alone), and they are never cached. Not Content-Type: every body that gets here is
 * JSON in UTF-8, whichever way the header said so.
 */
function keyOf(request: IncomingMessage, bytes: Buffer): string {
  return `${request.headers.accept ?? ''}\u0000${bytes.toString('latin1')}`;
}

function send(response: ServerResponse, entry: Entry): void {
  response.writeHead(200, entry.headers).end(entry.body);
}

/** A single operation given as text: not a batch, nor a persisted query's hash (extensions), which the cache leaves to Apollo. */
function isCacheable(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, extensions } = body as { query?: unknown; extensions?: unknown };
  return typeof query === 'string' && extensions === undefined;
}
