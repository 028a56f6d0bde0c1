import { closestIds } from '../common/closest-ids.js';
import { requireSlug } from '../common/validate.js';
import { NotFoundError } from '../errors/error-codes.js';
import type { Loaders } from '../api/loaders.js';
import type { Repositories } from '../api/repositories.js';
import type { RoleRecord, RoleSkillRecord } from '../role/role.repository.js';

export class SkillService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
  ) {}

  async get(id: string): Promise<RoleSkillRecord> {
    requireSlug('id', id);
    const skill = (await this.loaders.skill.load(id)) ?? (await this.repositories.skills.findByAlias(id));
    if (!skill) throw new NotFoundError('skill', id, closestIds(id, await this.repositories.skills.allNames()));
    return skill;
  }

  async roles(skillId: string): Promise<RoleRecord[]> {
    const roles = await this.loaders.rolesOfSkill.load(skillId);
    for (const role of roles) this.loaders.role.prime(role.id, role);
    return roles;
  }

  async categories(skillId: string): Promise<string[]> {
    return this.loaders.categoriesOfSkill.load(skillId);
  }
}
