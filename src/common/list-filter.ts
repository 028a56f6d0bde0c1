import { fulltextQuery } from '../search/fulltext-query.js';
import { slug } from '../slug.js';
import { BadUserInputError } from '../errors/error-codes.js';
import { requireText } from './validate.js';

const maxFilterTextLength = 200;

/** A `text` filter as a query for the full-text index, or null when it is left out. */
export function textFilter(argument: string, text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const query = fulltextQuery(requireText(argument, text, maxFilterTextLength));
  if (query === null) throw new BadUserInputError(argument, 'must contain a word');
  return query;
}

/** A category named by name ("Business Acumen") or id ("business-acumen"), as its id; null when left out. */
export function categoryFilter(argument: string, category: string | null | undefined): string | null {
  if (category === null || category === undefined) return null;
  const id = slug(requireText(argument, category, maxFilterTextLength));
  if (id === '') throw new BadUserInputError(argument, `must be a category name or id, got "${category.slice(0, 100)}"`);
  return id;
}
