import { encodeCursor, type CursorKey } from './cursor.js';

export interface PageInfoResult {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoResult;
}

/**
 * A Relay page from the rows a repository read: one more than `first` when asked for, which tells whether
 * there is a next page without counting.
 */
export function connectionOf<T>(rows: { node: T; key: CursorKey }[], first: number, order: string, hasAfter: boolean): ConnectionResult<T> {
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(order, row.key), node: row.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasAfter,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
