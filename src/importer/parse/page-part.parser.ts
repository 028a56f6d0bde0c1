import type { List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import { labelledItem, listItems } from './list-item.parser.js';
import { parseTable } from './markdown-table.parser.js';
import { lineOf, positionOf } from './node-position.js';
import type { PageEvent } from './page-event.parser.js';
import type { GenericSection, TextItem } from './page.model.js';
import { classifyPartName, isFamiliarPartName, isNumbered, type KnownPart } from './part-name.classifier.js';
import { blockText, inlineText } from './plain-text.renderer.js';
import { readyTargets } from './role-name.parser.js';
import type { ActionRef, RolePageBuilder, TransitionRef } from './role-page.builder.js';
import { splitSkillList } from './skill-list.parser.js';

/** Reads the parts of a page, from the events after its title, into the builder. */
export function parsePageParts(events: PageEvent[], builder: RolePageBuilder): void {
  const parser = new PagePartParser(builder);
  for (const event of events) parser.read(event);
  parser.end();
}

/** The kinds of parts: those of the page format, the groups inside them, and unknown parts. */
type PartKind =
  | 'page'
  | 'responsibilities'
  | 'area'
  | 'skills'
  | 'category'
  | 'activities'
  | 'slot'
  | 'scope'
  | 'comparison'
  | 'transition'
  | 'path'
  | 'timeline'
  | 'shifts'
  | 'actions'
  | 'action'
  | 'pitfalls'
  | 'readiness'
  | 'unknown';

/** A part being read: the heading or bold label that opened it, and what it holds until it ends. */
interface PartBase {
  /** The heading or label text; it also names the generic section of content the part cannot read. */
  label: string;
  line: number;
  /** The depth of the heading that opened the part; a bold label sits half a level below the heading it follows. */
  level: number;
  /** The transitions a part of a transition section is about. */
  targets: TransitionRef[];
  /** Content the part cannot read, kept as a generic section when the part ends. */
  strays: TextItem[];
}

type Part =
  | (PartBase & { kind: Exclude<PartKind, 'actions' | 'action' | 'timeline' | 'readiness' | 'unknown'> })
  /** `current`: the action being written, if any. */
  | (PartBase & { kind: 'actions' | 'action'; current: ActionRef | null })
  | (PartBase & { kind: 'timeline'; paragraphs: TextItem[] })
  /** `readyFor`: the transitions named by the last "You're ready for X" sentence. */
  | (PartBase & { kind: 'readiness'; readyFor: TransitionRef[] })
  | (PartBase & { kind: 'unknown'; section: Readonly<GenericSection> });

type ActionPart = Extract<Part, { kind: 'actions' | 'action' }>;

/**
 * Keeps a stack of the open parts. A heading closes the parts at its depth and below, as Markdown nests them.
 * A bold label has no depth, so its meaning says where it goes: a known part closes the parts back to the one it
 * belongs to ("**Key Actions**" to its transition, even past a "### Timeline"), any other label is a group of the
 * nearest part made of groups (an area of responsibilities, an activity slot, an action).
 */
class PagePartParser {
  private readonly page: Part;
  /** The open parts above the page itself, innermost last. */
  private readonly stack: Part[] = [];
  private headingDepth = 1;
  /** The targets of the last transition section, until another part of the page starts. */
  private recentTargets: TransitionRef[] | undefined;

  constructor(private readonly builder: RolePageBuilder) {
    this.page = { kind: 'page', label: 'Introduction', line: builder.role.line, level: 1, targets: [], strays: [] };
  }

  read(event: PageEvent): void {
    switch (event.type) {
      case 'heading':
        this.closeWhile((part) => part.level > event.depth - 1);
        this.headingDepth = event.depth;
        this.stack.push(this.partFor(event.text, event.line, event.depth));
        return;
      case 'label':
        this.readLabel(event.text, event.line, event.node);
        return;
      case 'lead':
        if (/^notes?$/i.test(event.label)) {
          this.builder.addSection(event.label, inlineText(event.content), event.line);
        } else if (this.kindOf(event.label) === null) {
          this.readBlock(event.node, event.line);
        } else {
          // "**Timeline**: 2-4 years" is the part and its text on one line.
          this.readLabel(event.label, event.line, event.node);
          this.readBlock(event.content, event.line);
        }
        return;
      case 'block':
        this.readBlock(event.node, event.line);
        return;
    }
  }

  end(): void {
    this.closeWhile(() => true);
    this.close(this.page);
  }

  private readLabel(text: string, line: number, node: Paragraph): void {
    // A bold "You're ready for X when:" is the sentence itself, not the title of a part.
    if (readyTargets(text) !== null) {
      this.readBlock(node, line);
      return;
    }
    const parent = this.labelParent(text);
    this.closeWhile((part) => part !== parent);
    this.stack.push(this.partFor(text, line, this.headingDepth + 0.5));
  }

  private labelParent(label: string): Part {
    const kind = this.kindOf(label);
    const headingPart = this.headingPart();
    switch (kind) {
      case 'timeline':
      case 'shifts':
      case 'actions':
      case 'pitfalls':
      case 'readiness': {
        const transition = this.nearest(isTransition);
        if (transition !== undefined) return transition;
        if (kind === 'readiness') return headingPart;
        break;
      }
      case 'path':
        return this.nearest((part) => part.kind === 'transition') ?? headingPart;
      case null:
        break;
      default:
        return headingPart;
    }
    return this.reachable().find(takesBoldGroups) ?? headingPart;
  }

  private partFor(label: string, line: number, level: number): Part {
    const kind = this.kindOf(label);
    const part = this.knownPartFor(label, line, level, kind);
    if (kind !== null && part.kind === kind && !isFamiliarPartName(label)) {
      this.builder.info(line, `read "${label}" as ${partTitles[kind]}`);
    }
    return part;
  }

  /**
   * The part a name means where it stands. Inside a part made of groups, a name that is only a key word
   * ("Skill Building" among areas of responsibility, "1. Avoid Common Pitfalls" among actions) names a group:
   * only the format's own wordings start another part there.
   */
  private kindOf(label: string): KnownPart | null {
    const kind = classifyPartName(label);
    if (kind === null || isFamiliarPartName(label)) return kind;
    const container = this.reachable().find(takesBoldGroups);
    switch (container?.kind) {
      case 'actions':
      case 'action':
        return isNumbered(label) || kind === 'transition' || kind === 'path' ? null : kind;
      case 'responsibilities':
      case 'area':
      case 'skills':
      case 'category':
      case 'activities':
      case 'slot':
      case 'comparison':
        return null;
      default:
        return kind;
    }
  }

  private knownPartFor(label: string, line: number, level: number, kind: KnownPart | null): Part {
    const base = { label, line, level, targets: [], strays: [] };
    const transition = this.nearest(isTransition);
    // "## Key Actions" after "## Transition to X", at the transition's own level, still belongs to it.
    const targets = transition?.targets ?? this.recentTargets;
    switch (kind) {
      case 'transition':
      case 'path':
        this.recentTargets = this.builder.declaredTransitions(label, line);
        return { ...base, kind, targets: this.recentTargets };
      case 'responsibilities':
      case 'skills':
      case 'activities':
      case 'scope':
      case 'comparison':
        this.recentTargets = undefined;
        return { ...base, kind };
      case 'readiness':
        return { ...base, kind, targets: transition?.targets ?? [], readyFor: [] };
      case 'timeline':
        if (targets === undefined) break;
        return { ...base, kind, targets, paragraphs: [] };
      case 'actions':
        if (targets === undefined) break;
        return { ...base, kind, targets, current: null };
      case 'shifts':
      case 'pitfalls':
        if (targets === undefined) break;
        return { ...base, kind, targets };
      case null:
        break;
    }
    return this.groupPart(base);
  }

  /** A part named by a label the page format does not know: a group of the enclosing part, if it has groups. */
  private groupPart(base: PartBase): Part {
    let parent = this.top();
    // Numbered bold titles in a transition are actions, whatever the heading above them says, if anything.
    if (isNumbered(base.label) && (isTransition(parent) || parent.kind === 'unknown')) {
      parent = this.readAs(parent, 'actions', base.line) ?? parent;
    }
    switch (parent.kind) {
      case 'responsibilities':
        return { ...base, kind: 'area' };
      case 'skills':
        return { ...base, kind: 'category' };
      case 'activities':
        return { ...base, kind: 'slot' };
      case 'comparison':
        return { ...base, kind: 'comparison' };
      case 'actions':
        return {
          ...base,
          kind: 'action',
          targets: parent.targets,
          current: this.builder.startAction(base.label, base.line, parent.targets),
        };
      case 'unknown':
        this.builder.addToSection(parent.section, base.label);
        return { ...base, kind: 'unknown', section: parent.section };
      default:
        return { ...base, kind: 'unknown', section: this.builder.unknownSection(base.label, base.line) };
    }
  }

  /**
   * Reads a part by the shape of its content: the unknown part becomes one of that kind, or, right under a
   * transition heading, a part of that kind opens with the content. Undefined when that shape means nothing there.
   */
  private readAs(part: Part, kind: 'actions' | 'shifts' | 'comparison', line: number): Part | undefined {
    const transition = this.nearest(isTransition);
    if (kind !== 'comparison' && transition === undefined) return undefined;
    const targets = transition?.targets ?? [];
    const base = { label: part.label, line: part.line, level: part.level, targets, strays: [] };
    const shaped: Part = kind === 'actions' ? { ...base, kind, current: null } : { ...base, kind };
    if (part.kind === 'unknown') {
      if (part.section.text === '') this.builder.forgetSection(part.section);
      this.stack.splice(this.stack.indexOf(part), 1, shaped);
      this.builder.info(part.line, `read "${part.label}" as ${partTitles[kind]}, by the shape of its content`);
      return shaped;
    }
    if (part.kind === kind) return part;
    if (!isTransition(part)) return undefined;
    const opened = { ...shaped, line, level: this.headingDepth + 0.5 };
    this.stack.push(opened);
    this.builder.info(line, `read content under "${part.label}" as ${partTitles[kind]}, by its shape`);
    return opened;
  }

  private readBlock(node: RootContent, line: number): void {
    // "You're ready for X when:" after the pitfalls of a transition starts its readiness, with or without a label.
    if (node.type === 'paragraph' && readyTargets(inlineText(node)) !== null) {
      const transition = this.nearest(isTransition);
      if (transition !== undefined && this.top().kind !== 'readiness') this.closeWhile((part) => part !== transition);
    }
    const part = this.top();
    if (!this.take(part, node, line)) part.strays.push({ text: blockText(node), line });
  }

  /** Reads a block into the part; false when the part has no place for it. */
  private take(part: Part, node: RootContent, line: number): boolean {
    switch (part.kind) {
      case 'page':
        if (node.type !== 'paragraph') return false;
        this.builder.addIntroduction(inlineText(node));
        return true;
      case 'responsibilities':
      case 'area':
        if (node.type !== 'list') return false;
        for (const { text, line: itemLine } of listItems(node)) {
          this.builder.addResponsibility(part.label, text, itemLine);
        }
        return true;
      case 'skills':
      case 'category':
        if (node.type === 'table') return this.takeSkillTable(node, part);
        if (node.type !== 'list') return false;
        for (const entry of listItems(node)) {
          // "Category: skill, skill" bullets directly under the skills part name their category.
          const labelled = part.kind === 'skills' ? labelledItem(entry.item) : null;
          this.addSkills(labelled?.text ?? entry.text, labelled?.label ?? part.label, entry.line, part);
        }
        return true;
      case 'activities':
      case 'slot':
        if (node.type !== 'list') return false;
        for (const entry of listItems(node)) {
          // "**Morning**: …" bullets directly under the activities part name their slot.
          const labelled = part.kind === 'activities' ? labelledItem(entry.item) : null;
          const slot = labelled?.label ?? part.label;
          this.builder.addActivity(slot, labelled?.text ?? entry.text, entry.line);
        }
        return true;
      case 'scope':
        if (node.type !== 'list') return false;
        for (const entry of listItems(node)) this.addScopeItem(entry.item, entry.text, entry.line, part);
        return true;
      case 'comparison':
        return node.type === 'table' && this.builder.addComparisonTable(node, part.label, this.comparisonHeadings());
      case 'transition':
      case 'path':
        if (node.type === 'table' && isShiftTable(node)) return this.builder.addShiftTable(node, part.targets);
        if (node.type === 'list' && isActionList(node)) return this.takeByShape(part, 'actions', node, line);
        if (node.type === 'paragraph' && readyTargets(inlineText(node)) !== null) {
          // The sentence starts the readiness of the transition without a "Readiness" label.
          const readiness: Part = {
            ...part,
            kind: 'readiness',
            label: 'Readiness',
            line,
            level: this.headingDepth + 0.5,
            strays: [],
            readyFor: [],
          };
          this.stack.push(readiness);
          return this.take(readiness, node, line);
        }
        return false;
      case 'timeline':
        if (node.type !== 'paragraph') return false;
        part.paragraphs.push({ text: inlineText(node), line });
        return true;
      case 'shifts':
        return node.type === 'table' && this.builder.addShiftTable(node, part.targets);
      case 'actions':
        if (node.type !== 'list') return this.addExample(node, part.current);
        this.takeActionList(node, part);
        return true;
      case 'action':
        if (node.type !== 'list') return this.addExample(node, part.current);
        this.addBullets(part.current, node);
        return true;
      case 'pitfalls':
        if (node.type !== 'list') return false;
        for (const { text, line: itemLine } of listItems(node)) {
          this.builder.addPitfall(part.targets, text, itemLine);
        }
        return true;
      case 'readiness':
        return this.takeReadiness(node, line, part);
      case 'unknown':
        if (node.type === 'table' && isShiftTable(node) && this.takeByShape(part, 'shifts', node, line)) return true;
        if (node.type === 'list' && isActionList(node) && this.takeByShape(part, 'actions', node, line)) return true;
        if (node.type === 'table' && isComparisonTable(node) && this.takeByShape(part, 'comparison', node, line)) return true;
        this.builder.addToSection(part.section, blockText(node));
        return true;
    }
  }

  private takeByShape(part: Part, kind: 'actions' | 'shifts' | 'comparison', node: RootContent, line: number): boolean {
    const shaped = this.readAs(part, kind, line);
    return shaped !== undefined && this.take(shaped, node, line);
  }

  private takeSkillTable(table: Table, part: Part): boolean {
    const { header, rows } = parseTable(table);
    if (header.length !== 2) return false;
    for (const { cells, line } of rows) {
      const [category = '', skills = ''] = cells;
      this.addSkills(skills, category, line, part);
    }
    return true;
  }

  private addSkills(list: string, category: string, line: number, part: Part): void {
    for (const name of splitSkillList(list)) {
      if (!this.builder.addSkill(name, category, line)) part.strays.push({ text: name, line });
    }
  }

  /** A `**Key**: value` or `Key: value` bullet. */
  private addScopeItem(item: ListItem, text: string, line: number, part: Part): void {
    const labelled = labelledItem(item);
    const colon = text.indexOf(':');
    const key = labelled?.label ?? (colon > 0 ? text.slice(0, colon).trim() : '');
    const value = labelled?.text ?? text.slice(colon + 1).trim();
    if (key === '' || value === '') part.strays.push({ text, line });
    else this.builder.addScopeItem(key, value, line);
  }

  /** Actions written as a list: each bullet is the title, its nested bullets and "Example:" paragraph the rest. */
  private takeActionList(list: List, part: ActionPart): void {
    for (const item of list.children) {
      const [title, ...details] = item.children;
      if (title?.type !== 'paragraph') {
        part.strays.push({ text: blockText(item), line: lineOf(item) });
        continue;
      }
      part.current = this.builder.startAction(inlineText(title), lineOf(item), part.targets);
      for (const detail of details) {
        if (detail.type === 'list') this.addBullets(part.current, detail);
        else if (!this.addExample(detail, part.current)) part.strays.push({ text: blockText(detail), line: lineOf(detail) });
      }
    }
  }

  private takeReadiness(node: RootContent, line: number, part: Extract<Part, { kind: 'readiness' }>): boolean {
    if (node.type === 'paragraph') {
      const text = inlineText(node);
      const names = readyTargets(text);
      if (names === null) return false;
      part.readyFor = names.map((name) => this.builder.transitionTo(name, line, false));
      // "You're ready for X when you have led a team." states its criterion itself, not in bullets.
      if (!text.endsWith(':')) this.builder.addReadiness(part.readyFor, text, line);
      return true;
    }
    const targets = part.readyFor.length > 0 ? part.readyFor : part.targets;
    if (node.type !== 'list' || targets.length === 0) return false;
    for (const { text, line: itemLine } of listItems(node)) this.builder.addReadiness(targets, text, itemLine);
    return true;
  }

  /** An "Example: …" paragraph after an action; false for another paragraph, or when the action has an example. */
  private addExample(node: RootContent, action: ActionRef | null): boolean {
    if (node.type !== 'paragraph') return false;
    const example = /^example\s*:\s*(.*)$/is.exec(inlineText(node))?.[1];
    return example !== undefined && this.builder.addActionExample(action, example, lineOf(node));
  }

  private addBullets(action: ActionRef | null, list: List): void {
    for (const entry of listItems(list)) {
      // "*Example: …*" written on the line under the last bullet, with no blank line between, continues that bullet.
      const lazy = wrapsLines(entry.item) ? /^(.+?)\s+Example:\s*(.+)$/s.exec(entry.text) : null;
      const example = lazy?.[2];
      this.builder.addActionBullet(action, lazy?.[1] ?? entry.text, entry.line);
      // The example is the bullet's last wrapped line.
      if (example !== undefined) this.builder.addActionExample(action, example, positionOf(entry.item).end.line);
    }
  }

  /** The names of the open comparison parts, which may say which roles their tables compare. */
  private comparisonHeadings(): string[] {
    return this.stack.filter((part) => part.kind === 'comparison').map((part) => part.label);
  }

  private close(part: Part): void {
    if (part.kind === 'timeline') this.builder.addTimeline(part.paragraphs, part.targets, part.label);
    const [first] = part.strays;
    if (first === undefined) return;
    this.builder.keep(part.label, part.strays.map((stray) => stray.text).join('\n\n'), first.line);
  }

  private closeWhile(test: (part: Part) => boolean): void {
    for (let part = this.stack.at(-1); part !== undefined && test(part); part = this.stack.at(-1)) {
      this.stack.pop();
      this.close(part);
    }
  }

  private top(): Part {
    return this.stack.at(-1) ?? this.page;
  }

  private nearest(test: (part: Part) => boolean): Part | undefined {
    return this.stack.findLast(test);
  }

  /** The part opened by the last heading. */
  private headingPart(): Part {
    return this.nearest((part) => part.level <= this.headingDepth) ?? this.page;
  }

  /** The parts a bold group label can belong to: those opened since the last heading, then that heading's part. */
  private reachable(): Part[] {
    const headingPart = this.headingPart();
    return this.stack
      .slice(this.stack.indexOf(headingPart) + 1)
      .reverse()
      .concat(headingPart);
  }
}

function isTransition(part: Part): boolean {
  return part.kind === 'transition' || part.kind === 'path';
}

function takesBoldGroups(part: Part): boolean {
  switch (part.kind) {
    case 'responsibilities':
    case 'skills':
    case 'activities':
    case 'comparison':
    case 'actions':
      return true;
    case 'unknown':
      // Bold labels under an unknown heading belong to it; after an unknown bold label they start a sibling.
      return Number.isInteger(part.level);
    default:
      return false;
  }
}

/** How the report names a part read from an unfamiliar heading or from its shape. */
const partTitles: Record<KnownPart, string> = {
  responsibilities: 'core responsibilities',
  skills: 'key skill sets',
  activities: 'day-to-day activities',
  scope: 'typical scope',
  comparison: 'a comparison',
  transition: 'a transition',
  path: 'a path of a transition',
  readiness: 'career progression indicators',
  timeline: 'a timeline',
  shifts: 'key shifts',
  actions: 'key actions',
  pitfalls: 'common pitfalls',
};

/** A list of bold titles, numbered or detailed by bullets of their own: the shape of key actions. */
function isActionList(list: List): boolean {
  const boldTitled = list.children.every((item) => {
    const [first] = item.children;
    return first?.type === 'paragraph' && first.children[0]?.type === 'strong';
  });
  const detailed = list.children.some((item) => item.children.some((child) => child.type === 'list'));
  return list.children.length > 0 && boldTitled && (list.ordered === true || detailed);
}

/** A table of facts by dimension and role, as the comparison sections hold. */
function isComparisonTable(table: Table): boolean {
  const [first = '', ...others] = parseTable(table).header;
  return others.length >= 2 && /^(?:dimensions?|aspects?|criteri(?:a|on)|factors?)$/i.test(first);
}

function isShiftTable(table: Table): boolean {
  const [from = '', to = '', ...others] = parseTable(table).header;
  return others.length === 0 && /^from\b/i.test(from) && /^to\b/i.test(to);
}

function wrapsLines(item: ListItem): boolean {
  const [first] = item.children;
  return first !== undefined && positionOf(first).end.line > positionOf(first).start.line;
}
