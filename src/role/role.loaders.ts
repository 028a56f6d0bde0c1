import DataLoader from 'dataloader';
import { byIdLoader } from '../common/by-id.loader.js';
import { prefetchKey, type RolePrefetch } from './role.prefetch.js';
import type { RoleRecord } from './role.projection.js';
import type { RoleChildren, RoleWithChildren } from './role-children.projection.js';
import type { RoleRepository } from './role.repository.js';

/**
 * One request's batching of role reads: every role, and every list under roles, that a response needs at any
 * depth is read in one query per kind and per level of the query.
 */
export function createRoleLoaders(repository: RoleRepository) {
  const byId = byIdLoader((ids) => repository.findByIds(ids));
  const children = new Map<RoleChildren, DataLoader<string, unknown[]>>();
  const childrenOf = <T>(kind: RoleChildren): DataLoader<string, T[]> => {
    let loader = children.get(kind);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>((ids) => repository.children(kind, ids));
      children.set(kind, loader);
    }
    return loader as DataLoader<string, T[]>;
  };
  /** Roles read whole elsewhere, with the lists of kinds `children` under them. */
  const prime = (rows: RoleWithChildren[], children: RoleChildren[]): void => {
    for (const { role, children: lists, neighbours } of rows) {
      byId.prime(role.id, role);
      for (const neighbour of neighbours) byId.prime(neighbour.id, neighbour);
      for (const kind of children) childrenOf(kind).prime(role.id, lists[kind] ?? []);
    }
  };
  const withChildren = new Map<string, DataLoader<string, RoleRecord | null>>();
  return {
    byId,
    children: childrenOf,
    prime,
    /**
     * Roles by id, read with what `prefetch` names under them: the lists and neighbours are left in the other
     * loaders, where the fields under the role find them.
     */
    withChildren(prefetch: RolePrefetch): DataLoader<string, RoleRecord | null> {
      const key = prefetchKey(prefetch);
      let loader = withChildren.get(key);
      if (!loader) {
        loader = new DataLoader<string, RoleRecord | null>(async (ids) => {
          const rows = await repository.findByIdsWith(ids, prefetch);
          prime(rows, prefetch.children);
          const found = new Map(rows.map(({ role }) => [role.id, role]));
          return ids.map((id) => found.get(id) ?? null);
        });
        withChildren.set(key, loader);
      }
      return loader;
    },
    clearAll(): void {
      for (const loader of [byId, ...children.values(), ...withChildren.values()]) loader.clearAll();
    },
  };
}

export type RoleLoaders = ReturnType<typeof createRoleLoaders>;
