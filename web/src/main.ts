import './styles.css';
import { ApiAnswerError, ApiUnreachableError, graphql } from './api.js';
import { byId, h } from './dom.js';
import { screenful } from '../../src/career-map/screenful.js';
import { GraphView } from './graph-view.js';
import { maxOverlapRoles, OverlapView, type OverlapSet } from './overlap-view.js';
import { errorPanel, introPanel, loadingPanel, notFoundPanel, pathsPanel, rolePanel, type PanelContent, type RolePlace } from './panel.js';
import { careerMapQuery, pathsQuery, roleQuery, type CareerMapData, type MapNode, type Path, type PathsData, type RoleData } from './queries.js';
import { readState, writeState, type PageState, type View } from './url-state.js';

const roleInput = byId<HTMLInputElement>('role-input');
const fromInput = byId<HTMLInputElement>('from-input');
const toInput = byId<HTMLInputElement>('to-input');
const roleNames = byId<HTMLDataListElement>('role-names');
const searchMessage = byId('search-message');
const mapView = byId('map-view');
const mapMessage = byId('map-message');
const focusBar = byId('focus-bar');
const overlapView = byId('overlap-view');
const panel = byId('panel');
const panelBody = byId('panel-body');
const panelStatus = byId('panel-status');
const fullScreenButton = byId<HTMLButtonElement>('map-full');
const viewButtons = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-view]'));

let state = readState(location.search);
let map: CareerMapData['careerMap'] = { nodes: [], edges: [], clusters: [] };
let nodes: MapNode[] = [];
let byNode = new Map<string, MapNode>();
/** What a person types or picks in a Role, Start or Goal field, to the role's id. */
let idByName = new Map<string, string>();
let nameById = new Map<string, string>();
const graph = new GraphView(byId('map'), (id) => navigate({ role: id }, 'focus'), (cluster) => navigate({ cluster, near: null }, 'none'));
const overlap = new OverlapView(byId('overlap'), byId('overlap-heading'), () => chooseOverlapSet());

/** Answers by operation and variables; a failed one is forgotten, so that trying again asks again. */
const answers = new Map<string, Promise<unknown>>();
function cached<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const key = JSON.stringify([query, variables]);
  let answer = answers.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = graphql<T>(query, variables);
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
  }
  return answer;
}

/**
 * How a change brings the panel to the person who made it: focus moves to its heading after a click on the
 * map or in the panel, whose element is gone; after a choice in a list, focus stays in the list, and a panel
 * below the screen (on a phone) is scrolled into sight.
 */
type Reveal = 'focus' | 'scroll' | 'none';

function navigate(change: Partial<PageState>, reveal: Reveal = 'none'): void {
  state = { ...state, ...change };
  history.pushState(null, '', writeState(state) || location.pathname);
  void render(reveal);
}

let renders = 0;

