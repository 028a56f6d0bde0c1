import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnalyticsResolver, OverlapMatrixResolver, SimilarRoleResolver } from '../analytics/analytics.resolver.js';
import { CareerMapResolver } from '../career-map/career-map.resolver.js';
import { CurationResolver } from '../curation/curation.resolver.js';
import { writeAccessChecker } from '../curation/write-access.js';
import { RoleConnectionResolver } from '../role/role-connection.resolver.js';
import { RoleResolver } from '../role/role.resolver.js';
import { SearchResolver } from '../search/search.resolver.js';
import { SkillConnectionResolver } from '../skill/skill-connection.resolver.js';
import { SkillResolver } from '../skill/skill.resolver.js';
import { TransitionFactsResolver, TransitionPathResolver } from '../transition/transition.resolver.js';

export const resolvers = [RoleResolver, RoleConnectionResolver, SkillResolver, SkillConnectionResolver, TransitionFactsResolver, TransitionPathResolver, SearchResolver, CurationResolver, CareerMapResolver, AnalyticsResolver, OverlapMatrixResolver, SimilarRoleResolver] as const;

/** The schema, code-first; schema/schema.graphql is its printed form, kept in sync by a test. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  // Inputs are checked by the services, which name the offending argument in BAD_USER_INPUT errors.
  return buildSchema({ resolvers, validate: false, authChecker: writeAccessChecker });
}
