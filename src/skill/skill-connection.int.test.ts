import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../../tests/api-server.js';
import { allPages } from '../../tests/connection-pages.js';

// Expectations read from the Key Skill Sets tables of seed/: 26 skills on individual-contributor.md, 25 on
// manager.md, 26 on director.md and 26 on vp.md, 103 in all; 7 named on both the first two pages (System
// design, Code review, Technical debt management, Incident response, Technical writing, Giving feedback,
// Estimation), 7 on manager.md and director.md (Hiring, Coaching, Performance management, Roadmap planning,
// Dependency management, Stakeholder management, Operational metrics) and 10 on director.md and vp.md (Change
// management, Succession planning, Culture shaping, Talent strategy, Prioritization at scale, Risk management,
// Budgeting, ROI thinking, Written communication at scale, Org design): 103 - 24 = 79 skills.
const skillCount = 79;

const api = useSeededApi();

interface SkillNode {
  id: string;
  name: string;
  roleCount: number;
}

/** The lower-cased names of the skills that pass `where`, all of them, with the count the connection states. */
async function skillsWhere(where: string): Promise<{ names: string[]; totalCount: number }> {
  const { skillsConnection } = await api.data(`{ skillsConnection(where: ${where}, first: 100) { edges { node { name } } totalCount } }`);
  return { names: skillsConnection.edges.map((edge: { node: { name: string } }) => edge.node.name.toLowerCase()), totalCount: skillsConnection.totalCount };
}

describe('skillsConnection paging', () => {
  it('goes through every skill once by name, seven at a time', async () => {
    const pages = await allPages<SkillNode>(api, 'skillsConnection', 'orderBy: NAME_ASC,', 7, 'id name');
    const skills = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(pages).toHaveLength(Math.ceil(skillCount / 7));
    expect(pages.every((page) => page.totalCount === skillCount)).toBe(true);
    expect(new Set(skills.map((skill) => skill.id)).size).toBe(skillCount);
    expect(skills).toHaveLength(skillCount);
    const names = skills.map((skill) => skill.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    // The first and last names of the four tables in alphabetical order.
    expect(names[0]).toBe('agile practices');
    expect(names.at(-1)).toBe('written communication at scale');
  });

  it('goes through every skill once, those most roles need first', async () => {
    const pages = await allPages<SkillNode>(api, 'skillsConnection', 'orderBy: ROLE_COUNT_DESC,', 10, 'id name roleCount');
    const skills = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(skills).toHaveLength(skillCount);
    expect(new Set(skills.map((skill) => skill.id)).size).toBe(skillCount);
    for (const [index, skill] of skills.entries()) {
      const next = skills[index + 1];
      if (next) expect(skill.roleCount > next.roleCount || (skill.roleCount === next.roleCount && skill.id < next.id), `${skill.id} before ${next.id}`).toBe(true);
    }
    const byId = new Map(skills.map((skill) => [skill.id, skill.roleCount]));
    // Hiring: manager.md and director.md; Sprint planning: manager.md only; Market dynamics: vp.md, and the CTO and
    // the CEO, which have no page and inherit the stated skills of the VP, their one predecessor.
    expect([byId.get('hiring'), byId.get('sprint-planning'), byId.get('market-dynamics')]).toEqual([2, 1, 3]);
  });
});

describe('skillsConnection filters', () => {
  it('by role: the skills its page lists', async () => {
    const { totalCount, names } = await skillsWhere('{ role: "manager" }');
    expect(totalCount).toBe(25);
    expect(names.slice(0, 3)).toEqual(['agile practices', 'career development', 'coaching']);
    expect((await skillsWhere('{ role: "no-such-role" }')).totalCount).toBe(0);
  });

  it('by category, named by name or by id', async () => {
    // Business Acumen: Budgeting, Headcount planning, Vendor management, ROI thinking (director.md); P&L management,
    // Budgeting, Market dynamics, Competitive analysis, ROI thinking (vp.md).
    const expected = ['budgeting', 'competitive analysis', 'headcount planning', 'market dynamics', 'p&l management', 'roi thinking', 'vendor management'];
    expect(await skillsWhere('{ category: "Business Acumen" }')).toEqual({ names: expected, totalCount: 7 });
    expect(await skillsWhere('{ category: "business-acumen" }')).toEqual({ names: expected, totalCount: 7 });
  });

  it('by text in the name', async () => {
    // One on individual-contributor.md, three on manager.md, six on director.md (with Program management in its
    // Execution row), two on vp.md; three of them named twice.
    expect(await skillsWhere('{ text: "management" }')).toEqual({
      names: [
        'change management',
        'dependency management',
        'p&l management',
        'performance management',
        'program management',
        'risk management',
        'stakeholder management',
        'technical debt management',
        'vendor management',
      ],
      totalCount: 9,
    });
    expect(await skillsWhere('{ text: "management", role: "manager" }')).toEqual({
      names: ['dependency management', 'performance management', 'stakeholder management', 'technical debt management'],
      totalCount: 4,
    });
  });

  it('counts the skills of each category, a skill in each category any page lists it in', async () => {
    const { skillsConnection } = await api.data('{ skillsConnection(where: { role: "individual-contributor" }, first: 0) { byCategory { id count } totalCount } }');
    expect(skillsConnection.totalCount).toBe(26);
    // individual-contributor.md's six rows, and the rows of manager.md that list the skills both pages name:
    // Technical Judgment (System design, Code review, Technical debt management, Incident response), Delivery
    // Management (Estimation); its Communication row names Technical writing and Giving feedback, already there.
    expect(skillsConnection.byCategory).toEqual([
      { id: 'software-craft', count: 5 },
      { id: 'technical-foundations', count: 5 },
      { id: 'communication', count: 4 },
      { id: 'delivery', count: 4 },
      { id: 'growth', count: 4 },
      { id: 'operations', count: 4 },
      { id: 'technical-judgment', count: 4 },
      { id: 'delivery-management', count: 1 },
    ]);
  });
});

describe('roleCount', () => {
  it('is on skills wherever they appear, under a role too', async () => {
    const { role, skill } = await api.data('{ role(id: "manager") { skills { id roleCount } } skill(id: "code-review") { roleCount } }');
    const counts = new Map(role.skills.map((s: { id: string; roleCount: number }) => [s.id, s.roleCount]));
    expect([counts.get('hiring'), counts.get('sprint-planning'), counts.get('code-review')]).toEqual([2, 1, 2]);
    expect(skill.roleCount).toBe(2);
  });
});

describe('skillsConnection refuses bad arguments with BAD_USER_INPUT naming them', () => {
  it.each([
    ['first: 101', 'first'],
    ['where: { role: "Manager" }', 'where.role'],
    ['where: { text: "" }', 'where.text'],
    ['orderBy: NAME_ASC, after: "eyJ4Ijp0cnVlfQ"', 'after'],
  ])('%s', async (args, argument) => {
    const response = await api.query(`{ skillsConnection(${args}) { totalCount } }`);
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argument }]);
  });

  it('a cursor of another order', async () => {
    const { skillsConnection } = await api.data('{ skillsConnection(orderBy: ROLE_COUNT_DESC, first: 1) { pageInfo { endCursor } } }');
    const response = await api.query(`{ skillsConnection(orderBy: NAME_ASC, after: "${skillsConnection.pageInfo.endCursor}") { totalCount } }`);
    expect(response.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'after' }]);
  });
});
