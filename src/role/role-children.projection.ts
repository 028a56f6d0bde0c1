import { roleSkillProjection } from '../skill/skill.projection.js';
import { transitionProjection } from '../transition/transition.projection.js';
import type { RolePrefetch } from './role.prefetch.js';
import { roleProjection, roleProjectionOf, type RoleRecord } from './role.projection.js';

const source = (variable: string) => `source: ${variable}.sourceFile + coalesce(':' + ${variable}.sourceLine, '')`;

/**
 * Each list under the role `r`, in the order the page states it. Sorting comes before the projection: a
 * projection `x {...}` takes the name x, and would hide x.sourceLine.
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
 * RoleWithChildren: for any query that reads roles whole for the loaders (RoleService.rememberWith), the
 * role repository's and those of other folders (paths read the roles on them so).
 */
export function roleWithChildrenOf({ children, targets, sources }: RolePrefetch): string {
  const lists = children.map((kind) => `${kind}: ${childQueries[kind]}`).join(',\n    ');
  return `{role: r ${roleProjection}, children: {${lists}},
    neighbours: ${targets ? neighbourQueries.targets : '[]'} + ${sources ? neighbourQueries.sources : '[]'}}`;
}

/** The list of kind `kind` under the role `r`, as childQueries reads it. */
export const roleChildList = (kind: RoleChildren): string => childQueries[kind];

/** A role read with lists under it, and the roles its transitions lead to or come from, if asked for. */
export interface RoleWithChildren {
  role: RoleRecord;
  children: Partial<Record<RoleChildren, unknown[]>>;
  neighbours: RoleRecord[];
}
