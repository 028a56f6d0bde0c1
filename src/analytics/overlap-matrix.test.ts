import { describe, expect, it } from 'vitest';
import { matrixCells } from './overlap-matrix.js';

const pair = (a: number, b: number, sharedCount: number, jaccard: number) => ({ a, b, sharedCount, jaccard, overlapCoefficient: jaccard });

describe('matrixCells', () => {
  it('lists every ordered pair row by row, mirroring each pair and scoring pairs that share nothing 0', () => {
    const cells = matrixCells(['x', 'y', 'z'], [pair(0, 0, 2, 1), pair(1, 1, 3, 1), pair(0, 1, 1, 0.25)], 0);
    expect(cells.map((cell) => `${cell.a}-${cell.b}:${cell.sharedCount}:${cell.jaccard}`)).toEqual([
      'x-x:2:1', 'x-y:1:0.25', 'x-z:0:0',
      'y-x:1:0.25', 'y-y:3:1', 'y-z:0:0',
      'z-x:0:0', 'z-y:0:0', 'z-z:0:0',
    ]);
  });

  it('leaves out the cells the pairs do not cover once minJaccard is above 0', () => {
    const cells = matrixCells(['x', 'y'], [pair(0, 0, 2, 1), pair(1, 1, 3, 1)], 0.5);
    expect(cells.map((cell) => `${cell.a}-${cell.b}`)).toEqual(['x-x', 'y-y']);
  });

  it('is empty for no roles', () => {
    expect(matrixCells([], [], 0)).toEqual([]);
  });
});
