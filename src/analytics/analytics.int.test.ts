import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, testApiToken, useSeededApi, type TestApi } from '../../tests/api-server.js';
import { clearGraph } from '../../tests/neo4j.js';
import { refreshDerivedFacts } from '../derived/derived-facts.writer.js';
import { pageFileName, renderRolePage } from '../generator/role-page.writer.js';
import { generateTaxonomy } from '../generator/taxonomy.generator.js';
import { loadPages } from '../importer/load/graph.loader.js';
import type { RolePage } from '../importer/parse/page.model.js';
import { parseRolePage } from '../importer/parse/page.parser.js';

// Every figure the API gives is checked against the same figure computed here, in TypeScript, from each role's
// skill set as a plain query reads it: an independent computation of the definitions over the seed.

const api = useSeededApi();
const { database } = api;
/** Role id → the ids of the skills it needs. */
let skillSets: Map<string, Set<string>>;
/** Skill id → the ids of the categories pages list it in. */
let skillCategories: Map<string, Set<string>>;
/** The roles with a page of their own, which similarRoles puts first at equal scores. */
let pagedRoles: Set<string>;

beforeAll(readGraph);

/** Each role's skills and each skill's categories, by plain reads, for the computation the test does itself. */
async function readGraph(): Promise<void> {
  const roles = await database.read<{ id: string; skills: string[]; hasPage: boolean }>(
    'MATCH (r:Role) RETURN r.id AS id, COLLECT { MATCH (r)-[:REQUIRES_SKILL]->(s) RETURN s.id } AS skills, r.pageFile IS NOT NULL AS hasPage',
  );
  skillSets = new Map(roles.map((row) => [row.id, new Set(row.skills)]));
  pagedRoles = new Set(roles.filter((row) => row.hasPage).map((row) => row.id));
  const skills = await database.read<{ id: string; categories: string[] }>(
    'MATCH (s:Skill) RETURN s.id AS id, COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN DISTINCT c.id } AS categories',
  );
  skillCategories = new Map(skills.map((row) => [row.id, new Set(row.categories)]));
}

// ---- The independent computation -----------------------------------------------------------------------

const ids = (list: { id: string }[]) => list.map((item) => item.id);
const sorted = (set: Iterable<string>) => [...set].sort();
const intersection = (a: Set<string>, b: Set<string>) => new Set([...a].filter((id) => b.has(id)));

function setOf(role: string, categories?: string[]): Set<string> {
  const set = skillSets.get(role);
  if (!set) throw new Error(`no role ${role} in the test's own reading`);
  if (!categories) return set;
  return new Set([...set].filter((skill) => categories.some((category) => skillCategories.get(skill)?.has(category))));
}

function expectedScores(a: Set<string>, b: Set<string>) {
  const shared = intersection(a, b).size;
  const union = a.size + b.size - shared;
  return {
    sharedCount: shared,
    jaccard: union === 0 ? 0 : shared / union,
    overlapCoefficient: a.size === 0 || b.size === 0 ? 0 : shared / Math.min(a.size, b.size),
  };
}

function expectedSimilar(to: string, first: number, minJaccard = 0, categories?: string[]) {
  const mine = setOf(to, categories);
  return [...skillSets.keys()]
    .filter((other) => other !== to)
    .map((other) => ({ id: other, ...expectedScores(mine, setOf(other, categories)), shared: sorted(intersection(mine, setOf(other, categories))) }))
    .filter((entry) => entry.sharedCount > 0 && entry.jaccard >= minJaccard)
    .sort((a, b) => b.jaccard - a.jaccard || b.sharedCount - a.sharedCount || Number(pagedRoles.has(b.id)) - Number(pagedRoles.has(a.id)) || a.id.localeCompare(b.id))
    .slice(0, first);
}

