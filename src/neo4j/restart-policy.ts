/** How long the local Neo4j must have run before its death counts as a new incident rather than a failed start. */
export const stableAfterMs = 60_000;

const firstDelayMs = 1_000;
const longestDelayMs = 30_000;

/**
 * The wait before starting the local Neo4j again, after this many failed starts in a row: 1 s, then doubling up
 * to 30 s, so that a database that cannot start (a full disk, a port taken) is retried without spinning.
 * The first wait also lets a signal meant for the whole process group (Ctrl-C) stop this process first.
 */
export function restartDelayMs(failuresInARow: number): number {
  return Math.min(firstDelayMs * 2 ** failuresInARow, longestDelayMs);
}
