import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database.js';
import { computeLevels, type Edge } from './level.calculator.js';
import { skillCentralityRows } from './skill-centrality.query.js';
import { skillMatcher, type NamedSkill } from './skill.matcher.js';

const queries = {
  roleIds: 'MATCH (r:Role) RETURN r.id AS id',
  transitions: 'MATCH (a:Role)-[:TRANSITIONS_TO]->(b:Role) RETURN a.id AS from, b.id AS to',
  setLevels: 'UNWIND $levels AS row MATCH (r:Role {id: row.id}) WHERE r.level IS NULL OR r.level <> row.level SET r.level = row.level',
  deleteDerivedSkills: 'MATCH ()-[q:REQUIRES_SKILL {derived: true}]->() DELETE q',
  developingTexts: `
    MATCH (t:Transition)-[:LEADS_TO]->(r:Role) WHERE r.pageFile IS NULL
    MATCH (t)-[:HAS_ACTION|HAS_INDICATOR]->(x)
    RETURN r.id AS role, x.sourceFile AS sourceFile, x.sourceLine AS sourceLine,
           [x.title, x.text, x.example] + coalesce(x.bullets, []) AS texts
    ORDER BY x.sourceFile, x.sourceLine`,
  skills: 'MATCH (s:Skill) RETURN s.id AS id, s.name AS name',
  createDerivedSkills: `
    UNWIND $links AS link
    MATCH (r:Role {id: link.role}), (s:Skill {id: link.skill})
    WHERE NOT EXISTS { (r)-[:REQUIRES_SKILL]->(s) }
    CREATE (r)-[q:REQUIRES_SKILL {derived: true, sourceFile: link.sourceFile, sourceLine: link.sourceLine}]->(s)
    SET q.category = COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN c.name ORDER BY c.name LIMIT 1 }[0]`,
  // A skill is written only when a figure changed. A sum of floats differs in its last bits with the order
  // of its terms (a few 1e-13 of it at most: a skill sums a few thousand terms), which would otherwise
  // rewrite every skill on every write and make an unchanged import report every skill as updated; a real
  // change is far above 1e-12 of it (a pair of roles going from k to k + 1 shared skills moves it by
  // 1/k - 1/(k + 1)).
  storeSkillCentrality: `
    ${skillCentralityRows(() => 'true')}
    WITH s, roleCount, betweenness
    WHERE s.roleCount IS NULL OR s.roleCount <> roleCount OR s.betweenness IS NULL OR abs(s.betweenness - betweenness) > 1e-12 * (1 + betweenness)
    SET s.roleCount = roleCount, s.betweenness = betweenness`,
};

/**
 * Recomputes what the graph derives rather than states, after any write that may change it:
 * every role's level; the skills of roles that have no page of their own (CTO, CEO), which are the skills
 * that the actions and readiness indicators of the transitions into them develop; and, once those are known,
 * every skill's roleCount and betweenness, which skillCentrality ranks by.
 */
export async function refreshDerivedFacts(tx: ManagedTransaction): Promise<void> {
  await refreshLevels(tx);
  await refreshDerivedSkills(tx);
  await run(tx, queries.storeSkillCentrality);
}

async function refreshLevels(tx: ManagedTransaction): Promise<void> {
  const roles = await run<{ id: string }>(tx, queries.roleIds);
  const edges = await run<Edge>(tx, queries.transitions);
  const levels = computeLevels(
    roles.map((role) => role.id),
    edges,
  );
  await run(tx, queries.setLevels, { levels: [...levels].map(([id, level]) => ({ id, level })) });
}

async function refreshDerivedSkills(tx: ManagedTransaction): Promise<void> {
  await run(tx, queries.deleteDerivedSkills);
  const texts = await run<{ role: string; sourceFile: string; sourceLine: number; texts: (string | null)[] }>(tx, queries.developingTexts);
  if (texts.length === 0) return;
  const mentionedIn = skillMatcher(await run<NamedSkill>(tx, queries.skills));
  const links = new Map<string, { role: string; skill: string; sourceFile: string; sourceLine: number }>();
  for (const row of texts) {
    for (const skill of mentionedIn(row.texts.filter(Boolean).join('\n'))) {
      const key = `${row.role} ${skill.id}`;
      if (!links.has(key)) links.set(key, { role: row.role, skill: skill.id, sourceFile: row.sourceFile, sourceLine: row.sourceLine });
    }
  }
  await run(tx, queries.createDerivedSkills, { links: [...links.values()] });
}