/** Betweenness over role pairs at distance 2, straight from its definition: Σ over pairs needing s of 1/|shared|. */
function expectedCentrality(first: number, categories?: string[]) {
  const roles = [...skillSets.keys()];
  const betweenness = new Map<string, number>();
  const roleCount = new Map<string, number>();
  for (const role of roles) for (const skill of setOf(role, categories)) roleCount.set(skill, (roleCount.get(skill) ?? 0) + 1);
  for (let i = 0; i < roles.length; i += 1) {
    for (let j = i + 1; j < roles.length; j += 1) {
      const shared = intersection(setOf(roles[i] as string, categories), setOf(roles[j] as string, categories));
      for (const skill of shared) betweenness.set(skill, (betweenness.get(skill) ?? 0) + 1 / shared.size);
    }
  }
  const rounded = (skill: string) => Math.round((betweenness.get(skill) ?? 0) * 1e9) / 1e9;
  return [...roleCount.keys()]
    .sort((a, b) => rounded(b) - rounded(a) || (roleCount.get(b) ?? 0) - (roleCount.get(a) ?? 0) || a.localeCompare(b))
    .slice(0, first)
    .map((skill) => ({ id: skill, betweenness: betweenness.get(skill) ?? 0, roleCount: roleCount.get(skill) ?? 0, categories: skillCategories.get(skill)?.size ?? 0 }));
}

function expectedReadiness(person: string[], first: number) {
  const have = new Set(person);
  return [...skillSets.entries()]
    .filter(([, skills]) => skills.size > 0)
    .map(([id, skills]) => ({ id, have: sorted(intersection(skills, have)), missing: sorted([...skills].filter((skill) => !have.has(skill))), total: skills.size }))
    .map((entry) => ({ ...entry, coverage: entry.have.length / entry.total }))
    .sort((a, b) => b.coverage - a.coverage || a.missing.length - b.missing.length || a.id.localeCompare(b.id))
    .slice(0, first);
}

// ---- Calling the API -------------------------------------------------------------------------------------

async function errorOf(query: string, on: TestApi = api) {
  const response = await on.query(query);
  expect(response.errors, 'the operation should fail').toHaveLength(1);
  return (response.errors ?? [])[0] as { message: string; extensions?: Record<string, unknown> };
}

interface Skills {
  shared: { id: string }[];
}

describe('skillOverlap', () => {
  it('splits director and vp into shared and own skills, with their Jaccard index and overlap coefficient', async () => {
    const { skillOverlap } = await api.data<{ skillOverlap: { shared: { id: string; name: string }[]; onlyA: { id: string }[]; onlyB: { id: string }[]; jaccard: number; overlapCoefficient: number } }>(
      `{ skillOverlap(a: "director", b: "vp") {
          shared { id name } onlyA { id } onlyB { id }
          jaccard overlapCoefficient } }`,
    );
    const director = setOf('director');
    const vp = setOf('vp');
    expect(ids(skillOverlap.shared)).toEqual(sorted(intersection(director, vp)));
    expect(ids(skillOverlap.onlyA)).toEqual(sorted([...director].filter((id) => !vp.has(id))));
    expect(ids(skillOverlap.onlyB)).toEqual(sorted([...vp].filter((id) => !director.has(id))));
    expect(skillOverlap.shared.length).toBeGreaterThan(0);
    expect(skillOverlap.shared.every((skill) => skill.name.length > 0)).toBe(true);
    const { jaccard, overlapCoefficient } = expectedScores(director, vp);
    expect(skillOverlap.jaccard).toBe(jaccard);
    expect(skillOverlap.overlapCoefficient).toBe(overlapCoefficient);
  });

  it('includes the skills derived for a role without a page', async () => {
    const { skillOverlap } = await api.data<{ skillOverlap: Skills & { sharedCount: number; jaccard: number } }>(
      '{ skillOverlap(a: "vp", b: "cto") { shared { id } sharedCount jaccard } }',
    );
    expect(setOf('cto').size).toBeGreaterThan(0);
    expect(ids(skillOverlap.shared)).toEqual(sorted(intersection(setOf('vp'), setOf('cto'))));
    expect(skillOverlap).toMatchObject({ sharedCount: skillOverlap.shared.length, jaccard: expectedScores(setOf('vp'), setOf('cto')).jaccard });
  });

  it('compares only the skills of the categories asked for, named by name or id', async () => {
    const categories = ['executive-leadership', 'business-acumen'];
    const { skillOverlap } = await api.data<{ skillOverlap: Skills & { jaccard: number; overlapCoefficient: number } }>(
      '{ skillOverlap(a: "director", b: "vp", categories: ["Executive Leadership", "business-acumen"]) { shared { id } jaccard overlapCoefficient } }',
    );
    const director = setOf('director', categories);
    const vp = setOf('vp', categories);
    expect(ids(skillOverlap.shared)).toEqual(sorted(intersection(director, vp)));
    expect(skillOverlap).toMatchObject({ jaccard: expectedScores(director, vp).jaccard, overlapCoefficient: expectedScores(director, vp).overlapCoefficient });
  });
});

