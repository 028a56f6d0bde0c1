import { countsUnder, type SkillBasis } from '../derived/skill-basis.js';
import type { Database } from '../neo4j/database.js';
import { roleProjectionOf, type RoleRecord } from '../role/role.projection.js';
import { skillProjection, type SkillRecord } from '../skill/skill.projection.js';
import { countSharedPairs, type SkillHolders } from '../derived/shared-pairs.counter.js';
import { betweennessOf } from '../derived/skill-centrality.store.js';

/**
 * The three sets that two roles' skills make, as skills in id order, with the scores of their overlap. The
 * skills come whole, as skill(id) reads them, in the same round trip: the answer names them.
 */
export interface OverlapRecord {
  shared: SkillRecord[];
  onlyA: SkillRecord[];
  onlyB: SkillRecord[];
  jaccard: number;
  overlapCoefficient: number;
}

/** How much one pair of roles overlaps; the roles are positions in the list the matrix was asked for. */
export interface PairRecord {
  a: number;
  b: number;
  sharedCount: number;
  jaccard: number;
  overlapCoefficient: number;
}

/** The similar role comes whole, as role(id) reads it, in the same round trip: every answer names it. */
export interface SimilarRecord {
  role: RoleRecord;
  shared: string[];
  jaccard: number;
  overlapCoefficient: number;
}

export interface CentralityRecord {
  id: string;
  roleCount: number;
  categories: number;
  betweenness: number;
}

export interface ReadinessRecord {
  id: string;
  coverage: number;
  have: string[];
  missing: string[];
}

/**
 * The skills every query considers: all of them when $considered is null, else those whose ids it lists (the
 * skills of some categories). Filtering skills, not relationships, keeps a skill in or out of every role's set
 * alike, so the filtered sets are still comparable. A list parameter is tested as a set, which is cheaper than
 * looking for a category through a skill's IN_CATEGORY relationships (one per page that lists it).
 */
const considered = (skill: string, link: string) =>
  `($considered IS NULL OR ${skill}.id IN $considered)` + (link === 'null' ? '' : ` AND ($bases IS NULL OR ${countsUnder(link)})`);

/** The number of considered skills a role needs: the size of its skill set. */
const setSize = (role: string) => `COUNT { MATCH (${role})-[qx:REQUIRES_SKILL]->(x:Skill) WHERE ${considered('x', 'qx')} RETURN DISTINCT x }`;

/**
 * The same for a role variable, read from the size every write stores (`skillCount`, see
 * derived/skill-centrality.store.ts) when every link is considered; counted in a scope, or on a graph written
 * before the size was stored. coalesce evaluates the count only when it needs it.
 */
const storedSetSize = (role: string) => `coalesce(CASE WHEN $considered IS NULL AND $bases IS NULL THEN ${role}.skillCount END, ${setSize(role)})`;

/** |A ∩ B| / |A ∪ B| and |A ∩ B| / min(|A|, |B|), from the sizes; 0, not a division by zero, for empty sets. */
const scores = (shared: string, sizeA: string, sizeB: string) => `
  CASE WHEN ${sizeA} + ${sizeB} - ${shared} = 0 THEN 0.0 ELSE toFloat(${shared}) / (${sizeA} + ${sizeB} - ${shared}) END AS jaccard,
  CASE WHEN ${sizeA} = 0 OR ${sizeB} = 0 THEN 0.0 ELSE toFloat(${shared}) / CASE WHEN ${sizeA} < ${sizeB} THEN ${sizeA} ELSE ${sizeB} END END AS overlapCoefficient`;

/** In how many categories pages list a skill. */
const categoryCount = (skill: string) => `COUNT { MATCH (${skill})-[:IN_CATEGORY]->(c:SkillCategory) RETURN DISTINCT c }`;

/** Floating-point sums differ in the last bits with the order of their terms: rank on a rounding, so ties are ties. */
const rankable = (value: string) => `round(${value}, 9)`;

