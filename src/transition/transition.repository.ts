import type { Database } from '../neo4j/database.js';
import { transitionProjection, type TransitionRecord } from '../role/role.repository.js';

export interface TransitionDetails {
  shifts: { from: string; to: string }[];
  actions: { title: string; bullets: string[]; example: string | null }[];
  pitfalls: string[];
  readiness: string[];
}

export const maxPathHops = 6;

// A variable-length bound cannot be a parameter, so each allowed bound has its own constant query.
// The WHERE keeps simple paths: no role visited twice.
const pathQuery = (hops: number) => `
  MATCH p = (:Role {id: $from})-[:TRANSITIONS_TO*1..${hops}]->(:Role {id: $to})
  WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  RETURN [n IN nodes(p) | n.id] AS roleIds, [rel IN relationships(p) | rel.transitionId] AS transitionIds
  LIMIT $limit`;

const queries = {
  byIds: `
    UNWIND $ids AS id
    MATCH (a:Role)-[:HAS_TRANSITION]->(t:Transition {id: id})-[:LEADS_TO]->(b:Role)
    RETURN t ${transitionProjection} AS transition`,
  details: `
    UNWIND $ids AS id MATCH (t:Transition {id: id})
    RETURN id,
      COLLECT { MATCH (t)-[:REQUIRES_SHIFT]->(x) WITH x ORDER BY x.sourceLine RETURN x {.from, .to} } AS shifts,
      COLLECT { MATCH (t)-[:HAS_ACTION]->(x) WITH x ORDER BY x.sourceLine RETURN x {.title, bullets: coalesce(x.bullets, []), .example} } AS actions,
      COLLECT { MATCH (t)-[:HAS_PITFALL]->(x) WITH x ORDER BY x.sourceLine RETURN x.text } AS pitfalls,
      COLLECT { MATCH (t)-[:HAS_INDICATOR]->(x) WITH x ORDER BY x.sourceLine RETURN x.text } AS readiness`,
  paths: Object.fromEntries(Array.from({ length: maxPathHops }, (_, index) => [index + 1, pathQuery(index + 1)])) as Record<number, string>,
  shortest: `
    MATCH (a:Role {id: $from}), (b:Role {id: $to})
    MATCH p = shortestPath((a)-[:TRANSITIONS_TO*]->(b))
    RETURN [n IN nodes(p) | n.id] AS roleIds, [rel IN relationships(p) | rel.transitionId] AS transitionIds`,
};

export class TransitionRepository {
  constructor(private readonly database: Database) {}

  async findByIds(ids: readonly string[]): Promise<TransitionRecord[]> {
    const rows = await this.database.read<{ transition: TransitionRecord }>(queries.byIds, { ids });
    return rows.map((row) => row.transition);
  }

  async details(ids: readonly string[]): Promise<TransitionDetails[]> {
    const rows = await this.database.read<TransitionDetails & { id: string }>(queries.details, { ids });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? { shifts: [], actions: [], pitfalls: [], readiness: [] });
  }

  /** Every simple path of 1 to maxHops transitions, as role ids and transition ids. */
  async paths(from: string, to: string, maxHops: number, limit: number): Promise<{ roleIds: string[]; transitionIds: string[] }[]> {
    const query = queries.paths[maxHops];
    if (query === undefined) throw new RangeError(`maxHops must be 1..${maxPathHops}`);
    return this.database.read(query, { from, to, limit });
  }

  async shortest(from: string, to: string): Promise<{ roleIds: string[]; transitionIds: string[] } | null> {
    const rows = await this.database.read<{ roleIds: string[]; transitionIds: string[] }>(queries.shortest, { from, to });
    return rows[0] ?? null;
  }
}
