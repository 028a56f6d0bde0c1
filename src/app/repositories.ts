import { AnalyticsRepository } from '../analytics/analytics.repository.js';
import { CareerMapRepository } from '../career-map/career-map.repository.js';
import type { Database } from '../neo4j/database.js';
import { RoleRepository } from '../role/role.repository.js';
import { SearchRepository } from '../search/search.repository.js';
import { SkillRepository } from '../skill/skill.repository.js';
import { TransitionRepository } from '../transition/transition.repository.js';
import { CurationRepository } from '../curation/curation.repository.js';
import { GraphSizeRepository } from '../api/graph-size.repository.js';

export function createRepositories(database: Database) {
  return {
    roles: new RoleRepository(database),
    skills: new SkillRepository(database),
    transitions: new TransitionRepository(database),
    search: new SearchRepository(database),
    curation: new CurationRepository(database),
    careerMap: new CareerMapRepository(database),
    analytics: new AnalyticsRepository(database),
    graphSize: new GraphSizeRepository(database),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
