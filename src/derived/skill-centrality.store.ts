import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database.js';
import { countSharedPairs, type SkillHolders } from './shared-pairs.counter.js';

/**
 * A skill's stored centrality: roleCount, the roles that need it, and betweenness over pairs of roles at
 * distance 2, kept with the whole counts it is computed from. sharedPairs[i] is the number of pairs of its
 * roles that share i + 2 skills; the other pairs of its roles share it alone.
 *
 * Betweenness of skill s over pairs of roles at distance 2: each pair {a, b} that shares k skills has k
 * shortest paths a–s–b, one through each shared skill, which gets 1/k of the pair. Most pairs share one
 * skill and give it 1, so a skill starts from the number of pairs of the roles that need it, C(d, 2), and
 * only the pairs that share k ≥ 2 skills need counting.
 *
 * Whole counts are what make the figures incremental: a write adds and takes away the pairs of the roles it
 * changes, and the betweenness computed from the counts is exactly, to the last bit, the one a recount of
 * the whole graph gives (a float kept up to date by adding and subtracting 1/k would drift from it).
 *
 * Each role keeps the size of its skill set beside them (`skillCount`, its skills counted once however many
 * links state one): similarRoles divides by the sizes of every role that shares a skill, and reading a stored
 * number costs a fraction of counting hundreds of sets of links again for each request.
 */
export interface SkillFigures {
  skill: string;
  roleCount: number;
  betweenness: number;
  sharedPairs: number[];
}

/** Each pair of roles that shares k skills gives each of them 1/k, summed in one fixed order. */
export function betweennessOf(roleCount: number, sharedPairs: readonly number[]): number {
  let alone = roleCount < 2 ? 0 : (roleCount * (roleCount - 1)) / 2;
  for (const pairs of sharedPairs) alone -= pairs;
  let betweenness = alone;
  sharedPairs.forEach((pairs, index) => {
    betweenness += pairs / (index + 2);
  });
  return betweenness;
}

const queries = {
  // Every skill with the roles that need it (element ids: Neo4j has them without reading a property), for countSharedPairs.
  allSkillHolders: 'MATCH (s:Skill) RETURN s.id AS id, COLLECT { MATCH (r:Role)-[:REQUIRES_SKILL]->(s) RETURN DISTINCT elementId(r) } AS roles',
  skillsOf: 'MATCH (r:Role) WHERE r.id IN $roles RETURN r.id AS role, COLLECT { MATCH (r)-[:REQUIRES_SKILL]->(s) RETURN DISTINCT s.id } AS skills',
  /**
   * For each role of a change, given the skills it had before, the skills it has now and the pairs it forms
   * with the roles outside the change whose shared skills changed (shared with two or more on either side);
   * it stores each one's skillCount on the way.
   * Only the roles holding a skill the role gained or lost can share a different set with it: they are found
   * from those few skills, not from every skill of the role.
   */
  changedPairs: `
    UNWIND $roles AS role
    CALL (role) {
      OPTIONAL MATCH (:Role {id: role.id})-[:REQUIRES_SKILL]->(s)
      RETURN collect(DISTINCT s.id) AS after
    }
    CALL (role, after) {
      MATCH (r:Role {id: role.id}) WHERE r.skillCount IS NULL OR r.skillCount <> size(after)
      SET r.skillCount = size(after)
    }
    WITH role, after, [x IN role.before WHERE NOT x IN after] + [x IN after WHERE NOT x IN role.before] AS changed, [x IN role.before WHERE x IN after] AS kept
    CALL (role, after, changed, kept) {
      WITH role, after, changed, COLLECT { MATCH (k:Skill) WHERE k.id IN kept RETURN k } AS keptSkills
      UNWIND changed AS skill
      MATCH (:Skill {id: skill})<-[:REQUIRES_SKILL]-(b)
      WHERE NOT b.id IN $ids
      WITH role, after, keptSkills, b, collect(DISTINCT skill) AS heldOfChanged
      // What b holds of the role's other skills, in one pass over b's links compared with those nodes in memory:
      // one pattern check per kept skill read b's links once for each. A role that keeps none (one deleted)
      // skips the pass: the CASE evaluates the subquery only when it needs it (67,000 db hits to 3,000 when
      // a role with 40 skills goes, on the 3,000-role graph).
      WITH role, after, heldOfChanged + CASE WHEN size(keptSkills) = 0 THEN [] ELSE COLLECT { MATCH (b)-[:REQUIRES_SKILL]->(x) WHERE x IN keptSkills RETURN DISTINCT x.id } END AS held
      WITH [x IN held WHERE x IN role.before] AS before, [x IN held WHERE x IN after] AS now
      WHERE before <> now AND (size(before) > 1 OR size(now) > 1)
      RETURN collect({before: before, after: now}) AS pairs
    }
    RETURN role.id AS role, after, pairs`,
  allSkillCounts: `
    MATCH (r:Role)
    WITH r, COUNT { MATCH (r)-[:REQUIRES_SKILL]->(s) RETURN DISTINCT s } AS skillCount
    WHERE r.skillCount IS NULL OR r.skillCount <> skillCount
    SET r.skillCount = skillCount`,
  // A skill the write created has no figures yet: no role needed it before.
  storedFigures: 'MATCH (s:Skill) WHERE s.id IN $skills RETURN s.id AS skill, coalesce(s.roleCount, 0) AS roleCount, coalesce(s.sharedPairs, []) AS sharedPairs',
  // Written only where a figure changed, so that an import that changes nothing reports no skill as updated.
  store: `
    UNWIND $figures AS f
    MATCH (s:Skill {id: f.skill})
    WHERE s.roleCount IS NULL OR s.roleCount <> f.roleCount OR s.betweenness IS NULL OR s.betweenness <> toFloat(f.betweenness)
      OR s.sharedPairs IS NULL OR s.sharedPairs <> f.sharedPairs
    SET s.roleCount = f.roleCount, s.betweenness = toFloat(f.betweenness), s.sharedPairs = f.sharedPairs`,
};

