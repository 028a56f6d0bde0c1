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

describe('closestIds among many ids', () => {
  const many = Array.from({ length: 5000 }, (_, index) => `generated-role-${index}`);

  it('finds the same as ranking them all, nearest first', () => {
    for (const wanted of ['generated-role-12', 'genrated-role-4999', 'role-7', 'generated-rol-300x']) {
      const tolerance = Math.max(2, Math.floor(wanted.length / 3));
      const rankedAll = many
        .map((id) => ({ id, rank: id.includes(wanted) || wanted.includes(id) ? 0 : levenshtein(wanted, id) }))
        .filter(({ rank }) => rank <= tolerance)
        .sort((a, b) => a.rank - b.rank || a.id.length - b.id.length || a.id.localeCompare(b.id))
        .slice(0, 3)
        .map(({ id }) => id);
      expect(closestIds(wanted, many), wanted).toEqual(rankedAll);
    }
  });
});

/** Edit distance by the textbook's table, for comparison. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length] ?? 0;
}
