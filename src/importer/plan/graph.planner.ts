import { createHash } from 'node:crypto';
import { slug, slugAliases } from '../../slug.js';
import type { GraphPlan, NodeLabel, PlannedNode, PlannedRelationship, Properties, RelationshipType } from './graph.model.js';
import type { RolePage, RoleReference, Transition } from '../parse/page.model.js';
import { PageFormatError } from '../page-format.error.js';
import { splitParenthesised } from '../parse/role-alias.parser.js';

/** What the database already knows about roles, so that pages can name them by any of their aliases. */
export interface KnownRoles {
  /** Alias (slug of a label, title or name) → role id. */
  aliases: Map<string, string>;
  /** Role id → the file of the page that defines it, for roles that have a page. */
  pageFiles: Map<string, string>;
}

export const noKnownRoles = (): KnownRoles => ({ aliases: new Map(), pageFiles: new Map() });

/**
 * Turns parsed pages into the nodes and relationships they contribute.
 *
 * A role's own page sets its properties; any other page that names it only creates it when it is missing,
 * so facts that page Y states about role X never overwrite X's page. Owned nodes get ids derived from their
 * page and content, so re-importing an unchanged page plans exactly the same graph.
 */
export function planGraph(pages: RolePage[], known: KnownRoles = noKnownRoles()): GraphPlan {
  const plan = new PlanBuilder(pages.map((page) => page.file));
  const definedIn = new Map(known.pageFiles);
  for (const page of pages) {
    const owner = definedIn.get(page.role.id);
    if (owner !== undefined && owner !== page.file) {
      throw new PageFormatError(page.file, page.role.line, `role "${page.role.id}" is already defined by ${owner}`);
    }
    definedIn.set(page.role.id, page.file);
  }
  const names = new RoleNames(known, pages, plan);
  for (const page of pages) planPage(plan, page, (reference) => names.resolve(reference, page.file));
  return plan.build();
}

/**
 * What `known` knows, and the roles that `pages` define, by every name they answer to: for planning one run of
 * an import made in several, whose pages may name roles that the pages of a later run define. Planned with
 * this, a run resolves every name as the whole import in one run would.
 */
export function withRolesOf(known: KnownRoles, pages: RolePage[]): KnownRoles {
  const files = new Set(pages.map((page) => page.file));
  const result: KnownRoles = { aliases: new Map(), pageFiles: new Map(known.pageFiles) };
  // A page imported again says anew what its role is called, as it does in the run that writes it.
  for (const [alias, id] of known.aliases) {
    const file = known.pageFiles.get(id);
    if (file === undefined || !files.has(file)) result.aliases.set(alias, id);
  }
  for (const page of pages) {
    for (const alias of roleAliases(page)) result.aliases.set(alias, page.role.id);
    result.pageFiles.set(page.role.id, page.file);
  }
  return result;
}

/**
 * Every name of every role with a page, so that a page may name a role by any of them: its id, label, title,
 * an abbreviation its page defines, an alias of its front matter, an id an earlier version issued. A name two
 * roles answer to is reported, where they claim it and where a page uses it.
 */
class RoleNames {
  /** Alias → the roles with a page that answer to it. */
  private readonly claims = new Map<string, Set<string>>();
  /** Roles without a page, known by their own id and the names they were mentioned by. */
  private readonly mentioned = new Map<string, string>();
  private readonly ids = new Set<string>();

  constructor(
    known: KnownRoles,
    pages: RolePage[],
    private readonly plan: PlanBuilder,
  ) {
    const files = new Set(pages.map((page) => page.file));
    for (const [alias, id] of known.aliases) {
      const file = known.pageFiles.get(id);
      // The pages of this run say anew what their roles are called.
      if (file === undefined) this.mentioned.set(alias, id);
      else if (!files.has(file)) this.claim(alias, id);
    }
    for (const page of pages) for (const alias of roleAliases(page)) this.claim(alias, page.role.id);
    // "VP of Engineering (VPE)" on one page and "VPE" on another are one role, even without a page of its own.
    for (const reference of pages.flatMap(mentions)) {
      for (const alias of reference.alsoKnownAs ?? []) if (!this.claims.has(alias)) this.mentioned.set(alias, reference.id);
    }
    for (const page of pages) {
      for (const alias of roleAliases(page)) {
        const owners = this.claims.get(alias) ?? new Set();
        if (owners.size > 1 && !this.ids.has(alias)) {
          plan.warn(`${page.file}:${page.role.line}: "${alias}" is a name of ${describeRoles(owners)}`);
        }
      }
    }
  }

