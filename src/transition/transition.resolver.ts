import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../api/context.js';
import type { TransitionRecord } from '../role/role.repository.js';
import { Role } from '../role/role.types.js';
import { maxPathHops } from './transition.repository.js';
import type { PathResult } from './transition.service.js';
import { Action, Shift, TransitionFacts, TransitionPath } from './transition.types.js';

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
}

@Resolver(() => TransitionPath)
export class TransitionPathResolver {
  @Query(() => [TransitionPath], {
    description: `Every simple path of 1 to maxHops transitions from one role to another, fewest hops first, then fewest years.`,
    complexity: ({ childComplexity }) => 20 * childComplexity,
  })
  transitionPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: `From 1 to ${maxPathHops}.` }) maxHops: number,
    @Ctx() { transitions }: Context,
  ): Promise<PathResult[]> {
    return transitions.paths(from, to, maxHops);
  }

  @Query(() => TransitionPath, { nullable: true, description: 'The path of fewest transitions, or null when there is none.' })
  shortestPath(@Arg('from', () => ID) from: string, @Arg('to', () => ID) to: string, @Ctx() { transitions }: Context): Promise<PathResult | null> {
    return transitions.shortestPath(from, to);
  }

  @FieldResolver(() => [Role])
  async roles(@Root() path: PathResult, @Ctx() { roles }: Context) {
    return Promise.all(path.roleIds.map((id) => roles.find(id)));
  }
}
