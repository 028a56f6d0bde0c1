import type { Database } from '../neo4j/database.js';
import { roleProjection, type RoleRecord, type RoleSkillRecord } from '../role/role.repository.js';

const queries = {
  byIds: `
    UNWIND $ids AS id MATCH (s:Skill {id: id})
    RETURN s {.id, .name, category: COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN c.name ORDER BY c.name LIMIT 1 }[0]} AS skill`,
  byAlias: `
    MATCH (s:Skill) WHERE $alias IN s.aliases WITH s ORDER BY s.id LIMIT 1
    RETURN s {.id, .name, category: COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN c.name ORDER BY c.name LIMIT 1 }[0]} AS skill`,
  allNames: 'MATCH (s:Skill) UNWIND coalesce(s.aliases, []) + s.id AS name RETURN DISTINCT name',
  roles: `
    UNWIND $ids AS id MATCH (s:Skill {id: id})
    RETURN id, COLLECT { MATCH (r:Role)-[:REQUIRES_SKILL]->(s) RETURN DISTINCT r ${roleProjection} AS role ORDER BY role.level, role.id } AS items`,
  categories: `
    UNWIND $ids AS id MATCH (s:Skill {id: id})
    RETURN id, COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN DISTINCT c.name AS name ORDER BY name } AS items`,
};

export class SkillRepository {
  constructor(private readonly database: Database) {}

  async findByIds(ids: readonly string[]): Promise<RoleSkillRecord[]> {
    const rows = await this.database.read<{ skill: RoleSkillRecord }>(queries.byIds, { ids });
    return rows.map((row) => row.skill);
  }

  /** The skill known by an id an earlier version issued, as `g-rpc-design` for `grpc-design`. */
  async findByAlias(alias: string): Promise<RoleSkillRecord | null> {
    const [row] = await this.database.read<{ skill: RoleSkillRecord }>(queries.byAlias, { alias });
    return row?.skill ?? null;
  }

  /** Every id and alias: what a mistyped id may have meant. */
  async allNames(): Promise<string[]> {
    const rows = await this.database.read<{ name: string }>(queries.allNames);
    return rows.map((row) => row.name);
  }

  async rolesOf(ids: readonly string[]): Promise<RoleRecord[][]> {
    return this.database.readListsById<RoleRecord>(queries.roles, ids);
  }

  async categoriesOf(ids: readonly string[]): Promise<string[][]> {
    return this.database.readListsById<string>(queries.categories, ids);
  }
}
