import { AnalyticsService } from '../analytics/analytics.service.js';
import { CareerMapService } from '../career-map/career-map.service.js';
import { CurationService } from '../curation/curation.service.js';
import type { WriteAccess } from '../curation/write-access.js';
import type { Config } from '../config.js';
import { RoleService } from '../role/role.service.js';
import { SearchService } from '../search/search.service.js';
import { SkillService } from '../skill/skill.service.js';
import { TransitionService } from '../transition/transition.service.js';
import { createLoaders } from './loaders.js';
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

export function createContext(repositories: Repositories, access: WriteAccess, limits: Pick<Config, 'maxMatrixRoles'>): Context {
  const loaders = createLoaders(repositories);
  const roles = new RoleService(repositories, loaders);
  return {
    access,
    roles,
    skills: new SkillService(repositories, loaders),
    transitions: new TransitionService(repositories, loaders, roles),
    search: new SearchService(repositories, loaders),
    curation: new CurationService(repositories, loaders, roles),
    careerMap: new CareerMapService(repositories),
    analytics: new AnalyticsService(repositories, loaders, roles, limits),
  };
}
