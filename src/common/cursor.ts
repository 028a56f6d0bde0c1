import { BadUserInputError } from '../errors/error-codes.js';

/** The values an item is ordered by, tie-breaking id last: where the next page starts. */
export type CursorKey = (string | number)[];
export type CursorKeyKind = 'string' | 'number';

const maxCursorLength = 1000;

/**
 * A cursor names a place in an order, not a position: the key of the item it was given for, with the order.
 * A page after it starts right after that key, so paging goes through every item once even while others
 * are added or removed before it. Base64url keeps it opaque: clients pass it back, never build one.
 */
export function encodeCursor(order: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([order, ...key]), 'utf8').toString('base64url');
}

/** The key a cursor names, checked against the order asked for; BAD_USER_INPUT naming `argument` otherwise. */
export function decodeCursor(argument: string, cursor: string, order: string, kinds: readonly CursorKeyKind[]): CursorKey {
  const notOurs = () => new BadUserInputError(argument, 'is not a cursor this API gave: pass back an edge\'s `cursor` or `pageInfo.endCursor` as it came');
  if (cursor.length === 0 || cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw notOurs();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw notOurs();
  const [cursorOrder, ...key] = parsed as [string, ...unknown[]];
  if (cursorOrder !== order) {
    throw new BadUserInputError(argument, `is a cursor of the order ${cursorOrder.slice(0, 40)}, not of ${order}: page with the orderBy it came from`);
  }
  if (key.length !== kinds.length || key.some((value, index) => !isKind(value, kinds[index] as CursorKeyKind))) throw notOurs();
  return key as CursorKey;
}

function isKind(value: unknown, kind: CursorKeyKind): boolean {
  return kind === 'number' ? typeof value === 'number' && Number.isSafeInteger(value) : typeof value === 'string';
}
