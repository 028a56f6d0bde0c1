/** The operations the page sends, with the shapes of their answers. */

import type { TimelineYears } from '../../src/transition/timeline-years.js';

export type NodeKind = 'ENTRY' | 'STEP' | 'TOP' | 'STANDALONE';

export interface MapNode {
  id: string;
  label: string;
  title: string;
  level: number;
  kind: NodeKind;
  hasPage: boolean;
  skillCount: number;
  cluster: string;
  x: number;
  y: number;
}

export interface MapCluster {
  id: string;
  name: string;
  size: number;
  levels: { level: number; count: number }[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  label: string | null;
}

export interface CareerMapData {
  careerMap: { nodes: MapNode[]; edges: MapEdge[]; clusters: MapCluster[] };
}

export const careerMapQuery = `query CareerMap {
  careerMap {
    nodes { id label title level kind hasPage skillCount cluster x y }
    edges { id source target label }
    clusters { id name size levels { level count } x y width height }
  }
}`;

export interface Timeline extends TimelineYears {
  text: string | null;
}

export type SkillBasis = 'STATED' | 'INHERITED' | 'DEVELOPED';
export type Profile = 'STATED' | 'INFERRED';

/** A sentence of a page that supports something the graph infers. */
export interface Evidence {
  text: string;
  file: string;
  line: number | null;
}

export interface SkillItem {
  id: string;
  name: string;
  category: string | null;
  /** Why the role it is listed under has it; null where it is listed under no role (a dropped skill). */
  basis: SkillBasis | null;
  evidence: Evidence[];
  inheritedFrom: { id: string; title: string; label: string | null }[];
}

/** A skill, or a capability no skill list names, that a transition develops, with the sentences it comes from. */
export interface Development {
  skill: { id: string; name: string } | null;
  capability: string;
  evidence: Evidence[];
}

export interface RoleRef {
  id: string;
  title: string;
  label: string | null;
}

export interface RoleDetails extends RoleRef {
  question: string | null;
  summary: string | null;
  level: number;
  hasPage: boolean;
  profile: Profile;
  /** "file:line" of its own page, or of the first page that names it. */
  source: string;
  responsibilities: { area: string; text: string; source: string }[];
  skills: SkillItem[];
  scope: { key: string; value: string; source: string }[];
  comparisons: ComparisonFact[];
  transitionsOut: { id: string; to: RoleRef; timeline: Timeline }[];
}

export interface ComparisonFact {
  table: string;
  dimension: string;
  value: string;
  source: string;
}

// Under a role (its skills, or a delta's target), why the role has each skill and what supports it.
const skillFacts = `fragment SkillFacts on Skill {
  id name category basis
  evidence { ...EvidenceFacts }
  inheritedFrom { id title label }
}
fragment EvidenceFacts on Evidence { text file line }`;

export interface RoleData {
  role: RoleDetails;
}

export const roleQuery = `query Role($id: ID!) {
  role(id: $id) {
    id title label question summary level hasPage profile source
    responsibilities { area text source }
    skills { ...SkillFacts }
    scope { key value source }
    comparisons { table dimension value source }
    transitionsOut { id to { id title label } timeline { text minYears maxYears openEnded } }
  }
}
${skillFacts}`;

export interface SkillDelta {
  targetProfile: Profile;
  gained: SkillItem[];
  retained: SkillItem[];
  dropped: SkillItem[];
  /** Skills of the source whose fate nothing states: the target's profile is inferred and does not carry them. */
  unstated: SkillItem[];
}

export interface PathStep {
  id: string;
  from: RoleRef;
  to: RoleRef;
  timeline: Timeline;
  shifts: { from: string; to: string }[];
  actions: { title: string; bullets: string[] }[];
  develops: Development[];
  skillDelta: SkillDelta;
}

export interface Path {
  hops: number;
  roles: RoleRef[];
  years: { min: number; max: number | null; openEnded: boolean };
  skillDelta: SkillDelta;
  steps: PathStep[];
}

export interface PathsData {
  transitionPlan: { paths: Path[]; truncated: boolean };
}

// The most hops and paths the API allows: the page shows every path there is, and says when there were more.
export const pathsQuery = `query Paths($from: ID!, $to: ID!) {
  transitionPlan(from: $from, to: $to, maxHops: 6, first: 1000) {
    truncated
    paths {
      hops
      roles { id title label }
      years { min max openEnded }
      skillDelta { ...Delta }
      steps {
        id
        from { id title label }
        to { id title label }
        timeline { text minYears maxYears openEnded }
        shifts { from to }
        actions { title bullets }
        develops { skill { id name } capability evidence { ...EvidenceFacts } }
        skillDelta { ...Delta }
      }
    }
  }
}
fragment Delta on SkillDelta {
  targetProfile
  gained { ...SkillFacts }
  retained { ...SkillFacts }
  dropped { ...SkillFacts }
  unstated { ...SkillFacts }
}
${skillFacts}`;
