import type { Database } from '../neo4j/database.js';
import { roleProjectionOf, type RoleRecord } from '../role/role.projection.js';
import { skillProjection, type SkillRecord } from '../skill/skill.projection.js';

/** One hit, whole, as role(id) or skill(id) reads it: the other is null. */
export interface SearchHit {
  role: RoleRecord | null;
  skill: SkillRecord | null;
}

const queries = {
  // The hits come whole, in the same round trip: every answer names them.
  search: `
    CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
    WITH node, score ORDER BY score DESC, node.id LIMIT $first
    RETURN CASE WHEN node:Role THEN node ${roleProjectionOf('node')} END AS role,
      COLLECT { WITH node AS s WHERE s:Skill RETURN s ${skillProjection} }[0] AS skill`,
};

export class SearchRepository {
  constructor(private readonly database: Database) {}

  /** The roles and skills matching the Lucene query, best first, but no more than first. */
  async search(query: string, first: number): Promise<SearchHit[]> {
    return this.database.read<SearchHit>(queries.search, { query, first });
  }
}
