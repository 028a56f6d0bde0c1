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
 * The scores of every pair of roles, laid out as n × n arrays from the pairs a ≤ b that Neo4j returned: each
 * pair stands for (a, b) and (b, a), the matrix being symmetric, and a pair missing from the list shares no
 * skill and scores 0. Cells and rows are made from it only when a response asks for them: a matrix of 500
 * roles has 250,000 of each.
 */
export class OverlapScores {
  private readonly sharedCount: Int32Array;
  private readonly jaccard: Float64Array;
  private readonly overlapCoefficient: Float64Array;
  private readonly found: Uint8Array;

  constructor(
    private readonly roleIds: string[],
    pairs: Pair[],
  ) {
    const n = roleIds.length;
    this.sharedCount = new Int32Array(n * n);
    this.jaccard = new Float64Array(n * n);
    this.overlapCoefficient = new Float64Array(n * n);
    this.found = new Uint8Array(n * n);
    for (const pair of pairs) {
      for (const index of [pair.a * n + pair.b, pair.b * n + pair.a]) {
        this.sharedCount[index] = pair.sharedCount;
        this.jaccard[index] = pair.jaccard;
        this.overlapCoefficient[index] = pair.overlapCoefficient;
        this.found[index] = 1;
      }
    }
  }

  /** Every ordered pair, row by row; once minJaccard is above 0, only the pairs Neo4j returned. */
  cells(minJaccard: number): Cell[] {
    const n = this.roleIds.length;
    const cells: Cell[] = [];
    for (let index = 0; index < n * n; index += 1) {
      if (minJaccard > 0 && this.found[index] === 0) continue;
      cells.push({
        a: this.roleIds[Math.floor(index / n)] as string,
        b: this.roleIds[index % n] as string,
        sharedCount: this.sharedCount[index] as number,
        jaccard: this.jaccard[index] as number,
        overlapCoefficient: this.overlapCoefficient[index] as number,
      });
    }
    return cells;
  }

  /** The Jaccard indexes as n rows of n numbers. */
  jaccardRows(): number[][] {
    const n = this.roleIds.length;
    return Array.from({ length: n }, (_, row) => Array.from(this.jaccard.subarray(row * n, (row + 1) * n)));
  }
}