interface Matrix {
  overlapMatrix: { roles: { id: string }[]; cells: { a: string; b: string; jaccard: number; sharedCount: number }[]; jaccardRows: number[][] };
}

describe('overlapMatrix', () => {
  it('gives every ordered pair of the roles, row by row: symmetric, 1 on the diagonal, each cell exact', async () => {
    const { overlapMatrix } = await api.data<Matrix>(`{ overlapMatrix(roles: ["manager", "director", "vp", "cto", "ceo"]) {
      roles { id } cells { a b jaccard sharedCount } } }`);
    const roles = ['manager', 'director', 'vp', 'cto', 'ceo'];
    expect(ids(overlapMatrix.roles)).toEqual(roles);
    expect(overlapMatrix.cells).toEqual(
      roles.flatMap((a) =>
        roles.map((b) => {
          const { jaccard, sharedCount } = expectedScores(setOf(a), setOf(b));
          return { a, b, jaccard, sharedCount };
        }),
      ),
    );
    for (const cell of overlapMatrix.cells.filter((cell) => cell.a === cell.b)) expect(cell.jaccard).toBe(1);
  });

  it('gives the same Jaccard indexes as rows, without the ids', async () => {
    const roles = ['manager', 'director', 'vp', 'cto', 'ceo'];
    const { overlapMatrix } = await api.data<Matrix>(`{ overlapMatrix(roles: ${JSON.stringify(roles)}) { jaccardRows } }`);
    expect(overlapMatrix.jaccardRows).toEqual(roles.map((a) => roles.map((b) => expectedScores(setOf(a), setOf(b)).jaccard)));
  });

  it('compares every role, lowest level first, when no roles are named', async () => {
    const { overlapMatrix } = await api.data<Matrix>('{ overlapMatrix { roles { id } cells { a b jaccard } } }');
    expect(ids(overlapMatrix.roles)).toEqual(['individual-contributor', 'manager', 'director', 'vp', 'ceo', 'cto']);
    expect(overlapMatrix.cells).toHaveLength(36);
  });

  it('leaves out the cells under minJaccard', async () => {
    const roles = ['individual-contributor', 'manager', 'director', 'vp', 'cto', 'ceo'];
    const { overlapMatrix } = await api.data<Matrix>(`{ overlapMatrix(roles: ${JSON.stringify(roles)}, minJaccard: 0.1) { cells { a b jaccard } jaccardRows } }`);
    const jaccard = (a: string, b: string) => expectedScores(setOf(a), setOf(b)).jaccard;
    const expected = roles.flatMap((a) => roles.map((b) => ({ a, b, jaccard: jaccard(a, b) }))).filter((cell) => cell.jaccard >= 0.1);
    expect(expected.length).toBeLessThan(36);
    expect(overlapMatrix.cells).toEqual(expected);
    expect(overlapMatrix.jaccardRows).toEqual(roles.map((a) => roles.map((b) => (jaccard(a, b) >= 0.1 ? jaccard(a, b) : 0))));
  });

  it('refuses more roles than MAX_MATRIX_ROLES allows, named or all, as BAD_USER_INPUT naming roles', async () => {
    const small = await startTestApi(database, { maxMatrixRoles: 3 });
    try {
      const named = await errorOf('{ overlapMatrix(roles: ["manager", "director", "vp", "cto"]) { cells { a } } }', small);
      expect(named.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'roles' });
      expect(named.message).toMatch(/at most 3 roles/);
      const all = await errorOf('{ overlapMatrix { cells { a } } }', small);
      expect(all.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'roles' });
      const within = await small.query<Matrix>('{ overlapMatrix(roles: ["manager", "director", "vp"]) { cells { a } } }');
      expect(within.data?.overlapMatrix.cells).toHaveLength(9);
    } finally {
      await small.stop();
    }
  });
});

