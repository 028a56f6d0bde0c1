import { describe, expect, it } from 'vitest';
import { addYears } from './path-years.js';
import { Profile } from '../role/role.profile.js';
import { leftToLearn, skillDelta } from './skill-delta.js';

const skills = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((skill) => skill.id);

const stated = { profile: Profile.STATED, excluded: new Set<string>() };
const inferred = (...excluded: string[]) => ({ profile: Profile.INFERRED, excluded: new Set(excluded) });

describe('skillDelta', () => {
  it('toward a stated profile, drops what the target lacks and leaves nothing unstated', () => {
    const delta = skillDelta(skills('budgeting', 'hiring', 'coaching'), skills('budgeting', 'vision-setting'), stated);
    expect(ids(delta.gained)).toEqual(['vision-setting']);
    expect(ids(delta.retained)).toEqual(['budgeting']);
    expect(ids(delta.dropped)).toEqual(['hiring', 'coaching']);
    expect(delta.unstated).toEqual([]);
    expect(delta.targetProfile).toBe(Profile.STATED);
  });

  it('toward an inferred profile, drops only what a curator excluded and lists the rest apart', () => {
    const delta = skillDelta(skills('budgeting', 'hiring', 'coaching'), skills('budgeting', 'vision-setting'), inferred('coaching'));
    expect(ids(delta.gained)).toEqual(['vision-setting']);
    expect(ids(delta.dropped)).toEqual(['coaching']);
    expect(ids(delta.unstated)).toEqual(['hiring']);
    expect(delta.targetProfile).toBe(Profile.INFERRED);
  });

  it('gains everything when the source has no skills', () => {
    expect(ids(skillDelta([], skills('a', 'b'), stated).gained)).toEqual(['a', 'b']);
  });
});

describe('leftToLearn', () => {
  it('leaves out what the person knows, and counts each skill at the first step that needs it', () => {
    const learning = leftToLearn(['a'], [skills('a', 'b'), skills('b', 'c'), skills('a', 'd')]);
    expect(learning.steps.map(ids)).toEqual([['b'], ['c'], ['d']]);
    expect(ids(learning.path)).toEqual(['b', 'c', 'd']);
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
