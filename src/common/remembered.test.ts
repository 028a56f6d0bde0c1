import { describe, expect, it } from 'vitest';
import { remembered } from './remembered.js';

describe('remembered', () => {
  it('computes an answer once per name', () => {
    const asked: string[] = [];
    const upper = remembered((name) => (asked.push(name), name.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(asked).toEqual(['a', 'b']);
  });

  it('forgets everything once it holds as many answers as its bound, then remembers again', () => {
    const asked: string[] = [];
    const upper = remembered((name) => (asked.push(name), name.toUpperCase()), 2);
    for (const name of ['a', 'b', 'c', 'a', 'c']) upper(name);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
