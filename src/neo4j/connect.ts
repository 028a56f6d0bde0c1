import type { Config } from '../config.js';
import { Database, type SlowQueryLog } from './database.js';
import { startLocalNeo4j, type LocalNeo4jStatus } from './local-neo4j.js';
import { applySchema } from './schema.js';

export interface Connection {
  database: Database;
  /** The bundled Neo4j's supervision, for /health; null for the user's own Neo4j or one this process reuses. */
  localStatus(): LocalNeo4jStatus | null;
  /** Closes the driver and stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

const remoteWaitMs = 60_000;

/**
 * Opens the database the configuration names: the user's own Neo4j when NEO4J_URI is set, otherwise the
 * bundled local one. Either way the schema is applied before anything else runs.
 */
export async function connect(config: Config, log: (line: string) => void = console.error, slowQueries?: SlowQueryLog): Promise<Connection> {
  const local = config.neo4j ? null : await startLocalNeo4j(config.localNeo4j, log);
  const database = Database.open(config.neo4j ?? (local as NonNullable<typeof local>).connection, slowQueries);
  // The JVM's death is known at once: requests need not find it out one by one.
  local?.onDown(() => database.availability.markDown());
  try {
    if (config.neo4j) await waitForRemote(database, config.neo4j.uri, log);
    await applySchema(database);
  } catch (error) {
    await database.close();
    await local?.stop();
    throw error;
  }
  return {
    database,
    localStatus: () => local?.status() ?? null,
    close: async () => {
      await database.close();
      await local?.stop();
    },
  };
}

/** A Neo4j started alongside (docker compose, a CI service) may still be booting: give it a minute. */
async function waitForRemote(database: Database, uri: string, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + remoteWaitMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.verifyConnectivity();
      return;
    } catch (error) {
      if (Date.now() > deadline || isAuthenticationError(error)) throw error;
      if (attempt === 1) log(`Waiting for Neo4j at ${uri}...`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function isAuthenticationError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String(error.code).includes('Security');
}
