import type { Database } from '../neo4j/database.js';

export interface SearchHit {
  kind: 'Role' | 'Skill';
  id: string;
}

const queries = {
  search: `
    CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
    RETURN CASE WHEN node:Role THEN 'Role' ELSE 'Skill' END AS kind, node.id AS id
    ORDER BY score DESC, id
    LIMIT $first`,
};

export class SearchRepository {
  constructor(private readonly database: Database) {}

  async search(query: string, first: number): Promise<SearchHit[]> {
    return this.database.read<{ kind: 'Role' | 'Skill'; id: string }>(queries.search, { query, first });
  }
}
