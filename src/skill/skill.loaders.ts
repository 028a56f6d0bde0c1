import DataLoader from 'dataloader';
import { byIdLoader } from '../common/by-id.loader.js';
import type { RoleRecord } from '../role/role.projection.js';
import type { SkillRepository } from './skill.repository.js';

/** One request's batching of skill reads: every skill, and every list under skills, that a response needs, in one query per kind and level. */
export function createSkillLoaders(repository: SkillRepository) {
  const byId = byIdLoader((ids) => repository.findByIds(ids));
  const roles = new DataLoader<string, RoleRecord[]>((ids) => repository.rolesOf(ids));
  const categories = new DataLoader<string, string[]>((ids) => repository.categoriesOf(ids));
  return {
    byId,
    roles,
    categories,
    clearAll(): void {
      for (const loader of [byId, roles, categories]) loader.clearAll();
    },
  };
}

export type SkillLoaders = ReturnType<typeof createSkillLoaders>;