describe('similarRoles', () => {
  it('ranks the roles that share skills with vp by Jaccard index, exactly', async () => {
    const { similarRoles } = await api.data<{ similarRoles: { role: { id: string }; jaccard: number; shared: { id: string }[] }[] }>(
      '{ similarRoles(to: "vp", first: 3) { role { id } jaccard shared { id } } }',
    );
    expect(similarRoles.map((entry) => ({ id: entry.role.id, jaccard: entry.jaccard, shared: ids(entry.shared) }))).toEqual(
      expectedSimilar('vp', 3).map(({ id, jaccard, shared }) => ({ id, jaccard, shared })),
    );
    expect(similarRoles).toHaveLength(3);
  });

  it('takes minJaccard and categories', async () => {
    const { similarRoles } = await api.data<{ similarRoles: { role: { id: string }; jaccard: number; sharedCount: number }[] }>(
      '{ similarRoles(to: "director", first: 10, minJaccard: 0.05, categories: ["talent", "strategy"]) { role { id } jaccard sharedCount } }',
    );
    expect(similarRoles.map((entry) => ({ id: entry.role.id, jaccard: entry.jaccard, sharedCount: entry.sharedCount }))).toEqual(
      expectedSimilar('director', 10, 0.05, ['talent', 'strategy']).map(({ id, jaccard, sharedCount }) => ({ id, jaccard, sharedCount })),
    );
  });
});

describe('skillCentrality', () => {
  interface Central {
    skill: { id: string; name: string };
    roleCount: number;
    categories: number;
    betweenness: number;
  }
  const comparable = (list: Central[]) => list.map((entry) => ({ id: entry.skill.id, roleCount: entry.roleCount, categories: entry.categories, betweenness: entry.betweenness }));

  it('ranks the skills that bridge roles by their betweenness, exactly', async () => {
    const { skillCentrality } = await api.data<{ skillCentrality: Central[] }>('{ skillCentrality(first: 10) { skill { id name } roleCount categories betweenness } }');
    const expected = expectedCentrality(10);
    expect(skillCentrality.map((entry) => entry.skill.id)).toEqual(expected.map((entry) => entry.id));
    comparable(skillCentrality).forEach((entry, index) => {
      const wanted = expected[index] as (typeof expected)[number];
      expect(entry).toMatchObject({ id: wanted.id, roleCount: wanted.roleCount, categories: wanted.categories });
      expect(entry.betweenness).toBeCloseTo(wanted.betweenness, 9);
    });
    expect(skillCentrality[0]?.betweenness).toBeGreaterThan(0);
  });

  it('ranks within the categories asked for, on the graph of those skills only', async () => {
    const { skillCentrality } = await api.data<{ skillCentrality: Central[] }>(
      '{ skillCentrality(first: 100, categories: ["Communication"]) { skill { id name } roleCount categories betweenness } }',
    );
    const expected = expectedCentrality(100, ['communication']);
    expect(expected.length).toBeGreaterThan(0);
    expect(skillCentrality.map((entry) => entry.skill.id)).toEqual(expected.map((entry) => entry.id));
    comparable(skillCentrality).forEach((entry, index) => expect(entry.betweenness).toBeCloseTo(expected[index]?.betweenness ?? NaN, 9));
  });
});

describe('readiness', () => {
  interface Ready {
    role: { id: string };
    coverage: number;
    have: { id: string }[];
    missing: { id: string }[];
    unknownSkills: string[];
  }

  it('ranks roles by how much of their skills a person has, with what is missing', async () => {
    const { readiness } = await api.data<{ readiness: Ready[] }>(`{ readiness(skills: ["vision-setting", "budgeting", "public-speaking"], first: 5) {
      role { id } coverage have { id } missing { id } } }`);
    const expected = expectedReadiness(['vision-setting', 'budgeting', 'public-speaking'], 5);
    expect(readiness.map((entry) => ({ id: entry.role.id, coverage: entry.coverage, have: ids(entry.have), missing: ids(entry.missing) }))).toEqual(
      expected.map(({ id, coverage, have, missing }) => ({ id, coverage, have, missing })),
    );
    expect(readiness[0]?.coverage).toBeGreaterThan(0);
  });

  it('reports skill ids it does not know instead of failing', async () => {
    const { readiness } = await api.data<{ readiness: Ready[] }>('{ readiness(skills: ["budgeting", "juggling", "budgeting"], first: 2) { role { id } unknownSkills } }');
    expect(readiness).toHaveLength(2);
    for (const entry of readiness) expect(entry.unknownSkills).toEqual(['juggling']);
    expect(readiness.map((entry) => entry.role.id)).toEqual(expectedReadiness(['budgeting'], 2).map((entry) => entry.id));
  });
});

