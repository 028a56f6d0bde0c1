import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('did not throw');
};

describe('cursors', () => {
  it('give back the key they were made from, for the same order', () => {
    const cursor = encodeCursor('LEVEL_ASC', [3, 'director']);
    expect(decodeCursor('after', cursor, 'LEVEL_ASC', ['number', 'string'])).toEqual([3, 'director']);
    expect(decodeCursor('after', encodeCursor('TITLE_ASC', ['p&l "quoted" é', 'x']), 'TITLE_ASC', ['string', 'string'])).toEqual(['p&l "quoted" é', 'x']);
  });

  it('are opaque: URL-safe, and without the key in plain text', () => {
    const cursor = encodeCursor('NAME_ASC', ['vision setting', 'vision-setting']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('vision');
  });

  it('refuse a cursor of another order, naming both orders', () => {
    const error = code(() => decodeCursor('after', encodeCursor('LEVEL_DESC', [3, 'director']), 'LEVEL_ASC', ['number', 'string']));
    expect(error).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a b+c/='],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['not a list', Buffer.from('{"a":1}').toString('base64url')],
    ['a key too short', Buffer.from('["LEVEL_ASC",3]').toString('base64url')],
    ['a key of the wrong kinds', Buffer.from('["LEVEL_ASC","3","director"]').toString('base64url')],
    ['a fractional number', Buffer.from('["LEVEL_ASC",3.5,"director"]').toString('base64url')],
    ['too long', 'A'.repeat(1001)],
  ])('refuse a cursor that is %s with BAD_USER_INPUT naming the argument', (_what, cursor) => {
    expect(code(() => decodeCursor('after', cursor, 'LEVEL_ASC', ['number', 'string']))).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
