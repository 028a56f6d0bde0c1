import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { nestedListCost, pathListCost } from '../api/query-cost.js';
import type { TransitionRecord } from './transition.projection.js';
import { Role } from '../role/role.types.js';
import { maxPathHops, PathOrder } from './transition.repository.js';
import { maxHaveSkills, maxPathsPerQuery, type PathResult, type PathsResult } from './transition.service.js';
import { Action, Development, Shift, TransitionFacts, TransitionPath, TransitionPlan } from './transition.types.js';

/** Resolves the fields shared by transitions and path steps, for both. */
@Resolver(() => TransitionFacts)
export class TransitionFactsResolver {
  @FieldResolver(() => Role, { description: 'The role it starts from.' })
  from(@Root() transition: TransitionRecord, @Ctx() { roles }: Context) {
    return roles.find(transition.fromId);
  }

  @FieldResolver(() => Role, { description: 'The role it leads to.' })
  to(@Root() transition: TransitionRecord, @Ctx() { roles }: Context) {
    return roles.find(transition.toId);
  }

  @FieldResolver(() => [Shift])
  async shifts(@Root() transition: TransitionRecord, @Ctx() { transitions }: Context) {
    return (await transitions.details(transition.id)).shifts;
  }

  @FieldResolver(() => [Action])
  async actions(@Root() transition: TransitionRecord, @Ctx() { transitions }: Context) {
    return (await transitions.details(transition.id)).actions;
  }

  @FieldResolver(() => [String])
  async pitfalls(@Root() transition: TransitionRecord, @Ctx() { transitions }: Context) {
    return (await transitions.details(transition.id)).pitfalls;
  }

  @FieldResolver(() => [String])
  async readiness(@Root() transition: TransitionRecord, @Ctx() { transitions }: Context) {
    return (await transitions.details(transition.id)).readiness;
  }

  @FieldResolver(() => [Development], { complexity: nestedListCost })
  async develops(@Root() transition: TransitionRecord, @Ctx() { transitions, skills }: Context) {
    const { develops } = await transitions.details(transition.id);
    return Promise.all(develops.map(async ({ skill, ...rest }) => ({ ...rest, skill: skill === null ? null : await skills.find(skill) })));
  }
}

const haveText = `The skills the person has, by id, at most ${maxHaveSkills}: each step then says what is left to learn. Left out, the skills of the starting role.`;
const orderText = 'How to rank the paths, before any are cut.';
const firstText = `How many of the best paths to return, from 1 to ${maxPathsPerQuery}.`;

@Resolver(() => TransitionPath)
export class TransitionPathResolver {
  @Query(() => TransitionPlan, {
    description: 'The best simple paths of 1 to maxHops transitions from one role to another for a person, ranked by orderBy before any are cut, with whether some were.',
    complexity: pathListCost,
  })
  async transitionPlan(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: `From 1 to ${maxPathHops}.` }) maxHops: number,
    @Arg('have', () => [ID], { nullable: true, description: haveText }) have: string[] | null | undefined,
    @Arg('orderBy', () => PathOrder, { defaultValue: PathOrder.HOPS, description: orderText }) orderBy: PathOrder,
    @Arg('first', () => Int, { defaultValue: 100, description: firstText }) first: number,
    @Ctx() { transitions }: Context,
  ): Promise<PathsResult> {
    return transitions.paths(from, to, { maxHops, have: have ?? null, orderBy, first });
  }

  @Query(() => [TransitionPath], {
    description:
      'The best simple paths of 1 to maxHops transitions from one role to another, ranked by orderBy before any are cut. A list cannot say whether it was cut: transitionPlan, the same question, says it in `truncated`.',
    deprecationReason: 'Use transitionPlan, which also says whether paths were cut off.',
    complexity: pathListCost,
  })
  async transitionPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: `From 1 to ${maxPathHops}.` }) maxHops: number,
    @Arg('have', () => [ID], { nullable: true, description: haveText }) have: string[] | null | undefined,
    @Arg('orderBy', () => PathOrder, { defaultValue: PathOrder.HOPS, description: orderText }) orderBy: PathOrder,
    @Arg('first', () => Int, { defaultValue: maxPathsPerQuery, description: firstText }) first: number,
    @Ctx() { transitions }: Context,
  ): Promise<PathResult[]> {
    return (await transitions.paths(from, to, { maxHops, have: have ?? null, orderBy, first })).paths;
  }

  @Query(() => TransitionPath, { nullable: true, description: 'The path of fewest transitions, or null when there is none.' })
  shortestPath(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('have', () => [ID], { nullable: true, description: haveText }) have: string[] | null | undefined,
    @Ctx() { transitions }: Context,
  ): Promise<PathResult | null> {
    return transitions.shortestPath(from, to, have ?? null);
  }

  @FieldResolver(() => [Role])
  async roles(@Root() path: PathResult, @Ctx() { roles }: Context) {
    return Promise.all(path.roleIds.map((id) => roles.find(id)));
  }
}