describe('a role with no skills', () => {
  beforeAll(() => database.write("CREATE (:Role {id: 'empty-role', title: 'Empty role', level: 1, sourceFile: 'test', sourceLine: 1})"));
  afterAll(() => database.write("MATCH (r:Role {id: 'empty-role'}) DETACH DELETE r"));

  it('scores 0, never NaN or an error, against any role and against itself', async () => {
    const { skillOverlap } = await api.data<{ skillOverlap: { shared: unknown[]; jaccard: number; overlapCoefficient: number } }>(
      '{ skillOverlap(a: "empty-role", b: "vp") { shared { id } jaccard overlapCoefficient } }',
    );
    expect(skillOverlap).toEqual({ shared: [], jaccard: 0, overlapCoefficient: 0 });
    const self = await api.data<{ skillOverlap: { jaccard: number; overlapCoefficient: number } }>('{ skillOverlap(a: "empty-role", b: "empty-role") { jaccard overlapCoefficient } }');
    expect(self.skillOverlap).toEqual({ jaccard: 0, overlapCoefficient: 0 });
    const { overlapMatrix } = await api.data<Matrix>('{ overlapMatrix(roles: ["empty-role", "vp"]) { cells { a b jaccard sharedCount } } }');
    expect(overlapMatrix.cells).toEqual([
      { a: 'empty-role', b: 'empty-role', jaccard: 0, sharedCount: 0 },
      { a: 'empty-role', b: 'vp', jaccard: 0, sharedCount: 0 },
      { a: 'vp', b: 'empty-role', jaccard: 0, sharedCount: 0 },
      { a: 'vp', b: 'vp', jaccard: 1, sharedCount: setOf('vp').size },
    ]);
  });

  it('has no similar roles and is left out of readiness', async () => {
    const { similarRoles } = await api.data<{ similarRoles: unknown[] }>('{ similarRoles(to: "empty-role") { role { id } } }');
    expect(similarRoles).toEqual([]);
    const { readiness } = await api.data<{ readiness: { role: { id: string } }[] }>('{ readiness(skills: [], first: 100) { role { id } coverage } }');
    expect(readiness.map((entry) => entry.role.id)).not.toContain('empty-role');
    expect(readiness).toHaveLength([...skillSets.values()].filter((skills) => skills.size > 0).length);
  });
});

describe('unknown ids', () => {
  it('are NOT_FOUND with the closest ids, for roles in every operation', async () => {
    for (const query of [
      '{ skillOverlap(a: "directr", b: "vp") { jaccard } }',
      '{ overlapMatrix(roles: ["vp", "directr"]) { cells { a } } }',
      '{ similarRoles(to: "directr") { jaccard } }',
    ]) {
      const error = await errorOf(query);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'role', id: 'directr', suggestions: ['director'] });
    }
  });

  it('are NOT_FOUND with the closest ids for categories', async () => {
    const error = await errorOf('{ skillCentrality(categories: ["Comunication"]) { betweenness } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'skill category', id: 'comunication', suggestions: ['communication'] });
  });
});

