import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, testApiToken, type TestApi } from '../../tests/api-server.js';
import { openTestDatabase } from '../../tests/neo4j.js';
import { loadPages } from '../importer/load/graph.loader.js';
import { collectPageFiles, readPages } from '../importer/read/pages.reader.js';
import { parseRolePage } from '../importer/parse/page.parser.js';

// The response cache never answers with what an earlier graph said, whoever changed it and however.

const database = openTestDatabase();
/** Writers with drivers of their own, as another API instance or `npm run import` in another process has. */
const otherProcess = openTestDatabase();
let api: TestApi;
let otherInstance: TestApi;

const curator = { authorization: `Bearer ${testApiToken}` };
const vpQuery = '{ role(id: "vp") { id title summary skills { id } } }';

/** Posts a query and returns its data, failing on errors. */
async function data(server: TestApi, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<any> {
  const response = await server.query(query, variables, headers);
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** How many queries the API sends to Neo4j (the version check reads no data and is not counted). */
async function queriesFor(work: () => Promise<unknown>): Promise<number> {
  const before = database.queriesRun;
  await work();
  return database.queriesRun - before;
}

beforeAll(async () => {
  await seedGraph(database);
  api = await startTestApi(database);
  otherInstance = await startTestApi(otherProcess);
});

afterAll(async () => {
  await api.stop();
  await otherInstance.stop();
  await database.close();
  await otherProcess.close();
});

describe('the response cache', () => {
  it('answers a repeated query without reading the graph again, with the same answer', async () => {
    const first = await api.query(vpQuery);
    expect(await queriesFor(async () => expect(await api.query(vpQuery)).toEqual(first))).toBe(0);
    // The same operation with other variables is another answer.
    const byId = 'query($id: ID!) { role(id: $id) { id } }';
    expect((await data(api, byId, { id: 'vp' })).role.id).toBe('vp');
    expect((await data(api, byId, { id: 'director' })).role.id).toBe('director');
  });

  it('answers in the media type the request accepts, the same from the cache as when it computed the answer', async () => {
    const body = JSON.stringify({ query: '{ role(id: "director") { id title } }' });
    const post = async (accept: string) => {
      const before = database.queriesRun;
      const response = await fetch(`${api.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
      return { response, queries: database.queriesRun - before };
    };
    // Apollo's media types (GraphQL over HTTP, 4.1): the one the client asks for, in UTF-8.
    for (const [accept, contentType] of [
      ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
      ['application/json', 'application/json; charset=utf-8'],
    ] as const) {
      const miss = await post(accept);
      const hit = await post(accept);
      expect([miss.queries > 0, hit.queries]).toEqual([true, 0]);
      for (const { response } of [miss, hit]) {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(contentType);
        expect(await response.json()).toEqual({ data: { role: { id: 'director', title: 'Director of Engineering' } } });
      }
    }
  });

  it('computes an answer once for the same requests arriving together', async () => {
    const alone = await queriesFor(() => api.query('{ role(id: "manager") { id skills { id } transitionsOut { id } } }'));
    const together = await queriesFor(async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => api.query('{ role(id: "director") { id skills { id } transitionsOut { id } } }')));
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    });
    expect(together).toBe(alone);
  });

  it('answers afresh after a curator\'s mutation through this instance', async () => {
    await data(api, vpQuery);
    await data(api, 'mutation { updateRole(id: "vp", input: { title: "VP of Engineering (edited)" }) { id } }', undefined, curator);
    expect((await data(api, vpQuery)).role.title).toBe('VP of Engineering (edited)');
  });

  it('answers afresh after a mutation through another instance of the API', async () => {
    await data(api, vpQuery);
    await data(otherInstance, 'mutation { updateRole(id: "vp", input: { title: "VP, edited elsewhere" }) { id } }', undefined, curator);
    expect((await data(api, vpQuery)).role.title).toBe('VP, edited elsewhere');
  });

  it('answers afresh after an import by another process', async () => {
    await data(api, vpQuery);
    // As `npm run import -- seed/vp.md` would: the page's values come back over the curators' edits.
    await loadPages(otherProcess, await readPages(await collectPageFiles(['seed/vp.md'])));
    const { role } = await data(api, vpQuery);
    expect(role.title).toBe('VP of Engineering');

    const page = parseRolePage(
      '---\nlabel: VP\n---\n\n# VP of Engineering\n\nA shorter introduction.\n\n## Key Skill Sets\n\n| Category | Skills |\n|---|---|\n| **Craft** | Budgeting |\n',
      'seed/vp.md',
    );
    await loadPages(otherProcess, [page]);
    const after = (await data(api, vpQuery)).role;
    expect(after.summary).toBe('A shorter introduction.');
    expect(after.skills).toEqual([{ id: 'budgeting' }]);
    await loadPages(otherProcess, await readPages(await collectPageFiles(['seed/vp.md'])));
    expect((await data(api, vpQuery)).role).toEqual(role);
  });

  it('answers afresh after any write to the graph, even one that bypasses the API and the importer', async () => {
    await data(api, vpQuery);
    await otherProcess.write('MATCH (r:Role {id: "vp"}) SET r.title = "Written by hand"');
    expect((await data(api, vpQuery)).role.title).toBe('Written by hand');
    await otherProcess.write('MATCH (r:Role {id: "vp"}) SET r.title = "VP of Engineering"');
    expect((await data(api, vpQuery)).role.title).toBe('VP of Engineering');
  });

  it('answers a question it holds no answer for as the graph stands, though the graph moved since its last read, and keeps it once it stays', async () => {
    await data(api, vpQuery);
    await otherProcess.write('MATCH (r:Role {id: "manager"}) SET r.title = "Renamed by hand"');
    const never = '{ role(id: "manager") { id title level } }';
    const asked = [];
    for (let i = 0; i < 3; i++) {
      const queries = await queriesFor(async () => expect((await data(api, never)).role.title).toBe('Renamed by hand'));
      asked.push(queries > 0 ? 'read' : 'cached');
    }
    // The first answer is computed at the version the cache had last seen, which the write left behind: it is
    // sent, as the graph stands, but kept only once one is computed at the version it was read at.
    expect([asked[0], asked[2]]).toEqual(['read', 'cached']);
    await otherProcess.write('MATCH (r:Role {id: "manager"}) SET r.title = "Engineering Manager"');
    expect((await data(api, never)).role.title).toBe('Engineering Manager');
  });

  it('never caches mutations, nor answers with errors', async () => {
    const missing = '{ role(id: "no-such-role") { id } }';
    expect((await api.query(missing)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await queriesFor(async () => expect((await api.query(missing)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND'))).toBeGreaterThan(0);

    const create = 'mutation { createRole(input: { id: "cache-probe", title: "Cache probe" }) { id } }';
    expect((await data(api, create, undefined, curator)).createRole.id).toBe('cache-probe');
    expect((await api.query(create, undefined, curator)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await data(api, 'mutation { deleteRole(id: "cache-probe") }', undefined, curator)).deleteRole).toBe('cache-probe');
  });
});
