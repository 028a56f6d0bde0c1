import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, useSeededApi, type TestApi } from '../../tests/api-server.js';
import { defaultMaxQueryComplexity } from '../config.js';
import { Database } from '../neo4j/database.js';

const api = useSeededApi({ maxQueryDepth: 8, maxQueryComplexity: 2000 });
const { database } = api;
let uncached: TestApi;

beforeAll(async () => {
  uncached = await startTestApi(database, { responseCacheMb: 0 });
});

afterAll(() => uncached.stop());

async function errorOf(query: string) {
  const response = await api.query(query);
  expect(response.errors, 'the operation should fail').toHaveLength(1);
  const [error] = response.errors ?? [];
  expect(error?.extensions).not.toHaveProperty('stacktrace');
  return { ...(error as NonNullable<typeof error>), status: response.status };
}

describe('an unknown id', () => {
  it('is NOT_FOUND, names the id and suggests the closest ids', async () => {
    const error = await errorOf('{ role(id: "directr") { id } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'directr', suggestions: ['director'] });
    expect(error.message).toBe('No role with id "directr". Did you mean "director"?');
  });

  it('is NOT_FOUND for skills too', async () => {
    const error = await errorOf('{ skill(id: "change-managment") { id } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: ['change-management'] });
  });

  it('is NOT_FOUND for either end of a path', async () => {
    const error = await errorOf('{ transitionPaths(from: "vp", to: "cfo") { hops } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'cfo' });
    expect(error.extensions?.suggestions).toEqual(expect.arrayContaining(['ceo', 'cto']));
  });
});

describe('invalid arguments', () => {
  it.each([
    ['{ transitionPaths(from: "vp", to: "cto", maxHops: 0) { hops } }', 'maxHops'],
    ['{ transitionPaths(from: "vp", to: "cto", maxHops: 7) { hops } }', 'maxHops'],
    ['{ role(id: "Not a Slug!") { id } }', 'id'],
    ['{ shortestPath(from: "vp", to: "c_t_o") { hops } }', 'to'],
    ['{ roles(first: 101) { id } }', 'first'],
    ['{ roles(first: 5, offset: -1) { id } }', 'offset'],
  ])('%s is BAD_USER_INPUT naming %s', async (query, argument) => {
    const error = await errorOf(query);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(error.message).toContain(`"${argument}"`);
  });
});

describe('variables that do not fit the operation', () => {
  it.each([
    ['missing', 'query($id: ID!) { role(id: $id) { id } }', undefined, /"\$id" of required type "ID!" was not provided/],
    ['of the wrong type', 'query($first: Int!) { roles(first: $first) { id } }', { first: 'ten' }, /"\$first" got invalid value "ten"/],
  ])('are BAD_USER_INPUT, 400, when %s', async (_, query, variables, message) => {
    const response = await api.query(query, variables);
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(response.errors?.[0]?.message).toMatch(message);
  });
});

describe('a subscription', () => {
  it('is refused while validating, 400, as this API has none', async () => {
    const error = await errorOf('subscription { role(id: "vp") { id } }');
    expect(error).toMatchObject({ status: 400, message: 'This API has no subscription operations: only queries and mutations.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});

describe('a search word', () => {
  it('over 100 characters is BAD_USER_INPUT naming text', async () => {
    const error = await errorOf(`{ search(text: "vision ${'x'.repeat(1001)}") { __typename } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(error.message).toBe('Argument "text" has a word of 1001 characters; words are at most 100.');
  });

  it('of 100 characters is searched for, and matches nothing', async () => {
    const response = await api.query(`{ search(text: "${'x'.repeat(100)}") { __typename } }`);
    expect(response).toMatchObject({ status: 200, data: { search: [] } });
  });
});

describe('queries over the limits', () => {
  it('refuses a query of more fields than the complexity check walks as QUERY_TOO_COMPLEX, 400', async () => {
    const ids = Array.from({ length: 100 }, () => 'id').join(' ');
    const spreads = Array.from({ length: 101 }, () => '...F').join(' ');
    const error = await errorOf(`{ role(id: "vp") { ${spreads} } } fragment F on Role { ${ids} }`);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'fields', limit: 10_000 });
    expect(error.status).toBe(400);
  });

  it('adds up the cost of aliased career maps, each by the size of the graph', async () => {
    const maps = Array.from({ length: 340 }, (_, i) => `m${i}: careerMap { nodes { id } edges { id } }`).join(' ');
    const error = await errorOf(`{ ${maps} }`);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'complexity', limit: 2000 });
    const [size] = await database.read<{ roles: number; transitions: number }>('RETURN COUNT { (:Role) } AS roles, COUNT { (:Transition) } AS transitions');
    // Each map: itself, and an id for each role and each transition of the seed.
    const { roles, transitions } = size as { roles: number; transitions: number };
    expect(error.extensions?.actual).toBe(340 * (1 + roles + transitions));
  });

  it('adds up the cost of aliased overlap matrices, each by the square of its roles', async () => {
    const roles = Array.from({ length: 500 }, (_, i) => `role-${i}`);
    const one = 'overlapMatrix(roles: $roles) { jaccardRows }';
    const matrices = Array.from({ length: 50 }, (_, i) => `m${i}: ${one}`).join(' ');
    const refused = await uncached.query(`query($roles: [ID!]) { ${matrices} }`, { roles });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'complexity', actual: 50 * 2500, limit: defaultMaxQueryComplexity });
    // One matrix of as many roles is within the limit: it runs, and finds that no such role exists.
    const single = await uncached.query(`query($roles: [ID!]) { ${one} }`, { roles });
    expect(single.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a query deeper than the limit before it touches the database', async () => {
    const before = database.queriesRun;
    const error = await errorOf(`{ role(id: "vp") { transitionsOut { to { transitionsOut { to { transitionsOut { to { transitionsOut { to { id } } } } } } } } } }`);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 8, actual: 10 });
    expect(error.status).toBe(400);
    expect(database.queriesRun).toBe(before);
  });

  it('refuses a query costlier than the limit before it touches the database', async () => {
    const before = database.queriesRun;
    const error = await errorOf('{ roles(first: 100) { skills { roles { skills { id } } } } }');
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'complexity', limit: 2000 });
    expect(database.queriesRun).toBe(before);
  });

  it('costs the same query text by the `first` and the @include each request gives', async () => {
    // roles(first: n) costs n × (id + 5 skills × 5 roles × 5 skills): 126 a role with the skills, 1 without; the limit is 2000.
    const query = 'query($first: Int!, $deep: Boolean!) { roles(first: $first) { id skills @include(if: $deep) { roles { skills { id } } } } }';
    const codeOf = async (variables: Record<string, unknown>) => (await api.query(query, variables)).errors?.[0]?.extensions?.code ?? 'none';
    expect(await codeOf({ first: 10, deep: true })).toBe('none');
    expect(await codeOf({ first: 100, deep: true })).toBe('QUERY_TOO_COMPLEX');
    expect(await codeOf({ first: 100, deep: false })).toBe('none');
  });

  it('answers a query within the limits', async () => {
    const response = await api.query('{ roles(first: 10) { skills { id } } }');
    expect(response.errors).toBeUndefined();
  });
});

describe('a query whose cost follows the graph, while Neo4j is unreachable', () => {
  it('is SERVICE_UNAVAILABLE, 503, saying nothing of the driver', async () => {
    const noDatabase = Database.open({ uri: 'bolt://127.0.0.1:9' });
    const orphan = await startTestApi(noDatabase);
    try {
      const response = await orphan.query('{ careerMap { nodes { id } } }');
      expect(response.status).toBe(503);
      expect(response.errors).toEqual([{ message: 'The graph database is unavailable right now. Try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    } finally {
      await orphan.stop();
      await noDatabase.close();
    }
  });
});

// A body the API cannot use gets the same coded answer whether the response cache is on or off.
describe.each([
  ['with the response cache', () => api],
  ['without the response cache', () => uncached],
])('a request body the API cannot use, %s', (_, server) => {
  async function post(body: string | Blob, contentType = 'application/json') {
    const response = await fetch(`${server().server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(text).not.toMatch(/node_modules|\bat \w+ \(/);
    const { errors } = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors).toHaveLength(1);
    return { status: response.status, ...(errors[0] as (typeof errors)[number]) };
  }

  it('is BAD_REQUEST, 400, when it is not JSON, and says where it stops being JSON', async () => {
    const error = await post('{"query": "{ role(id: \\"vp\\") { id } }"');
    expect(error).toMatchObject({ status: 400, extensions: { code: 'BAD_REQUEST' } });
    expect(error.message).toMatch(/^The request body is not valid JSON: .*position \d+/);
  });

  it('is BAD_REQUEST, 413, when it is over the limit of 100 kB', async () => {
    const error = await post(JSON.stringify({ query: `{ role(id: "vp") { id } } # ${'x'.repeat(100 * 1024)}` }));
    expect(error).toMatchObject({ status: 413, extensions: { code: 'BAD_REQUEST' } });
    expect(error.message).toBe('The request body is larger than the limit of 102400 bytes.');
  });

  it('is BAD_REQUEST, 415, when it is in a charset other than UTF-8', async () => {
    const error = await post(JSON.stringify({ query: '{ role(id: "vp") { id } }' }), 'application/json; charset=latin1');
    expect(error).toMatchObject({ status: 415, extensions: { code: 'BAD_REQUEST' } });
    expect(error.message).toContain('LATIN1');
  });

  it.each([
    ['as UTF-16 without saying so', 'application/json'],
    ['as UTF-16, saying so', 'application/json; charset=utf-16le'],
  ])('is BAD_REQUEST, 415, when it is sent %s', async (_, contentType) => {
    const error = await post(new Blob([Buffer.from(JSON.stringify({ query: '{ role(id: "vp") { id } }' }), 'utf16le')]), contentType);
    expect(error).toMatchObject({ status: 415, extensions: { code: 'BAD_REQUEST' } });
    expect(error.message).toMatch(/UTF-16/);
  });

  it('is answered, the same, in each form clients send JSON in', async () => {
    const query = JSON.stringify({ query: '{ role(id: "vp") { id } }' });
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset=UTF-8']) {
      const response = await fetch(`${server().server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body: query });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { role: { id: 'vp' } } });
    }
  });
});
