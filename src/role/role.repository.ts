import type { Database } from '../neo4j/database.js';
import type { RoleOrder } from './role.types.js';

export interface RoleRecord {
  id: string;
  title: string;
  label: string | null;
  question: string | null;
  summary: string | null;
  level: number;
  hasPage: boolean;
  source: string;
}

export interface RoleSkillRecord {
  id: string;
  name: string;
  category: string | null;
}
export interface TransitionRecord {
  id: string;
  fromId: string;
  toId: string;
  timeline: { text: string | null; minYears: number | null; maxYears: number | null; openEnded: boolean };
  source: string;
}

/** The projection of a role, shared by every query that returns roles. */
export const roleProjection = `{
  .id, .title, .label, .question, .summary,
  level: coalesce(r.level, 1),
  hasPage: r.pageFile IS NOT NULL,
  source: r.sourceFile + coalesce(':' + r.sourceLine, '')
}`;

export const transitionProjection = `{
  .id, fromId: a.id, toId: b.id, source: t.sourceFile + coalesce(':' + t.sourceLine, ''),
  timeline: {text: t.timelineText, minYears: t.minYears, maxYears: t.maxYears, openEnded: coalesce(t.openEnded, false)}
}`;

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
    RETURN s {.id, .name, category: q.category} }`,
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

const queries = {
  byIds: `UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN r ${roleProjection} AS role`,
  allIds: 'MATCH (r:Role) RETURN r.id AS id',
  list: {
    LEVEL_ASC: `MATCH (r:Role) RETURN r ${roleProjection} AS role ORDER BY r.level ASC, r.id SKIP $offset LIMIT $first`,
    LEVEL_DESC: `MATCH (r:Role) RETURN r ${roleProjection} AS role ORDER BY r.level DESC, r.id SKIP $offset LIMIT $first`,
    TITLE_ASC: `MATCH (r:Role) RETURN r ${roleProjection} AS role ORDER BY toLower(r.title), r.id SKIP $offset LIMIT $first`,
  } satisfies Record<RoleOrder, string>,
  children: (kind: RoleChildren) => `UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN id, ${childQueries[kind]} AS items`,
};

export class RoleRepository {
  constructor(private readonly database: Database) {}

  async findByIds(ids: readonly string[]): Promise<RoleRecord[]> {
    const rows = await this.database.read<{ role: RoleRecord }>(queries.byIds, { ids });
    return rows.map((row) => row.role);
  }

  async allIds(): Promise<string[]> {
    const rows = await this.database.read<{ id: string }>(queries.allIds);
    return rows.map((row) => row.id);
  }

  async list(order: RoleOrder, first: number, offset: number): Promise<RoleRecord[]> {
    const rows = await this.database.read<{ role: RoleRecord }>(queries.list[order], { first, offset });
    return rows.map((row) => row.role);
  }

  /** One round trip for any number of roles: the lists come back in the order of the ids. */
  async children<T>(kind: RoleChildren, ids: readonly string[]): Promise<T[][]> {
    return this.database.readListsById<T>(queries.children(kind), ids);
  }
}
