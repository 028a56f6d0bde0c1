import { closestIds } from '../common/closest-ids.js';
import { requireIntegerIn, requireSlug } from '../common/validate.js';
import { NotFoundError } from '../errors/error-codes.js';
import type { Loaders } from '../api/loaders.js';
import type { Repositories } from '../api/repositories.js';
import type { RoleChildren, RoleRecord } from './role.repository.js';
import type { RoleOrder } from './role.types.js';

export const maxPageSize = 100;

export class RoleService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
  ) {}

  /** The role with that id or alias ("ic" for individual-contributor), or NOT_FOUND naming the closest ones. */
  async get(id: string, argument = 'id'): Promise<RoleRecord> {
    requireSlug(argument, id);
    const role = (await this.loaders.role.load(id)) ?? (await this.repositories.roles.findByAlias(id));
    if (!role) throw new NotFoundError('role', id, closestIds(id, await this.repositories.roles.allNames()));
    return role;
  }

  /** For references the graph itself holds, which exist unless deleted meanwhile. */
  async find(id: string): Promise<RoleRecord | null> {
    return this.loaders.role.load(id);
  }

  async list(order: RoleOrder, first: number, offset: number): Promise<RoleRecord[]> {
    requireIntegerIn('first', first, 0, maxPageSize);
    requireIntegerIn('offset', offset, 0, Number.MAX_SAFE_INTEGER);
    const roles = await this.repositories.roles.list(order, first, offset);
    for (const role of roles) this.loaders.role.prime(role.id, role);
    return roles;
  }

  async children<T>(kind: RoleChildren, roleId: string): Promise<T[]> {
    return this.loaders.roleChildren<T>(kind).load(roleId);
  }
}
