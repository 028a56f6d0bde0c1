import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Logger } from '../observability/logger.js';
import { neo4jQueryDuration, operationLabel } from '../observability/metrics.js';
import type { RequestScope } from '../observability/request-scope.js';
import { Availability } from './availability.js';
import { tuneClientSockets } from './client-socket.tuning.js';
import { withoutStackCapture } from './without-stack-capture.js';
import { RequestTransaction } from './request-transaction.js';

export interface Neo4jConnection {
  uri: string;
  user?: string;
  password?: string;
  database?: string | undefined;
}

export type QueryParameters = Record<string, unknown>;

/** One request's view of the database (Database.forRequest), and what the API does with its reads. */
export interface RequestReads {
  database: Database;
  /** Before the first read: the request will most likely read once, so its read needs no BEGIN and COMMIT. */
  expectOneRead(): void;
  /** The queries the request has sent. */
  queriesRun(): number;
  /** Once the response is sent: the graph's version when the reads ended, or null. */
  end(): Promise<string | null>;
}

/** Where a query slower than slowQueryMs is logged, with the request and operation that ran it. */
export interface SlowQueryLog {
  logger: Logger;
  slowQueryMs: number;
}

/** What each transaction's queries are counted and logged under: set when the transaction starts. */
interface TransactionTag {
  access: 'read' | 'write';
  requestId: string | undefined;
  operation: string | null;
  slowQueries: SlowQueryLog | undefined;
}

const tags = new WeakMap<ManagedTransaction, TransactionTag>();

/**
 * The one door to Neo4j: every query of the application goes through here.
 *
 * Integers come back as JavaScript numbers (the graph holds counts and years, far below 2^53), so no
 * Neo4j type leaks above the repositories. Reads and writes run in managed transactions, which the
 * driver retries on transient errors and cluster leader changes.
 */
export class Database {
  private constructor(
    readonly driver: Driver,
    readonly databaseName: string | undefined,
    private readonly slowQueries: SlowQueryLog | undefined,
    /** When set, Neo4j ends a read transaction that runs longer. */
    private readonly readTimeoutMs: number | undefined = undefined,
    private readonly counter = { queries: 0 },
    /** While Neo4j is known to be down, transactions fail at once with ServiceUnavailable; shared by every view of the driver. */
    readonly availability: Availability = new Availability(() => driver.verifyConnectivity({ database: databaseName }).then(() => undefined)),
    /** Set on a request's view: its reads share one transaction. */
    private readonly request: RequestTransaction | undefined = undefined,
    /** Set on a request's view: the request its transactions' metadata and slow-query lines name. */
    private readonly scope: RequestScope | undefined = undefined,
  ) {}

  /** Queries sent through read() and write(): a diagnostic, and how tests count round trips. */
  get queriesRun(): number {
    return this.counter.queries;
  }

  /** The same database and driver, whose read transactions Neo4j ends after that many milliseconds. */
  withReadTimeout(ms: number): Database {
    return new Database(this.driver, this.databaseName, this.slowQueries, ms, this.counter, this.availability);
  }

