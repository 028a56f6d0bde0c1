import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph, startTestApi, type TestApi } from '../../tests/api-server.js';
import { clearGraph, openTestDatabase } from '../../tests/neo4j.js';
import { loadPages } from '../importer/load/graph.loader.js';
import { readPages } from '../importer/read/pages.reader.js';

// Every expectation here is read by hand from seed/vp.md (or from the small pages written below), never
// from the API's own answers.

const database = openTestDatabase();
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(database);
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

const ids = (list: { id: string }[]) => list.map((item) => item.id);
const sorted = (list: string[]) => [...list].sort();

/** Checks that each piece of evidence is on the line of the file it names. */
async function expectOnItsLine(evidence: { text: string; file: string; line: number }[]): Promise<void> {
  for (const { text, file, line } of evidence) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[line - 1]?.replace(/[*_]/g, ''), `${file}:${line}`).toContain(text);
  }
}

// seed/vp.md lines 53-58, the Key Skill Sets table.
const vpSkills = [
  'vision-setting', 'organizational-strategy', 'change-management', 'executive-presence', 'board-communication',
  'p-and-l-management', 'budgeting', 'market-dynamics', 'competitive-analysis', 'roi-thinking',
  'building-executive-teams', 'succession-planning', 'culture-shaping', 'talent-strategy',
  'board-presentations', 'investor-narratives', 'public-speaking', 'written-communication-at-scale',
  'multi-year-planning', 'scenario-analysis', 'prioritization-at-scale', 'risk-management',
  'org-design', 'm-and-a-integration', 'scaling-operations', 'navigating-politics',
];

const delta = 'targetProfile gained { id basis evidence { text file line } } retained { id basis } dropped { id } unstated { id }';

