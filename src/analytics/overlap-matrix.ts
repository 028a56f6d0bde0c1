export interface Pair {
  /** Positions in the list of roles, a ≤ b. */
  a: number;
  b: number;
  sharedCount: number;
  jaccard: number;
  overlapCoefficient: number;
}

export interface Cell {
  a: string;
  b: string;
  sharedCount: number;
  jaccard: number;
  overlapCoefficient: number;
}

/**
 * The n × n cells of an overlap matrix, row by row, from the pairs a ≤ b that share a skill: each pair
 * stands for (a, b) and (b, a), the matrix being symmetric. A pair missing from the list shares no skill and
 * scores 0, so it is a cell only when minJaccard lets a 0 through.
 */
export function matrixCells(roleIds: string[], pairs: Pair[], minJaccard: number): Cell[] {
  const n = roleIds.length;
  const found = new Map<number, Pair>();
  for (const pair of pairs) {
    found.set(pair.a * n + pair.b, pair);
    found.set(pair.b * n + pair.a, pair);
  }
  const cells: Cell[] = [];
  for (let row = 0; row < n; row += 1) {
    for (let column = 0; column < n; column += 1) {
      const pair = found.get(row * n + column);
      if (pair === undefined && minJaccard > 0) continue;
      cells.push({
        a: roleIds[row] as string,
        b: roleIds[column] as string,
        sharedCount: pair?.sharedCount ?? 0,
        jaccard: pair?.jaccard ?? 0,
        overlapCoefficient: pair?.overlapCoefficient ?? 0,
      });
    }
  }
  return cells;
}
