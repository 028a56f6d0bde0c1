export interface Edge {
  from: string;
  to: string;
}

/**
 * A role's rung on the ladder: 1 + the number of steps of the longest path of transitions that leads to it.
 *
 * On a ladder, which has no cycles, that is the longest simple path, computed in linear time. A transition
 * that closes a cycle (A → B → A) would make "longest" unbounded in a naive walk; such back edges, found by a
 * depth-first search from the roots in id order, are left out of the count, so levels stay finite and stable.
 */
export function computeLevels(roleIds: string[], edges: Edge[]): Map<string, number> {
  const outgoing = new Map<string, string[]>(roleIds.map((id) => [id, []]));
  for (const edge of edges) if (outgoing.has(edge.to)) outgoing.get(edge.from)?.push(edge.to);
  for (const targets of outgoing.values()) targets.sort();

  const order = topologicalOrderIgnoringBackEdges(roleIds, outgoing, edges);
  const levels = new Map(roleIds.map((id) => [id, 1]));
  const position = new Map(order.map((id, index) => [id, index]));
  for (const id of order) {
    const level = levels.get(id) as number;
    for (const target of outgoing.get(id) ?? []) {
      const isForward = (position.get(target) ?? -1) > (position.get(id) ?? -1);
      if (isForward && level + 1 > (levels.get(target) ?? 1)) levels.set(target, level + 1);
    }
  }
  return levels;
}

function topologicalOrderIgnoringBackEdges(roleIds: string[], outgoing: Map<string, string[]>, edges: Edge[]): string[] {
  const hasIncoming = new Set(edges.map((edge) => edge.to));
  const starts = [...roleIds].sort((a, b) => Number(hasIncoming.has(a)) - Number(hasIncoming.has(b)) || a.localeCompare(b));
  const state = new Map<string, 'open' | 'done'>();
  const postOrder: string[] = [];
  for (const start of starts) {
    if (state.has(start)) continue;
    // An explicit stack: a ladder of thousands of roles must not overflow the call stack.
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; next: number };
      const targets = outgoing.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next] as string;
        frame.next += 1;
        if (!state.has(target)) {
          state.set(target, 'open');
          stack.push({ id: target, next: 0 });
        }
      } else {
        state.set(frame.id, 'done');
        postOrder.push(frame.id);
        stack.pop();
      }
    }
  }
  return postOrder.reverse();
}

/** A role whose level may change, with the roles whose transitions lead to it and their stored levels. */
export interface RoleAbove {
  id: string;
  from: { id: string; level: number | null }[];
}

/**
 * The levels of `roles`, given every transition into them, when they are all the roles that some roles lead
 * to (closed under transitions) and no cycle runs among them; null when one does.
 *
 * What computeLevels gives for them, without the rest of their ladder: no transition into such a set is a
 * back edge, since nothing in it leads out of it, and without a cycle none inside is one either, so each role
 * is 1 + the highest level of a role leading to it. The roles outside keep theirs: what the depth-first
 * search does among them does not depend on the set (nothing in it leads to them), so a write that changes
 * transitions only into the set changes no level outside it.
 */
export function levelsAbove(roles: RoleAbove[]): Map<string, number> | null {
  const inside = new Map(roles.map((role) => [role.id, role]));
  const waitingFor = new Map(roles.map((role) => [role.id, role.from.filter((from) => inside.has(from.id)).length]));
  const leadsTo = new Map<string, string[]>();
  for (const role of roles) for (const from of role.from) if (inside.has(from.id)) leadsTo.set(from.id, [...(leadsTo.get(from.id) ?? []), role.id]);
  const levels = new Map<string, number>();
  const ready = roles.filter((role) => waitingFor.get(role.id) === 0).map((role) => role.id);
  while (ready.length > 0) {
    const id = ready.pop() as string;
    const from = (inside.get(id) as RoleAbove).from;
    levels.set(id, Math.max(1, ...from.map((role) => (inside.has(role.id) ? (levels.get(role.id) as number) : (role.level ?? 1)) + 1)));
    for (const next of leadsTo.get(id) ?? []) {
      const left = (waitingFor.get(next) as number) - 1;
      waitingFor.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return levels.size === roles.length ? levels : null;
}
