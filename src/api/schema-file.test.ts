import { readFile } from 'node:fs/promises';
import { isSpecifiedScalarType, printSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from './schema-file.js';
import { buildApiSchema } from './schema.js';

describe('schema/schema.graphql', () => {
  it('is the SDL of the code-first schema (regenerate it with `npm run schema`)', async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(printSchema(await buildApiSchema()) + '\n');
  });

  it('describes every type and field, for Playground\'s docs pane', async () => {
    const schema = await buildApiSchema();
    const roots = [schema.getQueryType(), schema.getMutationType()];
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description && !roots.includes(type as GraphQLObjectType)) undescribed.push(type.name);
      if (!('getFields' in type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undescribed.push(`${type.name}.${field.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });
});
