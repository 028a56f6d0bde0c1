import { requireIntegerIn } from '../common/validate.js';
import { BadUserInputError } from '../errors/error-codes.js';
import type { RoleRecord } from '../role/role.projection.js';
import { maxPageSize, type RoleService } from '../role/role.service.js';
import type { RoleSkillRecord } from '../skill/skill.projection.js';
import type { SkillService } from '../skill/skill.service.js';
import { fulltextQuery } from './fulltext-query.js';
import type { SearchRepository } from './search.repository.js';

/**
 * No title, question or skill name has a word near this long, and Lucene refuses a prefix query on a word of
 * some thousands of characters with an error of its own.
 */
export const maxSearchWordLength = 100;

export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly roles: RoleService,
    private readonly skills: SkillService,
  ) {}

  /** Roles (by title, question, introduction) and skills (by name) that match every word, best first. */
  async search(text: string, first: number): Promise<(RoleRecord | RoleSkillRecord)[]> {
    requireIntegerIn('first', first, 1, maxPageSize);
    const longest = Math.max(0, ...text.split(/\s+/).map((word) => word.length));
    if (longest > maxSearchWordLength) throw new BadUserInputError('text', `has a word of ${longest} characters; words are at most ${maxSearchWordLength}`);
    const query = fulltextQuery(text);
    if (query === null) return [];
    const hits = await this.repository.search(query, first);
    this.roles.remember(hits.flatMap((hit) => (hit.role ? [hit.role] : [])));
    this.skills.remember(hits.flatMap((hit) => (hit.skill ? [hit.skill] : [])));
    return hits.flatMap((hit) => hit.role ?? hit.skill ?? []);
  }
}
