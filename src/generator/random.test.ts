import { describe, expect, it } from 'vitest';
import { Random, WeightedSampler, zipfWeights } from './random.js';

describe('Random', () => {
  it('gives the same numbers for the same seed and others for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((random) => () => random.next())(new Random(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) expect(value >= 0 && value < 1).toBe(true);
  });

  it('permutes 0..n-1', () => {
    expect([...new Random(1).permutation(10)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('WeightedSampler', () => {
  it('draws indexes in proportion to their weights, never one of weight 0', () => {
    const random = new Random(3);
    const sampler = new WeightedSampler([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i += 1) counts[sampler.draw(random)]! += 1;
    expect(counts[1]).toBe(0);
    expect((counts[2] as number) / (counts[0] as number)).toBeGreaterThan(2.7);
    expect((counts[2] as number) / (counts[0] as number)).toBeLessThan(3.3);
  });
});

describe('zipfWeights', () => {
  it('weighs rank r as 1/r^s', () => {
    expect([...zipfWeights(3, 1)]).toEqual([1, 1 / 2, 1 / 3]);
  });
});
