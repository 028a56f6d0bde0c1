import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { nestedListCost } from '../api/query-cost.js';
import { SkillBasis } from '../derived/skill-basis.js';
import type { EvidenceRecord, RoleSkillRecord } from './skill.projection.js';
import { Role } from '../role/role.types.js';
import { Evidence } from './evidence.types.js';
import { Skill } from './skill.types.js';

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => Skill, { description: 'The skill with that id or an id it had before; NOT_FOUND, with the closest ones, when there is none.' })
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

  @FieldResolver(() => SkillBasis, { nullable: true })
  basis(@Root() skill: RoleSkillRecord): SkillBasis | null {
    return skill.bases?.[0] ?? null;
  }

  @FieldResolver(() => [SkillBasis])
  bases(@Root() skill: RoleSkillRecord): SkillBasis[] {
    return skill.bases ?? [];
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() skill: RoleSkillRecord): EvidenceRecord[] {
    return skill.evidence ?? [];
  }

  @FieldResolver(() => [Role], {
    complexity: nestedListCost,
    description: 'Under a role that has it as INHERITED: the roles leading into it that state it. Otherwise empty.',
  })
  async inheritedFrom(@Root() skill: RoleSkillRecord, @Ctx() { roles }: Context) {
    const found = await Promise.all((skill.inheritedFrom ?? []).map((id) => roles.find(id)));
    return found.filter((role) => role !== null);
  }

  @FieldResolver(() => [String], { description: 'Every category any page lists it in.' })
  categories(@Root() skill: RoleSkillRecord, @Ctx() { skills }: Context) {
    return skills.categories(skill.id);
  }
}
