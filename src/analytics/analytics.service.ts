import { closestIds } from '../common/closest-ids.js';
import { requireIntegerIn, requireNumberIn, requireSlug } from '../common/validate.js';
import type { Config } from '../config.js';
import { allBases, type SkillBasis } from '../derived/skill-basis.js';
import { BadUserInputError, NotFoundError } from '../errors/error-codes.js';
import type { RoleRecord } from '../role/role.projection.js';
import type { RoleSkillRecord } from '../skill/skill.projection.js';
import { maxPageSize, type RoleService } from '../role/role.service.js';
import type { SkillService } from '../skill/skill.service.js';
import { slug } from '../slug.js';
import { OverlapScores } from './overlap-matrix.js';
import type { AnalyticsRepository, SkillScope } from './analytics.repository.js';

/** Bounds one readiness request; a person's skills are dozens, not thousands. */
export const maxReadinessSkills = 1000;
const maxCategories = 100;

export interface SkillOverlapResult {
  a: RoleRecord;
  b: RoleRecord;
  shared: RoleSkillRecord[];
  onlyA: RoleSkillRecord[];
  onlyB: RoleSkillRecord[];
  sharedCount: number;
  jaccard: number;
  overlapCoefficient: number;
}

export interface OverlapMatrixResult {
  roles: RoleRecord[];
  scores: OverlapScores;
  minJaccard: number;
}

export interface SimilarRoleResult {
  role: RoleRecord;
  jaccard: number;
  overlapCoefficient: number;
  sharedCount: number;
  /** The shared skills' ids: the skills are read only if the answer asks for them (sharedSkills). */
  sharedIds: string[];
}

export interface SkillCentralityResult {
  skill: RoleSkillRecord;
  roleCount: number;
  categories: number;
  betweenness: number;
}

export interface RoleReadinessResult {
  role: RoleRecord;
  coverage: number;
  have: RoleSkillRecord[];
  missing: RoleSkillRecord[];
  unknownSkills: string[];
}

