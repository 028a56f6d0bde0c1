import type { ManagedTransaction, QueryResult, Session, Transaction } from 'neo4j-driver';
import { withoutStackCapture } from './without-stack-capture.js';

/** Metadata and timeout, as a transaction is begun with them (neo4j-driver does not export the type). */
type TransactionConfig = NonNullable<Parameters<Session['beginTransaction']>[0]>;

/** A session and the read transaction open in it. */
interface OpenRead {
  session: Session;
  tx: Transaction;
}

/** A request's one expected read, run as an auto-commit transaction in a session of its own. */
interface LoneRead {
  session: Session;
  /** Whether it succeeded, once it has ended. */
  ended: Promise<boolean>;
}

/**
 * One request's reads, in one read transaction: begun at the request's first read, on a session that waits for
 * the bookmark of the version the response cache answers the request at, and ended when the response has
 * been sent. Every loader and repository call of the request runs its queries in it: no session, BEGIN or COMMIT
 * per query, and in a cluster no read from a member that has not yet applied that version, so an answer stored
 * under a version was read at that version or later.
 *
 * A request expected to read once (expectOneRead) sends its read as an auto-commit transaction: the same one
 * transaction, without BEGIN and COMMIT, which cost Neo4j and the server about a tenth of a one-query request's
 * CPU (bench/README.md). Should it read again after all, its later reads share one read transaction, on a
 * session that waits for the first read's bookmark: they see the graph as the first read did, or later.
 *
 * Neo4j isolates transactions at read committed, so one transaction does not by itself make a snapshot: a write
 * that commits while the request reads can show in its later queries. The response cache stores an answer only
 * if the graph's version did not move while it was computed (ResponseCache), so such an answer is never served
 * again. A write made by the request itself (a mutation) ends the transaction, and the reads after it begin
 * another one that waits for the write's bookmark, so a mutation's answer shows what it wrote.
 *
 * The transaction is not retried as executeRead would: a transient error fails the request's reads, which the
 * client may send again.
 */
export class RequestTransaction {
  private open: OpenRead | null = null;
  private lone: LoneRead | null = null;
  private oneReadExpected = false;
  private queries = 0;
  /** What the request's loaders and repositories are given: it runs each query where it belongs. */
  private readonly queryRunner = { run: (query: string, parameters: Record<string, unknown>) => this.query(query, parameters) };

  constructor(
    /** A read session that waits for the bookmark, if one is given. */
    private readonly sessionAfter: (bookmark: string | null) => Session,
    /** The configuration of the request's transactions (metadata, timeout), taken when each begins. */
    private readonly config: () => TransactionConfig,
    private bookmark: string | null,
  ) {}

  /** Before the first read: the request will most likely read once (see the class). */
  expectOneRead(): void {
    if (this.queries === 0) this.oneReadExpected = true;
  }

  /** The queries the request has sent. */
  get queriesRun(): number {
    return this.queries;
  }

  async run<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    // The work gets what a managed transaction offers, queries only: ending the transaction stays with end().
    return work(this.queryRunner as unknown as ManagedTransaction);
  }

  private async query(query: string, parameters: Record<string, unknown>): Promise<QueryResult> {
    this.queries += 1;
    if (this.oneReadExpected && this.queries === 1) {
      const session = this.sessionAfter(this.bookmark);
      const result = session.run(query, parameters, this.config());
      this.lone = { session, ended: result.then(() => true, () => false) };
      return result;
    }
    if (this.lone && !this.open) {
      const succeeded = await this.lone.ended;
      if (succeeded) this.bookmark = this.lone.session.lastBookmarks()[0] ?? this.bookmark;
    }
    this.open ??= this.begin();
    return this.open.tx.run(query, parameters);
  }

  private begin(): OpenRead {
    const session = this.sessionAfter(this.bookmark);
    // Not awaited: awaiting the transaction waits for Neo4j to acknowledge BEGIN, a round trip of its own,
    // where the first query can follow BEGIN at once. A failed BEGIN fails that query; end() closes the session.
    return { session, tx: session.beginTransaction(this.config()) };
  }

  /** After the request's own write: the reads that follow see it. */
  async afterWrite(bookmark: string | null): Promise<void> {
    const [open, lone] = [this.open, this.lone];
    this.open = null;
    this.lone = null;
    this.bookmark = bookmark ?? this.bookmark;
    await Promise.all([finish(open), finishLone(lone)]);
  }

  /**
   * Ends the transaction, if the request began one: the response has been sent, nothing is left to read. Gives
   * the bookmark of its commit, the graph's version when it ended (see ResponseCache), or null if the request
   * read nothing or its transaction failed.
   */
  async end(): Promise<string | null> {
    const [open, lone] = [this.open, this.lone];
    this.open = null;
    this.lone = null;
    const [committed, loneEnded] = await Promise.all([finish(open), finishLone(lone)]);
    // The transaction after a lone read began at its bookmark, and ended later.
    return open ? committed : loneEnded;
  }
}

/** A read transaction changes nothing: committing it only ends it, and a failed one has nothing to undo. */
async function finish(open: OpenRead | null): Promise<string | null> {
  if (!open) return null;
  const { session, tx } = open;
  try {
    if (!tx.isOpen()) return null;
    await withoutStackCapture(() => tx.commit());
    return session.lastBookmarks()[0] ?? null;
  } catch {
    // A transaction that failed or timed out has already reported its error to the read that met it.
    return null;
  } finally {
    await session.close();
  }
}

/** An auto-commit read committed as it ended; its bookmark, or null if it failed (its error went to the read). */
async function finishLone(lone: LoneRead | null): Promise<string | null> {
  if (!lone) return null;
  try {
    return (await lone.ended) ? (lone.session.lastBookmarks()[0] ?? null) : null;
  } finally {
    await lone.session.close();
  }
}
