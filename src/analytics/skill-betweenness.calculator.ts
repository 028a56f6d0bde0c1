import { betweennessOf } from '../derived/skill-centrality.store.js';

/** A skill and the roles that need it, each role once, by any string that tells roles apart. */
export interface SkillHolders {
  id: string;
  roles: string[];
}

export interface SkillBetweenness {
  id: string;
  roleCount: number;
  betweenness: number;
}

/**
 * Each skill's roleCount and betweenness over pairs of roles at distance 2 (skill-centrality.query.ts says
 * what it counts), from who holds what. It counts, for every pair of roles that shares k ≥ 2 skills, one pair
 * sharing k for each of those skills, and hands the whole counts to betweennessOf, as the stored figures do:
 * the same graph gives the same number to the last bit whichever computes it.
 *
 * Done here rather than in Cypher because the pairs are many: at 30,000 roles two categories' skills join 5.4
 * million (role, skill, role) paths, which Neo4j grouped by pair in about 4 s, and plain arrays count in tens of
 * milliseconds. Roles are numbered, and each role a meets each role b > a once per skill they share.
 */
export function skillBetweenness(skills: SkillHolders[]): SkillBetweenness[] {
  const roleNumbers = new Map<string, number>();
  const holders = skills.map(({ roles }) =>
    Int32Array.from(roles, (role) => {
      let number = roleNumbers.get(role);
      if (number === undefined) roleNumbers.set(role, (number = roleNumbers.size));
      return number;
    }),
  );
  const skillsOf = skillsByRole(holders, roleNumbers.size);
  const sharedWith = new Int32Array(roleNumbers.size);
  const met: number[] = [];
  const pairsBySkill = new Map<number, Map<number, number>>();
  for (let a = 0; a < roleNumbers.size; a += 1) {
    const own = skillsOf[a] as number[];
    for (const skill of own) {
      for (const b of holders[skill] as Int32Array) {
        if (b <= a) continue;
        if (sharedWith[b] === 0) met.push(b);
        sharedWith[b] = (sharedWith[b] as number) + 1;
      }
    }
    for (const skill of own) {
      for (const b of holders[skill] as Int32Array) {
        const k = sharedWith[b] as number;
        if (b <= a || k < 2) continue;
        let byK = pairsBySkill.get(skill);
        if (!byK) pairsBySkill.set(skill, (byK = new Map()));
        byK.set(k, (byK.get(k) ?? 0) + 1);
      }
    }
    for (const b of met) sharedWith[b] = 0;
    met.length = 0;
  }
  return skills.map(({ id, roles }, skill) => {
    const sharedPairs: number[] = [];
    for (const [k, pairs] of pairsBySkill.get(skill) ?? []) {
      while (sharedPairs.length < k - 1) sharedPairs.push(0);
      sharedPairs[k - 2] = pairs;
    }
    return { id, roleCount: roles.length, betweenness: betweennessOf(roles.length, sharedPairs) };
  });
}

function skillsByRole(holders: Int32Array[], roleCount: number): number[][] {
  const skillsOf: number[][] = Array.from({ length: roleCount }, () => []);
  holders.forEach((roles, skill) => {
    for (const role of roles) (skillsOf[role] as number[]).push(skill);
  });
  return skillsOf;
}
