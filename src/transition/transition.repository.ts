import type { Database } from '../neo4j/database.js';
import type { EvidenceRecord } from '../skill/skill.projection.js';
import { transitionProjection, type TransitionRecord } from './transition.projection.js';

/** What a transition develops: a skill, or the capability of an action whose title names none. */
export interface DevelopmentRecord {
  skill: string | null;
  capability: string;
  evidence: EvidenceRecord[];
}

export interface TransitionDetails {
  shifts: { from: string; to: string }[];
  actions: { title: string; bullets: string[]; example: string | null }[];
  pitfalls: string[];
  readiness: string[];
  develops: DevelopmentRecord[];
}

/** How paths are ranked: always before the limit, so the best paths are the ones returned. */
export enum PathOrder {
  HOPS = 'HOPS',
  YEARS = 'YEARS',
  SKILLS_TO_LEARN = 'SKILLS_TO_LEARN',
}

export const maxPathHops = 6;

const orderings: Record<PathOrder, string> = {
  HOPS: 'hops, minYears, maxYears, toLearn',
  YEARS: 'minYears, maxYears, hops, toLearn',
  SKILLS_TO_LEARN: 'toLearn, hops, minYears, maxYears',
};

// A variable-length bound cannot be a parameter, so each allowed bound and order has its own constant query.
// Every simple path (no role visited twice) is ranked before the limit, so a cut list holds the best ones; one
// row past the limit tells that it was cut. The skills left to learn are those of the roles after the first
// that the person lacks: $have, or else the first role's skills (ties among the rest are broken by the role
// ids along the path).
//
// Paths are found from both ends and joined on the role in the middle: with d transitions out of each role,
// walking all of a path's hops from one end expands about d^hops partial paths (a million at 6 hops on a graph
// of about 10 moves per role, and seconds of work), where two halves expand about 2·d^(hops/2) and the hash join
// meets only those that end on the same role. Each half is kept simple before the join, and the two must not
// meet but in the middle. Each path is counted once: its first half is the whole path when it is at most `head`
// hops long, or else its first `head` hops.
const pathQuery = (hops: number, order: PathOrder) => {
  const head = Math.ceil(hops / 2);
  return `
  MATCH (start:Role {id: $from})
  WITH start, coalesce($have, COLLECT { MATCH (start)-[:REQUIRES_SKILL]->(s:Skill) RETURN s.id }) AS known
  MATCH front = (start)-[:TRANSITIONS_TO*0..${head}]->(middle:Role), back = (middle)-[:TRANSITIONS_TO*0..${hops - head}]->(:Role {id: $to})
  USING JOIN ON middle
  WHERE (length(back) = 0 OR length(front) = ${head}) AND length(front) + length(back) > 0
    AND all(i IN range(0, length(front) - 1) WHERE NOT nodes(front)[i] IN nodes(front)[i + 1..])
    AND all(i IN range(0, length(back) - 1) WHERE NOT nodes(back)[i] IN nodes(back)[i + 1..])
  WITH known, nodes(front) AS firstRoles, tail(nodes(back)) AS lastRoles, relationships(front) + relationships(back) AS steps
  WHERE none(role IN lastRoles WHERE role IN firstRoles)
  WITH known, firstRoles + lastRoles AS roles, steps
  WITH known, roles, steps, size(steps) AS hops,
    reduce(years = 0.0, step IN steps | years + coalesce(step.minYears, 0)) AS minYears,
    reduce(years = 0.0, step IN steps | years + coalesce(step.maxYears, step.minYears, 0)) AS maxYears,
    COUNT { UNWIND roles[1..] AS role MATCH (role)-[:REQUIRES_SKILL]->(s:Skill) WHERE NOT s.id IN known RETURN DISTINCT s } AS toLearn
  RETURN [n IN roles | n.id] AS roleIds, [rel IN steps | rel.transitionId] AS transitionIds
  ORDER BY ${orderings[order]}, roleIds
  LIMIT $limit + 1`;
};

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
      COLLECT { MATCH (t)-[:HAS_INDICATOR]->(x) WITH x ORDER BY x.sourceLine RETURN x.text } AS readiness,
      COLLECT {
        MATCH (t)-[d:DEVELOPS]->(x)
        WITH x, d ORDER BY d.sourceLine, d.text
        WITH x, collect({text: d.text, file: d.sourceFile, line: d.sourceLine}) AS evidence
        ORDER BY evidence[0].line, x.id
        RETURN {skill: CASE WHEN x:Skill THEN x.id END, capability: coalesce(x.name, x.title), evidence: evidence}
      } AS develops`,
  paths: Object.fromEntries(
    Object.values(PathOrder).flatMap((order) => Array.from({ length: maxPathHops }, (_, index) => [`${order} ${index + 1}`, pathQuery(index + 1, order)])),
  ) as Record<string, string>,
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
    return ids.map((id) => byId.get(id) ?? { shifts: [], actions: [], pitfalls: [], readiness: [], develops: [] });
  }

  /**
   * The best `limit` simple paths of 1 to maxHops transitions, as role ids and transition ids, ranked by
   * `order` (skills left to learn counting those `have`, or else the first role, lacks), and whether more paths
   * were left out.
   */
  async paths(
    from: string,
    to: string,
    options: { maxHops: number; order: PathOrder; have: string[] | null; limit: number },
  ): Promise<{ paths: { roleIds: string[]; transitionIds: string[] }[]; truncated: boolean }> {
    const query = queries.paths[`${options.order} ${options.maxHops}`];
    if (query === undefined) throw new RangeError(`maxHops must be 1..${maxPathHops}`);
    const rows = await this.database.read<{ roleIds: string[]; transitionIds: string[] }>(query, { from, to, have: options.have, limit: options.limit });
    return { paths: rows.slice(0, options.limit), truncated: rows.length > options.limit };
  }

  async shortest(from: string, to: string): Promise<{ roleIds: string[]; transitionIds: string[] } | null> {
    const rows = await this.database.read<{ roleIds: string[]; transitionIds: string[] }>(queries.shortest, { from, to });
    return rows[0] ?? null;
  }
}
