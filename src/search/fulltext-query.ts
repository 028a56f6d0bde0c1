const luceneSpecial = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * A Lucene query for the full-text index from what a person typed: every word must match, as a whole
 * word (ranked higher) or as the start of one. Lucene's operators are escaped, so input is only ever text.
 * Returns null when nothing searchable is left.
 */
export function fulltextQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(luceneSpecial, (character) => `\\${character}`))
    .filter((word) => word.length > 0)
    .slice(0, 10);
  if (words.length === 0) return null;
  return words.map((word) => `(${word}^2 OR ${word}*)`).join(' AND ');
}
