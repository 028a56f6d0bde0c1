import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Role } from '../role/role.types.js';
import { Transition } from '../transition/transition.types.js';
import { CreateRoleInput, TransitionInput, UpdateRoleInput } from './curation.inputs.js';

/** Mutations for curators: each needs `Authorization: Bearer <API_TOKEN>` and runs as one transaction. */
@Authorized()
@Resolver()
export class CurationResolver {
  @Mutation(() => Role, { description: 'Creates a role; CONFLICT when the id is taken.' })
  createRole(@Arg('input', () => CreateRoleInput) input: CreateRoleInput, @Ctx() { curation }: Context) {
    return curation.createRole(input);
  }

  @Mutation(() => Role, { description: 'Changes the given fields of a role. Importing its page again restores the page\'s values.' })
  updateRole(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateRoleInput) input: UpdateRoleInput, @Ctx() { curation }: Context) {
    return curation.updateRole(id, input);
  }

  @Mutation(() => ID, { description: 'Deletes a role with its page facts and its transitions; returns its id.' })
  deleteRole(@Arg('id', () => ID) id: string, @Ctx() { curation }: Context) {
    return curation.deleteRole(id);
  }

  @Mutation(() => Role, { description: 'Adds a skill to a role as STATED, creating the skill when skillName is given and it is new; lifts an earlier removal.' })
  addSkillToRole(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('skillId', () => ID) skillId: string,
    @Arg('skillName', () => String, { nullable: true }) skillName: string | null,
    @Arg('category', () => String, { nullable: true }) category: string | null,
    @Ctx() { curation }: Context,
  ) {
    return curation.addSkill(roleId, skillId, skillName ?? null, category ?? null);
  }

  @Mutation(() => Role, {
    description:
      'Removes a skill from a role, whatever its basis, and records that the role does not need it: no later derivation brings it back, and deltas into the role drop it. NOT_FOUND when the role does not have it.',
  })
  removeSkillFromRole(@Arg('roleId', () => ID) roleId: string, @Arg('skillId', () => ID) skillId: string, @Ctx() { curation }: Context) {
    return curation.removeSkill(roleId, skillId);
  }

  @Mutation(() => Transition, { description: 'Creates a transition, or replaces its timeline.' })
  upsertTransition(@Arg('input', () => TransitionInput) input: TransitionInput, @Ctx() { curation }: Context) {
    return curation.upsertTransition(input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a transition with its shifts, actions, pitfalls and readiness indicators.' })
  deleteTransition(@Arg('from', () => ID) from: string, @Arg('to', () => ID) to: string, @Ctx() { curation }: Context) {
    return curation.deleteTransition(from, to);
  }
}
