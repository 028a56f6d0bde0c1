import DataLoader from 'dataloader';
import type { RoleRecord } from '../role/role.projection.js';
import type { RoleChildren } from '../role/role.repository.js';
import type { SkillRecord } from '../skill/skill.projection.js';
import type { TransitionRecord } from '../transition/transition.projection.js';
import type { Repositories } from './repositories.js';
import type { TransitionDetails } from '../transition/transition.repository.js';

/**
 * Per-request batching: every role, skill or transition that a response needs, at any depth, is fetched in
 * one query per kind and per level of the query, however many there are.
 */
export function createLoaders(repositories: Repositories) {
  const byId = <T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = new Map((await fetch(ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    });
  const roleChildren = new Map<RoleChildren, DataLoader<string, unknown[]>>();

  const loaders = {
    role: byId<RoleRecord>((ids) => repositories.roles.findByIds(ids)),
    skill: byId<SkillRecord>((ids) => repositories.skills.findByIds(ids)),
    transition: byId<TransitionRecord>((ids) => repositories.transitions.findByIds(ids)),
    transitionDetails: new DataLoader<string, TransitionDetails>((ids) => repositories.transitions.details(ids)),
    rolesOfSkill: new DataLoader<string, RoleRecord[]>((ids) => repositories.skills.rolesOf(ids)),
    categoriesOfSkill: new DataLoader<string, string[]>((ids) => repositories.skills.categoriesOf(ids)),
    roleChildren<T>(kind: RoleChildren): DataLoader<string, T[]> {
      let loader = roleChildren.get(kind);
      if (!loader) {
        loader = new DataLoader<string, unknown[]>((ids) => repositories.roles.children(kind, ids));
        roleChildren.set(kind, loader);
      }
      return loader as DataLoader<string, T[]>;
    },
    /** Forgets what this request has read: after a write, the rest of the response reads afresh. */
    clearAll(): void {
      for (const loader of [loaders.role, loaders.skill, loaders.transition, loaders.transitionDetails, loaders.rolesOfSkill, loaders.categoriesOfSkill, ...roleChildren.values()]) {
        loader.clearAll();
      }
    },
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
