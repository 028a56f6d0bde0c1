import type { RoleRecord } from './role.projection.js';

/** Whether the pages state a role's whole set of skills, or the graph infers a partial one. */
export enum Profile {
  STATED = 'STATED',
  INFERRED = 'INFERRED',
}

/** A page of its own states a role's whole set of skills; without one the graph can only infer part of it. */
export function profileOf(role: Pick<RoleRecord, 'hasPage'>): Profile {
  return role.hasPage ? Profile.STATED : Profile.INFERRED;
}
