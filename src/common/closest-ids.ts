import { distance } from 'fastest-levenshtein';

interface Ranked {
  id: string;
  rank: number;
}

const nearestFirst = (a: Ranked, b: Ranked): number => a.rank - b.rank || a.id.length - b.id.length || a.id.localeCompare(b.id);

/**
 * The existing ids a mistyped id most likely meant: ids that contain it or that it contains first, then
 * those within a few edits, nearest first. One pass that keeps only the best `limit`, measuring the distance
 * only to ids whose length is within reach: at 140,000 skills it runs on every unknown id asked for.
 */
export function closestIds(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  const best: Ranked[] = [];
  for (const id of candidates) {
    const contained = id.includes(wanted) || wanted.includes(id);
    // An edit distance is at least the difference in length.
    if (!contained && Math.abs(id.length - wanted.length) > tolerance) continue;
    const rank = contained ? 0 : distance(wanted, id);
    if (rank > tolerance) continue;
    best.push({ id, rank });
    if (best.length > limit) best.sort(nearestFirst).pop();
  }
  return best.sort(nearestFirst).map(({ id }) => id);
}
