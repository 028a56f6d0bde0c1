import { describe, expect, it } from 'vitest';
import { everyRoleCost, overlapMatrixCost, rankedOverRolesCost, type CostContext } from './query-cost.js';

const sized = (roles: number, transitions = 0): CostContext => ({ graphSize: { roles, transitions }, needsGraphSize: false, maxMatrixRoles: 500 });

describe('overlapMatrix', () => {
  it('costs the square of the roles asked for, times what each entry selects, per hundred entries', () => {
    const roles = Array.from({ length: 40 }, (_, i) => `r${i}`);
    expect(overlapMatrixCost({ args: { roles }, childComplexity: 5, context: sized(3000) })).toBe((40 * 40 * 5) / 100);
  });

  it('costs the square of every role of the graph, at most MAX_MATRIX_ROLES, when none are asked for', () => {
    expect(overlapMatrixCost({ args: {}, childComplexity: 1, context: sized(300) })).toBe((300 * 300) / 100);
    expect(overlapMatrixCost({ args: {}, childComplexity: 1, context: sized(3000) })).toBe((500 * 500) / 100);
  });
});

describe('a cost that follows the graph', () => {
  it('asks for the graph size when the plugin has not read it yet', () => {
    const context: CostContext = { graphSize: null, needsGraphSize: false, maxMatrixRoles: 500 };
    everyRoleCost({ args: {}, childComplexity: 3, context });
    expect(context.needsGraphSize).toBe(true);
  });

  it('counts every role for the list it reads, and every role for a ranking over them', () => {
    expect(everyRoleCost({ args: {}, childComplexity: 3, context: sized(120) })).toBe(360);
    expect(rankedOverRolesCost({ args: { first: 10 }, childComplexity: 4, context: sized(120) })).toBe(40 + 120);
  });
});
