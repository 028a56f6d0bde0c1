import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database.js';
import { nameStems, type NamedSkill } from './skill.matcher.js';

/**
 * What a curator's write is about to change, as far as derived facts care. Each field lists ids; a write
 * names what it touches and reachOf works out, before the write, what depends on it.
 */
export interface WriteScope {
  /** Roles the write creates, or at either end of a transition it adds or removes: their ladders get levels again. */
  ladder?: string[];
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

/** What to derive again around a write. */
export interface Reach {
  /** Roles whose ladders (roles joined by transitions, either way) get levels again. */
  ladder: string[];
  /** Transitions whose developments are matched again. */
  transitions: string[];
  /** Roles whose skills may change, stated or derived: their pairs are counted again for centrality. */
  roles: string[];
  /** Roles whose derived skills are derived again: those above, and holders of a link whose category may change. */
  derived: string[];
  /** Skills whose centrality to store though no role of `roles` may need them any more. */
  skills: string[];
}

const queries = {
  neighbours: 'MATCH (r:Role)-[:TRANSITIONS_TO]-(x:Role) WHERE r.id IN $roles RETURN DISTINCT x.id AS id',
  statedBy: 'MATCH (r:Role)-[q:REQUIRES_SKILL]->(s:Skill) WHERE r.id IN $roles AND q.derived IS NULL RETURN DISTINCT s.id AS id, s.name AS name',
  // A skill that a role outside the write also states stays listed whatever the write does, and so what
  // transitions develop of it stays too. The others may start or stop being listed.
  maybeListed: `
    UNWIND $skills AS skill
    OPTIONAL MATCH (s:Skill {id: skill.id})
    WITH skill, s
    WHERE s IS NULL OR NOT EXISTS { (r:Role)-[q:REQUIRES_SKILL]->(s) WHERE q.derived IS NULL AND NOT r.id IN $roles }
    RETURN skill.id AS id, coalesce(s.name, skill.name) AS name`,
  developing: 'MATCH (t:Transition)-[:DEVELOPS]->(s:Skill) WHERE s.id IN $skills RETURN DISTINCT t.id AS id',
  // Transitions whose texts have every stem of a skill's name somewhere (refreshDerivedFacts stores them):
  // a superset of those with a sentence that names it.
  mentioning: 'UNWIND $names AS needed MATCH (t:Transition) WHERE all(stem IN needed WHERE stem IN t.stems) RETURN DISTINCT t.id AS id',
  pagelessSuccessors: 'MATCH (r:Role)-[:TRANSITIONS_TO]->(b:Role) WHERE r.id IN $roles AND b.pageFile IS NULL RETURN DISTINCT b.id AS id',
  pageless: 'MATCH (r:Role) WHERE r.id IN $roles AND r.pageFile IS NULL RETURN r.id AS id',
  pagelessTargets: 'MATCH (t:Transition)-[:LEADS_TO]->(r:Role) WHERE t.id IN $transitions AND r.pageFile IS NULL RETURN DISTINCT r.id AS id',
  derivedHolders: 'MATCH (r:Role)-[:REQUIRES_SKILL {derived: true}]->(s:Skill) WHERE s.id IN $skills RETURN DISTINCT r.id AS id',
};

/**
 * What depends on what the write touches, read before the write (what it deletes is still there to follow):
 * - levels hang on the whole ladder of a role, since the longest path to it may come from anywhere on it;
 * - a role without a page derives its skills from what its predecessors state, what it states or excludes
 *   itself, and what the transitions into it develop;
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

  const ladder = unique([...(scope.ladder ?? []), ...deleted, ...(await ids(queries.neighbours, { roles: deleted }))]);
  const named = [...(scope.skills ?? []), ...(deleted.length > 0 ? await run<NamedSkill>(tx, queries.statedBy, { roles: deleted }) : [])];
  const relisted = named.length > 0 ? await run<NamedSkill>(tx, queries.maybeListed, { skills: named, roles: skillsOf }) : [];
  const names = relisted.map((skill) => [...new Set(nameStems(skill.name))]).filter((needed) => needed.length > 0);
  const transitions = unique([
    ...(await ids(queries.developing, { skills: relisted.map((skill) => skill.id) })),
    ...(names.length > 0 ? (await run<{ id: string }>(tx, queries.mentioning, { names })).map((row) => row.id) : []),
  ]);
  const roles = unique([
    ...skillsOf,
    ...(await ids(queries.pagelessSuccessors, { roles: skillsOf })),
    ...(await ids(queries.pageless, { roles: scope.arrivals ?? [] })),
    ...(await ids(queries.pagelessTargets, { transitions })),
  ]);
  return {
    ladder,
    transitions,
    roles,
    derived: unique([...roles, ...(await ids(queries.derivedHolders, { skills: scope.categorised ?? [] }))]),
    skills: named.map((skill) => skill.id),
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
