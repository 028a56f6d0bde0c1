import type { CursorKey } from '../common/cursor.js';
import type { Database } from '../neo4j/database.js';
import { fulltextStart, keysetPage, matchFiltered, type FilterParts, type Ordering } from '../neo4j/node-list.query.js';
import type { RolePrefetch } from './role.prefetch.js';
import { roleChildList, roleWithChildrenOf, type RoleChildren, type RoleWithChildren } from './role-children.projection.js';
import { roleProjection, type RoleRecord } from './role.projection.js';
import type { RoleOrder } from './role.types.js';

/** Roles by id with the lists a response asks for under them. */
const byIdsWith = (prefetch: RolePrefetch): string => `UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN ${roleWithChildrenOf(prefetch)} AS row`;

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
  children: (kind: RoleChildren) => `UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN id, ${roleChildList(kind)} AS items`,
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
