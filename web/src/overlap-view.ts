import { ApiUnreachableError, graphql } from './api.js';
import { h } from './dom.js';

interface OverlapCell {
  a: string;
  b: string;
  jaccard: number;
  sharedCount: number;
}

interface OverlapData {
  overlapMatrix: { roles: { id: string; title: string; label: string | null; skills: { id: string; name: string }[] }[]; cells: OverlapCell[] };
}

// The shared skills of a cell are those of both its roles' lists: the same sets the matrix compares, in the same
// answer, so hovering needs no further request.
const overlapQuery = `query Overlap($roles: [ID!]) {
  overlapMatrix(roles: $roles) {
    roles { id title label skills { id name } }
    cells { a b jaccard sharedCount }
  }
}`;

/** The roles the heatmap compares, and what to call them. */
export interface OverlapSet {
  /** e.g. "All 6 roles", "The Data cluster (first 40 of 75)". */
  caption: string;
  /** Role ids; null: the set still has to be chosen (the answer then says how). */
  roles: string[] | null;
  /** The role whose most similar roles to ask the API for, instead of `roles`. */
  similarTo?: string;
  /** Whether to order rows so that similar roles sit together (for a chosen set; a whole small ladder keeps its levels). */
  seriate: boolean;
}

/** At most this many rows: 1,600 cells, each still large enough to read and to hover. */
export const maxOverlapRoles = 40;

const similarQuery = `query Similar($to: ID!, $first: Int!) {
  similarRoles(to: $to, first: $first) { role { id } }
}`;

