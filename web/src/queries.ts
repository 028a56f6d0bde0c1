/** The operations the page sends, with the shapes of their answers. */

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

export interface Timeline {
  text: string | null;
  minYears: number | null;
  maxYears: number | null;
  openEnded: boolean;
}

export interface SkillItem {
  id: string;
  name: string;
  category: string | null;
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

export interface RoleData {
  role: RoleDetails;
}

export const roleQuery = `query Role($id: ID!) {
  role(id: $id) {
    id title label question summary level hasPage source
    responsibilities { area text source }
    skills { id name category }
    scope { key value source }
    comparisons { table dimension value source }
    transitionsOut { id to { id title label } timeline { text minYears maxYears openEnded } }
  }
}`;

export interface SkillDelta {
  gained: SkillItem[];
  retained: SkillItem[];
  dropped: SkillItem[];
}

export interface PathStep {
  id: string;
  from: RoleRef;
  to: RoleRef;
  timeline: Timeline;
  shifts: { from: string; to: string }[];
  actions: { title: string; bullets: string[] }[];
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
  transitionPaths: Path[];
}

// The most hops the API allows: the page shows every path there is.
export const pathsQuery = `query Paths($from: ID!, $to: ID!) {
  transitionPaths(from: $from, to: $to, maxHops: 6) {
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
      skillDelta { ...Delta }
    }
  }
}
fragment Delta on SkillDelta {
  gained { id name category }
  retained { id name category }
  dropped { id name category }
}`;
