import type { ManagedTransaction, Session, Transaction } from 'neo4j-driver';
import { withoutStackCapture } from './without-stack-capture.js';

/** A session and the read transaction open in it. */
export interface OpenRead {
  session: Session;
  tx: Transaction;
}

/**
 * One request's reads, in one read transaction: begun at the request's first read, on a session that waits for
 * the bookmark of the version the response cache answers the request at, and ended when the response has
 * been sent. Every loader and repository call of the request runs its queries in it: no session, BEGIN or COMMIT
 * per query, and in a cluster no read from a member that has not yet applied that version, so an answer stored
 * under a version was read at that version or later.
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

  constructor(
    private readonly begin: (bookmark: string | null) => OpenRead,
    private bookmark: string | null,
  ) {}

  async run<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.open ??= this.begin(this.bookmark);
    const { tx } = this.open;
    // The work gets what a managed transaction offers, queries only: ending the transaction stays with end().
    return work(tx as unknown as ManagedTransaction);
  }

  /** After the request's own write: the reads that follow see it. */
  async afterWrite(bookmark: string | null): Promise<void> {
    const open = this.open;
    this.open = null;
    this.bookmark = bookmark ?? this.bookmark;
    await finish(open);
  }

  /**
   * Ends the transaction, if the request began one: the response has been sent, nothing is left to read. Gives
   * the bookmark of its commit, the graph's version when it ended (see ResponseCache), or null if the request
   * read nothing or its transaction failed.
   */
  async end(): Promise<string | null> {
    const open = this.open;
    this.open = null;
    return finish(open);
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
