import type { Table } from 'mdast';
import { slug, slugAliases } from '../../slug.js';
import { parseTable } from './markdown-table.parser.js';
import { PageFormatError } from '../page-format.error.js';
import type {
  Action,
  Activity,
  ComparisonFact,
  GenericSection,
  PageRole,
  PageWarning,
  Responsibility,
  RolePage,
  RoleReference,
  ScopeItem,
  SkillMention,
  TextItem,
  Timeline,
  Transition,
} from './page.model.js';
import { comparedRoles, isAbbreviation, splitParenthesised } from './role-alias.parser.js';
import { roleQuestion } from './role-question.parser.js';
import { transitionTargets } from './role-name.parser.js';
import { parseTimelineYears } from './timeline.parser.js';

/**
 * A transition of the page as the part parser holds it: something to give back to the builder, which alone
 * writes transitions.
 */
export interface TransitionRef {
  readonly line: number;
}

/** An action being written, one copy per target, as the part parser holds it. */
export interface ActionRef {
  readonly line: number;
}

/**
 * Collects what a page states into a RolePage: makes role references, merges the transitions of a page by
 * target, and keeps what the importer does not read as generic sections with a warning. It is the only writer
 * of the page's data: the parsers hand it values, and refer to transitions, actions and sections by reference.
 */
export class RolePageBuilder {
  private readonly responsibilities: Responsibility[] = [];
  private readonly activities: Activity[] = [];
  private readonly scope: ScopeItem[] = [];
  private readonly skills: SkillMention[] = [];
  private readonly comparisons: ComparisonFact[] = [];
  private readonly transitions = new Map<string, Transition>();
  /** Each transition by the reference handed out for it, which is the transition itself seen read-only. */
  private readonly transitionsByRef = new WeakMap<TransitionRef, Transition>();
  /** The copies of each action, one per target, by the reference handed out for it. */
  private readonly actionsByRef = new WeakMap<ActionRef, Action[]>();
  /** Transitions only named by a "You're ready for X" sentence so far: a section about X says where they start. */
  private readonly readinessOnly = new Set<Transition>();
  /** Timelines stated for all targets of a section, which the timeline of one path replaces. */
  private readonly sharedTimelines = new WeakSet<Timeline>();
  private readonly sections: GenericSection[] = [];
  private readonly warnings: PageWarning[] = [];
  private readonly notes: PageWarning[] = [];
  private readonly introduction: string[] = [];
  private question: string | null = null;

  /** Slugs of every name of the page's own role. */
  private readonly ownNames: Set<string>;

  constructor(
    private readonly file: string,
    readonly role: PageRole,
  ) {
    const names = [role.id, role.label, role.title, splitParenthesised(role.title).name, ...role.aliases];
    this.ownNames = new Set(names.flatMap(slugAliases));
  }

  addIntroduction(paragraph: string): void {
    this.introduction.push(paragraph);
    this.question ??= roleQuestion(paragraph);
  }

  addResponsibility(area: string, text: string, line: number): void {
    this.responsibilities.push({ area, text, line });
  }

  addActivity(slot: string, text: string, line: number): void {
    this.activities.push({ slot, text, line });
  }

  addScopeItem(key: string, value: string, line: number): void {
    this.scope.push({ key, value, line });
  }

  /** Adds a skill; false when its name has no letter or digit to make an id of. */
  addSkill(name: string, category: string, line: number): boolean {
    const id = slug(name);
    if (id !== '') this.skills.push({ id, name, category, line });
    return id !== '';
  }

  /**
   * Adds the facts of a role-by-dimension table; false for a table of another shape. Roles are the columns
   * ("Dimension | IC | Manager"), or the rows when the first column is headed "Role" or lists the roles the
   * section compares ("Role | Metaphor | Success metric" under "IC vs Manager").
   */
  addComparisonTable(table: Table, name: string, headings: string[]): boolean {
    const { header, headerLine, rows } = parseTable(table);
    const [first = '', ...columns] = header;
    if (columns.length === 0) return false;
    const compared = new Set(headings.flatMap(comparedRoles).map(slug));
    const namesRole = (cell: string) => this.ownNames.has(slug(cell)) || compared.has(slug(splitParenthesised(cell).name));
    const rowsAreRoles = /^(?:roles?|positions?|titles?)$/i.test(first) || (rows.length > 0 && rows.every(({ cells }) => namesRole(cells[0] ?? '')));
    if (rowsAreRoles) {
      for (const { cells, line } of rows) {
        const [roleName = '', ...values] = cells;
        const role = this.roleReference(roleName, line);
        columns.forEach((dimension, index) => this.addFact(name, dimension, role, values[index], line));
      }
      return true;
    }
    if (columns.length < 2 && !/^dimensions?$/i.test(first)) return false;
    const roles = columns.map((column) => this.roleReference(column, headerLine));
    for (const { cells, line } of rows) {
      const [dimension = '', ...values] = cells;
      roles.forEach((role, index) => this.addFact(name, dimension, role, values[index], line));
    }
    return true;
  }

