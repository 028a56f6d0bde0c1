/**
 * The plain description of the graph that one career-guide page contributes.
 *
 * The parser produces it from Markdown without touching a database; the loader writes it. Every item
 * carries the 1-based line of the page it came from, so that the graph can say where each fact was stated.
 */

import type { TimelineYears } from '../../transition/timeline-years.js';

/** A role named on a page: by its own page's label, or only as a transition target or comparison column. */
export interface RoleReference {
  /** Slug of the name, e.g. "cto" for "CTO". The loader may resolve it to a role known by another alias. */
  id: string;
  /** The name as the page wrote it, e.g. "CTO" or "VP of Engineering". */
  name: string;
  /** Slugs of a second name the page gave in parentheses, as "PE" in "Principal Engineer (PE)". */
  alsoKnownAs?: string[];
  line: number;
}

export interface PageRole {
  /** Slug of the front matter's `label`, or of the title when the page has no label. */
  id: string;
  label: string;
  /** The page's `# ` heading, e.g. "VP of Engineering". */
  title: string;
  /** Other names the page gives its role: abbreviations it defines, `aliases` of its front matter. */
  aliases: string[];
  /** The question the role answers, without its quotes; null when the page does not state one. */
  question: string | null;
  /** The introduction between the title and the first section, as plain text. */
  summary: string | null;
  line: number;
}

export interface Responsibility {
  area: string;
  text: string;
  line: number;
}

export interface SkillMention {
  /** Slug of the name: the same skill on two pages is one node. */
  id: string;
  name: string;
  category: string;
  line: number;
}

export interface Activity {
  /** The bold slot name, e.g. "Morning" or "Recurring Meetings". */
  slot: string;
  text: string;
  line: number;
}

export interface ScopeItem {
  key: string;
  value: string;
  line: number;
}

/** One cell of a comparison table: what the page says about one role on one dimension. */
export interface ComparisonFact {
  /** The heading of the table, e.g. "Comparison: VP vs CTO/CEO" or "Key Differences Summary". */
  table: string;
  dimension: string;
  role: RoleReference;
  value: string;
  line: number;
}

export interface Timeline extends TimelineYears {
  /** The sentence as written, e.g. "Typically 5-10+ years as a VP, though paths vary significantly." */
  text: string;
  line: number;
}

export interface Shift {
  from: string;
  to: string;
  line: number;
}

export interface Action {
  title: string;
  bullets: string[];
  /** The line of each bullet, in the order of bullets: what a transition develops cites its sentence's line. */
  bulletLines: number[];
  example: string | null;
  exampleLine: number | null;
  line: number;
}

export interface TextItem {
  text: string;
  line: number;
}

export interface Transition {
  target: RoleReference;
  timeline: Timeline | null;
  shifts: Shift[];
  actions: Action[];
  pitfalls: TextItem[];
  readiness: TextItem[];
  line: number;
}

/** A part of the page the importer does not model; kept so that nothing is silently dropped. */
export interface GenericSection {
  heading: string;
  text: string;
  /** True for content the importer could not read as a part of the format; false for a note the format expects. */
  unread: boolean;
  line: number;
}

export interface PageWarning {
  line: number;
  message: string;
}

export interface RolePage {
  /** The path the page was read from, as given to the importer. */
  file: string;
  frontMatter: Record<string, unknown>;
  role: PageRole;
  responsibilities: Responsibility[];
  skills: SkillMention[];
  activities: Activity[];
  scope: ScopeItem[];
  comparisons: ComparisonFact[];
  transitions: Transition[];
  sections: GenericSection[];
  /** Parts kept as generic sections, and anything else a curator should look at. */
  warnings: PageWarning[];
  /** Parts read from a heading the format does not use or from the shape of their content: worth a look. */
  notes: PageWarning[];
}
