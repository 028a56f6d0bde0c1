import type { CursorKey } from '../common/cursor.js';
import type { Database } from '../neo4j/database.js';
import { fulltextStart, keysetPage, matchFiltered, type FilterParts, type Ordering } from '../neo4j/node-list.query.js';
import { roleProjection, type RoleRecord } from '../role/role.projection.js';
import type { SkillOrder } from './skill-connection.types.js';
import { skillProjection, skillRoleCount, type SkillRecord } from './skill.projection.js';

const queries = {
  byIds: `UNWIND $ids AS id MATCH (s:Skill {id: id}) RETURN s ${skillProjection} AS skill`,
  byAlias: `MATCH (s:Skill) WHERE $alias IN s.aliases WITH s ORDER BY s.id LIMIT 1 RETURN s ${skillProjection} AS skill`,
  allNames: 'MATCH (s:Skill) UNWIND coalesce(s.aliases, []) + s.id AS name RETURN DISTINCT name',
  roles: `
    UNWIND $ids AS id MATCH (s:Skill {id: id})
    RETURN id, COLLECT { MATCH (r:Role)-[:REQUIRES_SKILL]->(s) RETURN DISTINCT r ${roleProjection} AS role ORDER BY role.level, role.id } AS items`,
  unknownIds: 'UNWIND $ids AS id WITH id WHERE NOT EXISTS { MATCH (:Skill {id: id}) } RETURN id',
  categories: `
    UNWIND $ids AS id MATCH (s:Skill {id: id})
    RETURN id, COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN DISTINCT c.name AS name ORDER BY name } AS items`,
};

/** What skillsConnection filters on; null leaves a filter out. `text` is a query for the full-text index. */
export interface SkillFilter {
  role: string | null;
  category: string | null;
  text: string | null;
}

/** The orders of skills, as keys a cursor can hold. */
export const skillOrderings = {
  NAME_ASC: [{ expression: 'toLower(s.name)', kind: 'string' }, { expression: 's.id', kind: 'string' }],
  ROLE_COUNT_DESC: [{ expression: skillRoleCount, descending: true, kind: 'number' }, { expression: 's.id', kind: 'string' }],
} as const satisfies Record<SkillOrder, Ordering>;

// The most selective start first: a text's few matches, a role's skills, a category's.
const skillFilterParts: FilterParts<SkillFilter> = {
  text: { start: fulltextStart('s', 'Skill') },
  role: {
    start: 'MATCH (:Role {id: $role})-[:REQUIRES_SKILL]->(s:Skill) WITH DISTINCT s',
    where: 'EXISTS { MATCH (:Role {id: $role})-[:REQUIRES_SKILL]->(s) }',
  },
  category: {
    start: 'MATCH (:SkillCategory {id: $category})<-[:IN_CATEGORY]-(s:Skill) WITH DISTINCT s',
    where: 'EXISTS { MATCH (s)-[:IN_CATEGORY]->(:SkillCategory {id: $category}) }',
  },
};

const filteredQueries = {
  page: (filter: SkillFilter, order: SkillOrder, hasAfter: boolean) => `
    ${matchFiltered('s', 'Skill', skillFilterParts, filter)}
    ${keysetPage('s', skillOrderings[order], hasAfter)}
    RETURN s ${skillProjection} AS node, key`,
  count: (filter: SkillFilter) => `${matchFiltered('s', 'Skill', skillFilterParts, filter)} RETURN count(s) AS count`,
  countByCategory: (filter: SkillFilter) => `
    ${matchFiltered('s', 'Skill', skillFilterParts, filter)}
    MATCH (s)-[:IN_CATEGORY]->(c:SkillCategory)
    RETURN c.id AS id, c.name AS name, count(DISTINCT s) AS count ORDER BY count DESC, id`,
};

export class SkillRepository {
  constructor(private readonly database: Database) {}

  async findByIds(ids: readonly string[]): Promise<SkillRecord[]> {
    const rows = await this.database.read<{ skill: SkillRecord }>(queries.byIds, { ids });
    return rows.map((row) => row.skill);
  }

  /** The skill known by an id an earlier version issued, as `g-rpc-design` for `grpc-design`. */
  async findByAlias(alias: string): Promise<SkillRecord | null> {
    const [row] = await this.database.read<{ skill: SkillRecord }>(queries.byAlias, { alias });
    return row?.skill ?? null;
  }

  /** Every id and alias: what a mistyped id may have meant. */
  async allNames(): Promise<string[]> {
    const rows = await this.database.read<{ name: string }>(queries.allNames);
    return rows.map((row) => row.name);
  }

  /** The ids among these that no skill has. */
  async unknownIds(ids: string[]): Promise<string[]> {
    const rows = await this.database.read<{ id: string }>(queries.unknownIds, { ids });
    return rows.map((row) => row.id);
  }

  async rolesOf(ids: readonly string[]): Promise<RoleRecord[][]> {
    return this.database.readListsById<RoleRecord>(queries.roles, ids);
  }

  async categoriesOf(ids: readonly string[]): Promise<string[][]> {
    return this.database.readListsById<string>(queries.categories, ids);
  }

  /** Up to `limit` skills that pass the filter, in the order, after the key `after` when given. */
  async page(filter: SkillFilter, order: SkillOrder, limit: number, after: CursorKey | null): Promise<{ node: SkillRecord; key: CursorKey }[]> {
    return this.database.read<{ node: SkillRecord; key: CursorKey }>(filteredQueries.page(filter, order, after !== null), { ...filter, limit, after });
  }

  async count(filter: SkillFilter): Promise<number> {
    const [row] = await this.database.read<{ count: number }>(filteredQueries.count(filter), { ...filter });
    return row?.count ?? 0;
  }

  /** How many skills that pass the filter each category holds, most first; a skill counts in each of its categories. */
  async countByCategory(filter: SkillFilter): Promise<{ id: string; name: string; count: number }[]> {
    return this.database.read<{ id: string; name: string; count: number }>(filteredQueries.countByCategory(filter), { ...filter });
  }
}