/** Counts the pairs of the whole graph and stores every skill's figures, and every role's skillCount. */
export async function storeAllSkillCentrality(tx: ManagedTransaction): Promise<void> {
  await run(tx, queries.allSkillCounts);
  const counted = countSharedPairs(await run<SkillHolders>(tx, queries.allSkillHolders));
  await store(tx, counted.map(({ id, roleCount, sharedPairs }) => ({ skill: id, roleCount, sharedPairs, betweenness: betweennessOf(roleCount, sharedPairs) })));
}

type StoredFigures = Pick<SkillFigures, 'skill' | 'roleCount' | 'sharedPairs'>;

/**
 * The change a write makes to the figures, for a write that changes the skills of a known set of roles (and
 * of no other): `readBefore` reads their skills before it, `store` after it (and after what it derives) counts
 * what changed, the roles that need each skill and the pairs whose shared skills differ, and stores the
 * figures of the skills whose counts changed. Roles the write deletes have no skills after it.
 */
export class SkillCentralityChange {
  private readonly before = new Map<string, string[]>();
  private readonly skills = new Set<string>();

  async readBefore(tx: ManagedTransaction, roles: string[]): Promise<void> {
    for (const role of roles) this.before.set(role, []);
    if (roles.length === 0) return;
    for (const { role, skills } of await run<{ role: string; skills: string[] }>(tx, queries.skillsOf, { roles })) this.before.set(role, skills);
  }

  /** A skill whose figures to store though no count of it changes: one the write created. */
  touch(skill: string): void {
    this.skills.add(skill);
  }

  async store(tx: ManagedTransaction): Promise<void> {
    const counts = new PairCounts();
    if (this.before.size > 0) {
      const roles = [...this.before].map(([id, before]) => ({ id, before }));
      const rows = await run<{ role: string; after: string[]; pairs: { before: string[]; after: string[] }[] }>(tx, queries.changedPairs, { roles, ids: [...this.before.keys()] });
      const after = new Map(rows.map((row) => [row.role, row.after]));
      for (const row of rows) {
        counts.holders(this.before.get(row.role) ?? [], -1);
        counts.holders(row.after, 1);
        for (const pair of row.pairs) {
          counts.pair(pair.before, -1);
          counts.pair(pair.after, 1);
        }
      }
      // Pairs of two roles of the change, from what each needed before and needs now.
      const ids = [...this.before.keys()];
      ids.forEach((a, index) => {
        for (const b of ids.slice(index + 1)) {
          counts.pair(shared(this.before.get(a), this.before.get(b)), -1);
          counts.pair(shared(after.get(a), after.get(b)), 1);
        }
      });
    }
    const skills = [...new Set([...counts.skills(), ...this.skills])];
    if (skills.length === 0) return;
    await store(tx, counts.applyTo(await run<StoredFigures>(tx, queries.storedFigures, { skills })));
  }
}

function shared(one: string[] = [], other: string[] = []): string[] {
  const set = new Set(other);
  return one.filter((skill) => set.has(skill));
}

/** Changes to the counts, by skill: roles that need it, and pairs sharing k skills, to add to what is stored. */
class PairCounts {
  private readonly bySkill = new Map<string, Map<number, number>>();
  private readonly roleCounts = new Map<string, number>();

  /** A pair of roles sharing these skills, come (1) or gone (-1); a pair sharing one skill or none counts in roleCount alone. */
  pair(shared: string[], sign: 1 | -1): void {
    if (shared.length > 1) for (const skill of shared) this.count(skill, shared.length, sign);
  }

  /** A role that needs these skills, come (1) or gone (-1). */
  holders(skills: string[], sign: 1 | -1): void {
    for (const skill of skills) this.roleCounts.set(skill, (this.roleCounts.get(skill) ?? 0) + sign);
  }

  /** The skills whose counts change. */
  skills(): string[] {
    const changed = [...this.roleCounts].filter(([, change]) => change !== 0).map(([skill]) => skill);
    for (const [skill, byK] of this.bySkill) if ([...byK.values()].some((change) => change !== 0)) changed.push(skill);
    return changed;
  }

  private count(skill: string, k: number, pairs: number): void {
    let byK = this.bySkill.get(skill);
    if (!byK) this.bySkill.set(skill, (byK = new Map()));
    byK.set(k, (byK.get(k) ?? 0) + pairs);
  }

  applyTo(stored: StoredFigures[]): SkillFigures[] {
    return stored.map(({ skill, roleCount: before, sharedPairs: pairsBefore }) => {
      const sharedPairs = [...pairsBefore];
      for (const [k, pairs] of this.bySkill.get(skill) ?? []) {
        while (sharedPairs.length < k - 1) sharedPairs.push(0);
        sharedPairs[k - 2] = (sharedPairs[k - 2] ?? 0) + pairs;
      }
      // No trailing zeros: the same counts are always the same list.
      while (sharedPairs.length > 0 && sharedPairs[sharedPairs.length - 1] === 0) sharedPairs.pop();
      const roleCount = before + (this.roleCounts.get(skill) ?? 0);
      return { skill, roleCount, sharedPairs, betweenness: betweennessOf(roleCount, sharedPairs) };
    });
  }
}

async function store(tx: ManagedTransaction, figures: SkillFigures[]): Promise<void> {
  if (figures.length > 0) await run(tx, queries.store, { figures });
}