  resolve(reference: RoleReference, file: string): string {
    for (const name of [reference.id, ...(reference.alsoKnownAs ?? [])]) {
      if (this.ids.has(name)) return name;
      const owners = [...(this.claims.get(name) ?? [])].sort();
      const [first] = owners;
      if (first === undefined) continue;
      if (owners.length > 1) {
        this.plan.warn(`${file}:${reference.line}: "${reference.name}" could be ${describeRoles(owners)}: read as ${first}`);
      }
      return first;
    }
    return this.mentioned.get(reference.id) ?? reference.id;
  }

  private claim(alias: string, id: string): void {
    if (alias === id) this.ids.add(id);
    const owners = this.claims.get(alias) ?? new Set();
    owners.add(id);
    this.claims.set(alias, owners);
  }
}

function mentions(page: RolePage): RoleReference[] {
  return [...page.transitions.map((transition) => transition.target), ...page.comparisons.map((fact) => fact.role)];
}

function describeRoles(ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  return `${sorted.slice(0, -1).join(', ')} or ${sorted.at(-1)}`;
}

function roleAliases(page: RolePage): string[] {
  const { id, label, title, aliases } = page.role;
  return unique([id, ...[label, title, splitParenthesised(title).name, ...aliases].flatMap(slugAliases)]);
}

function planPage(plan: PlanBuilder, page: RolePage, resolve: (reference: RoleReference) => string): void {
  const { role, file } = page;
  const at = (line: number): Properties => ({ sourceFile: file, sourceLine: line });
  const owned = (label: NodeLabel, key: unknown[], line: number, properties: Properties): string =>
    plan.owned(label, file, key, { ...properties, ...at(line) });

  plan.node('Role', role.id, 'set', {
    title: role.title,
    label: role.label,
    question: role.question,
    summary: role.summary,
    order: typeof page.frontMatter.order === 'number' ? page.frontMatter.order : null,
    aliases: roleAliases(page),
    pageFile: file,
    ...at(role.line),
  });

  for (const item of page.responsibilities) {
    const id = owned('Responsibility', [role.id, item.area, item.text], item.line, { area: item.area, text: item.text });
    plan.relationship('HAS_RESPONSIBILITY', role.id, id, at(item.line));
  }
  for (const [position, skill] of page.skills.entries()) {
    const categoryId = slug(skill.category);
    plan.node('Skill', skill.id, 'create-if-missing', { name: skill.name, aliases: slugAliases(skill.name), ...at(skill.line) });
    plan.node('SkillCategory', categoryId, 'create-if-missing', { name: skill.category, ...at(skill.line) });
    // A table row states several skills on one line: the position keeps the page's order.
    plan.relationship('REQUIRES_SKILL', role.id, skill.id, { category: skill.category, position, ...at(skill.line) });
    plan.relationship('IN_CATEGORY', skill.id, categoryId, at(skill.line));
  }
  for (const item of page.activities) {
    const id = owned('Activity', [role.id, item.slot, item.text], item.line, { slot: item.slot, text: item.text });
    plan.relationship('HAS_ACTIVITY', role.id, id, at(item.line));
  }
  for (const item of page.scope) {
    const id = owned('ScopeItem', [role.id, item.key], item.line, { key: item.key, value: item.value });
    plan.relationship('HAS_SCOPE', role.id, id, at(item.line));
  }
  for (const fact of page.comparisons) {
    const subject = referencedRole(plan, fact.role, resolve, file);
    const id = owned('ComparisonFact', [subject, fact.table, fact.dimension], fact.line, {
      table: fact.table,
      dimension: fact.dimension,
      value: fact.value,
    });
    plan.relationship('HAS_FACT', subject, id, at(fact.line));
  }
  for (const section of page.sections) {
    const id = owned('Section', [role.id, section.heading, section.text], section.line, { heading: section.heading, text: section.text });
    plan.relationship('HAS_SECTION', role.id, id, at(section.line));
  }
  const targets = new Map<string, number>();
  for (const transition of page.transitions) {
    const target = referencedRole(plan, transition.target, resolve, file);
    const earlier = targets.get(target);
    if (earlier !== undefined) {
      throw new PageFormatError(file, transition.line, `a second transition to "${target}" (the first is at line ${earlier})`);
    }
    targets.set(target, transition.line);
    planTransition(plan, role.id, target, transition, owned, at);
  }
}

