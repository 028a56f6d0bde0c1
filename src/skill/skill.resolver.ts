import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../api/context.js';
import { nestedListCost } from '../api/query-cost.js';
import type { RoleSkillRecord } from '../role/role.repository.js';
import { Role } from '../role/role.types.js';
import { Skill } from './skill.types.js';

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => Skill, { description: 'The skill with that id; NOT_FOUND, with the closest ids, when there is none.' })
  skill(@Arg('id', () => ID) id: string, @Ctx() { skills }: Context): Promise<RoleSkillRecord> {
    return skills.get(id);
  }

  @FieldResolver(() => [Role], { complexity: nestedListCost, description: 'The roles that need it, lowest level first.' })
  roles(@Root() skill: RoleSkillRecord, @Ctx() { skills }: Context) {
    return skills.roles(skill.id);
  }

  @FieldResolver(() => Int, { description: 'How many roles need it, derived needs included: the length of `roles`, without reading them.' })
  roleCount(@Root() skill: RoleSkillRecord, @Ctx() { skills }: Context): Promise<number> {
    return skills.roleCount(skill);
  }

  @FieldResolver(() => [String], { description: 'Every category any page lists it in.' })
  categories(@Root() skill: RoleSkillRecord, @Ctx() { skills }: Context) {
    return skills.categories(skill.id);
  }
}