/** What a ranked role of readiness has and misses, for the role variable and its `coverage`. */
const readinessOf = (role: string) => `
    WITH ${role}, coverage,
      COLLECT { MATCH (${role})-[q:REQUIRES_SKILL]->(s:Skill) WHERE ${considered('s', 'q')} RETURN DISTINCT s.id AS id ORDER BY id } AS skills
    RETURN ${role}.id AS id, coverage, [id IN skills WHERE id IN $skills] AS have, [id IN skills WHERE NOT id IN $skills] AS missing`;

const queries = {
  overlap: `
    MATCH (a:Role {id: $a}), (b:Role {id: $b})
    WITH COLLECT { MATCH (a)-[q:REQUIRES_SKILL]->(s:Skill) WHERE ${considered('s', 'q')} WITH DISTINCT s ORDER BY s.id RETURN s ${skillProjection} } AS skillsA,
         COLLECT { MATCH (b)-[q:REQUIRES_SKILL]->(s:Skill) WHERE ${considered('s', 'q')} WITH DISTINCT s ORDER BY s.id RETURN s ${skillProjection} } AS skillsB
    WITH skillsA, skillsB, [x IN skillsA | x.id] AS idsA, [x IN skillsB | x.id] AS idsB
    WITH skillsA, skillsB, idsA, idsB, [x IN skillsA WHERE x.id IN idsB] AS shared
    RETURN shared, [x IN skillsA WHERE NOT x.id IN idsB] AS onlyA, [x IN skillsB WHERE NOT x.id IN idsA] AS onlyB,
      ${scores('size(shared)', 'size(skillsA)', 'size(skillsB)')}`,

  // Roles are numbered by their position in $ids. Every skill lists the numbers of the roles that need it, and
  // each pair of numbers in a list is one skill those two roles share: counting a pair's occurrences gives the
  // size of the intersection. Only pairs that share a skill come back; the others share none. They come back
  // as one row per role a, with lists: a record per pair cost the driver more than the query (500 roles:
  // tens of thousands of pairs).
  matrix: `
    WITH [i IN range(0, size($ids) - 1) | ${setSize(':Role {id: $ids[i]}')}] AS sizes
    CALL () {
      UNWIND range(0, size($ids) - 1) AS i
      MATCH (:Role {id: $ids[i]})-[q:REQUIRES_SKILL]->(s:Skill)
      WHERE ${considered('s', 'q')}
      WITH DISTINCT i, s
      WITH s, collect(i) AS members
      UNWIND members AS i
      UNWIND members AS j
      WITH i, j WHERE i <= j
      RETURN i, j, count(*) AS sharedCount
    }
    WITH i AS a, j AS b, sharedCount, sizes[i] AS sizeA, sizes[j] AS sizeB
    WITH a, b, sharedCount, ${scores('sharedCount', 'sizeA', 'sizeB')}
    WHERE jaccard >= $minJaccard
    RETURN a, collect(b) AS b, collect(sharedCount) AS sharedCount, collect(jaccard) AS jaccard, collect(overlapCoefficient) AS overlapCoefficient`,

  // The shared skills are collected while the roles sharing them are counted: reading them again for the
  // first few roles walked each one's links once more.
  similar: `
    MATCH (r:Role {id: $to})
    WITH r, ${storedSetSize('r')} AS sizeA
    MATCH (r)-[qa:REQUIRES_SKILL]->(s:Skill)<-[qb:REQUIRES_SKILL]-(other:Role)
    WHERE other <> r AND ${considered('s', 'qa')} AND ${considered('s', 'qb')}
    WITH sizeA, other, collect(DISTINCT s.id) AS shared
    WITH other, shared, sizeA, ${storedSetSize('other')} AS sizeB
    WITH other, shared, ${scores('size(shared)', 'sizeA', 'sizeB')}
    WHERE jaccard >= $minJaccard
    ORDER BY jaccard DESC, size(shared) DESC, other.pageFile IS NULL, other.id
    LIMIT $first
    RETURN other ${roleProjectionOf('other')} AS role, jaccard, overlapCoefficient, COLLECT { UNWIND shared AS id RETURN id ORDER BY id } AS shared`,

  // Who needs each skill in scope, for countSharedPairs; the roles come as element ids, which Neo4j has
  // without reading a property.
  skillHolders: `
    MATCH (s:Skill)
    WHERE ${considered('s', 'null')}
    WITH s, COLLECT { MATCH (r:Role)-[q:REQUIRES_SKILL]->(s) WHERE ${considered('s', 'q')} RETURN DISTINCT elementId(r) } AS roles
    WHERE size(roles) > 0
    RETURN s.id AS id, roles`,
  categoryCounts: `UNWIND $ids AS id MATCH (s:Skill {id: id}) RETURN s.id AS id, ${categoryCount('s')} AS categories`,

  // The same ranking over every skill, from the figures refreshDerivedFacts stores on each skill with every
  // write; complete is false while some skill has none (a graph written before they were stored, or by hand).
  storedCentrality: `
    CALL () {
      MATCH (s:Skill)
      WHERE s.roleCount > 0
      RETURN s ORDER BY ${rankable('s.betweenness')} DESC, s.roleCount DESC, s.id
      LIMIT $first
    }
    WITH collect({id: s.id, betweenness: s.betweenness, roleCount: s.roleCount, categories: ${categoryCount('s')}}) AS ranking
    RETURN ranking, NOT EXISTS { MATCH (s:Skill) WHERE s.betweenness IS NULL } AS complete`,

  // Only the roles that hold one of the person's skills are walked, from those skills, with the stored size of
  // each one's set: counting every role's skills walked all 1.2 million links at ten times the size.
  // The roles that hold none (coverage 0) are read by unreadyRoles only when fewer than $first hold one.
  readiness: `
    MATCH (s:Skill) WHERE s.id IN $skills AND ${considered('s', 'null')}
    MATCH (s)<-[q:REQUIRES_SKILL]-(r:Role) WHERE ${considered('s', 'q')}
    WITH DISTINCT r, s
    WITH r, count(s) AS have
    WITH r, have, ${storedSetSize('r')} AS total
    WITH r, total, have, toFloat(have) / total AS coverage
    ORDER BY coverage DESC, total - have, r.id
    LIMIT $first
    ${readinessOf('r')}`,

  // The roles with skills in scope that hold none of the person's: coverage 0, the smallest sets first.
  unreadyRoles: `
    MATCH (r:Role)
    WHERE NOT EXISTS { MATCH (r)-[q:REQUIRES_SKILL]->(s:Skill) WHERE s.id IN $skills AND ${considered('s', 'q')} }
    WITH r, ${storedSetSize('r')} AS total
    WHERE total > 0
    WITH r, 0.0 AS coverage
    ORDER BY total, r.id
    LIMIT $first
    ${readinessOf('r')}`,

  roleIdsByLevel: 'MATCH (r:Role) RETURN r.id AS id ORDER BY r.level, r.id LIMIT $limit',
  unknownCategories: 'UNWIND $ids AS id WITH id WHERE NOT EXISTS { MATCH (:SkillCategory {id: id}) } RETURN id',
  categoryIds: 'MATCH (c:SkillCategory) RETURN c.id AS id',
  skillsInCategories: 'MATCH (c:SkillCategory)<-[:IN_CATEGORY]-(s:Skill) WHERE c.id IN $categories RETURN DISTINCT s.id AS id',
};

