import { decodeCursor, encodeCursor, type CursorKey, type CursorKeyKind } from './cursor.js';
import { requireIntegerIn } from './validate.js';

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

export interface PageRequest {
  first: number;
  /** The most `first` may be. */
  maxFirst: number;
  after: string | null;
  order: string;
  /** The kinds of the order's key, which a cursor must hold. */
  kinds: readonly CursorKeyKind[];
}

/**
 * A Relay page: checks `first` and `after` (BAD_USER_INPUT naming them), then reads one row more than `first`,
 * which tells whether there is a next page without counting.
 */
export async function readConnection<T>(
  { first, maxFirst, after, order, kinds }: PageRequest,
  read: (limit: number, after: CursorKey | null) => Promise<{ node: T; key: CursorKey }[]>,
): Promise<ConnectionResult<T>> {
  requireIntegerIn('first', first, 0, maxFirst);
  const afterKey = after === null ? null : decodeCursor('after', after, order, kinds);
  const rows = await read(first + 1, afterKey);
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(order, row.key), node: row.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
