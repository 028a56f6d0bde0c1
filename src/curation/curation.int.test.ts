import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, testApiToken, type TestApi } from '../../tests/api-server.js';
import { dumpGraph } from '../../tests/graph-dump.js';
import { openTestDatabase } from '../../tests/neo4j.js';
import { loadPages } from '../importer/load/graph.loader.js';
import { readPages } from '../importer/read/pages.reader.js';

const database = openTestDatabase();
let api: TestApi;
const curator = { authorization: `Bearer ${testApiToken}` };

beforeAll(async () => {
  api = await startTestApi(database);
});

beforeEach(() => seedGraph(database));

afterAll(async () => {
  await api.stop();
  await database.close();
});

async function mutate(query: string, variables?: Record<string, unknown>) {
  const response = await api.query(query, variables, curator);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as Record<string, any>;
}

async function refused(query: string, headers: Record<string, string> = curator, variables?: Record<string, unknown>) {
  const response = await api.query(query, variables, headers);
  expect(response.data ?? null).toBeNull();
  return response.errors?.[0]?.extensions ?? {};
}

const createStaff = 'mutation { createRole(input: { id: "staff-engineer", title: "Staff Engineer", question: "How do we build it right?" }) { id title question level hasPage source } }';

// Access: write-access.int.test.ts, for every mutation of the schema.

