import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database.js';
import { nameStems, type NamedSkill } from './skill.matcher.js';

/** Whether the Skill `s` is listed: a page's Key Skill Sets or a curator states it for some role; derived links state nothing. */
export const skillIsListed = 'EXISTS { (:Role)-[q:REQUIRES_SKILL]->(s) WHERE q.derived IS NULL }';

/**
 * What a curator's write is about to change, as far as derived facts care. Each field lists ids; a write
 * names what it touches and reachOf works out, before the write, what depends on it.
 */
export interface WriteScope {
  /** Roles the write creates, or that a transition it adds or removes leads to: they and the roles above them get levels again. */
  levelsFrom?: string[];
  /** Roles whose stated or excluded skills the write changes. */
  skillsOf?: string[];
  /** Skills the write states or stops stating for those roles, with the name a new one will take. */
  skills?: NamedSkill[];
  /** Roles that the write gives or takes a transition into. */
  arrivals?: string[];
  /** Skills the write files under a category: a link derived to one takes its category from the skill's. */
  categorised?: string[];
  /** Roles the write deletes, with all they state and every transition into and out of them. */
  deleted?: string[];
}

export interface ListedSkill extends NamedSkill {
  /** Whether some role lists it: a page's Key Skill Sets or a curator, not a derived link. */
  listed: boolean;
}

/** What to derive again around a write. */
export interface Reach {
  /** Roles that, with every role they lead to, get levels again: the transitions into them are all the write changes of the ladder. */
  levelsFrom: string[];
  /** Skills that may start or stop being listed, each with whether it is listed before the write. */
  relisted: ListedSkill[];
  /** Transitions with a text that may name one of them. */
  transitions: string[];
  /** Roles whose skills may change, stated or derived: their pairs are counted again for centrality. */
  roles: string[];
  /** Roles whose derived skills are derived again: those above without a page (only those derive any), and holders of a link whose category may change. */
  derived: string[];
  /** Skills the write names (with the name a new one takes), whose centrality to store though no role of `roles` may need them any more. */
  skills: NamedSkill[];
}

const queries = {
  successors: 'MATCH (r:Role)-[:TRANSITIONS_TO]->(x:Role) WHERE r.id IN $roles AND NOT x.id IN $roles RETURN DISTINCT x.id AS id',
  statedBy: 'MATCH (r:Role)-[q:REQUIRES_SKILL]->(s:Skill) WHERE r.id IN $roles AND q.derived IS NULL RETURN DISTINCT s.id AS id, s.name AS name',
  // A skill that a role outside the write also states stays listed whatever the write does, and so what
  // transitions develop of it stays too. The others may start or stop being listed.
  // The check walks the skill's own links: only roles have REQUIRES_SKILL links, and written with (r:Role) and
  // r.id, the planner scanned the index of role ids and looked for a link from each role to the skill (395,000
  // db hits for a role of 37 skills on the 3,000-role graph, against 322).
  maybeListed: `
    UNWIND $skills AS skill
    OPTIONAL MATCH (s:Skill {id: skill.id})
    WITH skill, s
    WHERE s IS NULL OR NOT EXISTS { MATCH (s)<-[q:REQUIRES_SKILL]-(r) WHERE q.derived IS NULL AND NOT r.id IN $roles }
    RETURN skill.id AS id, coalesce(s.name, skill.name) AS name,
      s IS NOT NULL AND ${skillIsListed} AS listed`,
  // The transitions with a text that names one of the skills: for a listed skill, those that develop it
  // (texts change only with an import); for another, those whose texts have every stem of its name somewhere
  // (refreshDerivedFacts stores them), a superset found by the full-text index on those stems.
  developing: 'MATCH (s:Skill) WHERE s.id IN $skills MATCH (t:Transition)-[:DEVELOPS]->(s) RETURN DISTINCT t.id AS id',
  mentioning: "CALL db.index.fulltext.queryNodes('transition_stems', $query) YIELD node RETURN node.id AS id",
  // The roles without a page among $roles, and those that $stating (whose stated skills change) lead to.
  pageless: `
    MATCH (r:Role) WHERE r.id IN $roles
    CALL (r) {
      MATCH (r) WHERE r.pageFile IS NULL RETURN r.id AS id
      UNION
      MATCH (r)-[:TRANSITIONS_TO]->(b:Role) WHERE r.id IN $stating AND b.pageFile IS NULL RETURN b.id AS id
    }
    RETURN DISTINCT id`,
  pagelessTargets: 'MATCH (t:Transition)-[:LEADS_TO]->(r:Role) WHERE t.id IN $transitions AND r.pageFile IS NULL RETURN DISTINCT r.id AS id',
  derivedHolders: 'MATCH (r:Role)-[:REQUIRES_SKILL {derived: true}]->(s:Skill) WHERE s.id IN $skills RETURN DISTINCT r.id AS id',
};