/** The heatmap of how much each two roles' skills overlap, for a chosen set of roles, with the shared skills of the cell in focus. */
export class OverlapView {
  private shown: string | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly heading: HTMLElement,
    private readonly choose: () => Node,
  ) {}

  /** Loads and draws the heatmap of the set, unless it is already shown; after a failure, the next call tries again. */
  show(set: OverlapSet): Promise<void> {
    const key = JSON.stringify(set);
    if (this.shown === key && this.loading) return this.loading;
    this.shown = key;
    this.heading.textContent = `Skill overlap: ${set.caption}`;
    if (!set.roles && !set.similarTo) {
      this.container.replaceChildren(this.choose());
      this.loading = Promise.resolve();
      return this.loading;
    }
    const loading = this.load(set).catch((error: unknown) => {
      if (this.shown !== key) return;
      this.shown = null;
      const reason = error instanceof ApiUnreachableError ? `${error.message} Check that the server is running (npm start).` : error instanceof Error ? error.message : String(error);
      this.container.replaceChildren(
        h('p', { class: 'error', role: 'alert' }, `The skill overlap could not be loaded. ${reason}`),
        h('button', { type: 'button', class: 'retry', onclick: () => void this.show(set) }, 'Try again'),
      );
    });
    this.loading = loading;
    return loading;
  }

  private async load(set: OverlapSet): Promise<void> {
    const key = this.shown;
    this.container.replaceChildren(h('p', { class: 'loading' }, 'Loading the skill overlap…'));
    let roles = set.roles ?? [];
    if (set.similarTo) {
      const { similarRoles } = await graphql<{ similarRoles: { role: { id: string } }[] }>(similarQuery, { to: set.similarTo, first: maxOverlapRoles - 1 });
      roles = [set.similarTo, ...similarRoles.map((similar) => similar.role.id)];
    }
    const answer = await graphql<OverlapData>(overlapQuery, { roles: roles.slice(0, maxOverlapRoles) });
    if (this.shown === key) this.draw(answer, set.seriate);
  }

  private draw({ overlapMatrix }: OverlapData, seriate: boolean): void {
    const roles = new Map(overlapMatrix.roles.map((role) => [role.id, role]));
    const cells = new Map(overlapMatrix.cells.map((cell) => [`${cell.a} ${cell.b}`, cell]));
    const ids = overlapMatrix.roles.map((role) => role.id);
    const order = seriate ? seriation(ids, (a, b) => cells.get(`${a} ${b}`)?.jaccard ?? 0) : ids;
    const nameOf = (id: string) => roles.get(id)?.label ?? roles.get(id)?.title ?? id;
    const details = h('div', { class: 'overlap-details', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Hover or focus a cell to list the skills its two roles share.'));
    const buttons: HTMLButtonElement[][] = [];

    const select = (button: HTMLButtonElement, cell: OverlapCell) => {
      for (const other of buttons.flat()) other.setAttribute('aria-pressed', String(other === button));
      const inB = new Set(roles.get(cell.b)?.skills.map((skill) => skill.id));
      // A role may list a skill under two categories: each shared skill once.
      const shared = [...new Map(roles.get(cell.a)?.skills.filter((skill) => inB.has(skill.id)).map((skill) => [skill.id, skill])).values()];
      details.replaceChildren(
        h('h3', {}, cell.a === cell.b ? nameOf(cell.a) : `${nameOf(cell.a)} and ${nameOf(cell.b)}`),
        h('p', {}, `${cell.sharedCount} shared ${cell.sharedCount === 1 ? 'skill' : 'skills'} · Jaccard ${cell.jaccard.toFixed(2)}`),
        shared.length ? h('ul', { class: 'chips shared-skills' }, shared.map((skill) => h('li', {}, skill.name))) : h('p', { class: 'none' }, 'They share no skill.'),
      );
    };

    const rows = order.map((a, row) =>
      h('tr', {}, h('th', { scope: 'row' }, nameOf(a)), order.map((b, column) => {
        const cell = cells.get(`${a} ${b}`) ?? { a, b, jaccard: 0, sharedCount: 0 };
        const button = h('button', {
          type: 'button',
          tabindex: row === 0 && column === 0 ? '0' : '-1',
          'aria-pressed': 'false',
          'aria-label': `${nameOf(a)} and ${nameOf(b)}: Jaccard ${cell.jaccard.toFixed(2)}, ${cell.sharedCount} shared skills`,
          style: `background:${heat(cell.jaccard)};color:${cell.jaccard > 0.55 ? '#fff' : '#111827'}`,
        }, cell.jaccard.toFixed(2));
        for (const event of ['mouseenter', 'focus', 'click']) button.addEventListener(event, () => select(button, cell));
        (buttons[row] ??= [])[column] = button;
        return h('td', {}, button);
      })),
    );

    const table = h('table', { class: 'heatmap' },
      h('caption', { class: 'visually-hidden' }, 'Skill overlap between roles (Jaccard index): rows and columns are roles. Arrow keys move between cells.'),
      h('thead', {}, h('tr', {}, h('td', {}), order.map((id) => h('th', { scope: 'col' }, h('span', {}, nameOf(id)))))),
      h('tbody', {}, rows),
    );
    table.addEventListener('keydown', (event) => moveFocus(event, buttons));
    const scale = h('div', { class: 'scale', 'aria-hidden': 'true' }, '0', h('span', { class: 'scale-bar', style: `background:linear-gradient(to right, ${heat(0)}, ${heat(0.5)}, ${heat(1)})` }), '1');
    this.container.replaceChildren(h('div', { class: 'heatmap-scroll' }, table, scale), details);
  }
}

/**
 * An order in which similar roles sit side by side, so that clusters show as blocks along the diagonal: start
 * from the role most like the others, then always take the remaining role most like the last one taken.
 */
export function seriation(ids: string[], similarity: (a: string, b: string) => number): string[] {
  const total = (id: string) => ids.reduce((sum, other) => sum + (other === id ? 0 : similarity(id, other)), 0);
  const left = new Set(ids);
  const first = [...left].sort((a, b) => total(b) - total(a))[0];
  if (first === undefined) return [];
  const order = [first];
  left.delete(first);
  while (left.size) {
    const last = order[order.length - 1] as string;
    let next = '';
    let best = -1;
    for (const candidate of left) {
      const value = similarity(last, candidate);
      if (value > best) [next, best] = [candidate, value];
    }
    order.push(next);
    left.delete(next);
  }
  return order;
}

/** Arrow keys move through the grid, which is one stop in the tab order. */
function moveFocus(event: KeyboardEvent, buttons: HTMLButtonElement[][]): void {
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const move = moves[event.key];
  const row = buttons.findIndex((cells) => cells.includes(event.target as HTMLButtonElement));
  if (!move || row < 0) return;
  const column = (buttons[row] ?? []).indexOf(event.target as HTMLButtonElement);
  const next = buttons[row + move[0]]?.[column + move[1]];
  if (!next) return;
  event.preventDefault();
  for (const button of buttons.flat()) button.tabIndex = button === next ? 0 : -1;
  next.focus();
}

/** From near-white at 0 to deep blue at 1, lightness falling evenly so that steps read as steps. */
function heat(jaccard: number): string {
  const t = Math.min(1, Math.max(0, jaccard));
  return `hsl(${215 + 10 * t} ${40 + 45 * t}% ${97 - 65 * t}%)`;
}
