import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { isRoleChildren, type RoleChildren } from './role-children.projection.js';

/**
 * What a response asks for under a role, beyond the role itself: the lists (skills, responsibilities,
 * transitions…) and whether it names the roles at the other end of its transitions. Read with the role, they
 * cost one query rather than one per list and one more for the neighbours (the lists are the same queries).
 */
export interface RolePrefetch {
  children: RoleChildren[];
  targets: boolean;
  sources: boolean;
}

/** What the field being resolved selects under the role it returns, fragments included and @skip respected. */
export function rolePrefetchOf(info: GraphQLResolveInfo): RolePrefetch {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const children = new Set<RoleChildren>();
  let targets = false;
  let sources = false;
  for (const field of Object.values(tree?.fieldsByTypeName.Role ?? {})) {
    if (!isRoleChildren(field.name)) continue;
    children.add(field.name);
    if (field.name === 'transitionsOut') targets ||= selects(field, 'to');
    if (field.name === 'transitionsIn') sources ||= selects(field, 'from');
  }
  return { children: [...children].sort(), targets, sources };
}

/** Whether a field's selection names `name`, on any of the types it may return. */
function selects(field: ResolveTree, name: string): boolean {
  return Object.values(field.fieldsByTypeName).some((fields) => Object.values(fields).some((child) => child.name === name));
}

/** Two prefetches that ask for the same are batched together. */
export const prefetchKey = ({ children, targets, sources }: RolePrefetch): string => `${children.join(',')}|${targets}|${sources}`;
