import { describe, expect, it } from 'vitest';
import { OverlapScores } from './overlap-matrix.js';

const pair = (a: number, b: number, sharedCount: number, jaccard: number) => ({ a, b, sharedCount, jaccard, overlapCoefficient: jaccard });
const scores = new OverlapScores(['x', 'y', 'z'], [pair(0, 0, 2, 1), pair(1, 1, 3, 1), pair(0, 1, 1, 0.25)]);

describe('OverlapScores', () => {
  it('lists every ordered pair row by row, mirroring each pair and scoring pairs that share nothing 0', () => {
    expect(scores.cells(0).map((cell) => `${cell.a}-${cell.b}:${cell.sharedCount}:${cell.jaccard}`)).toEqual([
      'x-x:2:1', 'x-y:1:0.25', 'x-z:0:0',
      'y-x:1:0.25', 'y-y:3:1', 'y-z:0:0',
      'z-x:0:0', 'z-y:0:0', 'z-z:0:0',
    ]);
  });

  it('leaves out the cells the pairs do not cover once minJaccard is above 0', () => {
    expect(scores.cells(0.5).map((cell) => `${cell.a}-${cell.b}`)).toEqual(['x-x', 'x-y', 'y-x', 'y-y']);
  });

  it('gives the Jaccard indexes as rows', () => {
    expect(scores.jaccardRows()).toEqual([
      [1, 0.25, 0],
      [0.25, 1, 0],
      [0, 0, 0],
    ]);
  });

  it('is empty for no roles', () => {
    expect(new OverlapScores([], []).cells(0)).toEqual([]);
    expect(new OverlapScores([], []).jaccardRows()).toEqual([]);
  });
});