/** Brings the page in line with the state; an answer that arrives after a newer render is dropped. */
async function render(reveal: Reveal = 'none'): Promise<void> {
  const current = ++renders;
  const stale = () => current !== renders;
  syncControls();
  if (!nodes.length) return;
  const focus = focusSet();
  graph.show({ ...state, paths: null, focus, goTo: goToOf(null, focus) });
  showFocusBar(focus);
  if (state.view === 'overlap') void overlap.show(overlapSet(null));

  const paths = state.from && state.to ? cached<PathsData>(pathsQuery, { from: state.from, to: state.to }) : null;
  if (state.role) {
    const id = state.role;
    showPanel(loadingPanel(nameOf(id)));
    try {
      const { role } = await cached<RoleData>(roleQuery, { id });
      if (!stale()) showPanel(rolePanel(role, roleActions, state, placeOf(id)), reveal);
    } catch (error) {
      const choose = (suggestion: string) => navigate({ role: suggestion }, 'focus');
      if (!stale()) showPanel(failurePanel(error, retryRender, { id, what: 'role', choose }), reveal);
    }
  } else if (!paths) {
    const overview = map.clusters.length > 1 ? { clusters: map.clusters, roles: nodes.length, showCluster: (cluster: string) => navigate({ cluster, near: null }) } : null;
    showPanel(introPanel(state.from ? nameOf(state.from) : null, state.to ? nameOf(state.to) : null, overview), reveal);
  }

  if (!paths) return;
  const { from, to } = state as { from: string; to: string };
  if (!state.role) showPanel(loadingPanel(`${nameOf(from)} → ${nameOf(to)}`, `the paths from ${nameOf(from)} to ${nameOf(to)}`));
  try {
    const { transitionPlan } = await paths;
    if (stale()) return;
    const highlighted = onPaths(transitionPlan.paths);
    graph.show({ ...state, paths: highlighted, focus, goTo: goToOf(highlighted, focus) });
    if (state.view === 'overlap') void overlap.show(overlapSet(highlighted));
    if (!state.role) showPanel(pathsPanel(refOf(from), refOf(to), transitionPlan), reveal);
  } catch (error) {
    if (stale() || state.role) return;
    const goalUnknown = error instanceof ApiAnswerError && !error.notFound(from) && error.notFound(to);
    const lookup = goalUnknown
      ? { id: to, what: 'goal', choose: (suggestion: string) => navigate({ to: suggestion }, 'focus') }
      : { id: from, what: 'start', choose: (suggestion: string) => navigate({ from: suggestion }, 'focus') };
    showPanel(failurePanel(error, retryRender, lookup), reveal);
  }
}

const roleActions = {
  openRole: (id: string) => navigate({ role: id }, 'focus'),
  setStart: (id: string) => navigate({ from: id, role: null }, 'focus'),
  setGoal: (id: string) => navigate({ to: id, role: null }, 'focus'),
  close: () => closeRole(),
  showNear: (id: string, steps: number) => navigate({ near: id, steps, cluster: null }),
  showCluster: (cluster: string) => navigate({ cluster, near: null }),
};

/** The roles up to `steps` transitions from the chosen one, either way, or those of the chosen cluster. */
function focusSet(): Set<string> | null {
  if (state.near && byNode.has(state.near)) {
    const neighbours = new Map<string, string[]>();
    for (const edge of map.edges) {
      neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
      neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
    }
    const reached = new Set([state.near]);
    let frontier = [state.near];
    for (let step = 0; step < state.steps; step += 1) {
      frontier = frontier.flatMap((id) => neighbours.get(id) ?? []).filter((id) => !reached.has(id));
      for (const id of frontier) reached.add(id);
    }
    return reached;
  }
  if (state.cluster) {
    const members = nodes.filter((node) => node.cluster === state.cluster).map((node) => node.id);
    return members.length ? new Set(members) : null;
  }
  return null;
}

/**
 * What the camera goes to: the paths or the focus, with the role in the panel; else the role; else the start
 * or the goal chosen so far. Null leaves the camera as the person set it.
 */
function goToOf(paths: { roles: Set<string> } | null, focus: Set<string> | null): string[] | null {
  const role = state.role && byNode.has(state.role) ? [state.role] : [];
  const around = paths?.roles.size ? paths.roles : focus;
  if (around) return [...around, ...role.filter((id) => !around.has(id))];
  if (role.length) return role;
  const end = [state.from, state.to].filter((id): id is string => id !== null && byNode.has(id));
  return end.length ? end : null;
}

/** Says what the map is narrowed to, with a way back to all of it. */
function showFocusBar(focus: Set<string> | null): void {
  focusBar.hidden = !focus;
  if (!focus) return focusBar.replaceChildren();
  const what = state.near
    ? `${focus.size} roles within ${state.steps} ${state.steps === 1 ? 'step' : 'steps'} of ${nameOf(state.near)}`
    : `the ${map.clusters.find((cluster) => cluster.id === state.cluster)?.name ?? ''} cluster: ${focus.size} roles`;
  focusBar.replaceChildren(
    h('span', {}, `Showing ${what}`),
    h('button', { type: 'button', onclick: () => navigate({ near: null, cluster: null }) }, 'Show all roles'),
  );
}

