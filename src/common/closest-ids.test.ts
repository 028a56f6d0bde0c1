import { describe, expect, it } from 'vitest';
import { closestIds } from './closest-ids.js';

const roles = ['individual-contributor', 'manager', 'director', 'vp', 'cto', 'ceo'];

describe('closestIds', () => {
  it('suggests ids a typo away', () => {
    expect(closestIds('directr', roles)).toEqual(['director']);
    expect(closestIds('cfo', roles)).toEqual(['ceo', 'cto']);
  });

  it('suggests ids that contain what was typed', () => {
    expect(closestIds('individual', roles)).toEqual(['individual-contributor']);
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestIds('astronaut-of-the-year', roles)).toEqual([]);
  });

  it('keeps to the limit', () => {
    expect(closestIds('cxo', roles, 2)).toHaveLength(2);
  });
});