/** Skill-overlap analytics: checks the arguments, has Neo4j compute, and hands back roles and skills whole. */
export class AnalyticsService {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly roles: RoleService,
    private readonly skills: SkillService,
    private readonly limits: Pick<Config, 'maxMatrixRoles'>,
  ) {}

  async skillOverlap(a: string, b: string, categories: string[] | null, bases: SkillBasis[] | null): Promise<SkillOverlapResult> {
    const [roleA, roleB, scope] = await Promise.all([this.roles.get(a, 'a'), this.roles.get(b, 'b'), this.scope(categories, bases)]);
    const { shared, onlyA, onlyB, jaccard, overlapCoefficient } = await this.repository.overlap(roleA.id, roleB.id, scope);
    for (const skills of [shared, onlyA, onlyB]) this.skills.remember(skills);
    return { a: roleA, b: roleB, shared, onlyA, onlyB, sharedCount: shared.length, jaccard, overlapCoefficient };
  }

  /** The matrix of the roles named, or of every role when roles is null; over the configured size, BAD_USER_INPUT. */
  async overlapMatrix(roles: string[] | null, categories: string[] | null, bases: SkillBasis[] | null, minJaccard: number): Promise<OverlapMatrixResult> {
    requireNumberIn('minJaccard', minJaccard, 0, 1);
    const limit = this.limits.maxMatrixRoles;
    const tooMany = `must name at most ${limit} roles (MAX_MATRIX_ROLES): an overlap matrix has a cell for every pair of them`;
    if (roles !== null && roles.length > limit) throw new BadUserInputError('roles', `${tooMany}, got ${roles.length}`);
    const scope = await this.scope(categories, bases);
    const ids = roles ?? (await this.repository.roleIdsByLevel(limit + 1));
    if (roles === null && ids.length > limit) throw new BadUserInputError('roles', `${tooMany}; the graph has more, so name the roles to compare`);
    const records = await this.existingRoles(ids);
    const pairs = await this.repository.matrix(ids, scope, minJaccard);
    return { roles: records, scores: new OverlapScores(ids, pairs), minJaccard };
  }

  async similarRoles(to: string, first: number, minJaccard: number, categories: string[] | null, bases: SkillBasis[] | null): Promise<SimilarRoleResult[]> {
    requireIntegerIn('first', first, 1, maxPageSize);
    requireNumberIn('minJaccard', minJaccard, 0, 1);
    const [target, scope] = await Promise.all([this.roles.get(to, 'to'), this.scope(categories, bases)]);
    const similar = await this.repository.similar(target.id, scope, minJaccard, first);
    this.roles.remember(similar.map(({ role }) => role));
    return similar.map(({ role, shared, jaccard, overlapCoefficient }) => ({ role, jaccard, overlapCoefficient, sharedCount: shared.length, sharedIds: shared }));
  }

  /** The skills a similar role shares, in the order of their ids. */
  async sharedSkills(similar: SimilarRoleResult): Promise<RoleSkillRecord[]> {
    return this.skillsByIds(similar.sharedIds);
  }

  async skillCentrality(first: number, categories: string[] | null, bases: SkillBasis[] | null): Promise<SkillCentralityResult[]> {
    requireIntegerIn('first', first, 1, maxPageSize);
    const scope = await this.scope(categories, bases);
    // Over every link, the figures stored with each write spare seconds of computing; a subset is computed now.
    const stored = scope.considered === null && scope.bases === null ? await this.repository.storedCentrality(first) : null;
    const ranked = stored ?? (await this.repository.centrality(scope, first));
    const skills = await Promise.all(ranked.map((entry) => this.skills.find(entry.id)));
    return ranked.flatMap(({ roleCount, categories: categoryCount, betweenness }, index) => {
      const skill = skills[index];
      return skill ? [{ skill, roleCount, categories: categoryCount, betweenness }] : [];
    });
  }

  /** Roles by how much of their skill set the person has; unknown skill ids are reported, not refused. */
  async readiness(skillIds: string[], first: number, categories: string[] | null, bases: SkillBasis[] | null): Promise<RoleReadinessResult[]> {
    requireIntegerIn('first', first, 1, maxPageSize);
    if (skillIds.length > maxReadinessSkills) throw new BadUserInputError('skills', `must list at most ${maxReadinessSkills} skills, got ${skillIds.length}`);
    const unique = [...new Set(skillIds.map((id) => requireSlug('skills', id)))];
    const scope = await this.scope(categories, bases);
    const [unknownSkills, ranked] = await Promise.all([
      this.skills.unknown(unique),
      this.repository.readiness(unique, scope, first),
    ]);
    const results = await Promise.all(
      ranked.map(async ({ id, coverage, have, missing }) => {
        const [role, haveSkills, missingSkills] = await Promise.all([this.roles.find(id), this.skillsByIds(have), this.skillsByIds(missing)]);
        return role && { role, coverage, have: haveSkills, missing: missingSkills, unknownSkills };
      }),
    );
    return results.filter((result) => result !== null);
  }

  /** The links that count: of the skills of the categories, with one of the bases; null stands for all of either. */
  private async scope(categories: string[] | null, bases: SkillBasis[] | null): Promise<SkillScope> {
    if (bases !== null && bases.length === 0) throw new BadUserInputError('bases', 'must name at least one basis; leave it out to count every link');
    const all = bases === null || allBases.every((basis) => bases.includes(basis));
    return { considered: await this.consideredSkills(categories), bases: all ? null : [...new Set(bases)] };
  }

  /**
   * The ids of the skills the categories hold, or null for every skill when no categories are given.
   * Categories are named by id or by name ("Business Acumen" is business-acumen); unknown ones are NOT_FOUND
   * with the closest ids.
   */
  private async consideredSkills(categories: string[] | null): Promise<string[] | null> {
    if (categories === null) return null;
    if (categories.length === 0) throw new BadUserInputError('categories', 'must name at least one category; leave it out to consider every skill');
    if (categories.length > maxCategories) throw new BadUserInputError('categories', `must name at most ${maxCategories} categories, got ${categories.length}`);
    const ids = [
      ...new Set(
        categories.map((category) => {
          const id = slug(category);
          if (id === '') throw new BadUserInputError('categories', `must hold category names or ids, got "${category.slice(0, 100)}"`);
          return id;
        }),
      ),
    ];
    const [unknown] = await this.repository.unknownCategories(ids);
    if (unknown !== undefined) throw new NotFoundError('skill category', unknown, closestIds(unknown, await this.repository.categoryIds()));
    return this.repository.skillsInCategories(ids);
  }

  /** The roles of a matrix, checked as the argument `roles`: slugs, each once, each existing. */
  private async existingRoles(ids: string[]): Promise<RoleRecord[]> {
    const seen = new Set<string>();
    for (const id of ids) {
      requireSlug('roles', id);
      if (seen.has(id)) throw new BadUserInputError('roles', `must name each role once, but names "${id}" twice`);
      seen.add(id);
    }
    const records = await Promise.all(ids.map((id) => this.roles.find(id)));
    const missing = records.findIndex((record) => record === null);
    // RoleService.get fails the same way role(id) does, with the closest ids as suggestions.
    if (missing !== -1) await this.roles.get(ids[missing] as string, 'roles');
    return records as RoleRecord[];
  }

  /** Skills by id, in that order; one deleted since the query was answered is left out. */
  private async skillsByIds(ids: string[]): Promise<RoleSkillRecord[]> {
    const skills = await Promise.all(ids.map((id) => this.skills.find(id)));
    return skills.filter((skill) => skill !== null);
  }
}
