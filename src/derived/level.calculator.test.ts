import { describe, expect, it } from 'vitest';
import { computeLevels, levelsAbove, type Edge } from './level.calculator.js';

const edges = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));

describe('computeLevels', () => {
  it('puts a role that nothing leads to on level 1', () => {
    expect(computeLevels(['a'], [])).toEqual(new Map([['a', 1]]));
  });

  it('counts the steps of a ladder', () => {
    const levels = computeLevels(['ic', 'manager', 'director', 'vp', 'cto', 'ceo'], edges(['ic', 'manager'], ['manager', 'director'], ['director', 'vp'], ['vp', 'cto'], ['vp', 'ceo']));
    expect(Object.fromEntries(levels)).toEqual({ ic: 1, manager: 2, director: 3, vp: 4, cto: 5, ceo: 5 });
  });

  it('takes the longest of several paths, not the shortest', () => {
    const levels = computeLevels(['a', 'b', 'c', 'd'], edges(['a', 'b'], ['b', 'c'], ['c', 'd'], ['a', 'd']));
    expect(levels.get('d')).toBe(4);
  });

  it('stays finite on a cycle', () => {
    const levels = computeLevels(['a', 'b', 'c'], edges(['a', 'b'], ['b', 'c'], ['c', 'b']));
    expect(Object.fromEntries(levels)).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('ignores transitions that name roles it was not given', () => {
    expect(Object.fromEntries(computeLevels(['a'], edges(['a', 'ghost'])))).toEqual({ a: 1 });
  });
});

/** The roles that `start` leads to, itself included, each with every transition into it and the levels `stored`. */
function above(start: string, all: Edge[], stored: Map<string, number>) {
  const reached = new Set([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { from, to } of all) if (reached.has(from) && !reached.has(to)) grew = reached.add(to).size > 0;
  }
  return [...reached].map((id) => ({ id, from: all.filter((edge) => edge.to === id).map((edge) => ({ id: edge.from, level: stored.get(edge.from) ?? null })) }));
}

describe('levelsAbove', () => {
  const ladder = ['ic', 'lead', 'manager', 'director', 'vp', 'side'];
  const before = edges(['ic', 'lead'], ['lead', 'manager'], ['manager', 'director'], ['director', 'vp'], ['side', 'director']);

  it('gives the roles above a new transition the levels that a recount of the ladder gives', () => {
    const after = [...before, ...edges(['manager', 'side'])];
    const levels = levelsAbove(above('side', after, computeLevels(ladder, before)));
    expect(Object.fromEntries(levels ?? [])).toEqual({ side: 4, director: 5, vp: 6 });
    expect(Object.fromEntries(computeLevels(ladder, after))).toMatchObject(Object.fromEntries(levels ?? []));
  });

  it('lowers the roles above a transition taken away', () => {
    const after = before.filter((edge) => edge.to !== 'manager');
    const levels = levelsAbove(above('manager', after, computeLevels(ladder, before)));
    expect(Object.fromEntries(levels ?? [])).toEqual({ manager: 1, director: 2, vp: 3 });
    expect(Object.fromEntries(computeLevels(ladder, after))).toMatchObject(Object.fromEntries(levels ?? []));
  });

  it('gives up on a cycle among the roles above, whose levels depend on the whole ladder', () => {
    expect(levelsAbove(above('manager', [...before, ...edges(['vp', 'manager'])], computeLevels(ladder, before)))).toBeNull();
  });
});
