import { requireSlug, requireText } from '../common/validate.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/error-codes.js';
import type { RoleRecord } from '../role/role.projection.js';
import type { RoleService } from '../role/role.service.js';
import { slug } from '../slug.js';
import type { TransitionRecord } from '../transition/transition.projection.js';
import type { TransitionService } from '../transition/transition.service.js';
import type { CurationRepository, RoleFields } from './curation.repository.js';
import type { CreateRoleInput, TransitionInput, UpdateRoleInput } from './curation.inputs.js';

const maxTitleLength = 200;
const maxTextLength = 5000;
const maxYears = 100;

/** Curators' edits: checked for validity before anything is written (the schema checks access, see write-access.ts). */
export class CurationService {
  constructor(
    private readonly repository: CurationRepository,
    private readonly roles: RoleService,
    private readonly transitions: TransitionService,
    /** Forgets what this request has read: after a write, the rest of the response reads afresh. */
    private readonly forgetReads: () => void,
  ) {}

  async createRole(input: CreateRoleInput): Promise<RoleRecord> {
    requireSlug('input.id', input.id);
    const fields = roleFields(input);
    if (await this.repository.roleExists(input.id)) throw new ConflictError(`A role with id "${input.id}" already exists.`);
    await this.repository.createRole(input.id, fields);
    this.forgetReads();
    return this.fresh(input.id);
  }

  async updateRole(name: string, input: UpdateRoleInput): Promise<RoleRecord> {
    const { id } = await this.roles.get(name);
    await this.repository.updateRole(id, roleFields(input));
    this.forgetReads();
    return this.fresh(id);
  }

  async deleteRole(name: string): Promise<string> {
    const { id } = await this.roles.get(name);
    await this.repository.deleteRole(id);
    this.forgetReads();
    return id;
  }

  async addSkill(roleName: string, skillId: string, skillName: string | null, category: string | null): Promise<RoleRecord> {
    requireSlug('skillId', skillId);
    const { id: roleId } = await this.roles.get(roleName, 'roleId');
    const name = skillName === null ? null : requireText('skillName', skillName, maxTitleLength);
    const categoryName = category === null ? null : requireText('category', category, maxTitleLength);
    if (name === null && !(await this.repository.skillExists(skillId))) {
      throw new BadUserInputError('skillName', `is needed to create the new skill "${skillId}"`);
    }
    await this.repository.addSkill(roleId, {
      id: skillId,
      name: name ?? skillId,
      category: categoryName,
      categoryId: categoryName === null ? null : slug(categoryName),
    });
    this.forgetReads();
    return this.fresh(roleId);
  }

  async removeSkill(roleName: string, skillId: string): Promise<RoleRecord> {
    requireSlug('skillId', skillId);
    const { id: roleId } = await this.roles.get(roleName, 'roleId');
    if ((await this.repository.removeSkill(roleId, skillId)) === 0) {
      throw new NotFoundError('skill of that role', skillId, []);
    }
    this.forgetReads();
    return this.fresh(roleId);
  }

  async upsertTransition(input: TransitionInput): Promise<TransitionRecord> {
    const [{ id: from }, { id: to }] = await Promise.all([this.roles.get(input.from, 'input.from'), this.roles.get(input.to, 'input.to')]);
    if (from === to) throw new BadUserInputError('input.to', 'must differ from input.from');
    const minYears = input.minYears ?? null;
    const maxYearsValue = input.maxYears ?? null;
    for (const [argument, value] of [['input.minYears', minYears], ['input.maxYears', maxYearsValue]] as const) {
      if (value !== null && !(value >= 0 && value <= maxYears)) throw new BadUserInputError(argument, `must be from 0 to ${maxYears}, got ${value}`);
    }
    if (minYears !== null && maxYearsValue !== null && minYears > maxYearsValue) {
      throw new BadUserInputError('input.maxYears', `must be at least input.minYears (${minYears}), got ${maxYearsValue}`);
    }
    const timelineText = input.timelineText == null ? null : requireText('input.timelineText', input.timelineText, maxTextLength);
    const id = await this.repository.upsertTransition(from, to, {
      timelineText,
      minYears,
      maxYears: maxYearsValue,
      openEnded: input.openEnded,
    });
    this.forgetReads();
    const transition = await this.transitions.find(id);
    if (!transition) throw new Error(`transition ${id} was not found right after it was written`);
    return transition;
  }

  async deleteTransition(fromName: string, toName: string): Promise<boolean> {
    const [{ id: from }, { id: to }] = await Promise.all([this.roles.get(fromName, 'from'), this.roles.get(toName, 'to')]);
    if ((await this.repository.deleteTransition(from, to)) === 0) {
      throw new NotFoundError('transition', `${from}-to-${to}`, []);
    }
    this.forgetReads();
    return true;
  }

  /** The role as the write left it: the reads before the write were forgotten. */
  private async fresh(id: string): Promise<RoleRecord> {
    const role = await this.roles.find(id);
    if (!role) throw new Error(`role ${id} was not found right after it was written`);
    return role;
  }
}

function roleFields(input: UpdateRoleInput | CreateRoleInput): RoleFields {
  const optional = (argument: string, value: string | null | undefined, max: number) =>
    value === undefined ? undefined : value === null ? null : requireText(argument, value, max);
  const fields: RoleFields = {
    label: optional('input.label', input.label, maxTitleLength),
    question: optional('input.question', input.question, maxTextLength),
    summary: optional('input.summary', input.summary, maxTextLength),
  };
  if (input.title !== undefined) {
    if (input.title === null) throw new BadUserInputError('input.title', 'must not be null');
    fields.title = requireText('input.title', input.title, maxTitleLength);
  }
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
