export interface SkillLike {
  id: string;
}

export interface Delta<T extends SkillLike> {
  gained: T[];
  retained: T[];
  dropped: T[];
}

/**
 * What changes in skills from one role to another: gained are the target's skills the source lacks,
 * retained are both's, dropped are the source's the target does not need. Each list keeps its role's order.
 */
export function skillDelta<T extends SkillLike>(source: T[], target: T[]): Delta<T> {
  const sourceIds = new Set(source.map((skill) => skill.id));
  const targetIds = new Set(target.map((skill) => skill.id));
  return {
    gained: target.filter((skill) => !sourceIds.has(skill.id)),
    retained: target.filter((skill) => sourceIds.has(skill.id)),
    dropped: source.filter((skill) => !targetIds.has(skill.id)),
  };
}
