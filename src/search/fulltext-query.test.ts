import { describe, expect, it } from 'vitest';
import { fulltextQuery } from './fulltext-query.js';

describe('fulltextQuery', () => {
  it('matches each word whole or as a prefix', () => {
    expect(fulltextQuery('board')).toBe('(board^2 OR board*)');
    expect(fulltextQuery('Board  Presentations')).toBe('(board^2 OR board*) AND (presentations^2 OR presentations*)');
  });

  it('escapes Lucene operators, so input cannot change the query', () => {
    expect(fulltextQuery('p&l (budget)')).toBe('(p\\&l^2 OR p\\&l*) AND (\\(budget\\)^2 OR \\(budget\\)*)');
    expect(fulltextQuery('a:b*')).toBe('(a\\:b\\*^2 OR a\\:b\\**)');
  });

  it('has nothing to search for in blank input', () => {
    expect(fulltextQuery('   ')).toBeNull();
  });
});
