import { Profile } from '../role/role.profile.js';

export interface SkillLike {
  id: string;
}

export interface Delta<T extends SkillLike> {
  gained: T[];
  retained: T[];
  dropped: T[];
  /** The source's skills whose fate nothing states: the target's profile is inferred and does not carry them. */
  unstated: T[];
  targetProfile: Profile;
}

/** What the pages (and curators) say about the target of a move. */
export interface TargetProfile {
  profile: Profile;
  /** Skills a curator removed from the target: stated to be dropped even when its profile is inferred. */
  excluded: ReadonlySet<string>;
}

/**
 * What changes in skills from one role to another: gained are the target's skills the source lacks, retained
 * are both's. Dropped are the source's skills the target is stated not to need: all those it lacks when its
 * own page states its skills, only those a curator excluded when its profile is inferred, since an inferred
 * profile is partial and its silence says nothing. The rest of an inferred target's lacks are unstated.
 * Each list keeps its role's order.
 */
export function skillDelta<T extends SkillLike>(source: T[], target: T[], about: TargetProfile): Delta<T> {
  const sourceIds = new Set(source.map((skill) => skill.id));
  const targetIds = new Set(target.map((skill) => skill.id));
  const lacked = source.filter((skill) => !targetIds.has(skill.id));
  const stated = about.profile === Profile.STATED;
  return {
    gained: target.filter((skill) => !sourceIds.has(skill.id)),
    retained: target.filter((skill) => sourceIds.has(skill.id)),
    dropped: stated ? lacked : lacked.filter((skill) => about.excluded.has(skill.id)),
    unstated: stated ? [] : lacked.filter((skill) => !about.excluded.has(skill.id)),
    targetProfile: about.profile,
  };
}

/**
 * What is left to learn at each step of a path, for a person who knows `known` at its start: a step's target's
 * skills not known yet, each learnt once, where it is first needed; the path's are all of them.
 */
export function leftToLearn<T extends SkillLike>(known: Iterable<string>, targets: T[][]): { steps: T[][]; path: T[] } {
  const learnt = new Set(known);
  const steps = targets.map((skills) => {
    const fresh = skills.filter((skill) => !learnt.has(skill.id));
    for (const skill of fresh) learnt.add(skill.id);
    return fresh;
  });
  return { steps, path: steps.flat() };
}
