import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { pageCost } from '../api/query-cost.js';
import { maxPageSize } from '../role/role.service.js';
import { CategoryCount, SkillConnection, SkillOrder, SkillWhere } from './skill-connection.types.js';
import type { SkillConnectionResult } from './skill.service.js';

@Resolver(() => SkillConnection)
export class SkillConnectionResolver {
  @Query(() => SkillConnection, {
    description: `Skills as a Relay cursor connection: filtered, ordered, ${maxPageSize} at most a page, with counts of every skill that passes the filter.`,
    complexity: pageCost,
  })
  skillsConnection(
    @Arg('where', () => SkillWhere, { nullable: true }) where: SkillWhere | null | undefined,
    @Arg('orderBy', () => SkillOrder, { defaultValue: SkillOrder.NAME_ASC }) orderBy: SkillOrder,
    @Arg('first', () => Int, { defaultValue: 20, description: `From 0 to ${maxPageSize}; 0 for the counts only.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the edge to start after, from a page in the same orderBy.' })
    after: string | null | undefined,
    @Ctx() { skills }: Context,
  ): Promise<SkillConnectionResult> {
    return skills.connection(where ?? null, orderBy, first, after ?? null);
  }

  @FieldResolver(() => Int, { description: 'How many skills pass the filter, on every page.' })
  totalCount(@Root() connection: SkillConnectionResult, @Ctx() { skills }: Context): Promise<number> {
    return skills.count(connection.filter);
  }

  @FieldResolver(() => [CategoryCount], {
    description: 'How many skills that pass the filter each category holds, most first, then by id; a skill listed in two categories counts in both.',
  })
  byCategory(@Root() connection: SkillConnectionResult, @Ctx() { skills }: Context): Promise<CategoryCount[]> {
    return skills.countByCategory(connection.filter);
  }
}