/**
 * The roles the heatmap compares: every role of a graph that fits a screen; above that the roles on the
 * chosen paths, the neighbourhood or cluster shown, or the roles most similar to the one in the panel.
 */
function overlapSet(paths: { roles: Set<string> } | null): OverlapSet {
  if (nodes.length <= maxOverlapRoles) return { caption: `all ${nodes.length} roles`, roles: nodes.map((node) => node.id), seriate: false };
  const limited = (ids: string[], what: string) => ({
    caption: ids.length > maxOverlapRoles ? `${what} (the first ${maxOverlapRoles} of ${ids.length} roles, by level)` : `${what} (${ids.length} roles)`,
    roles: ids.map((id) => byNode.get(id) as MapNode).sort((a, b) => a.level - b.level || a.label.localeCompare(b.label)).slice(0, maxOverlapRoles).map((node) => node.id),
    seriate: true,
  });
  if (paths?.roles.size) return limited([...paths.roles], `the roles on the paths from ${nameOf(state.from as string)} to ${nameOf(state.to as string)}`);
  const focus = focusSet();
  if (focus && state.near) return limited([...focus], `the roles near ${nameOf(state.near)}`);
  if (focus) return limited([...focus], `the ${map.clusters.find((cluster) => cluster.id === state.cluster)?.name} cluster`);
  if (state.role && byNode.has(state.role)) return { caption: `${nameOf(state.role)} and the ${maxOverlapRoles - 1} roles most like it`, roles: null, similarTo: state.role, seriate: true };
  return { caption: 'choose a set of roles', roles: null, seriate: true };
}

/** Above a screenful, the heatmap asks which roles to compare rather than draw tens of thousands of cells. */
function chooseOverlapSet(): Node {
  return h('div', { class: 'overlap-choice' },
    h('p', {}, `${nodes.length} roles are too many to compare all at once. Choose a role (its ${maxOverlapRoles - 1} most similar roles), a Start and a Goal (the roles on the paths), or a cluster:`),
    h('ul', { class: 'chips cluster-chips' }, map.clusters.map((cluster) =>
      h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => navigate({ cluster: cluster.id, near: null }) }, `${cluster.name} (${cluster.size})`)),
    )),
  );
}

function placeOf(id: string): RolePlace | null {
  const node = byNode.get(id);
  if (!node || nodes.length <= screenful) return null;
  return {
    cluster: map.clusters.length > 1 ? (map.clusters.find((cluster) => cluster.id === node.cluster) ?? null) : null,
    near: state.near === id ? { steps: state.steps } : null,
    focusedCluster: state.cluster,
  };
}

function retryRender(): void {
  void render('focus');
}

function closeRole(): void {
  navigate({ role: null });
  roleInput.focus();
}

/** A failure as a person can read it: NOT_FOUND about the id looked up gives the API's suggestions. */
function failurePanel(error: unknown, retry: () => void, lookup?: { id: string; what: string; choose(id: string): void }): PanelContent {
  if (error instanceof ApiUnreachableError) {
    return errorPanel('The API cannot be reached', `${error.message} Check that the server is running (npm start), then try again.`, retry);
  }
  if (error instanceof ApiAnswerError) {
    const notFound = lookup && error.notFound(lookup.id);
    if (lookup && notFound) {
      const suggestions = (notFound.extensions?.suggestions ?? []).map((suggestion) => ({ id: suggestion, name: nameOf(suggestion) }));
      return notFoundPanel(lookup.id, lookup.what, suggestions, lookup.choose);
    }
    // An id that is not even a slug, such as one mistyped in a link: no role has it, and none is close.
    if (lookup && error.code === 'BAD_USER_INPUT') return notFoundPanel(lookup.id, lookup.what, [], lookup.choose);
    if (error.code === 'SERVICE_UNAVAILABLE') {
      return errorPanel('The graph database is unavailable', 'The career-graph server answers, but its Neo4j database does not. Try again in a moment; if it goes on, check the database the server uses.', retry);
    }
    return errorPanel('The API could not answer', error.message, retry);
  }
  return errorPanel('Something went wrong', error instanceof Error ? error.message : String(error), retry);
}

