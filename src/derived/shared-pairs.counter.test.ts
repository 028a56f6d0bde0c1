import { describe, expect, it } from 'vitest';
import { countSharedPairs } from './shared-pairs.counter.js';
import { betweennessOf } from './skill-centrality.store.js';

describe('countSharedPairs', () => {
  it('counts, for each skill, the pairs of its roles that share k ≥ 2 skills, by k', () => {
    // a and b share x and y; b and c, and a and c, share y alone; z has one role.
    const counts = countSharedPairs([
      { id: 'x', roles: ['a', 'b'] },
      { id: 'y', roles: ['a', 'b', 'c'] },
      { id: 'z', roles: ['c'] },
    ]);
    expect(counts).toEqual([
      { id: 'x', roleCount: 2, sharedPairs: [1] },
      { id: 'y', roleCount: 3, sharedPairs: [1] },
      { id: 'z', roleCount: 1, sharedPairs: [] },
    ]);
    // Which gives each pair of roles at distance 2 to the skills they share, 1/k each.
    expect(counts.map(({ roleCount, sharedPairs }) => betweennessOf(roleCount, sharedPairs))).toEqual([0.5, 2.5, 0]);
  });

  it('counts each pair once, whichever skill meets it first, and keeps a zero for a k no pair shares', () => {
    const counts = countSharedPairs([
      { id: 'p', roles: ['r1', 'r2', 'r3'] },
      { id: 'q', roles: ['r3', 'r2', 'r1'] },
      { id: 'r', roles: ['r2', 'r3'] },
      { id: 'unneeded', roles: [] },
    ]);
    // r1–r2 and r1–r3 share p and q; r2–r3 shares p, q and r.
    expect(counts).toEqual([
      { id: 'p', roleCount: 3, sharedPairs: [2, 1] },
      { id: 'q', roleCount: 3, sharedPairs: [2, 1] },
      { id: 'r', roleCount: 2, sharedPairs: [0, 1] },
      { id: 'unneeded', roleCount: 0, sharedPairs: [] },
    ]);
    expect(counts.map(({ roleCount, sharedPairs }) => betweennessOf(roleCount, sharedPairs))).toEqual([1 / 2 + 1 / 2 + 1 / 3, 1 / 2 + 1 / 2 + 1 / 3, 1 / 3, 0]);
  });
});
