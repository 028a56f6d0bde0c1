import { distance } from 'fastest-levenshtein';

/**
 * The existing ids a mistyped id most likely meant: ids that contain it or that it contains first, then
 * those within a few edits, nearest first.
 */
export function closestIds(wanted: string, candidates: string[], limit = 3): string[] {
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  return candidates
    .map((id) => ({ id, rank: id.includes(wanted) || wanted.includes(id) ? 0 : distance(wanted, id) }))
    .filter(({ rank }) => rank <= tolerance)
    .sort((a, b) => a.rank - b.rank || a.id.length - b.id.length || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id }) => id);
}
