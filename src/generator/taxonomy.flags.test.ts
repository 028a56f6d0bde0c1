import { describe, expect, it } from 'vitest';
import { taxonomyOptions } from './taxonomy.flags.js';

const issueFlags = { roles: '3000', skills: '14000', links: '120000', transitions: '9000', seed: '42', zipf: '0.65', 'lateral-moves': '0' };

describe('taxonomyOptions', () => {
  it('reads the sizes, the seed and the Zipf exponent', () => {
    expect(taxonomyOptions(issueFlags)).toEqual({ roles: 3000, skills: 14000, links: 120000, transitions: 9000, seed: 42, zipfExponent: 0.65, lateralMoves: 0 });
    expect(taxonomyOptions({ ...issueFlags, 'lateral-moves': '10' }).lateralMoves).toBe(10);
  });

  it.each([
    [{ roles: undefined }, '--roles must be a whole number of at least 1, got nothing'],
    [{ skills: 'many' }, '--skills must be a whole number of at least 1, got "many"'],
    [{ links: '1.5' }, '--links must be a whole number of at least 1, got "1.5"'],
    [{ transitions: '-1' }, '--transitions must be a whole number of at least 0, got "-1"'],
    [{ roles: '' }, '--roles must be a whole number of at least 1, got ""'],
    [{ zipf: '0' }, '--zipf must be a number above 0, got "0"'],
    [{ 'lateral-moves': 'some' }, '--lateral-moves must be a whole number of at least 0, got "some"'],
  ])('refuses %o, naming the flag', (override, message) => {
    expect(() => taxonomyOptions({ ...issueFlags, ...override })).toThrow(message);
  });
});
