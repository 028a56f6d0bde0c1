import { describe, expect, it } from 'vitest';
import { restartDelayMs } from './restart-policy.js';

describe('restartDelayMs', () => {
  it('waits 1 s after a death, then doubles with each failed start', () => {
    expect([0, 1, 2, 3, 4].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits more than 30 s, however many starts failed', () => {
    expect(restartDelayMs(5)).toBe(30_000);
    expect(restartDelayMs(60)).toBe(30_000);
  });
});
