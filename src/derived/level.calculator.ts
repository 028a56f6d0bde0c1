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
