import { run, type Database } from '../neo4j/database.js';
import type { TimelineYears } from '../transition/timeline-years.js';

export interface MapRoleRecord {
  id: string;
  title: string;
  label: string | null;
  level: number;
  hasPage: boolean;
  skillCount: number;
  transitionsIn: number;
  transitionsOut: number;
}

export interface MapTransitionRecord extends TimelineYears {
  id: string;
  source: string;
  target: string;
}

const queries = {
  roles: `
    MATCH (r:Role)
    RETURN r.id AS id, r.title AS title, r.label AS label, coalesce(r.level, 1) AS level, r.pageFile IS NOT NULL AS hasPage,
      COUNT { (r)-[:REQUIRES_SKILL]->(:Skill) } AS skillCount,
      COUNT { (:Role)-[:HAS_TRANSITION]->(:Transition)-[:LEADS_TO]->(r) } AS transitionsIn,
      COUNT { (r)-[:HAS_TRANSITION]->(:Transition)-[:LEADS_TO]->(:Role) } AS transitionsOut
    ORDER BY level, id`,
  transitions: `
    MATCH (a:Role)-[:HAS_TRANSITION]->(t:Transition)-[:LEADS_TO]->(b:Role)
    RETURN t.id AS id, a.id AS source, b.id AS target, t.minYears AS minYears, t.maxYears AS maxYears, coalesce(t.openEnded, false) AS openEnded
    ORDER BY coalesce(a.level, 1), a.id, coalesce(b.level, 1), b.id`,
};

export class CareerMapRepository {
  constructor(private readonly database: Database) {}

  /** Both in one transaction, so that a curation landing in between cannot leave an arrow without its role. */
  async graph(): Promise<{ roles: MapRoleRecord[]; transitions: MapTransitionRecord[] }> {
    return this.database.readTransaction(async (tx) => ({
      roles: await run<MapRoleRecord>(tx, queries.roles),
      transitions: await run<MapTransitionRecord>(tx, queries.transitions),
    }));
  }
}