  /**
   * The view one GraphQL request reads through: all its reads run in one read transaction, begun at the first
   * of them on a session that waits for `bookmark`, or sent as an auto-commit transaction when the request is
   * expected to read once (see RequestTransaction). Call end() once the response is sent: it gives the graph's
   * version when the reads ended, or null. Its transactions are tagged with `scope`.
   */
  forRequest(bookmark: string | null, scope?: RequestScope): RequestReads {
    const request = new RequestTransaction(
      (after) => this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ, bookmarks: after ? [after] : [] }),
      () => readConfigOf(scope, this.readTimeoutMs),
      bookmark,
    );
    const database = new Database(this.driver, this.databaseName, this.slowQueries, this.readTimeoutMs, this.counter, this.availability, request, scope);
    return {
      database,
      expectOneRead: () => request.expectOneRead(),
      queriesRun: () => request.queriesRun,
      end: () => request.end(),
    };
  }

  static open(connection: Neo4jConnection, slowQueries?: SlowQueryLog): Database {
    tuneClientSockets();
    const auth = connection.user ? neo4j.auth.basic(connection.user, connection.password ?? '') : undefined;
    const driver = neo4j.driver(connection.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
      // Nothing reads Neo4j's notifications (warnings such as a property key the graph does not hold yet), and
      // each answer carried them: several long strings to send, receive and unpack with every query.
      notificationFilter: { minimumSeverityLevel: 'OFF' },
    });
    return new Database(driver, connection.database, slowQueries);
  }

  async read<T extends RecordShape>(query: string, parameters: QueryParameters = {}): Promise<T[]> {
    this.counter.queries += 1;
    return this.readTransaction((tx) => run<T>(tx, query, parameters));
  }

  async write<T extends RecordShape>(query: string, parameters: QueryParameters = {}): Promise<T[]> {
    this.counter.queries += 1;
    return this.writeTransaction((tx) => run<T>(tx, query, parameters));
  }

  /**
   * Reads one list per id in one round trip. The query takes `$ids` and returns rows of `id` and `items`;
   * the lists come back in the order of the ids, empty for an id the query did not return.
   */
  async readListsById<T>(query: string, ids: readonly string[]): Promise<T[][]> {
    const rows = await this.read<{ id: string; items: T[] }>(query, { ids });
    const byId = new Map(rows.map((row) => [row.id, row.items]));
    return ids.map((id) => byId.get(id) ?? []);
  }

  async readTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.availability.check();
    if (this.request) return this.request.run(this.tagged('read', work)).catch((error: unknown) => this.availability.observe(error));
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(this.tagged('read', work), readConfigOf(this.scope, this.readTimeoutMs)).catch((error: unknown) => this.availability.observe(error));
    } finally {
      await session.close();
    }
  }

  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.availability.check();
    const session = this.driver.session({ database: this.databaseName });
    try {
      const result = await session.executeWrite(this.tagged('write', work), { metadata: metadataOf(this.scope) }).catch((error: unknown) => this.availability.observe(error));
      await this.request?.afterWrite(session.lastBookmarks()[0] ?? null);
      return result;
    } finally {
      await session.close();
    }
  }

  private tagged<T>(access: TransactionTag['access'], work: (tx: ManagedTransaction) => Promise<T>): (tx: ManagedTransaction) => Promise<T> {
    const request = this.scope;
    return (tx) => {
      tags.set(tx, { access, requestId: request?.id, operation: request?.operation ?? null, slowQueries: this.slowQueries });
      return work(tx);
    };
  }

  async verifyConnectivity(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.databaseName });
  }

  async close(): Promise<void> {
    this.availability.close();
    await this.driver.close();
  }
}

/**
 * Neo4j shows a transaction's metadata in its query log and in SHOW TRANSACTIONS: the GraphQL operation and
 * request id tell which request ran a slow query.
 */
function metadataOf(request: RequestScope | undefined): Record<string, string> {
  if (!request) return { app: 'career-graph' };
  return { app: 'career-graph', requestId: request.id, ...(request.operation ? { operation: request.operation } : {}) };
}

/** A read transaction's metadata and, when one is set, the timeout after which Neo4j ends it. */
function readConfigOf(request: RequestScope | undefined, timeoutMs: number | undefined): { metadata: Record<string, string>; timeout?: number } {
  return { metadata: metadataOf(request), ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) };
}

/** Runs one query inside a transaction and returns its records as plain objects. */
export async function run<T extends RecordShape>(tx: ManagedTransaction, query: string, parameters: QueryParameters = {}): Promise<T[]> {
  const started = performance.now();
  let result: QueryResult<T>;
  try {
    result = await withoutStackCapture(() => tx.run<T>(query, toCypher(parameters) as QueryParameters));
  } catch (error) {
    // The stack of where the query was run from, taken only when it failed (see withoutStackCapture).
    if (error instanceof Error) error.stack = `${String(error)}\n${new Error().stack?.split('\n').slice(1).join('\n') ?? ''}`;
    throw error;
  }
  observeQuery(tx, query, performance.now() - started);
  return result.records.map((record) => record.toObject());
}


/** Counts and times a query, and logs it when it is slow: its text (never its parameters, which are user data). */
function observeQuery(tx: ManagedTransaction, query: string, ms: number): void {
  const tag = tags.get(tx);
  // Queries outside a request (imports at start-up, tests) are "none".
  neo4jQueryDuration.observe({ access: tag?.access ?? 'unknown', operation: tag?.requestId ? operationLabel(tag.operation) : 'none' }, ms / 1000);
  const slow = tag?.slowQueries;
  if (slow && ms >= slow.slowQueryMs) {
    slow.logger.warn({ reqId: tag.requestId, operation: tag.operation ?? undefined, ms: Math.round(ms * 10) / 10, query: query.replace(/\s+/g, ' ').trim() }, 'slow Cypher query');
  }
}

/**
 * JavaScript has one number type, which the driver sends as a Cypher float; whole numbers go as integers,
 * so that lines and counts are stored as integers and LIMIT accepts them.
 */
function toCypher(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypher);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toCypher(entry)]));
  }
  return value;
}
