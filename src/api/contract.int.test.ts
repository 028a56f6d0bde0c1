import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../../tests/api-server.js';

// The operations of the API's contract, exactly as its users write them, on the seeded graph.

const api = useSeededApi();

/** Runs an operation that must succeed and returns its data. */
describe('role(id)', () => {
  it('returns the VP with everything its page states', async () => {
    const { role } = await api.data(`{ role(id: "vp") { id title question
      responsibilities { area text }
      skills { id name category }
      activities { slot text }
      scope { key value }
      comparisons { dimension value source }
      transitionsOut { to { id title } timeline { text minYears maxYears } } } }`);
    expect(role.id).toBe('vp');
    expect(role.title).toBe('VP of Engineering');
    expect(role.question).toBe('How does engineering drive business success?');
    expect(role.responsibilities).toHaveLength(20);
    expect(new Set(role.responsibilities.map((r: { area: string }) => r.area)).size).toBe(5);
    expect(role.responsibilities[0]).toEqual({ area: 'Strategic Leadership', text: 'Set multi-year technology and organizational strategy' });
    expect(role.skills).toHaveLength(26);
    expect(role.skills[0]).toEqual({ id: 'vision-setting', name: 'Vision setting', category: 'Executive Leadership' });
    expect(new Set(role.skills.map((s: { category: string }) => s.category)).size).toBe(6);
    expect(role.activities).toHaveLength(17);
    expect(role.activities[0]).toEqual({ slot: 'Morning', text: 'Review org-wide health metrics and executive dashboards' });
    expect(role.scope).toEqual([
      { key: 'Direct reports', value: '4-8 Directors/Senior Directors' },
      { key: 'Org size', value: '100-500+ engineers' },
      { key: 'Span', value: 'Entire engineering function or major division' },
    ]);
    expect(role.comparisons).toContainEqual({ dimension: 'Reports to', value: 'CTO or CEO', source: 'seed/vp.md:102' });
    expect(role.comparisons.some((fact: { source: string }) => fact.source.startsWith('seed/director.md:'))).toBe(true);
    expect(role.transitionsOut).toEqual([
      { to: { id: 'ceo', title: 'CEO' }, timeline: expect.objectContaining({ minYears: 5, maxYears: 10 }) },
      { to: { id: 'cto', title: 'CTO' }, timeline: expect.objectContaining({ minYears: 5, maxYears: 10 }) },
    ]);
    expect(role.transitionsOut[0].timeline.text).toMatch(/^Typically 5-10\+ years as a VP/);
  });
});

describe('roles', () => {
  it('orders the ladder by level', async () => {
    const { roles } = await api.data('{ roles(orderBy: LEVEL_ASC, first: 10) { id title level } }');
    expect(roles.map((role: { id: string; level: number }) => [role.id, role.level])).toEqual([
      ['individual-contributor', 1],
      ['manager', 2],
      ['director', 3],
      ['vp', 4],
      ['ceo', 5],
      ['cto', 5],
    ]);
  });

  it('pages with first and offset', async () => {
    const { roles } = await api.data('{ roles(orderBy: LEVEL_DESC, first: 2, offset: 1) { id } }');
    expect(roles).toEqual([{ id: 'cto' }, { id: 'vp' }]);
  });
});

describe('skill(id)', () => {
  it('lists the roles that need it', async () => {
    const { skill } = await api.data('{ skill(id: "change-management") { name roles { id title } } }');
    expect(skill).toEqual({
      name: 'Change management',
      roles: [
        { id: 'director', title: 'Director of Engineering' },
        { id: 'vp', title: 'VP of Engineering' },
        // Without pages, both inherit it from the VP's list (vp.md line 53).
        { id: 'ceo', title: 'CEO' },
        { id: 'cto', title: 'CTO' },
      ],
    });
  });
});

