import type { Database } from '../neo4j/database.js';
import { roleWithChildrenOf, type RoleChildren, type RoleWithChildren } from '../role/role-children.projection.js';
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

/** Each order's criteria, best first; the skills left to learn, the one criterion a subquery counts, come last but for SKILLS_TO_LEARN. */
const rankings: Record<PathOrder, string[]> = {
  HOPS: ['hops', 'minYears', 'maxYears', 'toLearn'],
  YEARS: ['minYears', 'maxYears', 'hops', 'toLearn'],
  SKILLS_TO_LEARN: ['toLearn', 'hops', 'minYears', 'maxYears'],
};

/** No role visited twice along the path. */
const simple = (path: string) => `all(i IN range(0, length(${path}) - 1) WHERE NOT nodes(${path})[i] IN nodes(${path})[i + 1..])`;

// A variable-length bound cannot be a parameter, so each allowed bound and order has its own constant query.
// Every simple path (no role visited twice) is ranked before the limit, so a cut list holds the best ones; one
// row past the limit tells that it was cut. The skills left to learn are those of the roles after the first
// that the person lacks: $have, or else the first role's skills (ties among the rest are broken by the role
// ids along the path).
//
// Paths are found from both ends and joined on the role in the middle: with d transitions out of each role,
// walking all of a path's hops from one end expands about d^hops partial paths (a million at 6 hops on a graph
// of about 10 moves per role, and seconds of work), where two halves expand about 2·d^(hops/2). Each path is
// counted once: its first half is the whole path when it is at most `head` hops long, or else its first `head`
// hops. Each half is walked from its own end (the second backwards from the target) and kept simple, and the
// halves are grouped by their middle role, which joins them whatever the planner estimates: with a hash join
// hint (USING JOIN) instead, the query ran past the 10 s budget on 3,000 roles with 10 moves each (bench D3).
//
// Counting the skills left to learn is most of the ranking's work (a subquery per path), so where that count
// only breaks ties (HOPS, YEARS) it is made only for the paths that can still be among the best: those whose
// other criteria are no worse than those of the path at rank $limit + 1 by them alone. The skills the person
// has are read once, and only when some path was found: most pairs of roles have none, and reading the first
// role's skills was then most of the query's work.
const pathQuery = (hops: number, order: PathOrder) => {
  const head = Math.ceil(hops / 2);
  const criteria = rankings[order];
  const beforeCount = criteria.slice(0, criteria.indexOf('toLearn'));
  const contenders = (key: string) => `[${beforeCount.map((criterion) => `${key}.${criterion}`).join(', ')}]`;
  return `
  MATCH (start:Role {id: $from}), (end:Role {id: $to})
  CALL (start, end) {
    MATCH front = (start)-[:TRANSITIONS_TO*0..${head}]->(middle:Role)
    WHERE (length(front) = ${head} OR middle = end) AND ${simple('front')}
    RETURN middle, {roles: nodes(front), steps: relationships(front)} AS half, true AS first
    UNION ALL
    MATCH back = (end)<-[:TRANSITIONS_TO*0..${hops - head}]-(middle:Role)
    WHERE ${simple('back')}
    RETURN middle, {roles: reverse(nodes(back))[1..], steps: reverse(relationships(back))} AS half, false AS first
  }
  WITH start, middle, collect(CASE WHEN first THEN half END) AS fronts, collect(CASE WHEN NOT first THEN half END) AS backs
  UNWIND fronts AS front
  UNWIND backs AS back
  WITH start, front, back
  WHERE (size(back.steps) = 0 OR size(front.steps) = ${head}) AND size(front.steps) + size(back.steps) > 0
    AND none(role IN back.roles WHERE role IN front.roles)
  WITH start, front.roles + back.roles AS roles, front.steps + back.steps AS steps
  WITH start, roles, steps, size(steps) AS hops,
    reduce(years = 0.0, step IN steps | years + coalesce(step.minYears, 0)) AS minYears,
    reduce(years = 0.0, step IN steps | years + coalesce(step.maxYears, step.minYears, 0)) AS maxYears
  ${beforeCount.length === 0 ? '' : `ORDER BY ${beforeCount.join(', ')}`}
  WITH start, collect({roles: roles, steps: steps, hops: hops, minYears: minYears, maxYears: maxYears}) AS ranked
  WITH ranked, coalesce($have, COLLECT { MATCH (start)-[:REQUIRES_SKILL]->(s:Skill) RETURN s.id }) AS known${beforeCount.length === 0 ? '' : ', ranked[$limit] AS cut'}
  UNWIND ranked AS path
  WITH known, path.roles AS roles, path.steps AS steps, path.hops AS hops, path.minYears AS minYears, path.maxYears AS maxYears${
    beforeCount.length === 0 ? '' : `
  WHERE cut IS NULL OR ${contenders('path')} <= ${contenders('cut')}`
  }
  WITH roles, steps, hops, minYears, maxYears,
    COUNT { UNWIND roles[1..] AS role MATCH (role)-[:REQUIRES_SKILL]->(s:Skill) WHERE NOT s.id IN known RETURN DISTINCT s } AS toLearn
  WITH roles, steps, [n IN roles | n.id] AS roleIds, hops, minYears, maxYears, toLearn
  ORDER BY ${criteria.join(', ')}, roleIds
  LIMIT $limit + 1
  ${withRecords}`;
};

