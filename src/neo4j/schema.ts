import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../config.js';
import type { Database } from './database.js';

const schemaFile = join(projectRoot, 'schema', 'constraints.cypher');

/** The statements of schema/constraints.cypher, one per `;`, comments left out. */
export async function readSchemaStatements(): Promise<string[]> {
  const text = await readFile(schemaFile, 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Creates the constraints and indexes that are missing; those already there are left as they are. */
export async function applySchema(database: Database): Promise<void> {
  for (const statement of await readSchemaStatements()) {
    await database.write(statement);
  }
  // A new index is populated in the background: wait, so that the first queries already use it.
  await database.write('CALL db.awaitIndexes(60)');
}
