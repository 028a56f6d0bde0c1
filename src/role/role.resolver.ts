import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { nestedListCost, pageCost } from '../api/query-cost.js';
import { Skill } from '../skill/skill.types.js';
import { Transition } from '../transition/transition.types.js';
import type { RoleRecord } from './role.projection.js';
import { maxPageSize } from './role.service.js';
import { rolePrefetchOf } from './role.prefetch.js';
import { Profile, profileOf } from './role.profile.js';
import { Activity, ComparisonFact, Responsibility, Role, RoleOrder, ScopeItem } from './role.types.js';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, {
    description: 'The role with that id or alias ("ic" for individual-contributor); NOT_FOUND, with the closest ids and aliases, when there is none.',
  })
  role(@Arg('id', () => ID) id: string, @Ctx() { roles }: Context, @Info() info: GraphQLResolveInfo): Promise<RoleRecord> {
    return roles.get(id, 'id', rolePrefetchOf(info));
  }

  @Query(() => [Role], {
    description: `Roles, ${maxPageSize} at most a page, by offset. rolesConnection has filters, cursors that keep their place, and counts.`,
    complexity: pageCost,
  })
  roles(
    @Arg('orderBy', () => RoleOrder, { defaultValue: RoleOrder.LEVEL_ASC }) orderBy: RoleOrder,
    @Arg('first', () => Int, { defaultValue: 20, description: `At most ${maxPageSize}.` }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() { roles }: Context,
  ): Promise<RoleRecord[]> {
    return roles.list(orderBy, first, offset);
  }

  @FieldResolver(() => Profile)
  profile(@Root() role: RoleRecord): Profile {
    return profileOf(role);
  }

  @FieldResolver(() => [Responsibility], { complexity: nestedListCost, description: 'In the order of its page, grouped by area.' })
  responsibilities(@Root() role: RoleRecord, @Ctx() { roles }: Context) {
    return roles.children('responsibilities', role.id);
  }

  @FieldResolver(() => [Skill], {
    complexity: nestedListCost,
    description: 'The skills it needs, each with its basis: those its page lists; for a role without a page, those it inherits and those the transitions into it develop.',
  })
  skills(@Root() role: RoleRecord, @Ctx() { roles }: Context) {
    return roles.children('skills', role.id);
  }

  @FieldResolver(() => [Activity], { complexity: nestedListCost, description: 'A typical day, slot by slot, in the order of its page.' })
  activities(@Root() role: RoleRecord, @Ctx() { roles }: Context) {
    return roles.children('activities', role.id);
  }

  @FieldResolver(() => [ScopeItem], { complexity: nestedListCost, description: 'Its typical scope: direct reports, org size, span.' })
  scope(@Root() role: RoleRecord, @Ctx() { roles }: Context) {
    return roles.children('scope', role.id);
  }

  @FieldResolver(() => [ComparisonFact], { complexity: nestedListCost, description: 'Facts its own page states first, then those of other pages.' })
  comparisons(@Root() role: RoleRecord, @Ctx() { roles }: Context) {
    return roles.children('comparisons', role.id);
  }

  @FieldResolver(() => [Transition], { complexity: nestedListCost, description: 'Moves from this role to others.' })
  transitionsOut(@Root() role: RoleRecord, @Ctx() { roles }: Context) {
    return roles.children('transitionsOut', role.id);
  }

  @FieldResolver(() => [Transition], { complexity: nestedListCost, description: 'Moves from other roles to this one.' })
  transitionsIn(@Root() role: RoleRecord, @Ctx() { roles }: Context) {
    return roles.children('transitionsIn', role.id);
  }
}
