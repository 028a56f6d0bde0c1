import { inject } from 'vitest';
import { Database } from '../src/neo4j/database.js';

/** A driver on the test run's Neo4j; close it in afterAll. */
export function openTestDatabase(): Database {
  return Database.open(inject('neo4j'));
}

/** Leaves the schema and removes every node: each test file starts from an empty graph. */
export async function clearGraph(database: Database): Promise<void> {
  await database.write('MATCH (n) DETACH DELETE n');
}
