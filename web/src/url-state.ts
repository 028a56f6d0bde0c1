export type View = 'map' | 'overlap';

/**
 * Everything a shared link reproduces: the role in the panel, the chosen start and goal, what the map
 * narrows to (the roles near one, or a cluster), and the view.
 */
export interface PageState {
  role: string | null;
  from: string | null;
  to: string | null;
  /** The role whose neighbourhood the map shows, `steps` transitions either way. */
  near: string | null;
  steps: number;
  cluster: string | null;
  view: View;
}

export const defaultSteps = 1;

export function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  const id = (name: string) => params.get(name)?.trim() || null;
  const steps = Number(params.get('steps'));
  return {
    role: id('role'),
    from: id('from'),
    to: id('to'),
    near: id('near'),
    steps: Number.isInteger(steps) && steps >= 1 && steps <= 3 ? steps : defaultSteps,
    cluster: id('cluster'),
    view: params.get('view') === 'overlap' ? 'overlap' : 'map',
  };
}

/** The query string of a state, leaving out what is unset, so that links stay short. */
export function writeState(state: PageState): string {
  const params = new URLSearchParams();
  if (state.role) params.set('role', state.role);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.near) params.set('near', state.near);
  if (state.near && state.steps !== defaultSteps) params.set('steps', String(state.steps));
  if (state.cluster) params.set('cluster', state.cluster);
  if (state.view !== 'map') params.set('view', state.view);
  const query = params.toString();
  return query ? `?${query}` : '';
}
