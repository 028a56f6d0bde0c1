import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database.js';
import { graphWriteLockId, takeGraphWriteLock } from '../neo4j/graph-write.lock.js';
import { reachOf, skillIsListed, type ListedSkill, type WriteScope } from './derived-facts.scope.js';
import { computeLevels, levelsAbove, type Edge, type RoleAbove } from './level.calculator.js';
import { findDevelopments, mentionable, sentences, textStems, transitionStems, type TransitionText } from './development.finder.js';
import { SkillBasis } from './skill-basis.js';
import { SkillCentralityChange, storeAllSkillCentrality } from './skill-centrality.store.js';
import { keyStem, skillMatcher, type NamedSkill } from './skill.matcher.js';

/**
 * Which part of the graph a step derives: all of it, or the roles (transitions, for developments) in $ids.
 * The queries for a part are those for the whole with a filter more, so the two cannot disagree.
 */
type Part = 'all' | 'some';
const only = (part: Part, variable: string) => (part === 'all' ? '' : `AND ${variable}.id IN $ids`);
const idsOf = (ids?: string[]) => (ids ? { ids } : {});

const queries = {
  // Each role with its level and the roles its transitions lead to.
  ladderOfAll: 'MATCH (r:Role) RETURN r.id AS id, r.level AS level, COLLECT { MATCH (r)-[:TRANSITIONS_TO]->(b:Role) RETURN b.id } AS next',
  // The same for every role a path of transitions, either way, joins to one of $ids: levels depend on nothing outside it.
  // The starts are collected first (here and in rolesAbove): Neo4j 5.26 takes a seek of a unique id for one
  // row even with IN, and then drops the DISTINCT after a pruning expand, returning a role once per start.
  ladderOf: `
    MATCH (start:Role) WHERE start.id IN $ids
    WITH collect(start) AS starts UNWIND starts AS start
    MATCH (start)-[:TRANSITIONS_TO*0..]-(r:Role)
    WITH DISTINCT r
    RETURN r.id AS id, r.level AS level, COLLECT { MATCH (r)-[:TRANSITIONS_TO]->(b:Role) RETURN b.id } AS next`,
  // Every role that one of $ids leads to, itself included, with the roles leading to it: the only levels a
  // change to the transitions into $ids can change (levelsAbove says why).
  rolesAbove: `
    MATCH (start:Role) WHERE start.id IN $ids
    WITH collect(start) AS starts UNWIND starts AS start
    MATCH (start)-[:TRANSITIONS_TO*0..]->(r:Role)
    WITH DISTINCT r
    RETURN r.id AS id, r.level AS level, COLLECT { MATCH (a:Role)-[:TRANSITIONS_TO]->(r) RETURN {id: a.id, level: a.level} } AS from`,
  setLevels: 'UNWIND $levels AS row MATCH (r:Role {id: row.id}) SET r.level = row.level',
  deleteDevelopments: 'MATCH (:Transition)-[d:DEVELOPS]->() DELETE d',
  deleteDevelopmentsOf: 'MATCH (s:Skill) WHERE s.id IN $skills MATCH (:Transition)-[d:DEVELOPS]->(s) DELETE d',
  deleteCapabilities: 'MATCH (a:Action) WHERE a.id IN $actions MATCH (:Transition)-[d:DEVELOPS]->(a) DELETE d',
  // Whether each skill is listed now (see listedSkills).
  listing: `MATCH (s:Skill) WHERE s.id IN $ids RETURN s.id AS id, s.name AS name, ${skillIsListed} AS listed`,
  // Each query of a part starts from its roles or transitions, so that the planner seeks them by id.
  // Every text of every transition that may say what it develops, each with its own line.
  transitionTexts: (part: Part) => `
    MATCH (t:Transition) WHERE true ${only(part, 't')}
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
  transitionIds: 'MATCH (t:Transition) RETURN t.id AS id',
  setStems: 'UNWIND $rows AS row MATCH (t:Transition {id: row.id}) WHERE coalesce(t.stems, []) <> row.stems SET t.stems = row.stems',
  skillNames: 'MATCH (s:Skill) RETURN s.id AS id, s.name AS name',
  // A skill a curator's write creates takes the name it was given: its key stem from that, in one round trip.
  setMissingKeyStems: 'UNWIND $rows AS row MATCH (s:Skill {id: row.id}) WHERE s.keyStem IS NULL SET s.keyStem = row.keyStem',
  setKeyStems: 'UNWIND $rows AS row MATCH (s:Skill {id: row.id}) WHERE s.keyStem IS NULL OR s.keyStem <> row.keyStem SET s.keyStem = row.keyStem',
  // Skills that some skill list names: a page's Key Skill Sets or a curator. Derived links name nothing.
  listedSkills: `MATCH (s:Skill) WHERE ${skillIsListed} RETURN s.id AS id, s.name AS name`,
  // The listed skills whose key stem is in $present: a superset of what mentionable() keeps, sought by index
  // rather than sending every skill over.
  listedSkillsAmong: `
    MATCH (s:Skill) WHERE s.keyStem IN $present
      AND ${skillIsListed}
    RETURN s.id AS id, s.name AS name`,
  createDevelopments: `
    UNWIND $developments AS d
    MATCH (t:Transition {id: d.transition})
    CALL (d) {
      MATCH (s:Skill {id: d.skill}) RETURN s AS target
      UNION
      MATCH (a:Action {id: d.action}) RETURN a AS target
    }
    CREATE (t)-[:DEVELOPS {text: d.text, sourceFile: d.file, sourceLine: d.line}]->(target)`,
  deleteDerivedSkills: (part: Part) => `MATCH (r:Role) WHERE true ${only(part, 'r')} MATCH (r)-[q:REQUIRES_SKILL {derived: true}]->() DELETE q`,
  // A role without a page of its own carries the skills that every predecessor with stated skills states
  // (predecessors without any state nothing either way); README says why an intersection.
  inheritedSkills: (part: Part) => `
    MATCH (r:Role) WHERE r.pageFile IS NULL ${only(part, 'r')}
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
  developedSkills: (part: Part) => `
    MATCH (r:Role) WHERE r.pageFile IS NULL ${only(part, 'r')}
    MATCH (r)<-[:LEADS_TO]-(t:Transition)-[d:DEVELOPS]->(s:Skill)
    WHERE NOT EXISTS { (r)-[:EXCLUDES_SKILL]->(s) }
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
  // The version of what refreshDerivedFacts writes, on the lock node: a graph written by an older version (or
  // emptied, lock node included) is derived whole once before writes start deriving only what they change.
  markCurrent: 'MATCH (lock:GraphWriteLock {id: $lock}) SET lock.derivedFacts = $version',
  markStale: 'MATCH (lock:GraphWriteLock {id: $lock}) REMOVE lock.derivedFacts',
};

/**
 * Bumped whenever derived facts gain a property that writes rely on (here: sharedPairs, stems and keyStem), or
 * one that reads are faster with (a role's skillCount): the first write to an older graph stores it everywhere.
 */
const derivedFactsVersion = 4;

/**
 * Recomputes what the graph derives rather than states, all of it, after a write that may change anything
 * (an import): every role's level; what each transition develops, sentence by sentence; the skills of roles
 * that have no page of their own (CTO, CEO), inherited from their predecessors or developed by the transitions
 * into them, less those a curator excluded; and, once those are known, every skill's roleCount and
 * betweenness, which skillCentrality ranks by, and every role's skillCount. Run inside the write's
 * transaction, after its GraphWriteLock.
 */
export async function refreshDerivedFacts(tx: ManagedTransaction): Promise<void> {
  await refreshLevels(tx);
  await refreshDevelopments(tx);
  await refreshDerivedSkills(tx, 'all');
  await storeAllSkillCentrality(tx);
  await run(tx, queries.markCurrent, { lock: graphWriteLockId, version: derivedFactsVersion });
}

/**
 * Says that the graph's derived facts are not up to date, for a write that leaves them to a later one (a run
 * of an import in several): the next write derives them whole (writeWithDerivedFacts), should that later one
 * never commit. Run inside the write's transaction, after its GraphWriteLock.
 */
export async function markDerivedFactsStale(tx: ManagedTransaction): Promise<void> {
  await run(tx, queries.markStale, { lock: graphWriteLockId });
}

/**
 * Runs a write whose reach `scope` names (see WriteScope) and derives again only what it can change, leaving
 * the graph exactly as `write` followed by refreshDerivedFacts would: the levels of the roles above it,
 * the developments of the transitions whose matches can change, the derived skills of the roles that depend
 * on what it changes, and the centrality of the pairs of roles whose skills it changes.
 *
 * Call it first in the write's transaction: it takes the graph write lock before anything else, so what it
 * reads before and after `write` is what the write changes and nothing else, since no other write can commit
 * in between. That is what keeps two writes at the same time from leaving stale facts: the second reads the
 * first's derived facts committed, and corrects them for its own change.
 */
export async function writeWithDerivedFacts<T>(tx: ManagedTransaction, scope: WriteScope, write: () => Promise<T>): Promise<T> {
  const { derivedFacts } = await takeGraphWriteLock(tx);
  if (derivedFacts !== derivedFactsVersion) {
    const result = await write();
    await refreshDerivedFacts(tx);
    return result;
  }
  const reach = await reachOf(tx, scope);
  const centrality = new SkillCentralityChange();
  await centrality.readBefore(tx, reach.roles);
  const result = await write();
  // A skill the write creates gets its key stem before developments are matched against it.
  if (reach.skills.length > 0) await run(tx, queries.setMissingKeyStems, { rows: reach.skills.map(({ id, name }) => ({ id, keyStem: keyStem(name) })) });
  if (reach.levelsFrom.length > 0) await refreshLevelsAbove(tx, reach.levelsFrom);
  if (reach.relisted.length > 0) await relistDevelopments(tx, reach.relisted, reach.transitions);
  if (reach.derived.length > 0) await refreshDerivedSkills(tx, 'some', reach.derived);
  for (const skill of reach.skills) centrality.touch(skill.id);
  await centrality.store(tx);
  return result;
}

/** Levels of every role, or of the ladders (roles joined by transitions) of the roles given; only changed ones are written. */
async function refreshLevels(tx: ManagedTransaction, roots?: string[]): Promise<void> {
  const roles = await run<{ id: string; level: number | null; next: string[] }>(tx, roots ? queries.ladderOf : queries.ladderOfAll, idsOf(roots));
  if (roles.length === 0) return;
  const edges: Edge[] = roles.flatMap(({ id, next }) => next.map((to) => ({ from: id, to })));
  await storeLevels(tx, roles, computeLevels(roles.map(({ id }) => id), edges));
}

/**
 * Levels after a write that changed only the transitions into `starts` (or created them): those of the roles
 * they lead to, from the levels of the roles leading into those, or, where a cycle runs among them, of their
 * whole ladders.
 */
async function refreshLevelsAbove(tx: ManagedTransaction, starts: string[]): Promise<void> {
  const roles = await readRolesAbove(tx, starts);
  const levels = levelsAbove(roles);
  if (levels) await storeLevels(tx, roles, levels);
  else await refreshLevels(tx, starts);
}

/** Every role that one of `starts` leads to, themselves included, once each, with the roles leading to it. */
export async function readRolesAbove(tx: ManagedTransaction, starts: string[]): Promise<(RoleAbove & { level: number | null })[]> {
  return run<RoleAbove & { level: number | null }>(tx, queries.rolesAbove, { ids: starts });
}

async function storeLevels(tx: ManagedTransaction, roles: { id: string; level: number | null }[], levels: Map<string, number>): Promise<void> {
  const changed = roles.filter((role) => levels.get(role.id) !== role.level).map(({ id }) => ({ id, level: levels.get(id) }));
  if (changed.length > 0) await run(tx, queries.setLevels, { levels: changed });
}

async function refreshDevelopments(tx: ManagedTransaction): Promise<void> {
  await run(tx, queries.deleteDevelopments);
  const texts = await run<TransitionText>(tx, queries.transitionTexts('all'));
  await storeStems(tx, texts);
  if (texts.length > 0) await run(tx, queries.createDevelopments, { developments: findDevelopments(texts, await run<NamedSkill>(tx, queries.listedSkills)) });
}

/**
 * Developments after a write that may have listed or unlisted `relisted` (and changed no transition's texts,
 * but for deleting transitions, which takes their developments along): those of each skill that did, and the
 * capabilities of the actions whose titles name one, which stand for a capability of their own exactly when
 * they name no listed skill. `transitions` holds every transition with a text that can name one of them.
 */
async function relistDevelopments(tx: ManagedTransaction, relisted: ListedSkill[], transitions: string[]): Promise<void> {
  const before = new Map(relisted.map((skill) => [skill.id, skill.listed]));
  const flipped = (await run<ListedSkill>(tx, queries.listing, { ids: relisted.map((skill) => skill.id) })).filter((skill) => skill.listed !== before.get(skill.id));
  const unlisted = flipped.filter((skill) => !skill.listed).map((skill) => skill.id);
  if (unlisted.length > 0) await run(tx, queries.deleteDevelopmentsOf, { skills: unlisted });
  if (flipped.length === 0 || transitions.length === 0) return;
  const naming = skillMatcher(flipped);
  const texts = (await run<TransitionText>(tx, queries.transitionTexts('some'), { ids: transitions })).filter((text) =>
    sentences(text.text).some((sentence) => naming(sentence).length > 0),
  );
  const found = findDevelopments(texts, flipped.filter((skill) => skill.listed));
  const developments = found.filter((development) => development.skill !== null);
  const titles = texts.filter((text) => text.action !== null);
  if (titles.length > 0) {
    // A title naming a skill listed now names a listed skill whatever else is listed (the matcher finds each
    // skill on its own): no capability of its own. Only the titles that named none of them, which `found`
    // gave a capability, need the other listed skills they may name.
    const open = titles.filter((title) => found.some((development) => development.skill === null && development.action === title.action));
    if (open.length > 0) {
      const present = textStems(open);
      const listed = mentionable(await run<NamedSkill>(tx, queries.listedSkillsAmong, { present: ['', ...present] }), new Set(present));
      developments.push(...findDevelopments(open, listed).filter((development) => development.skill === null));
    }
    await run(tx, queries.deleteCapabilities, { actions: titles.map((title) => title.action) });
  }
  if (developments.length > 0) await run(tx, queries.createDevelopments, { developments });
}

/**
 * Each transition's stems, which find the transitions a newly listed skill may be developed by
 * (derived-facts.scope.ts), and each skill's key stem, which finds the skills a few transitions' texts may name.
 */
async function storeStems(tx: ManagedTransaction, texts: TransitionText[]): Promise<void> {
  const stems = transitionStems(texts);
  const rows = (await run<{ id: string }>(tx, queries.transitionIds)).map(({ id }) => ({ id, stems: stems.get(id) ?? [] }));
  await run(tx, queries.setStems, { rows });
  const skills = await run<NamedSkill>(tx, queries.skillNames);
  await run(tx, queries.setKeyStems, { rows: skills.map(({ id, name }) => ({ id, keyStem: keyStem(name) })) });
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

async function refreshDerivedSkills(tx: ManagedTransaction, part: Part, ids?: string[]): Promise<void> {
  await run(tx, queries.deleteDerivedSkills(part), idsOf(ids));
  type Inherited = Omit<DerivedLink, 'bases' | 'inheritedFrom'> & { from: string[] };
  const links = new Map<string, DerivedLink>();
  for (const { from, ...link } of await run<Inherited>(tx, queries.inheritedSkills(part), idsOf(ids))) {
    links.set(`${link.role} ${link.skill}`, { ...link, bases: [SkillBasis.INHERITED], inheritedFrom: from });
  }
  for (const link of await run<Pick<DerivedLink, 'role' | 'skill' | 'sourceFile' | 'sourceLine'>>(tx, queries.developedSkills(part), idsOf(ids))) {
    const inherited = links.get(`${link.role} ${link.skill}`);
    if (inherited) inherited.bases.push(SkillBasis.DEVELOPED);
    else links.set(`${link.role} ${link.skill}`, { ...link, bases: [SkillBasis.DEVELOPED], inheritedFrom: [], category: null, position: null });
  }
  if (links.size > 0) await run(tx, queries.createDerivedSkills, { links: [...links.values()] });
}