function showPanel(content: PanelContent, reveal: Reveal = 'none'): void {
  const heading = h('h2', { id: 'panel-heading', tabindex: '-1' }, content.title);
  panelBody.replaceChildren(...(content.eyebrow ? [h('p', { class: 'eyebrow' }, content.eyebrow)] : []), heading, ...content.body.filter((part) => part !== null));
  panel.setAttribute('aria-busy', String(Boolean(content.busy)));
  panelStatus.textContent = content.announce;
  panel.scrollTop = 0;
  document.title = `${content.title} · Career map`;
  if (reveal === 'focus') heading.focus();
  else if (reveal === 'scroll' && panel.getBoundingClientRect().top > window.innerHeight * 0.75) panel.scrollIntoView({ block: 'start' });
}

function onPaths(paths: Path[]): { roles: Set<string>; transitions: Set<string> } {
  return {
    roles: new Set(paths.flatMap((path) => path.roles.map((role) => role.id))),
    transitions: new Set(paths.flatMap((path) => path.steps.map((step) => step.id))),
  };
}

function nameOf(id: string): string {
  return byNode.get(id)?.label ?? id;
}

function refOf(id: string): { id: string; title: string; label: string | null } {
  const node = byNode.get(id);
  return { id, title: node?.title ?? id, label: node?.label ?? null };
}

function syncControls(): void {
  for (const [input, value] of [[roleInput, state.role], [fromInput, state.from], [toInput, state.to]] as const) {
    input.value = (value && nameById.get(value)) ?? '';
  }
  searchMessage.textContent = '';
  for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
  const wasHidden = mapView.hidden;
  mapView.hidden = state.view !== 'map';
  overlapView.hidden = state.view !== 'overlap';
  // The renderer measures its container, which has no size while hidden.
  if (wasHidden && !mapView.hidden) graph.refit();
}

/**
 * One name per role for the three fields: the label, or the label with the id where two roles share it. A
 * graph that fits a screen lists every name; a larger one lists the names that match what is typed, as it
 * is typed: 3,000 options are no use to scroll, and were built on the main thread before the fields worked.
 */
function fillNames(): void {
  const labels = new Map<string, number>();
  for (const node of nodes) labels.set(node.label.toLowerCase(), (labels.get(node.label.toLowerCase()) ?? 0) + 1);
  nameById = new Map(nodes.map((node) => [node.id, (labels.get(node.label.toLowerCase()) as number) > 1 ? `${node.label} (${node.id})` : node.label]));
  idByName = new Map([...nameById].map(([id, name]) => [name.toLowerCase(), id]));
  listNames('');
  for (const input of [roleInput, fromInput, toInput]) input.disabled = false;
}

/** How many names the list offers at most: more than a person reads through, few enough to build at once. */
const listedNames = 50;

/** Fills the list with the names that contain `text`, those that start with it first. */
function listNames(text: string): void {
  const wanted = text.trim().toLowerCase();
  let listed = nodes;
  if (nodes.length > listedNames) {
    if (!wanted) return roleNames.replaceChildren();
    const matching = nodes.filter((node) => (nameById.get(node.id) as string).toLowerCase().includes(wanted));
    const starts = (node: MapNode) => ((nameById.get(node.id) as string).toLowerCase().startsWith(wanted) ? 0 : 1);
    listed = matching.sort((a, b) => starts(a) - starts(b)).slice(0, listedNames);
  }
  roleNames.replaceChildren(...listed.map((node) => h('option', { value: nameById.get(node.id) as string }, node.title === node.label ? '' : node.title)));
}