/** What the paths' descriptions read under each role on them (TransitionService.describe). */
export const pathRoleLists: RoleChildren[] = ['exclusions', 'skills'];

// The end of every path query: rows of `roles` (nodes) and `steps` (TRANSITIONS_TO relationships), in order,
// become one row holding the paths and, read whole once however many paths share them, their roles with the
// lists their descriptions need and their transitions, so that describing them reads nothing more. Whether
// each end exists, by id, tells no path from no such role (the row comes even when no path does).
const withRecords = `
  WITH collect({roles: roles, steps: steps}) AS paths
  CALL (paths) {
    UNWIND paths AS path UNWIND path.roles AS r
    WITH DISTINCT r
    RETURN collect(${roleWithChildrenOf({ children: pathRoleLists, targets: false, sources: false })}) AS roles
  }
  CALL (paths) {
    UNWIND paths AS path UNWIND path.steps AS step
    WITH DISTINCT step
    MATCH (t:Transition {id: step.transitionId})
    WITH t, startNode(step) AS a, endNode(step) AS b
    RETURN collect(t ${transitionProjection}) AS transitions
  }
  RETURN [path IN paths | {roleIds: [n IN path.roles | n.id], transitionIds: [step IN path.steps | step.transitionId]}] AS paths,
    roles, transitions, EXISTS { MATCH (:Role {id: $from}) } AS fromFound, EXISTS { MATCH (:Role {id: $to}) } AS toFound`;

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
    MATCH p = shortestPath((a)-[:TRANSITIONS_TO*0..]->(b))
    WITH nodes(p) AS roles, relationships(p) AS steps
    ${withRecords}`,
};

/** A path as the ids of its roles, in order, and of the transitions between them. */
export interface PathIds {
  roleIds: string[];
  transitionIds: string[];
}

/** Paths, with every role on them (and the lists pathRoleLists names under it) and every transition they take. */
export interface PathsRead {
  paths: PathIds[];
  roles: RoleWithChildren[];
  transitions: TransitionRecord[];
  /** Whether a role has the id given for each end: when not, the paths are none, whatever the graph holds. */
  fromFound: boolean;
  toFound: boolean;
}

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
   * The best `limit` simple paths of 1 to maxHops transitions, ranked by `order` (skills left to learn counting
   * those `have`, or else the first role, lacks), read with their roles and transitions, and whether more paths
   * were left out. The ends are ids: an alias finds no role (`fromFound`, `toFound`).
   */
  async paths(from: string, to: string, options: { maxHops: number; order: PathOrder; have: string[] | null; limit: number }): Promise<PathsRead & { truncated: boolean }> {
    if (queries.paths[`${options.order} ${options.maxHops}`] === undefined) throw new RangeError(`maxHops must be 1..${maxPathHops}`);
    // Ranked by hops first, a path never ranks before one of fewer hops: when the paths of one hop less are
    // already more than the limit, the longer ones cannot change the list. Below 5 hops the walks are short and a
    // second round trip would cost more than it saves; from 5 hops, one hop less shortens one of the two halves
    // by a hop, a walk as many times smaller as a role has moves (about 13 on the dense bench graph).
    const bounds = options.order === PathOrder.HOPS && options.maxHops >= 5 ? [options.maxHops - 1, options.maxHops] : [options.maxHops];
    let read: PathsRead | undefined;
    for (const hops of bounds) {
      read = await this.readPaths(queries.paths[`${options.order} ${hops}`] as string, { from, to, have: options.have, limit: options.limit });
      if (read.paths.length > options.limit) break;
    }
    if (!read) throw new RangeError('no bound of hops to read paths with');
    return { ...read, paths: read.paths.slice(0, options.limit), truncated: read.paths.length > options.limit };
  }

  /** The path of fewest transitions between two roles by id, read as `paths` reads them: no path when there is none, and a path of no transitions from a role to itself. */
  async shortest(from: string, to: string): Promise<PathsRead> {
    return this.readPaths(queries.shortest, { from, to });
  }

  /** A path query's one row: its paths end in an aggregation, which gives a row even when no role matched. */
  private async readPaths(query: string, parameters: Record<string, unknown>): Promise<PathsRead> {
    const [read] = await this.database.read<PathsRead>(query, parameters);
    if (!read) throw new Error('a path query returned no row');
    return read;
  }
}