/** Which role–skill links count: those to the skills `considered` (null: all) with one of `bases` (null: all). */
export interface SkillScope {
  considered: string[] | null;
  bases: SkillBasis[] | null;
}

/**
 * Skill-overlap analytics, computed by Neo4j over each role's set of skills: the skills its REQUIRES_SKILL
 * relationships lead to, inherited and developed ones included. The scope narrows every set alike.
 */
export class AnalyticsRepository {
  constructor(private readonly database: Database) {}

  async overlap(a: string, b: string, scope: SkillScope): Promise<OverlapRecord> {
    const [row] = await this.database.read<OverlapRecord>(queries.overlap, { a, b, ...scope });
    return row ?? { shared: [], onlyA: [], onlyB: [], jaccard: 0, overlapCoefficient: 0 };
  }

  /** The pairs (a ≤ b, by position in ids) whose jaccard reaches minJaccard and that share a skill. */
  async matrix(ids: string[], scope: SkillScope, minJaccard: number): Promise<PairRecord[]> {
    const rows = await this.database.read<{ a: number; b: number[]; sharedCount: number[]; jaccard: number[]; overlapCoefficient: number[] }>(queries.matrix, {
      ids,
      ...scope,
      minJaccard,
    });
    return rows.flatMap((row) =>
      row.b.map((b, index) => ({
        a: row.a,
        b,
        sharedCount: row.sharedCount[index] as number,
        jaccard: row.jaccard[index] as number,
        overlapCoefficient: row.overlapCoefficient[index] as number,
      })),
    );
  }

