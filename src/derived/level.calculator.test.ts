import { describe, expect, it } from 'vitest';
import { computeLevels } from './level.calculator.js';

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
