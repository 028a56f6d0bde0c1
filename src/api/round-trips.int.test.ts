import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, type TestApi } from '../../tests/api-server.js';
import { openTestDatabase } from '../../tests/neo4j.js';

const database = openTestDatabase();
let api: TestApi;

const ladderQuery = `query($first: Int!) { roles(first: $first, orderBy: TITLE_ASC) {
  id skills { id } responsibilities { text }
  transitionsOut { to { id skills { id } } shifts { from } } } }`;

/** The queries a request sends to Neo4j. */
async function roundTrips(query: string, variables: Record<string, unknown>): Promise<number> {
  const before = database.queriesRun;
  const response = await api.query(query, variables);
  expect(response.errors).toBeUndefined();
  return database.queriesRun - before;
}

beforeAll(async () => {
  await seedGraph(database);
  // 100 more roles, each needing three skills and moving on to the next: a ladder the size of a page.
  await database.write(`
    UNWIND range(1, 100) AS i
    CREATE (r:Role {id: 'generated-' + i, title: 'Generated role ' + i, aliases: ['g' + i], sourceFile: 'test', sourceLine: i})
    WITH r, i
    MATCH (s:Skill) WHERE s.id IN ['budgeting', 'hiring', 'coaching']
    CREATE (r)-[:REQUIRES_SKILL {sourceFile: 'test', sourceLine: i}]->(s)`);
  await database.write(`
    UNWIND range(1, 99) AS i
    MATCH (a:Role {id: 'generated-' + i}), (b:Role {id: 'generated-' + (i + 1)})
    CREATE (a)-[:HAS_TRANSITION]->(t:Transition {id: a.id + '-to-' + b.id, sourceFile: 'test', sourceLine: i})-[:LEADS_TO]->(b),
           (a)-[:TRANSITIONS_TO {transitionId: t.id}]->(b),
           (t)-[:REQUIRES_SHIFT]->(:Shift {id: 'shift-' + i, from: 'x', to: 'y', sourceFile: 'test', sourceLine: i})`);
  api = await startTestApi(database);
});

afterAll(async () => {
  await api.stop();
  await database.close();
});

describe('batching', () => {
  it('fetches 100 roles with their skills and transitions in a small constant number of queries', async () => {
    const forTen = await roundTrips(ladderQuery, { first: 10 });
    const forHundred = await roundTrips(ladderQuery, { first: 100 });
    // The list; the skills, the responsibilities and the transitions of all listed roles; the targets;
    // their skills; the transitions' shifts: one query each, however many roles.
    expect(forHundred).toBe(7);
    expect(forHundred).toBe(forTen);
  });

  it('reads a role with the lists asked for under it and the roles its transitions lead to in one query, as the lists of roles read them', async () => {
    const fields = 'id title skills { id name category bases } responsibilities { area text } transitionsOut { id to { id title } timeline { minYears maxYears } } transitionsIn { from { id } }';
    const query = `{ role(id: "director") { ...fields } } fragment fields on Role { ${fields} }`;
    expect(await roundTrips(query, {})).toBe(1);
    const { data } = await api.query<{ role: { id: string } }>(query);
    const { data: list } = await api.query<{ roles: { id: string }[] }>(`{ roles(first: 100) { ${fields} } }`);
    expect(data?.role).toEqual(list?.roles.find((role) => role.id === 'director'));
    expect(data?.role).toMatchObject({ transitionsOut: expect.arrayContaining([expect.objectContaining({ to: expect.objectContaining({ id: 'vp' }) })]) });
  });

  it('reads the hits of a search whole in the query that finds them, as role(id) and skill(id) read them', async () => {
    const query = '{ search(text: "strategy") { __typename ... on Role { id title level hasPage } ... on Skill { id name category roleCount } } }';
    expect(await roundTrips(query, {})).toBe(1);
    const { data } = await api.query<{ search: { __typename: string; id: string }[] }>(query);
    const role = data?.search.find((hit) => hit.__typename === 'Role');
    const skill = data?.search.find((hit) => hit.__typename === 'Skill');
    expect(role && skill, JSON.stringify(data)).toBeTruthy();
    const { data: single } = await api.query<{ role: object; skill: object }>(
      `{ role(id: "${role?.id}") { __typename id title level hasPage } skill(id: "${skill?.id}") { __typename id name category roleCount } }`,
    );
    expect([role, skill]).toEqual([single?.role, single?.skill]);
  });

  it('reads paths with their roles, the roles\' skills and their transitions in the query that finds them', async () => {
    const roleFields = 'id title level skills { id name category }';
    const query = `{ transitionPlan(from: "director", to: "cto") { truncated paths {
      roles { ${roleFields} }
      steps { id from { id } to { id } timeline { minYears maxYears } skillDelta { gained { id } dropped { id } } toLearn { id } }
      skillDelta { gained { id } retained { id } dropped { id } } } } }`;
    expect(await roundTrips(query, {})).toBe(1);
    const { data } = await api.query<{ transitionPlan: { paths: { roles: { id: string }[]; steps: { id: string }[] }[] } }>(query);
    const paths = data?.transitionPlan.paths ?? [];
    expect(paths.length, JSON.stringify(data)).toBeGreaterThan(0);
    // Every role and transition on the paths reads as it does on its own.
    for (const role of paths.flatMap((path) => path.roles)) {
      const { data: single } = await api.query<{ role: object }>(`{ role(id: "${role.id}") { ${roleFields} } }`);
      expect(role).toEqual(single?.role);
    }
    const [step] = paths[0]?.steps ?? [];
    const { data: from } = await api.query<{ role: { transitionsOut: { id: string }[] } }>(
      `{ role(id: "director") { transitionsOut { id from { id } to { id } timeline { minYears maxYears } } } }`,
    );
    expect(step).toMatchObject(from?.role.transitionsOut.find((transition) => transition.id === step?.id) ?? { id: 'a transition of director' });
  });

  it('reads the shortest path whole in one query, and from an alias in three more', async () => {
    const query = (from: string) => `{ shortestPath(from: "${from}", to: "generated-4") { roles { id title } steps { id to { id } skillDelta { gained { id } } } } }`;
    expect(await roundTrips(query('generated-1'), {})).toBe(1);
    // The alias finds no role by id: it is resolved (by id, then by alias), and the path read again.
    expect(await roundTrips(query('g1'), {})).toBe(4);
    const [byId, byAlias] = await Promise.all(['generated-1', 'g1'].map((from) => api.query(query(from))));
    expect(byAlias?.data).toEqual(byId?.data);
    expect(byId?.data).toMatchObject({ shortestPath: { roles: ['generated-1', 'generated-2', 'generated-3', 'generated-4'].map((id) => ({ id })) } });
  });

  it('reads each role once per request, however often the response names it', async () => {
    const trips = await roundTrips('{ a: role(id: "vp") { id } b: role(id: "vp") { title } c: transitionPaths(from: "director", to: "cto") { roles { id } } }', {});
    // vp once; director and cto for the path's checks; the path; its transitions; the roles' skills.
    expect(trips).toBeLessThanOrEqual(5);
  });
});
