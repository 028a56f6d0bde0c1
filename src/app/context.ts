import { AnalyticsService } from '../analytics/analytics.service.js';
import { CareerMapService } from '../career-map/career-map.service.js';
import { CurationService } from '../curation/curation.service.js';
import type { WriteAccess } from '../curation/write-access.js';
import type { Config } from '../config.js';
import { createRoleLoaders } from '../role/role.loaders.js';
import { RoleService } from '../role/role.service.js';
import { SearchService } from '../search/search.service.js';
import { createSkillLoaders } from '../skill/skill.loaders.js';
import { SkillService } from '../skill/skill.service.js';
import { createTransitionLoaders } from '../transition/transition.loaders.js';
import { TransitionService } from '../transition/transition.service.js';
import type { Repositories } from './repositories.js';

/** Everything a resolver may use, made anew for each request so that batching and caching stay per request. */
export interface Context {
  /** Read by the schema's auth checker for the fields marked `@Authorized()`. */
  access: WriteAccess;
  roles: RoleService;
  skills: SkillService;
  transitions: TransitionService;
  search: SearchService;
  curation: CurationService;
  careerMap: CareerMapService;
  analytics: AnalyticsService;
}

/** Every id and alias of the roles and of the skills: what a NOT_FOUND suggests the closest of. */
export interface KnownIds {
  roles(): Promise<string[]>;
  skills(): Promise<string[]>;
}

/**
 * One request's services. Each gets the repository and the loaders of its own entity only, and reaches the
 * other entities through their services, which share the request's loaders: every role, skill or transition
 * that a response needs, at any depth, is read in one query per kind and per level of the query.
 */
export function createContext(
  repositories: Repositories,
  access: WriteAccess,
  limits: Pick<Config, 'maxMatrixRoles'>,
  // The server shares one read of them per version of the graph: at 30,000 roles and 140,000 skills, a read per
  // unknown id held the whole list once per request in flight (bench/README.md).
  knownIds: KnownIds = { roles: () => repositories.roles.allNames(), skills: () => repositories.skills.allNames() },
): Context {
  const roleLoaders = createRoleLoaders(repositories.roles);
  const skillLoaders = createSkillLoaders(repositories.skills);
  const transitionLoaders = createTransitionLoaders(repositories.transitions);
  const forgetReads = () => {
    for (const loaders of [roleLoaders, skillLoaders, transitionLoaders]) loaders.clearAll();
  };
  const roles = new RoleService(repositories.roles, roleLoaders, knownIds.roles);
  const skills = new SkillService(repositories.skills, skillLoaders, roles, knownIds.skills);
  const transitions = new TransitionService(repositories.transitions, transitionLoaders, roles, skills);
  return {
    access,
    roles,
    skills,
    transitions,
    search: new SearchService(repositories.search, roles, skills),
    curation: new CurationService(repositories.curation, roles, transitions, forgetReads),
    careerMap: new CareerMapService(repositories.careerMap),
    analytics: new AnalyticsService(repositories.analytics, roles, skills, limits),
  };
}
