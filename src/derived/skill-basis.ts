/** Why a role has a skill. A role–skill link may have several; the first listed is the strongest. */
export enum SkillBasis {
  STATED = 'STATED',
  INHERITED = 'INHERITED',
  DEVELOPED = 'DEVELOPED',
}

export const allBases = Object.values(SkillBasis);

/**
 * Cypher that tests whether the REQUIRES_SKILL relationship in `link` counts under the bases in $bases: a
 * link the importer or a curator wrote carries no bases and is STATED.
 */
export const countsUnder = (link: string) => `any(basis IN coalesce(${link}.bases, ['STATED']) WHERE basis IN $bases)`;