describe('transitionPaths', () => {
  it('finds vp → cto as one step whose shifts are the page\'s four', async () => {
    const { transitionPaths } = await api.data(`{ transitionPaths(from: "vp", to: "cto", maxHops: 4) {
      roles { id }
      years { min max openEnded }
      steps { from { id } to { id }
        shifts { from to }
        actions { title bullets example }
        pitfalls readiness
        skillDelta { gained { id name } retained { id } dropped { id } } }
      skillDelta { gained { id } dropped { id } } } }`);
    expect(transitionPaths).toHaveLength(1);
    const [path] = transitionPaths;
    expect(path.roles).toEqual([{ id: 'vp' }, { id: 'cto' }]);
    expect(path.years).toEqual({ min: 5, max: 10, openEnded: true });
    expect(path.steps).toHaveLength(1);
    const [step] = path.steps;
    expect(step.shifts).toEqual([
      { from: 'Engineering execution focus', to: 'Technology vision focus' },
      { from: 'Internal org leadership', to: 'External technology leadership' },
      { from: 'Engineering budget ownership', to: 'Technology strategy ownership' },
      { from: 'Building engineering teams', to: 'Shaping product and technology direction' },
    ]);
    expect(step.actions.map((action: { title: string }) => action.title)).toEqual([
      'Develop Deep Product Intuition',
      'Build External Technology Presence',
      'Drive Technology Differentiation',
      'Expand Business Acumen',
    ]);
    expect(step.actions[3].example).toBeNull();
    expect(step.actions[0].bullets).toHaveLength(3);
    expect(step.pitfalls).toHaveLength(5);
    expect(step.readiness[0]).toBe('Deep product intuition and customer understanding');
    expect(step.readiness).toHaveLength(5);
  });

  it('compares the skills of each step and of the path, dropping only what a page states', async () => {
    // Read by hand from the Key Skill Sets of seed/director.md (lines 53-58) and seed/vp.md (lines 53-58).
    const shared = ['budgeting', 'change-management', 'culture-shaping', 'org-design', 'prioritization-at-scale', 'risk-management', 'roi-thinking', 'succession-planning', 'talent-strategy', 'written-communication-at-scale'];
    const directorOnly = ['coaching', 'dependency-management', 'executive-communication', 'headcount-planning', 'hiring', 'incident-oversight', 'influencing-without-authority', 'managing-managers', 'operational-metrics', 'performance-management', 'program-management', 'promotion-calibration', 'roadmap-planning', 'stakeholder-management', 'technical-strategy', 'vendor-management'];
    const vpOnly = ['board-communication', 'board-presentations', 'building-executive-teams', 'competitive-analysis', 'executive-presence', 'investor-narratives', 'm-and-a-integration', 'market-dynamics', 'multi-year-planning', 'navigating-politics', 'organizational-strategy', 'p-and-l-management', 'public-speaking', 'scaling-operations', 'scenario-analysis', 'vision-setting'];
    const delta = 'targetProfile gained { id } retained { id } dropped { id } unstated { id }';
    const { transitionPaths } = await api.data(`{ transitionPaths(from: "director", to: "cto") { steps { skillDelta { ${delta} } } skillDelta { ${delta} } } }`);
    const sets = (skillDelta: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(skillDelta).map(([key, value]) => [key, Array.isArray(value) ? value.map((skill: { id: string }) => skill.id).sort() : value]));
    const [path] = transitionPaths;
    // The VP's page states its skills: what the Director has and it does not list is dropped.
    expect(sets(path.steps[0].skillDelta)).toEqual({ targetProfile: 'STATED', gained: vpOnly, retained: shared, dropped: directorOnly, unstated: [] });
    // The CTO has no page: it inherits the VP's skills and gains "ownership" (vp.md line 134); nothing is stated dropped.
    expect(sets(path.steps[1].skillDelta)).toEqual({ targetProfile: 'INFERRED', gained: ['ownership'], retained: [...shared, ...vpOnly].sort(), dropped: [], unstated: [] });
    expect(sets(path.skillDelta)).toEqual({ targetProfile: 'INFERRED', gained: [...vpOnly, 'ownership'].sort(), retained: shared, dropped: [], unstated: directorOnly });
  });

  it('adds up the years along a longer path', async () => {
    const { transitionPaths } = await api.data('{ transitionPaths(from: "individual-contributor", to: "ceo", maxHops: 4) { hops roles { id } years { min max openEnded } } }');
    expect(transitionPaths).toEqual([
      {
        hops: 4,
        roles: [{ id: 'individual-contributor' }, { id: 'manager' }, { id: 'director' }, { id: 'vp' }, { id: 'ceo' }],
        years: { min: 14, max: 26, openEnded: true },
      },
    ]);
  });

  it('finds no path when maxHops is too small, and none downwards', async () => {
    expect((await api.data('{ transitionPaths(from: "individual-contributor", to: "ceo", maxHops: 3) { hops } }')).transitionPaths).toEqual([]);
    expect((await api.data('{ transitionPaths(from: "cto", to: "vp") { hops } }')).transitionPaths).toEqual([]);
  });
});

describe('shortestPath', () => {
  it('walks the ladder from the first rung to CEO', async () => {
    const { shortestPath } = await api.data('{ shortestPath(from: "individual-contributor", to: "ceo") { roles { id } } }');
    expect(shortestPath.roles.map((role: { id: string }) => role.id)).toEqual(['individual-contributor', 'manager', 'director', 'vp', 'ceo']);
  });

  it('is the role alone, with nothing gained or dropped, from a role to itself', async () => {
    const { shortestPath, role } = await api.data('{ shortestPath(from: "vp", to: "vp") { hops roles { id } steps { id } skillDelta { gained { id } retained { id } dropped { id } } toLearn { id } } role(id: "vp") { skills { id } } }');
    expect(shortestPath).toMatchObject({ hops: 0, roles: [{ id: 'vp' }], steps: [], skillDelta: { gained: [], dropped: [] }, toLearn: [] });
    expect(shortestPath.skillDelta.retained).toEqual(role.skills);
  });

  it('is null when the goal cannot be reached', async () => {
    expect((await api.data('{ shortestPath(from: "ceo", to: "manager") { hops } }')).shortestPath).toBeNull();
  });
});

describe('search', () => {
  it('finds roles and skills by their words', async () => {
    const { search } = await api.data('{ search(text: "board") { __typename ... on Role { id } ... on Skill { id } } }');
    expect(search).toEqual(expect.arrayContaining([
      { __typename: 'Skill', id: 'board-communication' },
      { __typename: 'Skill', id: 'board-presentations' },
    ]));
    const roles = (await api.data('{ search(text: "engineering manager") { __typename ... on Role { id } } }')).search;
    expect(roles).toContainEqual({ __typename: 'Role', id: 'manager' });
  });

  it('treats Lucene operators as text', async () => {
    expect((await api.data('{ search(text: "P&L (\\"management\\" OR *") { __typename } }')).search).toEqual([]);
  });
});
