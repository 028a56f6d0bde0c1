export type View = 'map' | 'overlap';

/** Everything a shared link reproduces: the role in the panel, the chosen start and goal, and the view. */
export interface PageState {
  role: string | null;
  from: string | null;
  to: string | null;
  view: View;
}

export function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  const id = (name: string) => params.get(name)?.trim() || null;
  return { role: id('role'), from: id('from'), to: id('to'), view: params.get('view') === 'overlap' ? 'overlap' : 'map' };
}

/** The query string of a state, leaving out what is unset, so that links stay short. */
export function writeState(state: PageState): string {
  const params = new URLSearchParams();
  if (state.role) params.set('role', state.role);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.view !== 'map') params.set('view', state.view);
  const query = params.toString();
  return query ? `?${query}` : '';
}
