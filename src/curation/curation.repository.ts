import type { ManagedTransaction } from 'neo4j-driver';
import type { WriteScope } from '../derived/derived-facts.scope.js';
import { writeWithDerivedFacts } from '../derived/derived-facts.writer.js';
import { run, type Database } from '../neo4j/database.js';
import type { TimelineYears } from '../transition/timeline-years.js';

/** What the API writes is marked as its own source, so imports and curators can tell the two apart. */
export const apiSource = 'api';

export interface RoleFields {
  title?: string | undefined;
  label?: string | null | undefined;
  question?: string | null | undefined;
  summary?: string | null | undefined;
}

export interface TransitionFields extends TimelineYears {
  timelineText: string | null;
}

const queries = {
  roleExists: 'MATCH (r:Role {id: $id}) RETURN r.id AS id',
  skillExists: 'MATCH (s:Skill {id: $id}) RETURN s.id AS id',
  // A new role needs no skill yet: the size of its skill set, which every write keeps (derived/), is 0.
  createRole: `
    CREATE (r:Role {id: $id, aliases: [$id], curated: true, sourceFile: $source, skillCount: 0})
    SET r += $fields`,
  updateRole: 'MATCH (r:Role {id: $id}) SET r += $fields',
  // A role takes along what only it owns: its page's facts and the transitions into and out of it.
  deleteRole: `
    MATCH (r:Role {id: $id})
    CALL (r) {
      MATCH (r)-[:HAS_RESPONSIBILITY|HAS_ACTIVITY|HAS_SCOPE|HAS_FACT|HAS_SECTION]->(owned) DETACH DELETE owned
    }
    CALL (r) {
      // Two expansions from r: a WHERE with OR over both directions scanned every transition.
      CALL (r) {
        MATCH (r)-[:HAS_TRANSITION]->(t:Transition) RETURN t
        UNION
        MATCH (t:Transition)-[:LEADS_TO]->(r) RETURN t
      }
      CALL (t) { MATCH (t)-[:REQUIRES_SHIFT|HAS_ACTION|HAS_PITFALL|HAS_INDICATOR]->(part) DETACH DELETE part }
      DETACH DELETE t
    }
    DETACH DELETE r`,
  addSkill: `
    MATCH (r:Role {id: $roleId})
    MERGE (s:Skill {id: $skillId}) ON CREATE SET s.name = $skillName, s.sourceFile = $source
    WITH r, s
    CALL (r, s) { MATCH (r)-[existing:REQUIRES_SKILL|EXCLUDES_SKILL]->(s) DELETE existing }
    CREATE (r)-[q:REQUIRES_SKILL {sourceFile: $source}]->(s)
    SET q.category = $category
    WITH s WHERE $category IS NOT NULL
    MERGE (c:SkillCategory {id: $categoryId}) ON CREATE SET c.name = $category, c.sourceFile = $source
    MERGE (s)-[i:IN_CATEGORY]->(c) ON CREATE SET i.sourceFile = $source`,
  // The exclusion stays after the link is gone: the next derivation would otherwise bring back an inherited or
  // developed skill, and it is the curator's word that the role does not need it (a delta drops it).
  removeSkill: `
    MATCH (r:Role {id: $roleId})-[q:REQUIRES_SKILL]->(s:Skill {id: $skillId})
    WITH r, s, collect(q) AS links
    FOREACH (q IN links | DELETE q)
    MERGE (r)-[x:EXCLUDES_SKILL]->(s) ON CREATE SET x.sourceFile = $source
    RETURN size(links) AS removed`,
  upsertTransition: `
    MATCH (a:Role {id: $from}), (b:Role {id: $to})
    MERGE (t:Transition {id: $id})
    SET t += $fields, t.sourceFile = $source, t.sourceLine = null
    MERGE (a)-[h:HAS_TRANSITION]->(t) ON CREATE SET h.sourceFile = $source
    MERGE (t)-[l:LEADS_TO]->(b) ON CREATE SET l.sourceFile = $source
    MERGE (a)-[d:TRANSITIONS_TO]->(b) ON CREATE SET d.sourceFile = $source
    SET d.transitionId = $id, d.minYears = $fields.minYears, d.maxYears = $fields.maxYears, d.openEnded = $fields.openEnded`,
  deleteTransition: `
    MATCH (a:Role {id: $from})-[:HAS_TRANSITION]->(t:Transition)-[:LEADS_TO]->(b:Role {id: $to})
    CALL (t) { MATCH (t)-[:REQUIRES_SHIFT|HAS_ACTION|HAS_PITFALL|HAS_INDICATOR]->(part) DETACH DELETE part }
    CALL (a, b) { MATCH (a)-[d:TRANSITIONS_TO]->(b) DELETE d }
    DETACH DELETE t
    RETURN count(*) AS removed`,
};

/**
 * Curators' edits. Each method is one transaction, which also derives again what the edit changes, and only
 * that: each names what it touches (a WriteScope) and the derived-facts writer works out what depends on it.
 */
export class CurationRepository {
  constructor(private readonly database: Database) {}

  async roleExists(id: string): Promise<boolean> {
    return (await this.database.read(queries.roleExists, { id })).length > 0;
  }

  async skillExists(id: string): Promise<boolean> {
    return (await this.database.read(queries.skillExists, { id })).length > 0;
  }

  async createRole(id: string, fields: RoleFields): Promise<void> {
    await this.write({ levelsFrom: [id] }, (tx) => run(tx, queries.createRole, { id, fields, source: apiSource }));
  }

  async updateRole(id: string, fields: RoleFields): Promise<void> {
    // Nothing derived depends on a role's title or texts.
    await this.write({}, (tx) => run(tx, queries.updateRole, { id, fields }));
  }

  async deleteRole(id: string): Promise<void> {
    await this.write({ deleted: [id] }, (tx) => run(tx, queries.deleteRole, { id }));
  }

  async addSkill(roleId: string, skill: { id: string; name: string; category: string | null; categoryId: string | null }): Promise<void> {
    const scope = { skillsOf: [roleId], skills: [skill], categorised: skill.category === null ? [] : [skill.id] };
    await this.write(scope, (tx) =>
      run(tx, queries.addSkill, { roleId, skillId: skill.id, skillName: skill.name, category: skill.category, categoryId: skill.categoryId, source: apiSource }),
    );
  }

  async removeSkill(roleId: string, skillId: string): Promise<number> {
    return this.write({ skillsOf: [roleId], skills: [{ id: skillId, name: skillId }] }, async (tx) => (await run<{ removed: number }>(tx, queries.removeSkill, { roleId, skillId, source: apiSource }))[0]?.removed ?? 0);
  }

  async upsertTransition(from: string, to: string, fields: TransitionFields): Promise<string> {
    const id = `${from}-to-${to}`;
    await this.write({ levelsFrom: [to], arrivals: [to] }, (tx) => run(tx, queries.upsertTransition, { id, from, to, fields, source: apiSource }));
    return id;
  }

  async deleteTransition(from: string, to: string): Promise<number> {
    return this.write({ levelsFrom: [to], arrivals: [to] }, async (tx) => (await run<{ removed: number }>(tx, queries.deleteTransition, { from, to }))[0]?.removed ?? 0);
  }

  private async write<T>(scope: WriteScope, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    // writeWithDerivedFacts takes the graph write lock first: derived facts read and written after it cannot go stale from a write alongside.
    return this.database.writeTransaction((tx) => writeWithDerivedFacts(tx, scope, () => work(tx)));
  }
}
