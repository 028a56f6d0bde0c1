import { closestIds } from '../common/closest-ids.js';
import { readConnection, type ConnectionResult } from '../common/connection.js';
import { categoryFilter, textFilter } from '../common/list-filter.js';
import { requireIntegerIn, requireSlug } from '../common/validate.js';
import { NotFoundError } from '../errors/error-codes.js';
import type { RoleLoaders } from './role.loaders.js';
import type { RolePrefetch } from './role.prefetch.js';
import type { RoleRecord } from './role.projection.js';
import type { RoleChildren, RoleWithChildren } from './role-children.projection.js';
import { roleOrderings, type RoleFilter, type RoleRepository } from './role.repository.js';
import type { RoleWhere } from './role-connection.types.js';
import type { RoleOrder } from './role.types.js';

export const maxPageSize = 100;

/** A page of roles, with the filter it was read with, which its counts use. */
export interface RoleConnectionResult extends ConnectionResult<RoleRecord> {
  filter: RoleFilter;
}

export class RoleService {
  constructor(
    private readonly repository: RoleRepository,
    private readonly loaders: RoleLoaders,
    /** Every role id and alias, for the closest ones a NOT_FOUND names. */
    private readonly knownIds: () => Promise<string[]>,
  ) {}

  /**
   * The role with that id or alias ("ic" for individual-contributor), or NOT_FOUND naming the closest ones.
   * With a prefetch, what the response asks for under the role is read with it (RolePrefetch).
   */
  async get(id: string, argument = 'id', prefetch: RolePrefetch | null = null): Promise<RoleRecord> {
    requireSlug(argument, id);
    const loader = prefetch && prefetch.children.length > 0 ? this.loaders.withChildren(prefetch) : this.loaders.byId;
    const role = (await loader.load(id)) ?? (await this.repository.findByAlias(id));
    if (!role) throw new NotFoundError('role', id, closestIds(id, await this.knownIds()));
    return role;
  }

  /** For references the graph itself holds, which exist unless deleted meanwhile. */
  async find(id: string): Promise<RoleRecord | null> {
    return this.loaders.byId.load(id);
  }

  async list(order: RoleOrder, first: number, offset: number): Promise<RoleRecord[]> {
    requireIntegerIn('first', first, 0, maxPageSize);
    requireIntegerIn('offset', offset, 0, Number.MAX_SAFE_INTEGER);
    return this.remember(await this.repository.list(order, first, offset));
  }

  /** A page of the roles that pass `where`, after the cursor `after`; BAD_USER_INPUT names a bad argument. */
  async connection(where: RoleWhere | null, order: RoleOrder, first: number, after: string | null): Promise<RoleConnectionResult> {
    const filter = roleFilterOf(where);
    const kinds = roleOrderings[order].map((sortKey) => sortKey.kind);
    const page = await readConnection({ first, maxFirst: maxPageSize, after, order, kinds }, (limit, key) => this.repository.page(filter, order, limit, key));
    this.remember(page.edges.map((edge) => edge.node));
    return { ...page, filter };
  }

  async count(filter: RoleFilter): Promise<number> {
    return this.repository.count(filter);
  }

  async countByLevel(filter: RoleFilter): Promise<{ level: number; count: number }[]> {
    return this.repository.countByLevel(filter);
  }

  async children<T>(kind: RoleChildren, roleId: string): Promise<T[]> {
    return this.loaders.children<T>(kind).load(roleId);
  }

  /** Roles another query read whole: the rest of the request finds them without reading them again. */
  remember(roles: RoleRecord[]): RoleRecord[] {
    for (const role of roles) this.loaders.byId.prime(role.id, role);
    return roles;
  }

  /** Roles another query read with the lists of kinds `children` (roleWithChildrenOf): neither is read again. */
  rememberWith(rows: RoleWithChildren[], children: RoleChildren[]): void {
    this.loaders.prime(rows, children);
  }
}

function roleFilterOf(where: RoleWhere | null): RoleFilter {
  const level = where?.level ?? null;
  const skill = where?.skill ?? null;
  return {
    level: level === null ? null : requireIntegerIn('where.level', level, 1, Number.MAX_SAFE_INTEGER),
    hasPage: where?.hasPage ?? null,
    skill: skill === null ? null : requireSlug('where.skill', skill),
    category: categoryFilter('where.category', where?.category),
    text: textFilter('where.text', where?.text),
  };
}
