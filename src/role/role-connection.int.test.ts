import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../../tests/api-server.js';
import { allPages } from '../../tests/connection-pages.js';

// Expectations read from seed/: four pages (individual-contributor, manager, director, vp) and two roles
// only named by them (cto, ceo), at levels 1, 2, 3, 4, 5, 5.

const api = useSeededApi();
const { database } = api;

/** The ids of the roles that pass `where`, all of them, with the count the connection states. */
async function rolesWhere(where: string): Promise<{ ids: string[]; totalCount: number }> {
  const { rolesConnection } = await api.data(`{ rolesConnection(where: ${where}, first: 100) { edges { node { id } } totalCount } }`);
  return { ids: rolesConnection.edges.map((edge: { node: { id: string } }) => edge.node.id), totalCount: rolesConnection.totalCount };
}

describe('rolesConnection paging', () => {
  it.each([
    ['LEVEL_ASC', ['individual-contributor', 'manager', 'director', 'vp', 'ceo', 'cto']],
    ['LEVEL_DESC', ['ceo', 'cto', 'vp', 'director', 'manager', 'individual-contributor']],
    // CEO, CTO, Director of Engineering, Engineering Manager, Individual Contributor (Software Engineer), VP of Engineering
    ['TITLE_ASC', ['ceo', 'cto', 'director', 'manager', 'individual-contributor', 'vp']],
  ])('goes through every role once in %s, two at a time, following the cursors', async (order, expected) => {
    const pages = await allPages<{ id: string }>(api, 'rolesConnection', `orderBy: ${order},`, 2, 'id');
    expect(pages.map((page) => page.edges.map((edge) => edge.node.id))).toEqual([expected.slice(0, 2), expected.slice(2, 4), expected.slice(4, 6)]);
    expect(pages.map((page) => page.totalCount)).toEqual([6, 6, 6]);
    expect(pages.map((page) => [page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
    }
  });

  it('keeps its place when a role is added before the cursor, where an offset would repeat one', async () => {
    const first = await api.data('{ rolesConnection(first: 3) { edges { node { id } } pageInfo { endCursor } } }');
    expect(first.rolesConnection.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(['individual-contributor', 'manager', 'director']);
    await database.write("CREATE (:Role {id: 'apprentice', title: 'Apprentice', level: 1, sourceFile: 'test'})");
    try {
      const next = await api.data('query ($after: String) { rolesConnection(first: 3, after: $after) { edges { node { id } } totalCount } }', {
        after: first.rolesConnection.pageInfo.endCursor,
      });
      expect(next.rolesConnection.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(['vp', 'ceo', 'cto']);
      expect(next.rolesConnection.totalCount).toBe(7);
    } finally {
      await database.write("MATCH (r:Role {id: 'apprentice'}) DELETE r");
    }
  });

  it('answers the counts alone with first: 0', async () => {
    const { rolesConnection } = await api.data('{ rolesConnection(first: 0) { edges { cursor } pageInfo { hasNextPage endCursor } totalCount } }');
    expect(rolesConnection).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: null }, totalCount: 6 });
  });
});

describe('rolesConnection filters', () => {
  it('by page: the four pages of seed/, and the two roles they only name', async () => {
    expect(await rolesWhere('{ hasPage: true }')).toEqual({ ids: ['individual-contributor', 'manager', 'director', 'vp'], totalCount: 4 });
    expect(await rolesWhere('{ hasPage: false }')).toEqual({ ids: ['ceo', 'cto'], totalCount: 2 });
  });

  it('by level', async () => {
    expect(await rolesWhere('{ level: 5 }')).toEqual({ ids: ['ceo', 'cto'], totalCount: 2 });
    expect(await rolesWhere('{ level: 9 }')).toEqual({ ids: [], totalCount: 0 });
  });

  it('by skill: the roles whose Key Skill Sets list it, and the roles without a page that inherit it', async () => {
    // Hiring: manager.md (People Leadership) and director.md (Talent).
    expect(await rolesWhere('{ skill: "hiring" }')).toEqual({ ids: ['manager', 'director'], totalCount: 2 });
    // Market dynamics: vp.md (Business Acumen); and the CTO and the CEO, which have no page and whose one
    // predecessor is the VP, so they inherit the VP's stated skills.
    expect(await rolesWhere('{ skill: "market-dynamics" }')).toEqual({ ids: ['vp', 'ceo', 'cto'], totalCount: 3 });
    expect(await rolesWhere('{ skill: "no-such-skill" }')).toEqual({ ids: [], totalCount: 0 });
  });

  it('by category, named by name or by id', async () => {
    // Business Acumen: director.md and vp.md list it; the CTO needs market dynamics (above), the CEO P&L management
    // (vp.md: "Learn to read and manage a P&L").
    const expected = { ids: ['director', 'vp', 'ceo', 'cto'], totalCount: 4 };
    expect(await rolesWhere('{ category: "Business Acumen" }')).toEqual(expected);
    expect(await rolesWhere('{ category: "business-acumen" }')).toEqual(expected);
    // Technical Foundations: individual-contributor.md lists five; manager.md lists one of them, System design, under
    // Technical Judgment, and a skill is in every category any page lists it in.
    expect(await rolesWhere('{ category: "Technical Foundations" }')).toEqual({ ids: ['individual-contributor', 'manager'], totalCount: 2 });
  });

  it('by text in title, question or introduction', async () => {
    // manager.md: "you lead a single team"; director.md: "a group of teams", "How do my teams work together".
    expect(await rolesWhere('{ text: "team" }')).toEqual({ ids: ['manager', 'director'], totalCount: 2 });
    expect(await rolesWhere('{ text: "VP engineering" }')).toEqual({ ids: ['vp'], totalCount: 1 });
  });

  it('with every filter at once', async () => {
    expect(await rolesWhere('{ level: 5, hasPage: false, skill: "market-dynamics" }')).toEqual({ ids: ['ceo', 'cto'], totalCount: 2 });
    expect(await rolesWhere('{ level: 4, hasPage: false, skill: "market-dynamics" }')).toEqual({ ids: [], totalCount: 0 });
  });

  it('counts the roles of each level, of all roles or of those filtered', async () => {
    const all = await api.data('{ rolesConnection(first: 0) { byLevel { level count } } }');
    expect(all.rolesConnection.byLevel).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 1 },
      { level: 3, count: 1 },
      { level: 4, count: 1 },
      { level: 5, count: 2 },
    ]);
    const filtered = await api.data('{ rolesConnection(where: { skill: "hiring" }, first: 0) { byLevel { level count } } }');
    expect(filtered.rolesConnection.byLevel).toEqual([
      { level: 2, count: 1 },
      { level: 3, count: 1 },
    ]);
  });

  it('pages through a filtered list with cursors too', async () => {
    const pages = await allPages<{ id: string }>(api, 'rolesConnection', 'where: { category: "Business Acumen" }, orderBy: TITLE_ASC,', 1, 'id');
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(['ceo', 'cto', 'director', 'vp']);
    // Both at level 5: the page after the CEO starts after it among equals, by id.
    for (const order of ['LEVEL_ASC', 'LEVEL_DESC']) {
      const tied = await allPages<{ id: string }>(api, 'rolesConnection', `where: { level: 5 }, orderBy: ${order},`, 1, 'id');
      expect(tied.map((page) => page.edges.map((edge) => edge.node.id))).toEqual([['ceo'], ['cto']]);
    }
  });
});