describe('bad arguments', () => {
  it.each([
    ['{ similarRoles(to: "vp", first: 0) { jaccard } }', 'first'],
    ['{ skillCentrality(first: 101) { betweenness } }', 'first'],
    ['{ readiness(skills: ["budgeting"], first: 0) { coverage } }', 'first'],
    ['{ similarRoles(to: "vp", minJaccard: 1.5) { jaccard } }', 'minJaccard'],
    ['{ overlapMatrix(roles: ["vp"], minJaccard: -0.1) { cells { a } } }', 'minJaccard'],
    ['{ skillOverlap(a: "Vice President", b: "vp") { jaccard } }', 'a'],
    ['{ skillOverlap(a: "vp", b: "vp!") { jaccard } }', 'b'],
    ['{ similarRoles(to: "VP") { jaccard } }', 'to'],
    ['{ overlapMatrix(roles: ["vp", "Not a slug"]) { cells { a } } }', 'roles'],
    ['{ overlapMatrix(roles: ["vp", "vp"]) { cells { a } } }', 'roles'],
    ['{ readiness(skills: ["Public Speaking"]) { coverage } }', 'skills'],
    ['{ skillOverlap(a: "vp", b: "cto", categories: []) { jaccard } }', 'categories'],
    ['{ skillCentrality(categories: ["***"]) { betweenness } }', 'categories'],
  ])('%s is BAD_USER_INPUT naming %s', async (query, argument) => {
    const error = await errorOf(query);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

// The seed has six roles; a generated taxonomy has enough roles, popular skills and ties to exercise ranking.
describe('on a generated taxonomy of 80 roles', () => {
  let pages: RolePage[];
  beforeAll(async () => {
    const taxonomy = generateTaxonomy({ roles: 80, skills: 400, links: 2400, transitions: 160, seed: 7, zipfExponent: 0.65 });
    pages = taxonomy.roles.map((role, index) => parseRolePage(renderRolePage(taxonomy, index), pageFileName(role)));
    await clearGraph(database);
    await loadPages(database, pages);
    await readGraph();
  });
  afterAll(() => seedGraph(database));

  interface Ranked {
    id: string;
    roleCount: number;
    categories: number;
    betweenness: number;
  }

  async function centrality(): Promise<Ranked[]> {
    const { skillCentrality } = await api.data<{ skillCentrality: { skill: { id: string }; roleCount: number; categories: number; betweenness: number }[] }>(
      '{ skillCentrality(first: 100) { skill { id } roleCount categories betweenness } }',
    );
    return skillCentrality.map(({ skill, ...figures }) => ({ id: skill.id, ...figures }));
  }

  /** Compares the API's ranking with the test's own computation on the graph as it is now. */
  async function expectExactCentrality(ranking: Ranked[]): Promise<void> {
    await readGraph();
    const expected = expectedCentrality(100);
    expect(ranking.map((entry) => [entry.id, entry.roleCount, entry.categories])).toEqual(expected.map((entry) => [entry.id, entry.roleCount, entry.categories]));
    ranking.forEach((entry, index) => expect(entry.betweenness).toBeCloseTo(expected[index]?.betweenness ?? NaN, 9));
  }

  async function mutate(query: string): Promise<void> {
    const response = await api.query(query, undefined, { authorization: `Bearer ${testApiToken}` });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  }

  it('ranks skill centrality exactly', async () => {
    await expectExactCentrality(await centrality());
  });

  it('stores every skill\'s roleCount and betweenness with the write that loaded the pages', async () => {
    const stored = await database.read<{ id: string; roleCount: number; betweenness: number }>(
      'MATCH (s:Skill) RETURN s.id AS id, s.roleCount AS roleCount, s.betweenness AS betweenness ORDER BY id',
    );
    const expected = new Map(expectedCentrality(Infinity).map((entry) => [entry.id, entry]));
    expect(stored.map((row) => row.id)).toEqual(sorted(skillCategories.keys()));
    for (const row of stored) {
      expect(row.roleCount).toBe(expected.get(row.id)?.roleCount ?? 0);
      expect(row.betweenness).toBeCloseTo(expected.get(row.id)?.betweenness ?? 0, 9);
    }
  });

  it('serves no stale ranking after a curation mutation', async () => {
    const before = await centrality();
    const top = before[0] as Ranked;
    const outsider = sorted(skillSets.keys()).find((role) => !skillSets.get(role)?.has(top.id)) as string;
    await mutate(`mutation { addSkillToRole(roleId: "${outsider}", skillId: "${top.id}") { id } }`);
    const added = await centrality();
    expect(added.find((entry) => entry.id === top.id)?.roleCount).toBe(top.roleCount + 1);
    await expectExactCentrality(added);

    await mutate(`mutation { removeSkillFromRole(roleId: "${outsider}", skillId: "${top.id}") { id } }`);
    const removed = await centrality();
    await expectExactCentrality(removed);
    expect(removed.map((entry) => [entry.id, entry.roleCount])).toEqual(before.map((entry) => [entry.id, entry.roleCount]));
  });

  it('serves no stale ranking after a page is imported again with other skills', async () => {
    const before = await centrality();
    const top = before[0] as Ranked;
    const page = pages.find((candidate) => candidate.skills.some((skill) => skill.id === top.id)) as RolePage;
    await loadPages(database, [{ ...page, skills: page.skills.filter((skill) => skill.id !== top.id) }]);
    const cut = await centrality();
    expect(cut.find((entry) => entry.id === top.id)?.roleCount).toBe(top.roleCount - 1);
    await expectExactCentrality(cut);

    await loadPages(database, [page]);
    await expectExactCentrality(await centrality());
  });

  it('computes the ranking when a skill has no stored figures, as in a graph written before they were stored', async () => {
    await database.write('MATCH (s:Skill) WITH s ORDER BY s.betweenness DESC LIMIT 1 REMOVE s.roleCount, s.betweenness');
    await expectExactCentrality(await centrality());
    await database.writeTransaction(refreshDerivedFacts);
    expect(await database.read('MATCH (s:Skill) WHERE s.betweenness IS NULL RETURN s.id AS id')).toEqual([]);
  });

  /** Compares the API's similar roles with the test's own ranking on the graph as it is now. */
  async function expectExactSimilar(roles: Iterable<string>, first: number): Promise<void> {
    await readGraph();
    for (const role of roles) {
      const { similarRoles } = await api.data<{ similarRoles: { role: { id: string }; jaccard: number; overlapCoefficient: number; sharedCount: number; shared: { id: string }[] }[] }>(
        `{ similarRoles(to: "${role}", first: ${first}) { role { id } jaccard overlapCoefficient sharedCount shared { id } } }`,
      );
      expect(
        similarRoles.map((entry) => ({ id: entry.role.id, jaccard: entry.jaccard, overlapCoefficient: entry.overlapCoefficient, sharedCount: entry.sharedCount, shared: ids(entry.shared) })),
        `similar to ${role}`,
      ).toEqual(
        expectedSimilar(role, first).map(({ id, jaccard, overlapCoefficient, sharedCount, shared }) => ({ id, jaccard, overlapCoefficient, sharedCount, shared })),
      );
    }
  }

  it('ranks similar roles exactly, for every role', async () => {
    await expectExactSimilar(skillSets.keys(), 5);
  });

  it('counts a skill once in the roles it is compared with when a curator and the page both state it', async () => {
    const page = pages[0] as RolePage;
    const skill = (page.skills[0] as RolePage['skills'][number]).id;
    // The curator's link replaces the page's; importing the page again brings the page's back beside it.
    await mutate(`mutation { addSkillToRole(roleId: "${page.role.id}", skillId: "${skill}") { id } }`);
    await loadPages(database, [page]);
    expect(await database.read('MATCH (:Role {id: $role})-[q:REQUIRES_SKILL]->(:Skill {id: $skill}) RETURN count(q) AS links', { role: page.role.id, skill })).toEqual([{ links: 2 }]);
    const sharing = [...skillSets.keys()].filter((role) => role !== page.role.id && skillSets.get(role)?.has(skill)).slice(0, 5);
    await expectExactSimilar([page.role.id, ...sharing], 80);
  });

  it('ranks similar roles exactly on a graph written before roles stored the size of their skill sets', async () => {
    await database.write('MATCH (r:Role) REMOVE r.skillCount');
    await expectExactSimilar([...skillSets.keys()].slice(0, 10), 7);
    await database.writeTransaction(refreshDerivedFacts);
    expect(await database.read('MATCH (r:Role) WHERE r.skillCount IS NULL RETURN r.id AS id')).toEqual([]);
  });

  it('gives the matrix of every role exactly', async () => {
    const { overlapMatrix } = await api.data<Matrix>('{ overlapMatrix { roles { id } cells { a b jaccard sharedCount } } }');
    const roles = ids(overlapMatrix.roles);
    expect(sorted(roles)).toEqual(sorted(skillSets.keys()));
    expect(overlapMatrix.cells).toEqual(
      roles.flatMap((a) =>
        roles.map((b) => {
          const { jaccard, sharedCount } = expectedScores(setOf(a), setOf(b));
          return { a, b, jaccard, sharedCount };
        }),
      ),
    );
  });

  it('ranks readiness exactly', async () => {
    const person = [...skillCategories.keys()].sort().filter((_, index) => index % 9 === 0);
    const { readiness } = await api.data<{ readiness: { role: { id: string }; coverage: number; have: { id: string }[]; missing: { id: string }[] }[] }>(
      `{ readiness(skills: ${JSON.stringify(person)}, first: 20) { role { id } coverage have { id } missing { id } } }`,
    );
    expect(readiness.map((entry) => ({ id: entry.role.id, coverage: entry.coverage, have: ids(entry.have), missing: ids(entry.missing) }))).toEqual(
      expectedReadiness(person, 20).map(({ id, coverage, have, missing }) => ({ id, coverage, have, missing })),
    );
  });
});
