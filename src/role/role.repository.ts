import type { CursorKey } from '../common/cursor.js';
import type { Database } from '../neo4j/database.js';
import { fulltextStart, keysetPage, matchFiltered, type FilterParts, type Ordering } from '../neo4j/node-list.query.js';
import { roleSkillProjection } from '../skill/skill.projection.js';
import { transitionProjection } from '../transition/transition.projection.js';
import type { RolePrefetch } from './role.prefetch.js';
import { roleProjection, roleProjectionOf, type RoleRecord } from './role.projection.js';
import type { RoleOrder } from './role.types.js';

const source = (variable: string) => `source: ${variable}.sourceFile + coalesce(':' + ${variable}.sourceLine, '')`;

/**
 * Each query takes a list of role ids and returns, per id, a list in the order the page states it.
 * Sorting comes before the projection: a projection `x {...}` takes the name x, and would hide x.sourceLine.
 */
const childQueries = {
  responsibilities: `COLLECT { MATCH (r)-[:HAS_RESPONSIBILITY]->(x) WITH x ORDER BY x.sourceLine RETURN x {.area, .text, ${source('x')}} }`,
  activities: `COLLECT { MATCH (r)-[:HAS_ACTIVITY]->(x) WITH x ORDER BY x.sourceLine RETURN x {.slot, .text, ${source('x')}} }`,
  scope: `COLLECT { MATCH (r)-[:HAS_SCOPE]->(x) WITH x ORDER BY x.sourceLine RETURN x {.key, .value, ${source('x')}} }`,
  comparisons: `COLLECT {
    MATCH (r)-[:HAS_FACT]->(x)
    WITH x ORDER BY x.sourceFile <> coalesce(r.pageFile, ''), x.sourceFile, x.sourceLine
    RETURN x {.table, .dimension, .value, ${source('x')}} }`,
  skills: `COLLECT {
    MATCH (r)-[q:REQUIRES_SKILL]->(s)
    WITH s, q ORDER BY coalesce(q.derived, false), q.position, q.sourceLine, s.id
    RETURN s ${roleSkillProjection} }`,
  // Skills a curator removed from a role that the graph would otherwise derive for it.
  exclusions: 'COLLECT { MATCH (r)-[:EXCLUDES_SKILL]->(s) RETURN s.id }',
  // The pattern starts from r itself: written as (a)-...-(b) WHERE a = r, Neo4j scanned every HAS_TRANSITION
  // relationship of the graph for each role and kept r's (9,000 per role on a 3,000-role graph).
  transitionsOut: `COLLECT {
    MATCH (r)-[:HAS_TRANSITION]->(t:Transition)-[:LEADS_TO]->(b)
    WITH r AS a, t, b ORDER BY b.level, b.id
    RETURN t ${transitionProjection} }`,
  transitionsIn: `COLLECT {
    MATCH (a)-[:HAS_TRANSITION]->(t:Transition)-[:LEADS_TO]->(r)
    WITH a, t, r AS b ORDER BY a.level, a.id
    RETURN t ${transitionProjection} }`,
} as const;

export type RoleChildren = keyof typeof childQueries;

export const isRoleChildren = (name: string): name is RoleChildren => Object.hasOwn(childQueries, name);

/** The roles at the other end of a role's transitions, which `transitionsOut { to }` and `transitionsIn { from }` name. */
const neighbourQueries = {
  targets: `COLLECT { MATCH (r)-[:HAS_TRANSITION]->(:Transition)-[:LEADS_TO]->(b:Role) RETURN DISTINCT b ${roleProjectionOf('b')} }`,
  sources: `COLLECT { MATCH (a:Role)-[:HAS_TRANSITION]->(:Transition)-[:LEADS_TO]->(r) RETURN DISTINCT a ${roleProjectionOf('a')} }`,
};

/**
 * The role `r` with the lists a response asks for under it, each list as childQueries reads it, as a
 * RoleWithChildren: for any query that reads roles whole for the loaders (RoleService.rememberWith).
 */
export function roleWithChildrenOf({ children, targets, sources }: RolePrefetch): string {
  const lists = children.map((kind) => `${kind}: ${childQueries[kind]}`).join(',\n    ');
  return `{role: r ${roleProjection}, children: {${lists}},
    neighbours: ${targets ? neighbourQueries.targets : '[]'} + ${sources ? neighbourQueries.sources : '[]'}}`;
}

/** Roles by id with the lists a response asks for under them. */
const byIdsWith = (prefetch: RolePrefetch): string => `UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN ${roleWithChildrenOf(prefetch)} AS row`;

/** A role read with lists under it, and the roles its transitions lead to or come from, if asked for. */
export interface RoleWithChildren {
  role: RoleRecord;
  children: Partial<Record<RoleChildren, unknown[]>>;
  neighbours: RoleRecord[];
}

const queries = {
  byIds: `UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN r ${roleProjection} AS role`,
  // A role's own page wins over a role only mentioned under the same name.
  byAlias: `MATCH (r:Role) WHERE $alias IN r.aliases RETURN r ${roleProjection} AS role ORDER BY r.pageFile IS NULL, r.id LIMIT 1`,
  allNames: 'MATCH (r:Role) UNWIND coalesce(r.aliases, []) + r.id AS name RETURN DISTINCT name',
  list: {
    LEVEL_ASC: `MATCH (r:Role) RETURN r ${roleProjection} AS role ORDER BY r.level ASC, r.id SKIP $offset LIMIT $first`,
    LEVEL_DESC: `MATCH (r:Role) RETURN r ${roleProjection} AS role ORDER BY r.level DESC, r.id SKIP $offset LIMIT $first`,
    TITLE_ASC: `MATCH (r:Role) RETURN r ${roleProjection} AS role ORDER BY toLower(r.title), r.id SKIP $offset LIMIT $first`,
  } satisfies Record<RoleOrder, string>,
  children: (kind: RoleChildren) => `UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN id, ${childQueries[kind]} AS items`,
};