/**
 * The role a field names: its name or id exactly, else the only role whose name contains what was typed.
 * Undefined: no role, or several.
 */
function roleNamed(text: string): string | null | undefined {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  const exact = idByName.get(wanted) ?? (byNode.has(wanted) ? wanted : undefined);
  if (exact) return exact;
  const matches = [...idByName].filter(([name]) => name.includes(wanted));
  return matches.length === 1 ? (matches[0] as [string, string])[1] : undefined;
}

function onSearch(input: HTMLInputElement, what: string, change: (id: string | null) => Partial<PageState>, reveal: () => Reveal): void {
  const id = roleNamed(input.value);
  if (id === undefined) {
    const several = [...idByName.keys()].filter((name) => name.includes(input.value.trim().toLowerCase())).length;
    searchMessage.textContent = several
      ? `${several} roles match “${input.value.trim()}” for the ${what}: pick one from the list.`
      : `No role is named “${input.value.trim()}”.`;
    return;
  }
  navigate(change(id), reveal());
}

async function start(): Promise<void> {
  mapMessage.hidden = false;
  mapMessage.replaceChildren(h('p', { class: 'loading' }, 'Loading the career map…'));
  showPanel(loadingPanel('Career map', 'the career map'));
  try {
    const answer = await graphql<CareerMapData>(careerMapQuery);
    map = answer.careerMap;
    nodes = map.nodes;
    byNode = new Map(nodes.map((node) => [node.id, node]));
    if (!nodes.length) {
      mapMessage.replaceChildren(h('p', {}, 'The career graph has no roles yet.'));
      showPanel(errorPanel('The career graph is empty', 'Import career-guide pages (npm run seed, or npm run import -- <folder>), then try again.', () => void start()));
      return;
    }
    mapMessage.hidden = true;
    // The map first: it is what the page is for, and a large one is drawn before the lists fill.
    graph.draw(answer);
    performance.mark('career-map:drawn');
    await nextTask();
    fillNames();
    // A link that names a role or a path is about the panel: on a phone, it is brought into sight.
    await render(state.role || (state.from && state.to) ? 'scroll' : 'none');
    performance.mark('career-map:interactive');
  } catch (error) {
    mapMessage.replaceChildren(h('p', { class: 'error' }, 'The map could not be loaded. The details panel says why.'));
    showPanel(failurePanel(error, () => void start()), 'focus');
  }
}

/** Lets the browser paint and answer input between two pieces of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

for (const input of [roleInput, fromInput, toInput]) input.addEventListener('input', () => listNames(input.value));
roleInput.addEventListener('change', () => onSearch(roleInput, 'role', (id) => ({ role: id }), () => 'scroll'));
// Until both ends are chosen, the fields stay in sight for the other one.
fromInput.addEventListener('change', () => onSearch(fromInput, 'start', (id) => ({ from: id, role: null }), () => (state.to ? 'scroll' : 'none')));
toInput.addEventListener('change', () => onSearch(toInput, 'goal', (id) => ({ to: id, role: null }), () => (state.from ? 'scroll' : 'none')));
for (const button of viewButtons) button.addEventListener('click', () => navigate({ view: button.dataset.view as View }));
byId('zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
byId('zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
byId('zoom-fit').addEventListener('click', () => graph.fit());
fullScreenButton.addEventListener('click', () => {
  const full = !mapView.classList.contains('full-screen');
  mapView.classList.toggle('full-screen', full);
  document.body.classList.toggle('map-full-screen', full);
  fullScreenButton.setAttribute('aria-pressed', String(full));
  fullScreenButton.textContent = full ? 'Exit full screen' : 'Full screen';
  graph.setFullScreen(full);
  graph.refit();
});
byId('controls').addEventListener('submit', (event) => event.preventDefault());
panel.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.role) closeRole();
});
window.addEventListener('popstate', () => {
  state = readState(location.search);
  void render();
});

void start();
