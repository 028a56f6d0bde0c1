/** A skill and the roles that need it, each role once, by any string that tells roles apart. */
export interface SkillHolders {
  id: string;
  roles: string[];
}

/** A skill's whole counts: the roles that need it, and sharedPairs[i], the pairs of them that share i + 2 skills. */
export interface SharedPairCounts {
  id: string;
  roleCount: number;
  sharedPairs: number[];
}

/**
 * Counts, for every pair of roles that shares k ≥ 2 skills, one pair sharing k for each of those skills: the
 * whole counts behind a skill's betweenness (skill-centrality.store.ts says what it counts), from who holds what.
 *
 * Done here rather than in Cypher because the pairs are many: at 30,000 roles two categories' skills join 5.4
 * million (role, skill, role) paths, which Neo4j grouped by pair in about 4.5 s, and typed arrays count in about
 * 0.1 s; the whole graph's took Neo4j 26 s. Roles are numbered, and each role a meets each role b > a once per
 * skill they share.
 */
export function countSharedPairs(skills: SkillHolders[]): SharedPairCounts[] {
  const roleNumbers = new Map<string, number>();
  const holders = skills.map(({ roles }) =>
    Int32Array.from(roles, (role) => {
      let number = roleNumbers.get(role);
      if (number === undefined) roleNumbers.set(role, (number = roleNumbers.size));
      return number;
    }),
  );
  const { start, skillsOf } = skillsByRole(holders, roleNumbers.size);
  const sharedWith = new Int32Array(roleNumbers.size);
  const met = new Int32Array(roleNumbers.size);
  const pairsBySkill = new Map<number, Map<number, number>>();
  for (let a = 0; a < roleNumbers.size; a += 1) {
    let metCount = 0;
    const from = start[a] as number;
    const to = start[a + 1] as number;
    for (let i = from; i < to; i += 1) {
      const roles = holders[skillsOf[i] as number] as Int32Array;
      for (let j = 0; j < roles.length; j += 1) {
        const b = roles[j] as number;
        if (b <= a) continue;
        if (sharedWith[b] === 0) met[metCount++] = b;
        sharedWith[b] = (sharedWith[b] as number) + 1;
      }
    }
    for (let i = from; i < to; i += 1) {
      const skill = skillsOf[i] as number;
      const roles = holders[skill] as Int32Array;
      for (let j = 0; j < roles.length; j += 1) {
        const b = roles[j] as number;
        const k = sharedWith[b] as number;
        if (b <= a || k < 2) continue;
        let byK = pairsBySkill.get(skill);
        if (!byK) pairsBySkill.set(skill, (byK = new Map()));
        byK.set(k, (byK.get(k) ?? 0) + 1);
      }
    }
    for (let i = 0; i < metCount; i += 1) sharedWith[met[i] as number] = 0;
  }
  return skills.map(({ id, roles }, skill) => {
    const sharedPairs: number[] = [];
    for (const [k, pairs] of pairsBySkill.get(skill) ?? []) {
      while (sharedPairs.length < k - 1) sharedPairs.push(0);
      sharedPairs[k - 2] = pairs;
    }
    return { id, roleCount: roles.length, sharedPairs };
  });
}

/** Each role's skills, as one array in role order with where each role's part starts (start[role + 1] ends it). */
function skillsByRole(holders: Int32Array[], roleCount: number): { start: Int32Array; skillsOf: Int32Array } {
  const start = new Int32Array(roleCount + 1);
  for (const roles of holders) {
    for (let j = 0; j < roles.length; j += 1) {
      const after = (roles[j] as number) + 1;
      start[after] = (start[after] as number) + 1;
    }
  }
  for (let role = 0; role < roleCount; role += 1) start[role + 1] = (start[role + 1] as number) + (start[role] as number);
  const next = start.slice(0, roleCount);
  const skillsOf = new Int32Array(start[roleCount] as number);
  holders.forEach((roles, skill) => {
    for (let j = 0; j < roles.length; j += 1) {
      const role = roles[j] as number;
      skillsOf[next[role] as number] = skill;
      next[role] = (next[role] as number) + 1;
    }
  });
  return { start, skillsOf };
}
