/**
 * How the map and its panel write a span of years, e.g. "3–5+ years". Shared by the API (edge labels) and
 * the page (path totals), so that both say the same thing about the same timeline.
 */
export function yearsLabel(min: number | null, max: number | null, openEnded: boolean): string | null {
  const plus = openEnded ? '+' : '';
  if (min === null && max === null) return null;
  if (max === null) return `${min}+ years`;
  if (min === null) return `up to ${max}${plus} years`;
  if (min === max) return `${min}${plus} ${min === 1 && !openEnded ? 'year' : 'years'}`;
  return `${min}–${max}${plus} years`;
}
