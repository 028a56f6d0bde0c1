import { describe, expect, it } from 'vitest';
import { readConnection } from './connection.js';
import { encodeCursor, type CursorKey } from './cursor.js';

const rows = (ids: string[]) => ids.map((id, index) => ({ node: { id }, key: [index, id] as CursorKey }));
const request = { maxFirst: 100, order: 'LEVEL_ASC', kinds: ['number', 'string'] as const };

describe('readConnection', () => {
  it('reads one row more than first, to tell whether a next page follows, and hands back first', async () => {
    const asked: (number | CursorKey | null)[][] = [];
    const page = await readConnection({ ...request, first: 2, after: null }, async (limit, after) => {
      asked.push([limit, after]);
      return rows(['a', 'b', 'c']);
    });
    expect(asked).toEqual([[3, null]]);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('LEVEL_ASC', [0, 'a']),
      endCursor: encodeCursor('LEVEL_ASC', [1, 'b']),
    });
  });

  it('passes the key of `after` to the read, and has no next page when the read comes back short', async () => {
    let seen: CursorKey | null = null;
    const page = await readConnection({ ...request, first: 5, after: encodeCursor('LEVEL_ASC', [1, 'b']) }, async (_limit, after) => {
      seen = after;
      return rows(['c']);
    });
    expect(seen).toEqual([1, 'b']);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.pageInfo.hasPreviousPage).toBe(true);
  });

  it('with first 0, gives no edges and null cursors, but still tells whether items exist', async () => {
    const page = await readConnection({ ...request, first: 0, after: null }, async () => rows(['a']));
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it.each([
    [{ first: 101, after: null }, 'first'],
    [{ first: -1, after: null }, 'first'],
    [{ first: 2, after: encodeCursor('TITLE_ASC', ['b', 'b']) }, 'after'],
  ])('refuses %j before reading anything, naming %s', async (args, argument) => {
    let read = false;
    const attempt = readConnection({ ...request, ...args }, async () => {
      read = true;
      return [];
    });
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
    expect(read).toBe(false);
  });
});
