import { yearsLabel } from '../../src/career-map/years-label.js';
import { h } from './dom.js';
import type { ComparisonFact, Development, Evidence, MapCluster, Path, PathsData, PathStep, RoleDetails, RoleRef, SkillDelta, SkillItem } from './queries.js';

/** What the side panel shows: a heading, the body under it, and a sentence for screen readers to announce. */
export interface PanelContent {
  title: string;
  announce: string;
  /** Nulls stand for parts a role has nothing to show in. */
  body: (Node | null)[];
  /** Words above the heading, such as the role's level. */
  eyebrow?: string;
  busy?: boolean;
}

export interface RoleActions {
  openRole(id: string): void;
  setStart(id: string): void;
  setGoal(id: string): void;
  close(): void;
  /** Shows only the roles up to that many transitions away, either way. */
  showNear(id: string, steps: number): void;
  showCluster(id: string): void;
}

/** Where the role sits on a large map, for the buttons that narrow the map to it. */
export interface RolePlace {
  cluster: MapCluster | null;
  near: { steps: number } | null;
  focusedCluster: string | null;
}

/** While an answer is on its way: the heading already names what is coming, the text says it is loading. */
export function loadingPanel(title: string, what: string = title): PanelContent {
  return { title, announce: `Loading ${what}…`, body: [h('p', { class: 'loading' }, `Loading ${what}…`)], busy: true };
}

/** What to do next, given the start and the goal chosen so far (their names), with the clusters of a large map. */
export function introPanel(from: string | null, to: string | null, overview: { clusters: MapCluster[]; roles: number; showCluster(id: string): void } | null = null): PanelContent {
  if (from || to) {
    const chosen = from ? `Starting from ${from}.` : `Aiming for ${to}.`;
    const next = from ? 'Now choose a goal' : 'Now choose a start';
    return {
      title: from ? `From ${from}` : `To ${to}`,
      announce: `${chosen} ${next}.`,
      body: [h('p', {}, chosen), h('p', {}, `${next}: in the ${from ? 'Goal' : 'Start'} list above, or click a role on the map and use its button.`)],
    };
  }
  return {
    title: 'Explore the ladder',
    announce: 'The career map is ready.',
    body: [
      h('p', {}, 'Click a role on the map, or search for one in the Role field, to see its question, responsibilities, skills and where it leads.'),
      h('p', {}, 'Choose a Start and a Goal to highlight every path between them, with what each step takes and the skills it changes.'),
      overview ? clusterOverview(overview.clusters, overview.roles, overview.showCluster) : null,
    ],
  };
}

/** The overview of a large map: each cluster with its roles per level, and a button that shows only it. */
function clusterOverview(clusters: MapCluster[], roles: number, showCluster: (id: string) => void): HTMLElement {
  const levels = [...new Set(clusters.flatMap((cluster) => cluster.levels.map((entry) => entry.level)))].sort((a, b) => a - b);
  return h('section', { class: 'panel-section', 'data-section': 'clusters' },
    h('h3', {}, 'Clusters ', h('span', { class: 'count' }, `(${clusters.length})`)),
    h('p', {}, `${count(roles, 'role')} in ${count(clusters.length, 'cluster')}: roles that transitions mostly join, such as a job family. Roles per level:`),
    h('div', { class: 'table-scroll' }, h('table', { class: 'cluster-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Cluster'), h('th', { scope: 'col' }, 'Roles'), levels.map((level) => h('th', { scope: 'col' }, `L${level}`)))),
      h('tbody', {}, clusters.map((cluster) => h('tr', {},
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => showCluster(cluster.id), 'aria-label': `Show the ${cluster.name} cluster only` }, cluster.name)),
        h('td', {}, String(cluster.size)),
        levels.map((level) => h('td', {}, String(cluster.levels.find((entry) => entry.level === level)?.count ?? ''))),
      ))),
    )),
  );
}