describe('on the seed', () => {
  beforeAll(() => seedGraph(database));

  it('VP → CTO keeps the VP\'s skills, gains what the transition develops with its sentence, and drops nothing', async () => {
    const { transitionPlan } = await api.data(`{ transitionPlan(from: "vp", to: "cto") { truncated paths {
      skillDelta { ${delta} }
      steps { skillDelta { ${delta} } develops { capability skill { id } evidence { text file line } } } } } }`);
    expect(transitionPlan.truncated).toBe(false);
    const [path] = transitionPlan.paths;
    const [step] = path.steps;
    for (const skillDelta of [path.skillDelta, step.skillDelta]) {
      expect(skillDelta.targetProfile).toBe('INFERRED');
      expect(skillDelta.dropped).toEqual([]);
      expect(skillDelta.unstated).toEqual([]);
      expect(sorted(ids(skillDelta.retained))).toEqual(sorted(vpSkills));
      // Line 134, the shift "Technology strategy ownership", names the individual contributor's "ownership".
      expect(skillDelta.gained).toEqual([
        { id: 'ownership', basis: 'DEVELOPED', evidence: [{ text: 'Technology strategy ownership', file: 'seed/vp.md', line: 134 }] },
      ]);
    }
    // Lines 134-162: the skills one sentence names, and the four actions whose titles name none.
    expect(step.develops.map((item: { capability: string; skill: { id: string } | null; evidence: { line: number }[] }) => [item.capability, item.skill?.id ?? null, item.evidence.map((e) => e.line)])).toEqual([
      ['Ownership', 'ownership', [134]],
      ['Develop Deep Product Intuition', null, [139]],
      ['Market dynamics', 'market-dynamics', [141]],
      ['Build External Technology Presence', null, [146]],
      ['Drive Technology Differentiation', null, [153]],
      ['Expand Business Acumen', null, [160]],
      ['Board presentations', 'board-presentations', [162]],
    ]);
    await expectOnItsLine(step.develops.flatMap((item: { evidence: { text: string; file: string; line: number }[] }) => item.evidence));
    await expectOnItsLine(step.skillDelta.gained.flatMap((skill: { evidence: { text: string; file: string; line: number }[] }) => skill.evidence));
  });

  it('gives the CTO the VP\'s skills as inherited and what the move develops, each with its basis', async () => {
    const { role } = await api.data('{ role(id: "cto") { profile skills { id basis bases inheritedFrom { id } evidence { line } } } }');
    expect(role.profile).toBe('INFERRED');
    expect(sorted(ids(role.skills))).toEqual(sorted([...vpSkills, 'ownership']));
    const byId = new Map(role.skills.map((skill: { id: string }) => [skill.id, skill]));
    expect(byId.get('vision-setting')).toEqual({ id: 'vision-setting', basis: 'INHERITED', bases: ['INHERITED'], inheritedFrom: [{ id: 'vp' }], evidence: [] });
    expect(byId.get('market-dynamics')).toEqual({
      id: 'market-dynamics',
      basis: 'INHERITED',
      bases: ['INHERITED', 'DEVELOPED'],
      inheritedFrom: [{ id: 'vp' }],
      evidence: [{ line: 141 }],
    });
    const { role: vp } = await api.data('{ role(id: "vp") { profile skills { basis } } }');
    expect(vp.profile).toBe('STATED');
    expect(new Set(vp.skills.map((skill: { basis: string }) => skill.basis))).toEqual(new Set(['STATED']));
  });

  it('VP → CEO gains nothing the VP lacks: what it develops (lines 181, 190) the VP page already lists', async () => {
    const { transitionPlan } = await api.data(`{ transitionPlan(from: "vp", to: "ceo") { paths { skillDelta { ${delta} } } } }`);
    const [path] = transitionPlan.paths;
    expect(path.skillDelta.gained).toEqual([]);
    expect(path.skillDelta.dropped).toEqual([]);
    expect(sorted(ids(path.skillDelta.retained))).toEqual(sorted(vpSkills));
  });

  it.each(['cto', 'ceo'])('ranks the VP first among the roles similar to the %s', async (to) => {
    const { similarRoles } = await api.data('query($to: ID!) { similarRoles(to: $to) { role { id } } }', { to });
    expect(similarRoles[0].role.id).toBe('vp');
  });

  it('lets analytics count only some bases', async () => {
    // Nothing states a CTO skill: counting stated links only, it shares none with anyone.
    expect((await api.data('{ similarRoles(to: "cto", bases: [STATED]) { role { id } } }')).similarRoles).toEqual([]);
    const { skillOverlap } = await api.data('{ skillOverlap(a: "vp", b: "cto", bases: [STATED, DEVELOPED]) { shared { id } } }');
    expect(sorted(ids(skillOverlap.shared))).toEqual(['board-presentations', 'market-dynamics']);
    const { readiness } = await api.data('{ readiness(skills: ["ownership"], bases: [DEVELOPED], first: 1) { role { id } coverage } }');
    // CTO's developed skills (lines 134, 141, 162): ownership, market dynamics, board presentations.
    expect(readiness).toEqual([{ role: { id: 'cto' }, coverage: 1 / 3 }]);
  });
});

/** Small pages, written for these tests: two roles with pages lead into Summit, which has none. */
const pages: Record<string, string> = {
  'start.md': `---
label: Start
---

# Start

## Key Skill Sets

| Category | Skills |
|----------|--------|
| **Craft** | Typing |

## Transition to Alpha

### Timeline
Typically 1-2 years.

## Transition to Beta

### Timeline
Typically 1-2 years.
`,
  'alpha.md': `---
label: Alpha
---

# Alpha

## Key Skill Sets

| Category | Skills |
|----------|--------|
| **Business** | Budgeting, Hiring |
| **People** | Coaching, Mentoring |

## Transition to Summit

### Timeline
Typically 2-3 years.

**Key Actions**

**1. Work With Vendors**
- Practise negotiation with vendors
`,
  'beta.md': `---
label: Beta
---

# Beta

## Key Skill Sets

| Category | Skills |
|----------|--------|
| **Business** | Budgeting, Hiring, Negotiation, Forecasting |

## Transition to Summit

### Timeline
Typically 2-3 years.
`,
};

