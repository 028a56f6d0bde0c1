import DataLoader from 'dataloader';
import { byIdLoader } from '../common/by-id.loader.js';
import type { RoleChildren, RoleRepository } from './role.repository.js';

/**
 * One request's batching of role reads: every role, and every list under roles, that a response needs at any
 * depth is read in one query per kind and per level of the query.
 */
export function createRoleLoaders(repository: RoleRepository) {
  const byId = byIdLoader((ids) => repository.findByIds(ids));
  const children = new Map<RoleChildren, DataLoader<string, unknown[]>>();
  return {
    byId,
    children<T>(kind: RoleChildren): DataLoader<string, T[]> {
      let loader = children.get(kind);
      if (!loader) {
        loader = new DataLoader<string, unknown[]>((ids) => repository.children(kind, ids));
        children.set(kind, loader);
      }
      return loader as DataLoader<string, T[]>;
    },
    clearAll(): void {
      for (const loader of [byId, ...children.values()]) loader.clearAll();
    },
  };
}

export type RoleLoaders = ReturnType<typeof createRoleLoaders>;
