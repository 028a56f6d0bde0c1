import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { pageCost } from '../api/query-cost.js';
import { RoleConnection, LevelCount, RoleWhere } from './role-connection.types.js';
import { maxPageSize, type RoleConnectionResult } from './role.service.js';
import { RoleOrder } from './role.types.js';

@Resolver(() => RoleConnection)
export class RoleConnectionResolver {
  @Query(() => RoleConnection, {
    description: `Roles as a Relay cursor connection: filtered, ordered, ${maxPageSize} at most a page, with counts of every role that passes the filter.`,
    complexity: pageCost,
  })
  rolesConnection(
    @Arg('where', () => RoleWhere, { nullable: true }) where: RoleWhere | null | undefined,
    @Arg('orderBy', () => RoleOrder, { defaultValue: RoleOrder.LEVEL_ASC }) orderBy: RoleOrder,
    @Arg('first', () => Int, { defaultValue: 20, description: `From 0 to ${maxPageSize}; 0 for the counts only.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the edge to start after, from a page in the same orderBy.' })
    after: string | null | undefined,
    @Ctx() { roles }: Context,
  ): Promise<RoleConnectionResult> {
    return roles.connection(where ?? null, orderBy, first, after ?? null);
  }

  @FieldResolver(() => Int, { description: 'How many roles pass the filter, on every page.' })
  totalCount(@Root() connection: RoleConnectionResult, @Ctx() { roles }: Context): Promise<number> {
    return roles.count(connection.filter);
  }

  @FieldResolver(() => [LevelCount], { description: 'How many roles that pass the filter each level has, lowest level first.' })
  byLevel(@Root() connection: RoleConnectionResult, @Ctx() { roles }: Context): Promise<LevelCount[]> {
    return roles.countByLevel(connection.filter);
  }
}
