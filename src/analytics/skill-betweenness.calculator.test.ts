import { describe, expect, it } from 'vitest';
import { skillBetweenness } from './skill-betweenness.calculator.js';

describe('skillBetweenness', () => {
  it('gives each pair of roles at distance 2 to the skills they share, 1/k each', () => {
    // a and b share x and y (1/2 each); b and c, and a and c, share y alone (1 each); z has one role.
    const figures = skillBetweenness([
      { id: 'x', roles: ['a', 'b'] },
      { id: 'y', roles: ['a', 'b', 'c'] },
      { id: 'z', roles: ['c'] },
    ]);
    expect(figures).toEqual([
      { id: 'x', roleCount: 2, betweenness: 0.5 },
      { id: 'y', roleCount: 3, betweenness: 2.5 },
      { id: 'z', roleCount: 1, betweenness: 0 },
    ]);
  });

  it('counts each pair once, whichever skill meets it first', () => {
    const figures = skillBetweenness([
      { id: 'p', roles: ['r1', 'r2', 'r3'] },
      { id: 'q', roles: ['r3', 'r2', 'r1'] },
      { id: 'r', roles: ['r2', 'r3'] },
    ]);
    // r1–r2 and r1–r3 share p and q; r2–r3 shares p, q and r.
    expect(figures.map((figure) => figure.betweenness)).toEqual([1 / 2 + 1 / 2 + 1 / 3, 1 / 2 + 1 / 2 + 1 / 3, 1 / 3]);
  });
});
