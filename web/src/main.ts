import './styles.css';
import { ApiAnswerError, ApiUnreachableError, graphql } from './api.js';
import { byId, h } from './dom.js';
import { GraphView } from './graph-view.js';
import { OverlapView } from './overlap-view.js';
import { errorPanel, introPanel, loadingPanel, notFoundPanel, pathsPanel, rolePanel, type PanelContent } from './panel.js';
import { careerMapQuery, pathsQuery, roleQuery, type CareerMapData, type MapNode, type Path, type PathsData, type RoleData } from './queries.js';
import { readState, writeState, type PageState, type View } from './url-state.js';

const roleSelect = byId<HTMLSelectElement>('role-select');
const fromSelect = byId<HTMLSelectElement>('from-select');
const toSelect = byId<HTMLSelectElement>('to-select');
const mapView = byId('map-view');
const mapMessage = byId('map-message');
const overlapView = byId('overlap-view');
const panel = byId('panel');
const panelBody = byId('panel-body');
const panelStatus = byId('panel-status');
const viewButtons = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-view]'));

let state = readState(location.search);
let nodes: MapNode[] = [];
const graph = new GraphView(byId('map'), (id) => navigate({ role: id }, 'focus'));
const overlap = new OverlapView(byId('overlap'));

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
  graph.show({ ...state, paths: null });
  if (state.view === 'overlap') void overlap.show(nodes);

  const paths = state.from && state.to ? cached<PathsData>(pathsQuery, { from: state.from, to: state.to }) : null;
  if (state.role) {
    const id = state.role;
    showPanel(loadingPanel(nameOf(id)));
    try {
      const { role } = await cached<RoleData>(roleQuery, { id });
      if (!stale()) showPanel(rolePanel(role, roleActions, state), reveal);
    } catch (error) {
      const choose = (suggestion: string) => navigate({ role: suggestion }, 'focus');
      if (!stale()) showPanel(failurePanel(error, retryRender, { id, what: 'role', choose }), reveal);
    }
  } else if (!paths) {
    showPanel(introPanel(state.from ? nameOf(state.from) : null, state.to ? nameOf(state.to) : null), reveal);
  }

  if (!paths) return;
  const { from, to } = state as { from: string; to: string };
  if (!state.role) showPanel(loadingPanel(`${nameOf(from)} → ${nameOf(to)}`, `the paths from ${nameOf(from)} to ${nameOf(to)}`));
  try {
    const { transitionPaths } = await paths;
    if (stale()) return;
    graph.show({ ...state, paths: onPaths(transitionPaths) });
    if (!state.role) showPanel(pathsPanel(refOf(from), refOf(to), transitionPaths), reveal);
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
};

function retryRender(): void {
  void render('focus');
}

function closeRole(): void {
  navigate({ role: null });
  roleSelect.focus();
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
  return nodes.find((node) => node.id === id)?.label ?? id;
}

function refOf(id: string): { id: string; title: string; label: string | null } {
  const node = nodes.find((candidate) => candidate.id === id);
  return { id, title: node?.title ?? id, label: node?.label ?? null };
}

function syncControls(): void {
  for (const [select, value] of [[roleSelect, state.role], [fromSelect, state.from], [toSelect, state.to]] as const) {
    select.value = nodes.some((node) => node.id === value) ? (value as string) : '';
  }
  for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
  const wasHidden = mapView.hidden;
  mapView.hidden = state.view !== 'map';
  overlapView.hidden = state.view !== 'overlap';
  // Cytoscape measures its container, which has no size while hidden.
  if (wasHidden && !mapView.hidden) graph.refit();
}

function fillSelects(): void {
  for (const select of [roleSelect, fromSelect, toSelect]) {
    select.replaceChildren(select.options[0] as HTMLOptionElement, ...nodes.map((node) => h('option', { value: node.id }, node.label)));
    select.disabled = false;
  }
}

async function start(): Promise<void> {
  mapMessage.hidden = false;
  mapMessage.replaceChildren(h('p', { class: 'loading' }, 'Loading the career map…'));
  showPanel(loadingPanel('Career map', 'the career map'));
  try {
    const map = await graphql<CareerMapData>(careerMapQuery);
    nodes = map.careerMap.nodes;
    mapMessage.hidden = true;
    fillSelects();
    // The panel's requests go out first; drawing takes a moment, which they spend in flight. A link that
    // names a role or a path is about the panel: on a phone, it is brought into sight.
    const rendering = render(state.role || (state.from && state.to) ? 'scroll' : 'none');
    graph.draw(map);
    await rendering;
  } catch (error) {
    mapMessage.replaceChildren(h('p', { class: 'error' }, 'The map could not be loaded. The details panel says why.'));
    showPanel(failurePanel(error, () => void start()), 'focus');
  }
}

roleSelect.addEventListener('change', () => navigate({ role: roleSelect.value || null }, 'scroll'));
// Until both ends are chosen, the lists stay in sight for the other one.
fromSelect.addEventListener('change', () => navigate({ from: fromSelect.value || null, role: null }, state.to ? 'scroll' : 'none'));
toSelect.addEventListener('change', () => navigate({ to: toSelect.value || null, role: null }, state.from ? 'scroll' : 'none'));
for (const button of viewButtons) button.addEventListener('click', () => navigate({ view: button.dataset.view as View }));
byId('zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
byId('zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
byId('zoom-fit').addEventListener('click', () => graph.fit());
byId('controls').addEventListener('submit', (event) => event.preventDefault());
panel.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.role) closeRole();
});
window.addEventListener('popstate', () => {
  state = readState(location.search);
  void render();
});

void start();