export function rolePanel(role: RoleDetails, actions: RoleActions, state: { from: string | null; to: string | null }, place: RolePlace | null = null): PanelContent {
  const name = role.label ?? role.title;
  const cite = citer(role);
  return {
    title: role.title,
    eyebrow: `Level ${role.level} · ${role.hasPage ? 'described by its own page' : 'known only from other pages'}`,
    announce: `${role.title}: ${count(role.skills.length, 'skill')}, ${count(role.transitionsOut.length, 'transition')} onward.`,
    body: [
      h('div', { class: 'panel-actions' },
        h('button', { type: 'button', onclick: () => actions.setStart(role.id), 'aria-pressed': String(state.from === role.id) }, `Start from ${name}`),
        h('button', { type: 'button', onclick: () => actions.setGoal(role.id), 'aria-pressed': String(state.to === role.id) }, `Aim for ${name}`),
        h('button', { type: 'button', class: 'quiet', onclick: () => actions.close() }, 'Close'),
      ),
      place ? focusButtons(role, name, place, actions) : null,
      role.question ? h('p', { class: 'question' }, `“${role.question}”`) : null,
      role.summary ? h('p', { class: 'summary' }, role.summary) : null,
      section('Responsibilities', role.responsibilities.length, groupBy(role.responsibilities, (item) => item.area).map(([area, items]) =>
        h('div', { class: 'group' }, h('h4', {}, area), h('ul', {}, items.map((item) => h('li', {}, item.text, cite(item.source))))),
      ), { name: 'responsibilities' }),
      section('Skills', role.skills.length, [
        role.profile === 'INFERRED'
          ? h('p', { class: 'hint profile' }, 'Inferred profile: no page of its own lists its skills, so this set is partial. Each skill says where it comes from.')
          : null,
        ...groupBy(role.skills, (skill) => skill.category ?? 'Other').map(([category, skills]) => h('div', { class: 'group' }, h('h4', {}, category), chips(skills))),
      ].filter((part) => part !== null), { name: 'skills' }),
      section('Scope', role.scope.length, [h('dl', { class: 'facts' }, role.scope.flatMap((item) => [h('dt', {}, item.key), h('dd', {}, item.value, cite(item.source))]))]),
      section('Comparisons', role.comparisons.length, groupBy(role.comparisons, (fact) => fact.table).map(([table, facts]) =>
        h('div', { class: 'group' }, h('h4', {}, table), h('dl', { class: 'facts' }, groupBy(facts, (fact) => fact.dimension).flatMap(([dimension, stated]) => [
          h('dt', {}, dimension),
          comparisonValue(stated, cite),
        ]))),
      ), { name: 'comparisons' }),
      section('Transitions out', role.transitionsOut.length, [
        h('ul', { class: 'transitions' }, role.transitionsOut.map((transition) =>
          h('li', {},
            h('button', { type: 'button', class: 'link', onclick: () => actions.openRole(transition.to.id) }, `→ ${transition.to.title}`),
            ' ',
            h('span', { class: 'years' }, yearsLabel(transition.timeline.minYears, transition.timeline.maxYears, transition.timeline.openEnded) ?? 'no years stated'),
            transition.timeline.text ? h('p', { class: 'timeline' }, transition.timeline.text) : null,
          ),
        )),
      ], { empty: 'None: this role is the top of its ladder.' }),
    ],
  };
}

export function pathsPanel(from: RoleRef, to: RoleRef, { paths, truncated }: PathsData['transitionPlan']): PanelContent {
  const title = `${nameOf(from)} → ${nameOf(to)}`;
  if (paths.length === 0) {
    return {
      title,
      announce: `No path leads from ${from.title} to ${to.title}.`,
      body: [h('p', {}, `No path of transitions leads from ${from.title} to ${to.title}. Try another start or goal: arrows on the map point the way a career moves.`)],
    };
  }
  const summary = `${truncated ? `The ${count(paths.length, 'shortest path')} of more` : count(paths.length, 'path')} from ${from.title} to ${to.title}.`;
  return {
    title,
    eyebrow: 'Paths',
    announce: summary,
    body: [h('p', {}, summary), ...paths.map((path, index) => pathSection(path, index, paths.length, to))],
  };
}

export function notFoundPanel(id: string, what: string, suggestions: { id: string; name: string }[], choose: (id: string) => void): PanelContent {
  return {
    title: `No role “${id}”`,
    announce: `There is no role “${id}”.${suggestions.length ? ` Did you mean ${suggestions.map((s) => s.name).join(' or ')}?` : ''}`,
    body: [
      h('p', {}, `The link asks for the ${what} “${id}”, but the career graph has no role with that id.`),
      suggestions.length
        ? h('div', {}, h('p', {}, 'Did you mean:'), h('ul', { class: 'suggestions' }, suggestions.map((s) =>
            h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => choose(s.id) }, s.name), ` (${s.id})`),
          )))
        : h('p', {}, 'Choose a role in the lists above instead.'),
    ],
  };
}

