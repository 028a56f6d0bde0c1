import type { CursorKeyKind } from '../common/cursor.js';

/** One value a list is ordered by: a Cypher expression on the list's variable that is never null. */
export interface SortKey {
  expression: string;
  descending?: boolean;
  kind: CursorKeyKind;
}

/** A list's order: its keys, the last of which (the id) makes every item's key unique. */
export type Ordering = readonly SortKey[];

/** A filter's Cypher conditions, by name; only those whose parameter is given apply. */
export type Conditions<F> = { readonly [K in keyof F]?: string };

/**
 * The nodes of one label that pass the filter, bound to `variable`. A given `$text` (a query for the
 * full-text index `search_text`) starts the match from the index; every other filter is a condition whose
 * parameter has the filter's name. Only the conditions given are written, so the planner sees no `$x IS NULL OR`.
 */
export function matchFiltered<F extends { text: string | null }>(variable: string, label: string, conditions: Conditions<F>, filter: F): string {
  const applied = Object.entries(conditions)
    .filter(([name]) => name !== 'text' && filter[name as keyof F] !== null)
    .map(([, condition]) => condition as string);
  if (filter.text === null) return `MATCH (${variable}:${label})${where(applied)}`;
  return `CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node WITH node AS ${variable}${where([`${variable}:${label}`, ...applied])}`;
}

function where(conditions: string[]): string {
  return conditions.length ? `\nWHERE ${conditions.join(' AND ')}` : '';
}

/**
 * After matchFiltered: binds `key`, the list of the ordering's values, and keeps the first $limit rows in that
 * order, after the row whose key is $after when hasAfter (keyset paging: a row that is added or removed
 * elsewhere does not move the rows of the next page).
 */
export function keysetPage(variable: string, ordering: Ordering, hasAfter: boolean): string {
  const key = (index: number) => `key[${index}]`;
  const afterKey = ordering
    .map((sortKey, index) => {
      const equalBefore = ordering.slice(0, index).map((_, before) => `${key(before)} = $after[${before}]`);
      return `(${[...equalBefore, `${key(index)} ${sortKey.descending ? '<' : '>'} $after[${index}]`].join(' AND ')})`;
    })
    .join(' OR ');
  return `
    WITH ${variable}, [${ordering.map((sortKey) => sortKey.expression).join(', ')}] AS key
    ${hasAfter ? `WHERE ${afterKey}` : ''}
    ORDER BY ${ordering.map((sortKey, index) => `${key(index)}${sortKey.descending ? ' DESC' : ''}`).join(', ')}
    LIMIT $limit`;
}
