import DataLoader from 'dataloader';
import { byIdLoader } from '../common/by-id.loader.js';
import type { TransitionDetails, TransitionRepository } from './transition.repository.js';

/** One request's batching of transition reads: every transition, and its details, that a response needs, in one query per kind and level. */
export function createTransitionLoaders(repository: TransitionRepository) {
  const byId = byIdLoader((ids) => repository.findByIds(ids));
  const details = new DataLoader<string, TransitionDetails>((ids) => repository.details(ids));
  return {
    byId,
    details,
    clearAll(): void {
      for (const loader of [byId, details]) loader.clearAll();
    },
  };
}

export type TransitionLoaders = ReturnType<typeof createTransitionLoaders>;