export function errorPanel(title: string, message: string, retry: () => void): PanelContent {
  return {
    title,
    announce: `${title}. ${message}`,
    body: [h('p', { class: 'error' }, message), h('button', { type: 'button', onclick: retry }, 'Try again')],
  };
}

function pathSection(path: Path, index: number, total: number, to: RoleRef): HTMLElement {
  const years = yearsLabel(path.years.min, path.years.max, path.years.openEnded) ?? 'no years stated';
  const heading = total > 1 ? `Path ${index + 1}: ` : 'Path: ';
  return h('section', { class: 'path', 'aria-label': `Path ${index + 1}` },
    h('h3', {}, heading, path.roles.map(nameOf).join(' → ')),
    h('p', { class: 'path-facts' }, `${count(path.hops, 'step')} · ${years}`),
    h('h4', {}, 'Skills over the whole path'),
    delta(path.skillDelta, 'cumulative', to),
    h('ol', { class: 'steps' }, path.steps.map((step, stepIndex) => h('li', {}, stepDetails(step, stepIndex, index === 0)))),
  );
}

function stepDetails(step: PathStep, index: number, open: boolean): HTMLElement {
  const years = yearsLabel(step.timeline.minYears, step.timeline.maxYears, step.timeline.openEnded) ?? 'no years stated';
  return h('details', { class: 'step', open },
    h('summary', {}, h('span', { class: 'step-title' }, `Step ${index + 1}: ${nameOf(step.from)} → ${nameOf(step.to)}`), h('span', { class: 'years' }, years)),
    step.shifts.length
      ? h('div', { class: 'group' }, h('h4', {}, 'Shifts'), h('ul', { class: 'shifts' }, step.shifts.map((shift) => h('li', {}, h('span', {}, shift.from), ' → ', h('strong', {}, shift.to)))))
      : null,
    step.actions.length
      ? h('div', { class: 'group' }, h('h4', {}, 'Actions'), h('ul', {}, step.actions.map((action) =>
          h('li', {}, h('strong', {}, action.title), action.bullets.length ? h('ul', {}, action.bullets.map((bullet) => h('li', {}, bullet))) : null),
        )))
      : null,
    step.develops.length
      ? h('div', { class: 'group', 'data-section': 'develops' }, h('h4', {}, 'Develops'), h('ul', { class: 'develops' }, step.develops.map(development)))
      : null,
    h('h4', {}, 'Skill delta'),
    delta(step.skillDelta, 'step', step.to),
  );
}

/** A skill or capability a step develops, with the sentences it is inferred from behind a disclosure. */
function development(item: Development): HTMLElement {
  return h('li', {}, h('details', { class: 'evidence' },
    h('summary', {}, h('span', { class: 'skill-name' }, item.capability), item.skill ? null : h('span', { class: 'basis' }, ' · a capability no skill list names')),
    evidenceList(item.evidence),
  ));
}

function delta(skills: SkillDelta, kind: 'step' | 'cumulative', target: RoleRef): HTMLElement {
  const part = (name: string, className: string, items: SkillItem[], open: boolean, note: string | null = null) =>
    h('details', { class: `delta-part ${className}`, open },
      h('summary', {}, `${name} (${items.length})`),
      note && items.length ? h('p', { class: 'hint' }, note) : null,
      items.length ? chips(items) : h('p', { class: 'none' }, 'None.'),
    );
  const inferred = skills.targetProfile === 'INFERRED';
  return h('div', { class: `delta ${kind}`, 'data-delta': kind },
    inferred
      ? h('p', { class: 'hint profile' }, `${nameOf(target)}'s profile is inferred: no page of its own lists its skills, so the pages drop nothing for sure.`)
      : null,
    part('Gained', 'gained', skills.gained, true),
    part('Retained', 'retained', skills.retained, false),
    // Closed: a list of losses is read as a verdict; only what a page or a curator states is in it, and its count is in sight.
    part('Dropped', 'dropped', skills.dropped, false),
    inferred || skills.unstated.length
      ? part('Not stated', 'unstated', skills.unstated, false, `No page says whether ${nameOf(target)} needs these.`)
      : null,
  );
}

/**
 * What one dimension of a comparison says about the role: one value with the pages that state it, or, when
 * pages disagree, each value with its page, marked as a disagreement rather than listed twice.
 */
