import { closestIds } from '../common/closest-ids.js';
import { readConnection, type ConnectionResult } from '../common/connection.js';
import { categoryFilter, textFilter } from '../common/list-filter.js';
import { requireSlug } from '../common/validate.js';
import { NotFoundError } from '../errors/error-codes.js';
import type { RoleRecord } from '../role/role.projection.js';
import { maxPageSize, type RoleService } from '../role/role.service.js';
import type { SkillOrder, SkillWhere } from './skill-connection.types.js';
import type { SkillLoaders } from './skill.loaders.js';
import type { RoleSkillRecord, SkillRecord } from './skill.projection.js';
import { skillOrderings, type SkillFilter, type SkillRepository } from './skill.repository.js';

/** A page of skills, with the filter it was read with, which its counts use. */
export interface SkillConnectionResult extends ConnectionResult<SkillRecord> {
  filter: SkillFilter;
}

export class SkillService {
  constructor(
    private readonly repository: SkillRepository,
    private readonly loaders: SkillLoaders,
    private readonly roleService: RoleService,
    /** Every skill id and alias, for the closest ones a NOT_FOUND names. */
    private readonly knownIds: () => Promise<string[]>,
  ) {}

  async get(id: string): Promise<RoleSkillRecord> {
    requireSlug('id', id);
    const skill = (await this.loaders.byId.load(id)) ?? (await this.repository.findByAlias(id));
    if (!skill) throw new NotFoundError('skill', id, closestIds(id, await this.knownIds()));
    return skill;
  }

  /** For references the graph itself holds, which exist unless deleted meanwhile. */
  async find(id: string): Promise<RoleSkillRecord | null> {
    return this.loaders.byId.load(id);
  }

  /** Skills another query read whole: the rest of the request finds them without reading them again. */
  remember(skills: SkillRecord[]): SkillRecord[] {
    for (const skill of skills) this.loaders.byId.prime(skill.id, skill);
    return skills;
  }

  async roles(skillId: string): Promise<RoleRecord[]> {
    return this.roleService.remember(await this.loaders.roles.load(skillId));
  }

  async categories(skillId: string): Promise<string[]> {
    return this.loaders.categories.load(skillId);
  }

  /** The ids among these that no skill has. */
  async unknown(ids: string[]): Promise<string[]> {
    return this.repository.unknownIds(ids);
  }

  /** How many roles need the skill; a skill read under a role does not carry it, and is looked up, in one batch. */
  async roleCount(skill: RoleSkillRecord & { roleCount?: number }): Promise<number> {
    return skill.roleCount ?? (await this.loaders.byId.load(skill.id))?.roleCount ?? 0;
  }

  /** A page of the skills that pass `where`, after the cursor `after`; BAD_USER_INPUT names a bad argument. */
  async connection(where: SkillWhere | null, order: SkillOrder, first: number, after: string | null): Promise<SkillConnectionResult> {
    const filter = skillFilterOf(where);
    const kinds = skillOrderings[order].map((sortKey) => sortKey.kind);
    const page = await readConnection({ first, maxFirst: maxPageSize, after, order, kinds }, (limit, key) => this.repository.page(filter, order, limit, key));
    for (const { node } of page.edges) this.loaders.byId.prime(node.id, node);
    return { ...page, filter };
  }

  async count(filter: SkillFilter): Promise<number> {
    return this.repository.count(filter);
  }

  async countByCategory(filter: SkillFilter): Promise<{ id: string; name: string; count: number }[]> {
    return this.repository.countByCategory(filter);
  }
}

function skillFilterOf(where: SkillWhere | null): SkillFilter {
  const role = where?.role ?? null;
  return {
    role: role === null ? null : requireSlug('where.role', role),
    category: categoryFilter('where.category', where?.category),
    text: textFilter('where.text', where?.text),
  };
}
