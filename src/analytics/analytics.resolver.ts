import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { overlapMatrixCost, pageCost, rankedOverRolesCost } from '../api/query-cost.js';
import { SkillBasis } from '../derived/skill-basis.js';
import { maxPageSize } from '../role/role.service.js';
import type { OverlapMatrixResult, RoleReadinessResult, SimilarRoleResult, SkillCentralityResult, SkillOverlapResult } from './analytics.service.js';
import { maxReadinessSkills } from './analytics.service.js';
import type { Cell } from './overlap-matrix.js';
import { OverlapCell, OverlapMatrix, RoleReadiness, SimilarRole, SkillCentrality, SkillOverlap } from './analytics.types.js';
import { Skill } from '../skill/skill.types.js';

const categoriesText = 'Only skills listed in one of these categories (by name, e.g. "Business Acumen", or id, e.g. "business-acumen") count, in every set; all skills when left out.';
const basesText = 'Only role–skill links with one of these bases count, in every set (e.g. [STATED] for what pages and curators state); all when left out.';
const minJaccardText = 'From 0 to 1.';
const firstText = `From 1 to ${maxPageSize}.`;

/**
 * Skill-overlap analytics. Every operation compares roles by their sets of skills: the skills their
 * REQUIRES_SKILL relationships lead to, those derived for roles without a page included.
 */
@Resolver()
export class AnalyticsResolver {
  @Query(() => SkillOverlap, { description: 'The skills two roles share and those only one needs, with the Jaccard index and overlap coefficient of their sets.' })
  skillOverlap(
    @Arg('a', () => ID, { description: 'The first role.' }) a: string,
    @Arg('b', () => ID, { description: 'The second role.' }) b: string,
    @Arg('categories', () => [String], { nullable: true, description: categoriesText }) categories: string[] | null | undefined,
    @Arg('bases', () => [SkillBasis], { nullable: true, description: basesText }) bases: SkillBasis[] | null | undefined,
    @Ctx() { analytics }: Context,
  ): Promise<SkillOverlapResult> {
    return analytics.skillOverlap(a, b, categories ?? null, bases ?? null);
  }

  @Query(() => OverlapMatrix, {
    description: 'The Jaccard index and overlap coefficient of every pair of the roles, as a full n × n list of cells.',
    complexity: overlapMatrixCost,
  })
  overlapMatrix(
    @Arg('roles', () => [ID], { nullable: true, description: 'The roles to compare, at most MAX_MATRIX_ROLES (500 unless configured); every role when left out.' })
    roles: string[] | null | undefined,
    @Arg('minJaccard', () => Float, { defaultValue: 0, description: `${minJaccardText} Cells under it are left out.` }) minJaccard: number,
    @Arg('categories', () => [String], { nullable: true, description: categoriesText }) categories: string[] | null | undefined,
    @Arg('bases', () => [SkillBasis], { nullable: true, description: basesText }) bases: SkillBasis[] | null | undefined,
    @Ctx() { analytics }: Context,
  ): Promise<OverlapMatrixResult> {
    return analytics.overlapMatrix(roles ?? null, categories ?? null, bases ?? null, minJaccard);
  }

  @Query(() => [SimilarRole], {
    description:
      'The roles that share skills with a role, highest Jaccard index first, then most skills shared, then roles whose own page states their skills (an inferred profile partly echoes its predecessors\'), then by id. Roles that share no skill are not listed.',
    complexity: rankedOverRolesCost,
  })
  similarRoles(
    @Arg('to', () => ID, { description: 'The role to compare the others with.' }) to: string,
    @Arg('first', () => Int, { defaultValue: 10, description: firstText }) first: number,
    @Arg('minJaccard', () => Float, { defaultValue: 0, description: `${minJaccardText} Roles under it are left out.` }) minJaccard: number,
    @Arg('categories', () => [String], { nullable: true, description: categoriesText }) categories: string[] | null | undefined,
    @Arg('bases', () => [SkillBasis], { nullable: true, description: basesText }) bases: SkillBasis[] | null | undefined,
    @Ctx() { analytics }: Context,
  ): Promise<SimilarRoleResult[]> {
    return analytics.similarRoles(to, first, minJaccard, categories ?? null, bases ?? null);
  }

  @Query(() => [SkillCentrality], {
    description: 'The skills that bridge roles, highest betweenness first, then most roles, then by id. Only skills some role needs are ranked.',
    // Without categories it reads what every write stores on the skills; with them it counts over the roles.
    complexity: (estimate) => (estimate.args.categories ? rankedOverRolesCost(estimate) : pageCost(estimate)),
  })
  skillCentrality(
    @Arg('first', () => Int, { defaultValue: 10, description: firstText }) first: number,
    @Arg('categories', () => [String], { nullable: true, description: `${categoriesText} The graph is then the roles and those skills only.` })
    categories: string[] | null | undefined,
    @Arg('bases', () => [SkillBasis], { nullable: true, description: basesText }) bases: SkillBasis[] | null | undefined,
    @Ctx() { analytics }: Context,
  ): Promise<SkillCentralityResult[]> {
    return analytics.skillCentrality(first, categories ?? null, bases ?? null);
  }

  @Query(() => [RoleReadiness], {
    description:
      'The roles a person with these skills is closest to: highest coverage first, then fewest skills missing, then by id. Roles with no skills (in the categories) are left out.',
    complexity: rankedOverRolesCost,
  })
  readiness(
    @Arg('skills', () => [ID], { description: `The person's skills by id, at most ${maxReadinessSkills}; ids no skill has are reported in unknownSkills.` }) skills: string[],
    @Arg('first', () => Int, { defaultValue: 10, description: firstText }) first: number,
    @Arg('categories', () => [String], { nullable: true, description: categoriesText }) categories: string[] | null | undefined,
    @Arg('bases', () => [SkillBasis], { nullable: true, description: basesText }) bases: SkillBasis[] | null | undefined,
    @Ctx() { analytics }: Context,
  ): Promise<RoleReadinessResult[]> {
    return analytics.readiness(skills, first, categories ?? null, bases ?? null);
  }
}

/** The two forms of a matrix are made only when asked for: each has n × n entries. */
@Resolver(() => OverlapMatrix)
export class OverlapMatrixResolver {
  @FieldResolver(() => [OverlapCell])
  cells(@Root() matrix: OverlapMatrixResult): Cell[] {
    return matrix.scores.cells(matrix.minJaccard);
  }

  @FieldResolver(() => [[Float]])
  jaccardRows(@Root() matrix: OverlapMatrixResult): number[][] {
    return matrix.scores.jaccardRows();
  }
}

/** A similar role's shared skills are read only when the answer asks for them: a ranking of ten roles names hundreds. */
@Resolver(() => SimilarRole)
export class SimilarRoleResolver {
  @FieldResolver(() => [Skill], { description: 'The skills the two roles share, by id.' })
  shared(@Root() similar: SimilarRoleResult, @Ctx() { analytics }: Context) {
    return analytics.sharedSkills(similar);
  }
}