function comparisonValue(stated: ComparisonFact[], cite: (source: string, always?: boolean) => HTMLElement | null): HTMLElement {
  const values = groupBy(stated, (fact) => fact.value.trim().replace(/\s+/g, ' '));
  const sources = (facts: ComparisonFact[]) => facts.map((fact) => cite(fact.source, true));
  if (values.length === 1) {
    const [[value, facts]] = values as [[string, ComparisonFact[]]];
    return h('dd', {}, value, sources(facts));
  }
  return h('dd', { class: 'disagreement' },
    h('p', { class: 'disagree-note' }, `The pages disagree (${values.length} values):`),
    h('ul', {}, values.map(([value, facts]) => h('li', {}, value, sources(facts)))),
  );
}

/**
 * Names the page that states a fact, when it is not the role's own page (or always, with `always`):
 * "from vp.md, line 88".
 */
function citer(role: RoleDetails): (source: string, always?: boolean) => HTMLElement | null {
  const own = role.hasPage ? fileOf(role.source) : null;
  return (source, always = false) => {
    const file = fileOf(source);
    if (file === own && !always) return null;
    const line = /:(\d+)$/.exec(source)?.[1];
    const where = file === 'api' ? 'a curator' : file === own ? 'its own page' : baseName(file);
    return h('cite', { class: 'source', title: source }, ` ${file === 'api' ? 'by' : 'from'} ${where}${line ? `, line ${line}` : ''}`);
  };
}

function fileOf(source: string): string {
  return source.replace(/:\d+$/, '');
}

function baseName(file: string): string {
  return file.split('/').pop() ?? file;
}

function focusButtons(role: RoleDetails, name: string, place: RolePlace, actions: RoleActions): HTMLElement {
  return h('div', { class: 'panel-actions focus-actions', role: 'group', 'aria-label': `What the map shows around ${name}` },
    h('span', { class: 'focus-label' }, 'Show on the map:'),
    [1, 2, 3].map((steps) => h('button', {
      type: 'button',
      class: 'quiet',
      'aria-pressed': String(place.near?.steps === steps),
      onclick: () => actions.showNear(role.id, steps),
    }, `${count(steps, 'step')} around`)),
    place.cluster
      ? h('button', { type: 'button', class: 'quiet', 'aria-pressed': String(place.focusedCluster === place.cluster.id), onclick: () => actions.showCluster((place.cluster as MapCluster).id) },
          `Its cluster: ${place.cluster.name}`)
      : null,
  );
}

function section(title: string, size: number, content: Node[], { name, empty = 'None stated.' }: { name?: string; empty?: string } = {}): HTMLElement {
  return h('section', { class: 'panel-section', 'data-section': name },
    h('h3', {}, `${title} `, h('span', { class: 'count' }, `(${size})`)),
    size ? content : h('p', { class: 'none' }, empty),
  );
}

/** Skills with, where a role lists them, why it has them: stated, inherited from a role, or developed (with its sentences). */
function chips(skills: SkillItem[]): HTMLElement {
  return h('ul', { class: 'chips' }, skills.map((skill) => h('li', { 'data-basis': skill.basis?.toLowerCase() },
    skill.basis === 'DEVELOPED'
      ? h('details', { class: 'evidence' }, h('summary', {}, h('span', { class: 'skill-name' }, skill.name), basisLabel(skill)), evidenceList(skill.evidence))
      : [h('span', { class: 'skill-name' }, skill.name), basisLabel(skill)],
  )));
}

function basisLabel(skill: SkillItem): HTMLElement | null {
  if (!skill.basis) return null;
  const label = skill.basis === 'INHERITED'
    ? `inherited from ${skill.inheritedFrom.map(nameOf).join(' and ') || 'the roles leading here'}`
    : skill.basis.toLowerCase();
  return h('span', { class: `basis ${skill.basis.toLowerCase()}` }, ` · ${label}`);
}

function evidenceList(evidence: Evidence[]): HTMLElement {
  return h('ul', { class: 'evidence-list' }, evidence.map((item) => h('li', {},
    h('q', {}, item.text),
    h('cite', { class: 'source', title: `${item.file}${item.line ? `:${item.line}` : ''}` }, ` ${baseName(item.file)}${item.line ? `, line ${item.line}` : ''}`),
  )));
}

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

function nameOf(role: RoleRef): string {
  return role.label ?? role.title;
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
