import { describe, expect, it } from 'vitest';
import { addYears } from './path-years.js';
import { skillDelta } from './skill-delta.js';

const skills = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((skill) => skill.id);

describe('skillDelta', () => {
  it('splits skills into gained, retained and dropped', () => {
    const delta = skillDelta(skills('budgeting', 'hiring', 'coaching'), skills('budgeting', 'vision-setting'));
    expect(ids(delta.gained)).toEqual(['vision-setting']);
    expect(ids(delta.retained)).toEqual(['budgeting']);
    expect(ids(delta.dropped)).toEqual(['hiring', 'coaching']);
  });

  it('gains everything when the source has no skills', () => {
    expect(ids(skillDelta([], skills('a', 'b')).gained)).toEqual(['a', 'b']);
  });
});

describe('addYears', () => {
  const step = (minYears: number | null, maxYears: number | null, openEnded = false) => ({ minYears, maxYears, openEnded });

  it('adds the bounds of closed ranges', () => {
    expect(addYears([step(3, 6), step(3, 5)])).toEqual({ min: 6, max: 11, openEnded: false });
  });

  it('is open-ended when any step is', () => {
    expect(addYears([step(3, 5), step(5, 10, true)])).toEqual({ min: 8, max: 15, openEnded: true });
  });

  it('treats "3+ years" as open-ended, counting its minimum towards the maximum', () => {
    expect(addYears([step(2, 4), step(3, null, true)])).toEqual({ min: 5, max: 7, openEnded: true });
  });

  it('has no maximum when no step states years', () => {
    expect(addYears([step(null, null), step(null, null)])).toEqual({ min: 0, max: null, openEnded: false });
  });
});