/** What rolesConnection filters on; null leaves a filter out. `text` is a query for the full-text index. */
export interface RoleFilter {
  level: number | null;
  hasPage: boolean | null;
  skill: string | null;
  category: string | null;
  text: string | null;
}

/** The orders of `roles`, as keys a cursor can hold. */
export const roleOrderings = {
  LEVEL_ASC: [{ expression: 'coalesce(r.level, 1)', kind: 'number' }, { expression: 'r.id', kind: 'string' }],
  LEVEL_DESC: [{ expression: 'coalesce(r.level, 1)', descending: true, kind: 'number' }, { expression: 'r.id', kind: 'string' }],
  TITLE_ASC: [{ expression: 'toLower(r.title)', kind: 'string' }, { expression: 'r.id', kind: 'string' }],
} as const satisfies Record<RoleOrder, Ordering>;

// The most selective start first: a text's few matches, a skill's roles, a category's.
const roleFilterParts: FilterParts<RoleFilter> = {
  text: { start: fulltextStart('r', 'Role') },
  skill: {
    start: 'MATCH (:Skill {id: $skill})<-[:REQUIRES_SKILL]-(r:Role) WITH DISTINCT r',
    where: 'EXISTS { MATCH (r)-[:REQUIRES_SKILL]->(:Skill {id: $skill}) }',
  },
  // A skill is in a category when any page lists it there, as in the analytics' `categories`.
  category: {
    start: 'MATCH (:SkillCategory {id: $category})<-[:IN_CATEGORY]-(:Skill)<-[:REQUIRES_SKILL]-(r:Role) WITH DISTINCT r',
    where: 'EXISTS { MATCH (r)-[:REQUIRES_SKILL]->(:Skill)-[:IN_CATEGORY]->(:SkillCategory {id: $category}) }',
  },
  level: { where: 'coalesce(r.level, 1) = $level' },
  hasPage: { where: '(r.pageFile IS NOT NULL) = $hasPage' },
};

const filteredQueries = {
  page: (filter: RoleFilter, order: RoleOrder, hasAfter: boolean) => `
    ${matchFiltered('r', 'Role', roleFilterParts, filter)}
    ${keysetPage('r', roleOrderings[order], hasAfter)}
    RETURN r ${roleProjection} AS node, key`,
  count: (filter: RoleFilter) => `${matchFiltered('r', 'Role', roleFilterParts, filter)} RETURN count(r) AS count`,
  countByLevel: (filter: RoleFilter) => `
    ${matchFiltered('r', 'Role', roleFilterParts, filter)}
    RETURN coalesce(r.level, 1) AS level, count(r) AS count ORDER BY level`,
};

export class RoleRepository {
  constructor(private readonly database: Database) {}

  async findByIds(ids: readonly string[]): Promise<RoleRecord[]> {
    const rows = await this.database.read<{ role: RoleRecord }>(queries.byIds, { ids });
    return rows.map((row) => row.role);
  }

  /** Roles with what `prefetch` names under them, in one round trip rather than one per list. */
  async findByIdsWith(ids: readonly string[], prefetch: RolePrefetch): Promise<RoleWithChildren[]> {
    const rows = await this.database.read<{ row: RoleWithChildren }>(byIdsWith(prefetch), { ids });
    return rows.map(({ row }) => row);
  }

  /** The role known by another name: an abbreviation or alias its page gives it, or an id it had before. */
  async findByAlias(alias: string): Promise<RoleRecord | null> {
    const [row] = await this.database.read<{ role: RoleRecord }>(queries.byAlias, { alias });
    return row?.role ?? null;
  }

  /** Every id and alias: what a mistyped id may have meant. */
  async allNames(): Promise<string[]> {
    const rows = await this.database.read<{ name: string }>(queries.allNames);
    return rows.map((row) => row.name);
  }

  async list(order: RoleOrder, first: number, offset: number): Promise<RoleRecord[]> {
    const rows = await this.database.read<{ role: RoleRecord }>(queries.list[order], { first, offset });
    return rows.map((row) => row.role);
  }

  /** One round trip for any number of roles: the lists come back in the order of the ids. */
  async children<T>(kind: RoleChildren, ids: readonly string[]): Promise<T[][]> {
    return this.database.readListsById<T>(queries.children(kind), ids);
  }

  /** Up to `limit` roles that pass the filter, in the order, after the key `after` when given. */
  async page(filter: RoleFilter, order: RoleOrder, limit: number, after: CursorKey | null): Promise<{ node: RoleRecord; key: CursorKey }[]> {
    return this.database.read<{ node: RoleRecord; key: CursorKey }>(filteredQueries.page(filter, order, after !== null), { ...filter, limit, after });
  }

  async count(filter: RoleFilter): Promise<number> {
    const [row] = await this.database.read<{ count: number }>(filteredQueries.count(filter), { ...filter });
    return row?.count ?? 0;
  }

  /** How many roles that pass the filter each level has, lowest level first; levels without any are left out. */
  async countByLevel(filter: RoleFilter): Promise<{ level: number; count: number }[]> {
    return this.database.read<{ level: number; count: number }>(filteredQueries.countByLevel(filter), { ...filter });
  }
}
