import { describe, expect, it } from 'vitest';
import { ReadByVersion } from './read-by-version.js';

/** A read that counts itself and answers with its count, failing when told to. */
function countedRead() {
  const state = { reads: 0, fail: false };
  const read = async () => {
    state.reads += 1;
    if (state.fail) throw new Error('database unavailable');
    return state.reads;
  };
  return { state, byVersion: new ReadByVersion(read) };
}

describe('a read kept by version', () => {
  it('is read once for all the requests at one version, even at once', async () => {
    const { state, byVersion } = countedRead();
    expect(await Promise.all([byVersion.at('v1'), byVersion.at('v1'), byVersion.at('v1')])).toEqual([1, 1, 1]);
    expect(state.reads).toBe(1);
  });

  it('is read again for another version', async () => {
    const { state, byVersion } = countedRead();
    await byVersion.at('v1');
    expect(await byVersion.at('v2')).toBe(2);
    expect(state.reads).toBe(2);
  });

  it('is read afresh for a request at no version', async () => {
    const { state, byVersion } = countedRead();
    await byVersion.at(null);
    await byVersion.at(null);
    expect(state.reads).toBe(2);
  });

  it('is not kept when the read failed: the next request reads again', async () => {
    const { state, byVersion } = countedRead();
    state.fail = true;
    await expect(byVersion.at('v1')).rejects.toThrow('database unavailable');
    state.fail = false;
    expect(await byVersion.at('v1')).toBe(2);
  });
});
