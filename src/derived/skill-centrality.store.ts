import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database.js';

/**
 * A skill's stored centrality: roleCount, the roles that need it, and betweenness over pairs of roles at
 * distance 2 (see skill-centrality.query.ts), kept with the whole counts it is computed from. sharedPairs[i]
 * is the number of pairs of its roles that share i + 2 skills; the other pairs of its roles share it alone.
 *
 * Whole counts are what make the figures incremental: a write adds and takes away the pairs of the roles it
 * changes, and the betweenness computed from the counts is exactly, to the last bit, the one a recount of
 * the whole graph gives (a float kept up to date by adding and subtracting 1/k would drift from it).
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
  /**
   * The pairs of roles sharing k ≥ 2 skills, by skill and k: of all roles, or of the pairs with one of
   * $roles in them (a pair of two of them once). Only pairs sharing two skills or more are kept, since the
   * others follow from roleCount; they are still enumerated, which is why this runs on every role only when
   * everything changed (an import).
   */
  sharedPairs: (roles: 'all' | 'some') => `
    ${roles === 'all' ? 'MATCH (a:Role) WITH a, [] AS group' : 'MATCH (p:Role) WHERE p.id IN $roles WITH collect(p) AS group UNWIND group AS a'}
    CALL (a, group) {
      MATCH (a)-[:REQUIRES_SKILL]->(s)
      WITH DISTINCT s
      MATCH (s)<-[:REQUIRES_SKILL]-(b)
      WHERE b <> a AND NOT (${roles === 'all' ? 'true' : 'b IN group'} AND elementId(b) < elementId(a))
      WITH b, collect(DISTINCT s) AS shared
      WHERE size(shared) > 1
      UNWIND shared AS s
      RETURN s.id AS skill, size(shared) AS k, count(*) AS pairs
    }
    RETURN skill, k, sum(pairs) AS pairs`,
  skillsOf: 'MATCH (r:Role)-[:REQUIRES_SKILL]->(s:Skill) WHERE r.id IN $roles RETURN DISTINCT s.id AS id',
  allRoleCounts: 'MATCH (s:Skill) RETURN s.id AS skill, COUNT { MATCH (r:Role)-[:REQUIRES_SKILL]->(s) RETURN DISTINCT r } AS roleCount, [] AS sharedPairs',
  roleCounts: `
    MATCH (s:Skill) WHERE s.id IN $skills
    RETURN s.id AS skill, COUNT { MATCH (r:Role)-[:REQUIRES_SKILL]->(s) RETURN DISTINCT r } AS roleCount, coalesce(s.sharedPairs, []) AS sharedPairs`,
  // Written only where a figure changed, so that an import that changes nothing reports no skill as updated.
  store: `
    UNWIND $figures AS f
    MATCH (s:Skill {id: f.skill})
    WHERE s.roleCount IS NULL OR s.roleCount <> f.roleCount OR s.betweenness IS NULL OR s.betweenness <> toFloat(f.betweenness)
      OR s.sharedPairs IS NULL OR s.sharedPairs <> f.sharedPairs
    SET s.roleCount = f.roleCount, s.betweenness = toFloat(f.betweenness), s.sharedPairs = f.sharedPairs`,
};

interface PairRow {
  skill: string;
  k: number;
  pairs: number;
}

/** Counts the pairs of the whole graph and stores every skill's figures. */
export async function storeAllSkillCentrality(tx: ManagedTransaction): Promise<void> {
  const counts = new PairCounts();
  counts.add(await run<PairRow>(tx, queries.sharedPairs('all')), 1);
  await store(tx, counts.applyTo(await run<StoredFigures>(tx, queries.allRoleCounts)));
}

type StoredFigures = Pick<SkillFigures, 'skill' | 'roleCount' | 'sharedPairs'>;

/**
 * The change a write makes to the figures, for a write that changes the skills of a known set of roles:
 * `leave` takes those roles' pairs away before it, `join` adds them back after it, and `store` writes the
 * figures of every skill either touched. Roles the write deletes simply never join again.
 */
export class SkillCentralityChange {
  private readonly counts = new PairCounts();
  private readonly skills = new Set<string>();

  async leave(tx: ManagedTransaction, roles: string[]): Promise<void> {
    await this.count(tx, roles, -1);
  }

  async join(tx: ManagedTransaction, roles: string[]): Promise<void> {
    await this.count(tx, roles, 1);
  }

  /** A skill whose figures to store though no role of the change needs it: one the write created. */
  touch(skill: string): void {
    this.skills.add(skill);
  }

  async store(tx: ManagedTransaction): Promise<void> {
    if (this.skills.size === 0) return;
    await store(tx, this.counts.applyTo(await run<StoredFigures>(tx, queries.roleCounts, { skills: [...this.skills] })));
  }

  private async count(tx: ManagedTransaction, roles: string[], sign: 1 | -1): Promise<void> {
    if (roles.length === 0) return;
    for (const { id } of await run<{ id: string }>(tx, queries.skillsOf, { roles })) this.skills.add(id);
    this.counts.add(await run<PairRow>(tx, queries.sharedPairs('some'), { roles }), sign);
  }
}

/** Pairs sharing k skills, by skill and k, to add to what is stored. */
class PairCounts {
  private readonly bySkill = new Map<string, Map<number, number>>();

  add(rows: PairRow[], sign: 1 | -1): void {
    for (const { skill, k, pairs } of rows) {
      let byK = this.bySkill.get(skill);
      if (!byK) this.bySkill.set(skill, (byK = new Map()));
      byK.set(k, (byK.get(k) ?? 0) + sign * pairs);
    }
  }

  applyTo(stored: StoredFigures[]): SkillFigures[] {
    return stored.map(({ skill, roleCount, sharedPairs: before }) => {
      const sharedPairs = [...before];
      for (const [k, pairs] of this.bySkill.get(skill) ?? []) {
        while (sharedPairs.length < k - 1) sharedPairs.push(0);
        sharedPairs[k - 2] = (sharedPairs[k - 2] ?? 0) + pairs;
      }
      // No trailing zeros: the same counts are always the same list.
      while (sharedPairs.length > 0 && sharedPairs[sharedPairs.length - 1] === 0) sharedPairs.pop();
      return { skill, roleCount, sharedPairs, betweenness: betweennessOf(roleCount, sharedPairs) };
    });
  }
}

async function store(tx: ManagedTransaction, figures: SkillFigures[]): Promise<void> {
  if (figures.length > 0) await run(tx, queries.store, { figures });
}