function planTransition(
  plan: PlanBuilder,
  from: string,
  to: string,
  transition: Transition,
  owned: (label: NodeLabel, key: unknown[], line: number, properties: Properties) => string,
  at: (line: number) => Properties,
): void {
  const id = `${from}-to-${to}`;
  const timeline = transition.timeline;
  const years = {
    minYears: timeline?.minYears ?? null,
    maxYears: timeline?.maxYears ?? null,
    openEnded: timeline?.openEnded ?? false,
  };
  plan.node('Transition', id, 'set', { timelineText: timeline?.text ?? null, ...years, ...at(transition.line) });
  plan.relationship('HAS_TRANSITION', from, id, at(transition.line));
  plan.relationship('LEADS_TO', id, to, at(transition.line));
  plan.relationship('TRANSITIONS_TO', from, to, { transitionId: id, ...years, ...at(transition.line) });

  for (const shift of transition.shifts) {
    const shiftId = owned('Shift', [id, shift.from, shift.to], shift.line, { from: shift.from, to: shift.to });
    plan.relationship('REQUIRES_SHIFT', id, shiftId, at(shift.line));
  }
  for (const action of transition.actions) {
    const actionId = owned('Action', [id, action.title], action.line, {
      title: action.title,
      bullets: action.bullets,
      bulletLines: action.bulletLines,
      example: action.example,
      exampleLine: action.exampleLine,
    });
    plan.relationship('HAS_ACTION', id, actionId, at(action.line));
  }
  for (const pitfall of transition.pitfalls) {
    const pitfallId = owned('Pitfall', [id, pitfall.text], pitfall.line, { text: pitfall.text });
    plan.relationship('HAS_PITFALL', id, pitfallId, at(pitfall.line));
  }
  for (const indicator of transition.readiness) {
    const indicatorId = owned('ReadinessIndicator', [id, indicator.text], indicator.line, { text: indicator.text });
    plan.relationship('HAS_INDICATOR', id, indicatorId, at(indicator.line));
  }
}

/** A role that a page names without defining it: created from the name if no page or import has it yet. */
function referencedRole(plan: PlanBuilder, reference: RoleReference, resolve: (reference: RoleReference) => string, file: string): string {
  const id = resolve(reference);
  const { name } = splitParenthesised(reference.name);
  const aliases = unique([reference.id, ...slugAliases(name), ...(reference.alsoKnownAs ?? [])]);
  plan.mentionRole(id, name, aliases, { sourceFile: file, sourceLine: reference.line }, reference.id === id);
  return id;
}

class PlanBuilder {
  private readonly nodes = new Map<string, PlannedNode>();
  private readonly relationships = new Map<string, PlannedRelationship>();
  private readonly warnings = new Set<string>();
  /** Roles so far only mentioned by another of their names, as "VPE": a mention by the name of their id renames them. */
  private readonly namedByAlias = new Set<string>();

  constructor(private readonly files: string[]) {}

  /** The first statement of a node wins, except that a page's own `set` of its role beats a mere mention. */
  node(label: NodeLabel, id: string, mode: PlannedNode['mode'], properties: Properties): void {
    const key = `${label}:${id}`;
    const existing = this.nodes.get(key);
    if (existing && !(existing.mode === 'create-if-missing' && mode === 'set')) return;
    this.nodes.set(key, { label, id, mode, properties: { id, ...properties } });
  }

  /**
   * A role a page names without defining it. Every name it is mentioned by is an alias; its title is the name
   * its id comes from ("VP of Engineering", not "VPE") when a page uses that name.
   */
  mentionRole(id: string, title: string, aliases: string[], at: Properties, byIdName: boolean): void {
    const existing = this.nodes.get(`Role:${id}`);
    if (existing === undefined) {
      this.node('Role', id, 'create-if-missing', { title, aliases, ...at });
      if (!byIdName) this.namedByAlias.add(id);
      return;
    }
    if (existing.mode === 'set') return;
    existing.properties.aliases = unique([...((existing.properties.aliases as string[] | undefined) ?? []), ...aliases]);
    if (byIdName && this.namedByAlias.delete(id)) Object.assign(existing.properties, { title, ...at });
  }

  /** An owned node's id is a digest of its file and identifying content; a repeat on the same page is numbered. */
  owned(label: NodeLabel, file: string, key: unknown[], properties: Properties): string {
    const base = `${label.toLowerCase()}-${createHash('sha1').update(JSON.stringify([file, ...key])).digest('hex').slice(0, 16)}`;
    let id = base;
    for (let repeat = 2; this.nodes.has(`${label}:${id}`); repeat += 1) id = `${base}-${repeat}`;
    this.node(label, id, 'set', properties);
    return id;
  }

  relationship(type: RelationshipType, from: string, to: string, properties: Properties): void {
    const key = `${type}:${from}:${to}:${String(properties.sourceFile)}`;
    if (!this.relationships.has(key)) this.relationships.set(key, { type, from, to, properties });
  }

  warn(message: string): void {
    this.warnings.add(message);
  }

  build(): GraphPlan {
    return {
      files: this.files,
      nodes: [...this.nodes.values()],
      relationships: [...this.relationships.values()],
      warnings: [...this.warnings],
    };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
