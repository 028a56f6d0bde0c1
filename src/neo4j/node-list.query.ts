import type { CursorKeyKind } from '../common/cursor.js';

/** One value a list is ordered by: a Cypher expression on the list's variable that is never null. */
export interface SortKey {
  expression: string;
  descending?: boolean;
  kind: CursorKeyKind;
}

/** A list's order: its keys, the last of which (the id) makes every item's key unique. */
export type Ordering = readonly SortKey[];

/**
 * How one filter narrows a list: `where`, a condition on the list's variable; and `start`, a faster way to find
 * the same nodes from the filter's own value (a skill's roles from the skill), which binds the variable.
 */
export interface FilterPart {
  start?: string;
  where?: string;
}

/** A filter's parts by name, each applied when the parameter of that name is given; a part without `where` must have `start`. */
export type FilterParts<F> = { readonly [K in keyof F]?: FilterPart };

/**
 * The nodes of one label that pass the filter, bound to `variable`. The first part given that has a `start`
 * finds them (starting from a skill's few roles rather than testing every role), the others' conditions follow.
 * Only the parts given are written, so the planner sees no `$x IS NULL OR`.
 */
export function matchFiltered<F>(variable: string, label: string, parts: FilterParts<F>, filter: F): string {
  const given = Object.entries(parts as Record<string, FilterPart>).filter(([name]) => filter[name as keyof F] !== null);
  const starter = given.find(([, part]) => part.start !== undefined);
  const conditions = given.filter((entry) => entry !== starter).map(([name, part]) => {
    if (part.where === undefined) throw new Error(`The filter ${name} needs a start before every other filter`);
    return part.where;
  });
  const source = starter?.[1].start ?? `MATCH (${variable}:${label})`;
  return conditions.length ? `${source}\nWITH ${variable} WHERE ${conditions.join(' AND ')}` : source;
}

/** The start of a `text` filter: the nodes of the label that the full-text index `search_text` finds for $text. */
export function fulltextStart(variable: string, label: string): string {
  return `CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node WHERE node:${label} WITH node AS ${variable}`;
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
