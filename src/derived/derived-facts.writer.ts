import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database.js';
import { computeLevels, type Edge } from './level.calculator.js';
import { skillCentralityRows } from './skill-centrality.query.js';
import { findDevelopments, type TransitionText } from './development.finder.js';
import { SkillBasis } from './skill-basis.js';
import type { NamedSkill } from './skill.matcher.js';

const queries = {
  roleIds: 'MATCH (r:Role) RETURN r.id AS id',
  transitions: 'MATCH (a:Role)-[:TRANSITIONS_TO]->(b:Role) RETURN a.id AS from, b.id AS to',
  setLevels: 'UNWIND $levels AS row MATCH (r:Role {id: row.id}) WHERE r.level IS NULL OR r.level <> row.level SET r.level = row.level',
  deleteDevelopments: 'MATCH (:Transition)-[d:DEVELOPS]->() DELETE d',
  // Every text of every transition that may say what it develops, each with its own line.
  transitionTexts: `
    MATCH (t:Transition)
    CALL (t) {
      MATCH (t)-[:REQUIRES_SHIFT]->(x) RETURN x.to AS text, x.sourceFile AS file, x.sourceLine AS line, null AS action
      UNION ALL
      MATCH (t)-[:HAS_ACTION]->(x) RETURN x.title AS text, x.sourceFile AS file, x.sourceLine AS line, x.id AS action
      UNION ALL
      MATCH (t)-[:HAS_ACTION]->(x) UNWIND range(0, size(coalesce(x.bullets, [])) - 1) AS i
      RETURN x.bullets[i] AS text, x.sourceFile AS file, coalesce(x.bulletLines[i], x.sourceLine) AS line, null AS action
      UNION ALL
      MATCH (t)-[:HAS_ACTION]->(x) WHERE x.example IS NOT NULL
      RETURN x.example AS text, x.sourceFile AS file, coalesce(x.exampleLine, x.sourceLine) AS line, null AS action
      UNION ALL
      MATCH (t)-[:HAS_INDICATOR]->(x) RETURN x.text AS text, x.sourceFile AS file, x.sourceLine AS line, null AS action
    }
    RETURN t.id AS transition, text, file, line, action`,
  // Skills that some skill list names: a page's Key Skill Sets or a curator. Derived links name nothing.
  listedSkills: 'MATCH (s:Skill) WHERE EXISTS { (:Role)-[q:REQUIRES_SKILL]->(s) WHERE q.derived IS NULL } RETURN s.id AS id, s.name AS name',
  createDevelopments: `
    UNWIND $developments AS d
    MATCH (t:Transition {id: d.transition})
    CALL (d) {
      MATCH (s:Skill {id: d.skill}) RETURN s AS target
      UNION
      MATCH (a:Action {id: d.action}) RETURN a AS target
    }
    CREATE (t)-[:DEVELOPS {text: d.text, sourceFile: d.file, sourceLine: d.line}]->(target)`,
  deleteDerivedSkills: 'MATCH (:Role)-[q:REQUIRES_SKILL {derived: true}]->() DELETE q',
  // A role without a page of its own carries the skills that every predecessor with stated skills states
  // (predecessors without any state nothing either way); README says why an intersection.
  inheritedSkills: `
    MATCH (r:Role) WHERE r.pageFile IS NULL
    WITH r, COLLECT {
      MATCH (a:Role)-[:TRANSITIONS_TO]->(r)
      WHERE a <> r AND EXISTS { (a)-[q:REQUIRES_SKILL]->() WHERE q.derived IS NULL }
      RETURN DISTINCT a
    } AS sources
    WHERE size(sources) > 0
    UNWIND sources AS a
    MATCH (a)-[q:REQUIRES_SKILL]->(s:Skill) WHERE q.derived IS NULL
    WITH r, sources, s, q ORDER BY a.id, q.position, q.sourceLine
    WITH r, s, size(sources) AS needed, collect(DISTINCT startNode(q).id) AS from, collect(q)[0] AS first
    WHERE size(from) = needed
      AND NOT EXISTS { (r)-[:EXCLUDES_SKILL]->(s) }
      AND NOT EXISTS { (r)-[stated:REQUIRES_SKILL]->(s) WHERE stated.derived IS NULL }
    RETURN r.id AS role, s.id AS skill, from, first.category AS category, first.position AS position,
           first.sourceFile AS sourceFile, first.sourceLine AS sourceLine`,
  developedSkills: `
    MATCH (r:Role)<-[:LEADS_TO]-(t:Transition)-[d:DEVELOPS]->(s:Skill)
    WHERE r.pageFile IS NULL
      AND NOT EXISTS { (r)-[:EXCLUDES_SKILL]->(s) }
      AND NOT EXISTS { (r)-[stated:REQUIRES_SKILL]->(s) WHERE stated.derived IS NULL }
    WITH r, s, d ORDER BY d.sourceFile, d.sourceLine
    WITH r, s, collect(d)[0] AS first
    RETURN r.id AS role, s.id AS skill, first.sourceFile AS sourceFile, first.sourceLine AS sourceLine`,
  createDerivedSkills: `
    UNWIND $links AS link
    MATCH (r:Role {id: link.role}), (s:Skill {id: link.skill})
    CREATE (r)-[q:REQUIRES_SKILL {derived: true}]->(s)
    SET q.bases = link.bases, q.inheritedFrom = link.inheritedFrom, q.position = link.position,
        q.sourceFile = link.sourceFile, q.sourceLine = link.sourceLine,
        q.category = coalesce(link.category, COLLECT { MATCH (s)-[:IN_CATEGORY]->(c) RETURN c.name ORDER BY c.name LIMIT 1 }[0])`,
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
 * Recomputes what the graph derives rather than states, after any write that may change it: every role's
 * level; what each transition develops, sentence by sentence; the skills of roles that have no page of their
 * own (CTO, CEO), inherited from their predecessors or developed by the transitions into them, less those a
 * curator excluded; and, once those are known, every skill's roleCount and betweenness, which skillCentrality
 * ranks by.
 */
export async function refreshDerivedFacts(tx: ManagedTransaction): Promise<void> {
  await refreshLevels(tx);
  await refreshDevelopments(tx);
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

async function refreshDevelopments(tx: ManagedTransaction): Promise<void> {
  await run(tx, queries.deleteDevelopments);
  const texts = await run<TransitionText>(tx, queries.transitionTexts);
  if (texts.length === 0) return;
  const developments = findDevelopments(texts, await run<NamedSkill>(tx, queries.listedSkills));
  await run(tx, queries.createDevelopments, { developments });
}

interface DerivedLink {
  role: string;
  skill: string;
  bases: SkillBasis[];
  inheritedFrom: string[];
  category: string | null;
  position: number | null;
  sourceFile: string;
  sourceLine: number | null;
}

async function refreshDerivedSkills(tx: ManagedTransaction): Promise<void> {
  await run(tx, queries.deleteDerivedSkills);
  type Inherited = Omit<DerivedLink, 'bases' | 'inheritedFrom'> & { from: string[] };
  const links = new Map<string, DerivedLink>();
  for (const { from, ...link } of await run<Inherited>(tx, queries.inheritedSkills)) {
    links.set(`${link.role} ${link.skill}`, { ...link, bases: [SkillBasis.INHERITED], inheritedFrom: from });
  }
  for (const link of await run<Pick<DerivedLink, 'role' | 'skill' | 'sourceFile' | 'sourceLine'>>(tx, queries.developedSkills)) {
    const inherited = links.get(`${link.role} ${link.skill}`);
    if (inherited) inherited.bases.push(SkillBasis.DEVELOPED);
    else links.set(`${link.role} ${link.skill}`, { ...link, bases: [SkillBasis.DEVELOPED], inheritedFrom: [], category: null, position: null });
  }
  if (links.size > 0) await run(tx, queries.createDerivedSkills, { links: [...links.values()] });
}