/**
 * What depends on what the write touches, read before the write (what it deletes is still there to follow):
 * - a role's level hangs on the levels of the roles leading to it (levelsAbove), so a change to the
 *   transitions into a role can change the levels of the roles it leads to, and no other;
 * - a role without a page derives its skills from what its predecessors state, what it states or excludes
 *   itself, and what the transitions into it develop; a role with a page derives none;
 * - a transition develops the skills that some role lists, so a skill that starts or stops being listed
 *   changes the developments of the transitions that mention it (and an action whose title named only that
 *   skill stands for a capability of its own again);
 * - a skill's centrality hangs on the pairs of roles that need it, so on the roles whose skills change.
 */
export async function reachOf(tx: ManagedTransaction, scope: WriteScope): Promise<Reach> {
  const deleted = scope.deleted ?? [];
  const skillsOf = unique([...(scope.skillsOf ?? []), ...deleted]);
  const ids = async (query: string, parameters: Record<string, string[]>): Promise<string[]> =>
    Object.values(parameters).some((list) => list.length > 0) ? (await run<{ id: string }>(tx, query, parameters)).map((row) => row.id) : [];

  const levelsFrom = unique([...(scope.levelsFrom ?? []), ...(await ids(queries.successors, { roles: deleted }))]);
  const named = [...(scope.skills ?? []), ...(deleted.length > 0 ? await run<NamedSkill>(tx, queries.statedBy, { roles: deleted }) : [])];
  const relisted = named.length > 0 ? await run<ListedSkill>(tx, queries.maybeListed, { skills: named, roles: skillsOf }) : [];
  const names = relisted.filter((skill) => !skill.listed).map((skill) => [...new Set(nameStems(skill.name))]).filter((needed) => needed.length > 0);
  const transitions = unique([
    ...(await ids(queries.developing, { skills: relisted.filter((skill) => skill.listed).map((skill) => skill.id) })),
    ...(names.length > 0 ? (await run<{ id: string }>(tx, queries.mentioning, { query: everyStemOfOne(names) })).map((row) => row.id) : []),
  ]);
  const pageless = unique([
    ...(await ids(queries.pageless, { roles: unique([...skillsOf, ...(scope.arrivals ?? [])]), stating: skillsOf })),
    ...(await ids(queries.pagelessTargets, { transitions })),
  ]);
  return {
    levelsFrom,
    relisted,
    transitions,
    roles: unique([...skillsOf, ...pageless]),
    derived: unique([...pageless, ...(await ids(queries.derivedHolders, { skills: scope.categorised ?? [] }))]),
    skills: named,
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/**
 * The Lucene query for the transitions whose stems hold every stem of one of the names. Stems are letters,
 * digits and "&" (skill.matcher.ts): quoted, "&&" is a term and not Lucene's AND.
 */
export function everyStemOfOne(names: string[][]): string {
  return names.map((needed) => `(${needed.map((stem) => `+stems:"${stem}"`).join(' ')})`).join(' ');
}