describe('a role reached from two roles with pages', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'career-graph-bases-'));
    for (const [name, text] of Object.entries(pages)) await writeFile(join(folder, name), text);
    await clearGraph(database);
    await loadPages(database, await readPages(Object.keys(pages).map((name) => join(folder, name))));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('inherits what both predecessors state, and what a move into it develops', async () => {
    const { role } = await api.data('{ role(id: "summit") { profile skills { id bases inheritedFrom { id } evidence { text file line } } } }');
    expect(role.profile).toBe('INFERRED');
    expect(role.skills).toEqual([
      { id: 'budgeting', bases: ['INHERITED'], inheritedFrom: [{ id: 'alpha' }, { id: 'beta' }], evidence: [] },
      { id: 'hiring', bases: ['INHERITED'], inheritedFrom: [{ id: 'alpha' }, { id: 'beta' }], evidence: [] },
      // alpha.md line 22: "- Practise negotiation with vendors"; Beta's list names Negotiation.
      { id: 'negotiation', bases: ['DEVELOPED'], inheritedFrom: [], evidence: [{ text: 'Practise negotiation with vendors', file: join(folder, 'alpha.md'), line: 22 }] },
    ]);
  });

  it('lists apart what each predecessor has that nothing says the target keeps or drops', async () => {
    const { transitionPlan } = await api.data(`{ transitionPlan(from: "start", to: "summit") { paths { roles { id } steps { skillDelta { ${delta} } } } } }`);
    const stepInto = (via: string) =>
      transitionPlan.paths.find((path: { roles: { id: string }[] }) => path.roles[1]?.id === via).steps[1].skillDelta;
    expect(stepInto('alpha')).toMatchObject({ targetProfile: 'INFERRED', dropped: [], unstated: [{ id: 'coaching' }, { id: 'mentoring' }] });
    expect(ids(stepInto('alpha').gained)).toEqual(['negotiation']);
    expect(ids(stepInto('alpha').retained)).toEqual(['budgeting', 'hiring']);
    expect(stepInto('beta')).toMatchObject({ dropped: [], unstated: [{ id: 'forecasting' }], gained: [] });
    expect(ids(stepInto('beta').retained)).toEqual(['budgeting', 'hiring', 'negotiation']);
    // The step into Alpha, whose page states its skills, drops what Start has and Alpha does not list.
    const { transitionPlan: first } = await api.data(`{ transitionPlan(from: "start", to: "alpha") { paths { skillDelta { ${delta} } } } }`);
    expect(first.paths[0].skillDelta).toMatchObject({ targetProfile: 'STATED', dropped: [{ id: 'typing' }], unstated: [] });
  });

  it('orders paths by what the person has left to learn, and says when it cut the list', async () => {
    const plan = `query($have: [ID!], $first: Int!) { transitionPlan(from: "start", to: "summit", orderBy: SKILLS_TO_LEARN, have: $have, first: $first) {
      truncated paths { roles { id } toLearn { id } steps { toLearn { id } } } } }`;
    const via = (result: Record<string, any>) => result.transitionPlan.paths.map((path: { roles: { id: string }[] }) => path.roles[1]?.id);
    // Knowing only Start's Typing: via Beta 4 to learn (its 4), via Alpha 5 (its 4, then Negotiation).
    const without = await api.data(plan, { first: 10 });
    expect(via(without)).toEqual(['beta', 'alpha']);
    expect(without.transitionPlan.paths.map((path: { toLearn: unknown[] }) => path.toLearn.length)).toEqual([4, 5]);
    // With Coaching and Mentoring: via Alpha 3 (Budgeting, Hiring, then Negotiation), via Beta still 4.
    const withHave = await api.data(plan, { have: ['coaching', 'mentoring'], first: 10 });
    expect(via(withHave)).toEqual(['alpha', 'beta']);
    expect(withHave.transitionPlan.paths[0].steps.map((step: { toLearn: { id: string }[] }) => ids(step.toLearn))).toEqual([['budgeting', 'hiring'], ['negotiation']]);
    expect(withHave.transitionPlan.truncated).toBe(false);
    // Cut to one, the best one is kept, and the answer says it was cut.
    const cut = await api.data(plan, { have: ['coaching', 'mentoring'], first: 1 });
    expect(via(cut)).toEqual(['alpha']);
    expect(cut.transitionPlan.truncated).toBe(true);
    const { shortestPath } = await api.data('{ shortestPath(from: "alpha", to: "summit", have: ["budgeting"]) { toLearn { id } } }');
    expect(ids(shortestPath.toLearn)).toEqual(['hiring', 'negotiation']);
  });
});