  private addFact(table: string, dimension: string, role: RoleReference, value: string | undefined, line: number): void {
    // An empty cell says nothing about the role.
    if (value) this.comparisons.push({ table, dimension, role: { ...role }, value, line });
  }

  /** Adds the rows of a "From (A) | To (B)" table as shifts; false for a table of another shape. */
  addShiftTable(table: Table, targets: readonly TransitionRef[]): boolean {
    const { header, rows } = parseTable(table);
    const [, toHeader, ...others] = header;
    if (toHeader === undefined || others.length > 0) return false;
    // In a section about several targets, a "To (CTO)" column says which one the table is about.
    const named = /^to\s*\((.+)\)$/i.exec(toHeader)?.[1];
    const transitions = this.transitionsOf(targets);
    const about = transitions.filter(
      (transition) => named !== undefined && [transition.target.id, ...(transition.target.alsoKnownAs ?? [])].includes(slug(named)),
    );
    for (const { cells, line } of rows) {
      const [from = '', to = ''] = cells;
      for (const transition of about.length > 0 ? about : transitions) transition.shifts.push({ from, to, line });
    }
    return true;
  }

  /** Starts an action in each target, to be completed through the reference returned. */
  startAction(label: string, line: number, targets: readonly TransitionRef[]): ActionRef {
    const title = label.replace(/^\d+[.)]\s*/, '') || label;
    const copies = this.transitionsOf(targets).map((transition) => {
      const action: Action = { title, bullets: [], bulletLines: [], example: null, exampleLine: null, line };
      transition.actions.push(action);
      return action;
    });
    const ref: ActionRef = { line };
    this.actionsByRef.set(ref, copies);
    return ref;
  }

  /** Adds a bullet to an action; with no action started, the bullet goes nowhere. */
  addActionBullet(ref: ActionRef | null, bullet: string, line: number): void {
    for (const action of this.actionCopies(ref)) {
      action.bullets.push(bullet);
      action.bulletLines.push(line);
    }
  }

  /** Gives an action its example; false when no action is started or it has one already. */
  addActionExample(ref: ActionRef | null, example: string, line: number): boolean {
    const copies = this.actionCopies(ref);
    if (copies.length === 0 || copies.some((action) => action.example !== null)) return false;
    for (const action of copies) Object.assign(action, { example, exampleLine: line });
    return true;
  }

  addPitfall(targets: readonly TransitionRef[], text: string, line: number): void {
    for (const transition of this.transitionsOf(targets)) transition.pitfalls.push({ text, line });
  }

  addReadiness(targets: readonly TransitionRef[], text: string, line: number): void {
    for (const transition of this.transitionsOf(targets)) transition.readiness.push({ text, line });
  }

  /** The transitions of a "Transition to X or Y" or "Path to X" heading. */
  declaredTransitions(heading: string, line: number): TransitionRef[] {
    const names = transitionTargets(heading);
    if (names.length === 0) throw new PageFormatError(this.file, line, `"${heading}" names no target role`);
    return names.map((name) => this.transitionTo(name, line, true));
  }

  /**
   * The page's transition to a role, made on its first mention: a page has one transition per target.
   * `declared` is false for a mention in a "You're ready for X" sentence, which only makes a transition until a
   * section about X is found.
   */
  transitionTo(name: string, line: number, declared: boolean): TransitionRef {
    const target = this.roleReference(name, line);
    // "VP of Engineering (VPE)" in a heading and "VPE" in a readiness sentence are one transition.
    const existing = [target.id, ...(target.alsoKnownAs ?? [])]
      .map((id) => this.transitions.get(id))
      .find((transition) => transition !== undefined);
    if (existing === undefined) {
      const transition: Transition = {
        target,
        timeline: null,
        shifts: [],
        actions: [],
        pitfalls: [],
        readiness: [],
        line,
      };
      for (const id of [target.id, ...(target.alsoKnownAs ?? [])]) if (!this.transitions.has(id)) this.transitions.set(id, transition);
      this.transitionsByRef.set(transition, transition);
      if (!declared) this.readinessOnly.add(transition);
      return transition;
    }
    if (declared && this.readinessOnly.delete(existing)) {
      existing.target = target;
      existing.line = line;
    }
    return existing;
  }

  /**
   * Gives a timeline to its targets. A timeline for several targets does not replace one of a single target,
   * which does replace it; a timeline no target takes is kept as a generic section.
   */
  addTimeline(paragraphs: TextItem[], targets: readonly TransitionRef[], heading: string): void {
    const [first] = paragraphs;
    if (first === undefined) return;
    const text = paragraphs.map((paragraph) => paragraph.text).join('\n\n');
    const shared = targets.length > 1;
    let taken = false;
    for (const transition of this.transitionsOf(targets)) {
      const current = transition.timeline;
      if (current === null || (this.sharedTimelines.has(current) && !shared)) {
        const timeline: Timeline = { text, ...parseTimelineYears(text), line: first.line };
        transition.timeline = timeline;
        if (shared) this.sharedTimelines.add(timeline);
        taken = true;
      }
    }
    if (!taken) this.keep(heading, text, first.line);
  }

  /** A part of the page the importer does not model but which is expected there, as a "**Note**: …". */
  addSection(heading: string, text: string, line: number): void {
    this.sections.push({ heading, text, unread: false, line });
  }

  /** The generic section of a heading the importer does not know, to be filled with its content. */
  unknownSection(heading: string, line: number): Readonly<GenericSection> {
    const section: GenericSection = { heading, text: '', unread: true, line };
    this.sections.push(section);
    this.warnings.push({ line, message: `unknown section "${heading}" kept as a generic section` });
    return section;
  }

  /**
   * Adds a block of content to the generic section of a heading the importer does not know; a section forgotten
   * because its part turned out to be one the importer reads takes nothing more.
   */
  addToSection(section: Readonly<GenericSection>, block: string): void {
    const kept = this.sections.find((each) => each === section);
    if (kept !== undefined) kept.text = kept.text === '' ? block : `${kept.text}\n\n${block}`;
  }

  /** Keeps content that does not fit the part it is in as a generic section, and tells the curator. */
  keep(heading: string, text: string, line: number): void {
    this.sections.push({ heading, text, unread: true, line });
    this.warnings.push({ line, message: `content that does not fit "${heading}" kept as a generic section` });
  }

  /** Says that a part was read from an unfamiliar heading or by its shape. */
  info(line: number, message: string): void {
    this.notes.push({ line, message });
  }

  /** Drops a generic section, and its warning, whose part turned out to be one the importer reads. */
  forgetSection(section: Readonly<GenericSection>): void {
    const index = this.sections.indexOf(section);
    if (index < 0) return;
    this.sections.splice(index, 1);
    const warning = this.warnings.findIndex((item) => item.line === section.line);
    if (warning >= 0) this.warnings.splice(warning, 1);
  }

  build(frontMatter: Record<string, unknown>): RolePage {
    const summary = this.introduction.length > 0 ? this.introduction.join('\n\n') : null;
    return {
      file: this.file,
      frontMatter,
      role: { ...this.role, question: this.question, summary },
      responsibilities: this.responsibilities,
      skills: this.skills,
      activities: this.activities,
      scope: this.scope,
      comparisons: this.comparisons,
      transitions: [...new Set(this.transitions.values())],
      sections: this.sections.sort(byLine),
      warnings: this.warnings.sort(byLine),
      notes: this.notes.sort(byLine),
    };
  }

  private transitionsOf(refs: readonly TransitionRef[]): Transition[] {
    return refs.map((ref) => {
      const transition = this.transitionsByRef.get(ref);
      if (transition === undefined) throw new Error('not a transition of this page');
      return transition;
    });
  }

  private actionCopies(ref: ActionRef | null): Action[] {
    if (ref === null) return [];
    const copies = this.actionsByRef.get(ref);
    if (copies === undefined) throw new Error('not an action of this page');
    return copies;
  }

  /**
   * A role named on the page; any name the page gives its own role refers to it. "Principal Engineer (PE)" is
   * Principal Engineer, also known as PE.
   */
  private roleReference(written: string, line: number): RoleReference {
    const parts = splitParenthesised(written);
    const { name } = parts;
    // "Manager (hrs/week)" is Manager; "Principal Engineer (PE)" is also PE.
    const also = parts.also !== null && isAbbreviation(parts.also) ? parts.also : null;
    const names = also === null ? [name] : [name, also];
    const own = names.some((each) => this.ownNames.has(slug(each)));
    const id = own ? this.role.id : slug(name);
    if (id === '') {
      throw new PageFormatError(this.file, line, `"${written}" cannot name a role: it has no letters or digits`);
    }
    return also === null || own ? { id, name: written, line } : { id, name: written, alsoKnownAs: slugAliases(also), line };
  }
}

function byLine(a: { line: number }, b: { line: number }): number {
  return a.line - b.line;
}