describe('rolesConnection refuses bad arguments with BAD_USER_INPUT naming them', () => {
  const refusal = async (args: string, variables?: Record<string, unknown>) => {
    const response = await api.query(`query ${variables ? '($after: String)' : ''} { rolesConnection(${args}) { edges { node { id } } } }`, variables);
    expect(response.data).toBeNull();
    return response.errors?.map((error) => ({ ...error.extensions, named: error.message.includes(`"${String(error.extensions?.argument)}"`) }));
  };

  it.each([
    ['first: 101', 'first'],
    ['first: -1', 'first'],
    ['where: { level: 0 }', 'where.level'],
    ['where: { skill: "Hiring!" }', 'where.skill'],
    ['where: { category: "  " }', 'where.category'],
    ['where: { category: "!!" }', 'where.category'],
    ['where: { text: " " }', 'where.text'],
    ['after: "not-a-cursor"', 'after'],
  ])('%s', async (args, argument) => {
    expect(await refusal(args)).toEqual([{ code: 'BAD_USER_INPUT', argument, named: true }]);
  });

  it('a cursor of another order', async () => {
    const { rolesConnection } = await api.data('{ rolesConnection(orderBy: LEVEL_ASC, first: 1) { pageInfo { endCursor } } }');
    expect(await refusal('orderBy: TITLE_ASC, after: $after', { after: rolesConnection.pageInfo.endCursor })).toEqual([
      { code: 'BAD_USER_INPUT', argument: 'after', named: true },
    ]);
  });
});
