import { isOutOfTransactionMemory } from '../../errors/neo4j-errors.js';

/**
 * An import whose one transaction needs more memory than Neo4j lets a transaction have. Not a Neo4j error, on
 * purpose: the driver retries Neo4j's out-of-memory error as transient, and the same import would only run out
 * again, minutes later.
 */
export class ImportTooLargeError extends Error {
  constructor(
    readonly pageCount: number,
    options: { cause: unknown },
  ) {
    super(
      `Importing ${pageCount} pages in one transaction needs more memory than Neo4j allows a transaction ` +
        '(dbms.memory.transaction.total.max, by default 70 % of its heap), so nothing was imported. Give Neo4j a larger heap ' +
        '(NEO4J_LOCAL_HEAP_MB for the bundled one; server.memory.heap.max_size on a server), or import them in several runs ' +
        '(npm run import -- --pages-per-run 3000 …: each run a transaction of its own).',
      options,
    );
    this.name = 'ImportTooLargeError';
  }
}

/** Runs an import's work, turning Neo4j's out-of-memory error into ImportTooLargeError so that it is not retried. */
export async function failingFastWhenTooLarge<T>(pageCount: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isOutOfTransactionMemory(error) ? new ImportTooLargeError(pageCount, { cause: error }) : error;
  }
}
