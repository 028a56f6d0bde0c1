import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { schemaFile } from './schema-file.js';
import { buildApiSchema } from './schema.js';

/** `npm run schema`: writes the SDL of the code-first schema to schema/schema.graphql. */
await writeFile(schemaFile, printSchema(await buildApiSchema()) + '\n');
console.log(`Wrote ${schemaFile}`);
