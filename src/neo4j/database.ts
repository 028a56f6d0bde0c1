import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { Availability } from './availability.js';

export interface Neo4jConnection {
  uri: string;
  user?: string;
  password?: string;
  database?: string | undefined;
}

export type QueryParameters = Record<string, unknown>;

/**
 * The one door to Neo4j: every query of the application goes through here.
 *
 * Integers come back as JavaScript numbers (the graph holds counts and years, far below 2^53), so no
 * Neo4j type leaks above the repositories. Reads and writes run in managed transactions, which the
 * driver retries on transient errors and cluster leader changes.
 */
export class Database {
  /** Queries sent through read() and write(): a diagnostic, and how tests count round trips. */
  queriesRun = 0;
  /** While Neo4j is known to be down, transactions fail at once with ServiceUnavailable. */
  readonly availability: Availability;

  private constructor(
    readonly driver: Driver,
    readonly databaseName: string | undefined,
  ) {
    this.availability = new Availability(() => this.verifyConnectivity());
  }

  static open(connection: Neo4jConnection): Database {
    const auth = connection.user ? neo4j.auth.basic(connection.user, connection.password ?? '') : undefined;
    const driver = neo4j.driver(connection.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
    });
    return new Database(driver, connection.database);
  }

  async read<T extends RecordShape>(query: string, parameters: QueryParameters = {}): Promise<T[]> {
    this.queriesRun += 1;
    return this.readTransaction((tx) => run<T>(tx, query, parameters));
  }

  async write<T extends RecordShape>(query: string, parameters: QueryParameters = {}): Promise<T[]> {
    this.queriesRun += 1;
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
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work).catch((error: unknown) => this.availability.observe(error));
    } finally {
      await session.close();
    }
  }

  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.availability.check();
    const session = this.driver.session({ database: this.databaseName });
    try {
      return await session.executeWrite(work).catch((error: unknown) => this.availability.observe(error));
    } finally {
      await session.close();
    }
  }

  async verifyConnectivity(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.databaseName });
  }

  async close(): Promise<void> {
    this.availability.close();
    await this.driver.close();
  }
}

/** Runs one query inside a transaction and returns its records as plain objects. */
export async function run<T extends RecordShape>(tx: ManagedTransaction, query: string, parameters: QueryParameters = {}): Promise<T[]> {
  const result = await tx.run<T>(query, toCypher(parameters) as QueryParameters);
  return result.records.map((record) => record.toObject());
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