  /** The roles sharing a skill with the role, most similar first. */
  async similar(to: string, scope: SkillScope, minJaccard: number, first: number): Promise<SimilarRecord[]> {
    return this.database.read<SimilarRecord>(queries.similar, { to, ...scope, minJaccard, first });
  }

  /**
   * The skills some role needs, highest betweenness first, computed now over the links in scope, ranked as
   * storedCentrality ranks (on a rounding, so that ties are ties).
   */
  async centrality(scope: SkillScope, first: number): Promise<CentralityRecord[]> {
    const rounded = (value: number) => Math.round(value * 1e9) / 1e9;
    const ranked = countSharedPairs(await this.database.read<SkillHolders>(queries.skillHolders, { ...scope }))
      .map(({ id, roleCount, sharedPairs }) => ({ id, roleCount, betweenness: betweennessOf(roleCount, sharedPairs) }))
      .sort((x, y) => rounded(y.betweenness) - rounded(x.betweenness) || y.roleCount - x.roleCount || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .slice(0, first);
    const rows = await this.database.read<{ id: string; categories: number }>(queries.categoryCounts, { ids: ranked.map((skill) => skill.id) });
    const categories = new Map(rows.map((row) => [row.id, row.categories]));
    return ranked.map((skill) => ({ ...skill, categories: categories.get(skill.id) ?? 0 }));
  }

  /** The same ranking over every skill, read from the stored figures; null when some skill has none. */
  async storedCentrality(first: number): Promise<CentralityRecord[] | null> {
    const [row] = await this.database.read<{ ranking: CentralityRecord[]; complete: boolean }>(queries.storedCentrality, { first });
    return row?.complete ? row.ranking : null;
  }

  /** Roles by coverage of their skills in scope, highest first; roles with no skill in scope are left out. */
  async readiness(skills: string[], scope: SkillScope, first: number): Promise<ReadinessRecord[]> {
    const ready = await this.database.read<ReadinessRecord>(queries.readiness, { skills, ...scope, first });
    if (ready.length === first) return ready;
    return [...ready, ...(await this.database.read<ReadinessRecord>(queries.unreadyRoles, { skills, ...scope, first: first - ready.length }))];
  }

  /** Every role id, lowest level first, but no more than limit. */
  async roleIdsByLevel(limit: number): Promise<string[]> {
    const rows = await this.database.read<{ id: string }>(queries.roleIdsByLevel, { limit });
    return rows.map((row) => row.id);
  }

  /** The ids among these that no skill category has. */
  async unknownCategories(ids: string[]): Promise<string[]> {
    const rows = await this.database.read<{ id: string }>(queries.unknownCategories, { ids });
    return rows.map((row) => row.id);
  }

  /** The ids of the skills that some page lists in one of these categories. */
  async skillsInCategories(categories: string[]): Promise<string[]> {
    const rows = await this.database.read<{ id: string }>(queries.skillsInCategories, { categories });
    return rows.map((row) => row.id);
  }

  async categoryIds(): Promise<string[]> {
    const rows = await this.database.read<{ id: string }>(queries.categoryIds);
    return rows.map((row) => row.id);
  }
}
