import { describe, expect, it } from 'vitest';
import { betweennessOf } from './skill-centrality.store.js';

describe('betweennessOf', () => {
  it('gives a skill 1 for each pair of its roles that shares only it', () => {
    // Three roles need it, no two share anything else: pairs {a,b}, {a,c}, {b,c}.
    expect(betweennessOf(3, [])).toBe(3);
  });

  it('gives a skill 1/k for each pair of its roles that shares k skills', () => {
    // Four roles, six pairs: one shares two skills (1/2), two share four (1/4 each), three share only it.
    expect(betweennessOf(4, [1, 0, 2])).toBe(3 + 1 / 2 + 2 / 4);
  });

  it('gives 0, not -0, to a skill that one role or none needs', () => {
    expect(Object.is(betweennessOf(1, []), 0)).toBe(true);
    expect(Object.is(betweennessOf(0, []), 0)).toBe(true);
  });
});