describe('roles', () => {
  it('creates, updates and deletes a role', async () => {
    expect((await mutate(createStaff)).createRole).toEqual({
      id: 'staff-engineer',
      title: 'Staff Engineer',
      question: 'How do we build it right?',
      level: 1,
      hasPage: false,
      source: 'api',
    });
    const updated = await mutate('mutation { updateRole(id: "staff-engineer", input: { title: "Staff Software Engineer", question: null }) { title question } }');
    expect(updated.updateRole).toEqual({ title: 'Staff Software Engineer', question: null });
    expect((await mutate('mutation { deleteRole(id: "staff-engineer") }')).deleteRole).toBe('staff-engineer');
    expect((await api.query('{ role(id: "staff-engineer") { id } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a taken id as CONFLICT', async () => {
    expect(await refused('mutation { createRole(input: { id: "vp", title: "Another VP" }) { id } }')).toMatchObject({ code: 'CONFLICT' });
  });

  it.each([
    ['mutation { createRole(input: { id: "Staff Engineer", title: "Staff" }) { id } }', 'input.id'],
    ['mutation { createRole(input: { id: "staff", title: "   " }) { id } }', 'input.title'],
    [`mutation { createRole(input: { id: "staff", title: "${'x'.repeat(201)}" }) { id } }`, 'input.title'],
    ['mutation { updateRole(id: "vp", input: { title: null }) { id } }', 'input.title'],
  ])('validates its input: %s names %s', async (query, argument) => {
    const before = await dumpGraph(database);
    expect(await refused(query)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await dumpGraph(database)).toBe(before);
  });

  it('deletes a role with its page facts and the transitions into and out of it', async () => {
    await mutate('mutation { deleteRole(id: "director") }');
    const left = await database.read<{ n: number }>(
      "MATCH (t:Transition) WHERE t.id IN ['manager-to-director', 'director-to-vp'] RETURN count(t) AS n",
    );
    expect(left).toEqual([{ n: 0 }]);
    const levels = (await mutate('{ roles(first: 10) { id level } }')).roles;
    expect(levels).toContainEqual({ id: 'vp', level: 1 });
  });
});

describe('skills of a role', () => {
  it('adds an existing skill and a new one, and removes one', async () => {
    await mutate('mutation { addSkillToRole(roleId: "manager", skillId: "budgeting") { id } }');
    const added = await mutate('mutation { addSkillToRole(roleId: "manager", skillId: "negotiation", skillName: "Negotiation", category: "Business Acumen") { skills { id category } } }');
    expect(added.addSkillToRole.skills).toEqual(expect.arrayContaining([{ id: 'budgeting', category: null }, { id: 'negotiation', category: 'Business Acumen' }]));
    const { skill } = await mutate('{ skill(id: "negotiation") { name categories roles { id } } }');
    expect(skill).toEqual({ name: 'Negotiation', categories: ['Business Acumen'], roles: [{ id: 'manager' }] });
    const removed = await mutate('mutation { removeSkillFromRole(roleId: "manager", skillId: "budgeting") { skills { id } } }');
    expect(removed.removeSkillFromRole.skills).not.toContainEqual({ id: 'budgeting' });
  });

  it('needs a name to create a new skill, and reports a skill the role lacks as NOT_FOUND', async () => {
    expect(await refused('mutation { addSkillToRole(roleId: "manager", skillId: "juggling") { id } }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'skillName' });
    expect(await refused('mutation { removeSkillFromRole(roleId: "manager", skillId: "board-communication") { id } }')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('mutation { addSkillToRole(roleId: "mangaer", skillId: "budgeting") { id } }')).toMatchObject({ code: 'NOT_FOUND', suggestions: ['manager'] });
  });
});

describe('skills the graph derives', () => {
  const ctoSkills = '{ role(id: "cto") { skills { id basis } } }';

  it('removes a derived skill for good: later derivations respect it, and a delta then drops it', async () => {
    // market-dynamics: inherited from the VP's list (vp.md line 54) and developed by line 141.
    expect((await mutate(ctoSkills)).role.skills).toContainEqual({ id: 'market-dynamics', basis: 'INHERITED' });
    const removed = await mutate('mutation { removeSkillFromRole(roleId: "cto", skillId: "market-dynamics") { skills { id } } }');
    expect(removed.removeSkillFromRole.skills).not.toContainEqual({ id: 'market-dynamics' });
    // Another write derives everything again, and so does importing the VP page again.
    await mutate('mutation { addSkillToRole(roleId: "manager", skillId: "budgeting") { id } }');
    await loadPages(database, await readPages(['seed/vp.md']));
    expect((await mutate(ctoSkills)).role.skills.map((skill: { id: string }) => skill.id)).not.toContain('market-dynamics');
    // The curator said the CTO does not need it: the move from VP now drops it, and only it.
    const { transitionPlan } = await mutate('{ transitionPlan(from: "vp", to: "cto") { paths { skillDelta { dropped { id } unstated { id } } } } }');
    expect(transitionPlan.paths[0].skillDelta).toEqual({ dropped: [{ id: 'market-dynamics' }], unstated: [] });
    // Adding it back states it, and lifts the exclusion.
    const added = await mutate('mutation { addSkillToRole(roleId: "cto", skillId: "market-dynamics") { skills { id basis } } }');
    expect(added.addSkillToRole.skills).toContainEqual({ id: 'market-dynamics', basis: 'STATED' });
    expect(await database.read<{ n: number }>("MATCH (:Role {id: 'cto'})-[x:EXCLUDES_SKILL]->() RETURN count(x) AS n")).toEqual([{ n: 0 }]);
  });
});

describe('transitions', () => {
  const upsert = `mutation($input: TransitionInput!) { upsertTransition(input: $input) { id from { id } to { id level } timeline { minYears maxYears openEnded text } source } }`;

  it('creates a transition, which moves the target up the ladder, and replaces its timeline', async () => {
    const created = await mutate(upsert, { input: { from: 'cto', to: 'ceo', minYears: 2, maxYears: 6, timelineText: 'Often 2-6 years' } });
    expect(created.upsertTransition).toEqual({
      id: 'cto-to-ceo',
      from: { id: 'cto' },
      to: { id: 'ceo', level: 6 },
      timeline: { minYears: 2, maxYears: 6, openEnded: false, text: 'Often 2-6 years' },
      source: 'api',
    });
    const replaced = await mutate(upsert, { input: { from: 'cto', to: 'ceo', minYears: 3, openEnded: true } });
    expect(replaced.upsertTransition.timeline).toEqual({ minYears: 3, maxYears: null, openEnded: true, text: null });
    const paths = (await mutate('{ transitionPaths(from: "vp", to: "ceo") { roles { id } } }')).transitionPaths;
    expect(paths).toHaveLength(2);
  });

  it('deletes a transition with everything it held', async () => {
    expect((await mutate('mutation { deleteTransition(from: "vp", to: "cto") }')).deleteTransition).toBe(true);
    expect((await mutate('{ transitionPaths(from: "vp", to: "cto") { hops } }')).transitionPaths).toEqual([]);
    const orphans = await database.read<{ n: number }>('MATCH (x:Shift|Action|Pitfall|ReadinessIndicator) WHERE NOT EXISTS { (x)<--(:Transition) } RETURN count(x) AS n');
    expect(orphans).toEqual([{ n: 0 }]);
    expect(await refused('mutation { deleteTransition(from: "vp", to: "cto") }')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    [{ from: 'cto', to: 'ceo', minYears: -1 }, 'input.minYears'],
    [{ from: 'cto', to: 'ceo', minYears: 5, maxYears: 3 }, 'input.maxYears'],
    [{ from: 'cto', to: 'cto' }, 'input.to'],
    [{ from: 'CTO!', to: 'ceo' }, 'input.from'],
  ])('validates %j, naming %s, and writes nothing', async (input, argument) => {
    const before = await dumpGraph(database);
    expect(await refused(upsert, curator, { input })).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await dumpGraph(database)).toBe(before);
  });
});
