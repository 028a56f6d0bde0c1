import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, testApiToken, type TestApi } from '../../tests/api-server.js';
import { dumpGraph } from '../../tests/graph-dump.js';
import { openTestDatabase } from '../../tests/neo4j.js';
import { buildApiSchema } from '../api/schema.js';

/**
 * Every mutation of the built schema, not a list kept by hand: a mutation added without `@Authorized()`
 * fails here. Each is called with arguments that name seeded roles, so that a mutation left open would
 * change the graph.
 */
const mutations = Object.values((await buildApiSchema()).getMutationType()?.getFields() ?? {});

const database = openTestDatabase();
let writable: TestApi;
let readOnly: TestApi;
let seeded: string;

beforeAll(async () => {
  await seedGraph(database);
  seeded = await dumpGraph(database);
  [writable, readOnly] = await Promise.all([startTestApi(database), startTestApi(database, { apiToken: undefined })]);
});

afterAll(async () => {
  await Promise.all([writable.stop(), readOnly.stop()]);
  await database.close();
});

describe.each([
  ['no Authorization header', () => writable, {}, 'UNAUTHENTICATED'],
  ['a wrong token', () => writable, { authorization: 'Bearer not-the-token' }, 'UNAUTHENTICATED'],
  ['a token without "Bearer"', () => writable, { authorization: testApiToken }, 'UNAUTHENTICATED'],
  ['the right token on a server without API_TOKEN', () => readOnly, { authorization: `Bearer ${testApiToken}` }, 'FORBIDDEN'],
])('with %s', (_case, api, headers: Record<string, string>, code) => {
  it.each(mutations.map((field) => [field.name, field] as const))(`refuses %s as ${code}, writing nothing`, async (_name, field) => {
    const response = await api().query(operationFor(field), undefined, headers);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(await dumpGraph(database)).toBe(seeded);
  });
});

it('finds the mutations the schema has', () => {
  expect(mutations.length).toBeGreaterThan(0);
});

it('lets the same operations through with the token', async () => {
  // The refusals above are for want of the token, not of a well-formed operation.
  for (const field of mutations) {
    const response = await writable.query(operationFor(field), undefined, { authorization: `Bearer ${testApiToken}` });
    const codes = response.errors?.map((error) => error.extensions?.code) ?? [];
    expect(codes, field.name).not.toContain('UNAUTHENTICATED');
    expect(codes, field.name).not.toContain('GRAPHQL_VALIDATION_FAILED');
  }
});

/** `mutation { name(arg: value, …) { __typename } }` with a value for every required argument. */
function operationFor(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((arg) => isNonNullType(arg.type));
  const list = args.length ? `(${args.map((arg) => `${arg.name}: ${valueFor(arg.type, arg.name)}`).join(', ')})` : '';
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `mutation { ${field.name}${list}${selection} }`;
}

/** Seeded values, so that a mutation left open would find what it changes: the director → VP transition, a skill of the VP. */
const seededValues: Record<string, string> = { from: 'director', to: 'vp', skillId: 'budgeting' };

/** A literal of the type: ids and strings name the seeded VP unless `seededValues` says otherwise, numbers are 1. */
function valueFor(type: GraphQLInputType, name: string): string {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return `[${valueFor(nullable.ofType, name)}]`;
  if (isEnumType(nullable)) return nullable.getValues()[0]!.name;
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((field) => isNonNullType(field.type));
    return `{ ${fields.map((field) => `${field.name}: ${valueFor(field.type, field.name)}`).join(', ')} }`;
  }
  if (isScalarType(nullable) && ['Int', 'Float'].includes(nullable.name)) return '1';
  if (isScalarType(nullable) && nullable.name === 'Boolean') return 'true';
  return JSON.stringify(seededValues[name] ?? 'vp');
}
