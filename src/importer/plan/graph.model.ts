/**
 * The graph that a run of the importer writes, as plain data: nodes keyed by label and id, relationships
 * keyed by type and the ids of their ends. The planner makes it from parsed pages; the loader writes it.
 */

/** Nodes that several pages may state: merged by id, never duplicated. */
export const sharedLabels = ['Role', 'Skill', 'SkillCategory'] as const;

/** Nodes that belong to the one page that states them, replaced whenever that page is imported again. */
export const ownedLabels = [
  'Responsibility',
  'Activity',
  'ScopeItem',
  'ComparisonFact',
  'Transition',
  'Shift',
  'Action',
  'Pitfall',
  'ReadinessIndicator',
  'Section',
] as const;

export type SharedLabel = (typeof sharedLabels)[number];
export type OwnedLabel = (typeof ownedLabels)[number];
export type NodeLabel = SharedLabel | OwnedLabel;

/** Every relationship type, with the labels at its two ends. */
export const relationshipTypes = {
  HAS_RESPONSIBILITY: ['Role', 'Responsibility'],
  REQUIRES_SKILL: ['Role', 'Skill'],
  IN_CATEGORY: ['Skill', 'SkillCategory'],
  HAS_ACTIVITY: ['Role', 'Activity'],
  HAS_SCOPE: ['Role', 'ScopeItem'],
  HAS_FACT: ['Role', 'ComparisonFact'],
  HAS_SECTION: ['Role', 'Section'],
  HAS_TRANSITION: ['Role', 'Transition'],
  LEADS_TO: ['Transition', 'Role'],
  TRANSITIONS_TO: ['Role', 'Role'],
  REQUIRES_SHIFT: ['Transition', 'Shift'],
  HAS_ACTION: ['Transition', 'Action'],
  HAS_PITFALL: ['Transition', 'Pitfall'],
  HAS_INDICATOR: ['Transition', 'ReadinessIndicator'],
} as const satisfies Record<string, readonly [NodeLabel, NodeLabel]>;

export type RelationshipType = keyof typeof relationshipTypes;

export type PropertyValue = string | number | boolean | string[] | number[] | null;
export type Properties = Record<string, PropertyValue>;

/**
 * How a write treats a node that already exists: a page sets its own role, its owned nodes and nothing else;
 * a role or skill it only names is created if missing and otherwise left as its own page has it.
 */
export type WriteMode = 'set' | 'create-if-missing';

export interface PlannedNode {
  label: NodeLabel;
  id: string;
  mode: WriteMode;
  /** Includes sourceFile and sourceLine, which say where the node was stated. */
  properties: Properties;
}

export interface PlannedRelationship {
  type: RelationshipType;
  from: string;
  to: string;
  /** Includes sourceFile and sourceLine. */
  properties: Properties;
}

export interface GraphPlan {
  /** The source files whose earlier contributions the run replaces. */
  files: string[];
  nodes: PlannedNode[];
  relationships: PlannedRelationship[];
  /** Names that two roles answer to, as `file:line: what`. */
  warnings: string[];
}
