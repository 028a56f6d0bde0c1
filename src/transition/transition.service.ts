import { requireIntegerIn, requireSlug } from '../common/validate.js';
import { BadUserInputError } from '../errors/error-codes.js';
import { Profile, profileOf } from '../role/role.profile.js';
import type { RoleRecord } from '../role/role.projection.js';
import type { RoleService } from '../role/role.service.js';
import type { RoleSkillRecord } from '../skill/skill.projection.js';
import type { SkillService } from '../skill/skill.service.js';
import { addYears, type PathYears } from './path-years.js';
import { leftToLearn, skillDelta, type Delta } from './skill-delta.js';
import type { TransitionLoaders } from './transition.loaders.js';
import type { TransitionRecord } from './transition.projection.js';
import { maxPathHops, pathRoleLists, type PathOrder, type PathsRead, type TransitionDetails, type TransitionRepository } from './transition.repository.js';

/** Bounds the work of one request on a densely connected graph; the seed has a handful of paths. */
export const maxPathsPerQuery = 1000;
/** A person's skills are dozens, not thousands. */
export const maxHaveSkills = 1000;

export interface StepResult extends TransitionRecord {
  skillDelta: Delta<RoleSkillRecord>;
  toLearn: RoleSkillRecord[];
}

export interface PathResult {
  hops: number;
  roleIds: string[];
  steps: StepResult[];
  years: PathYears;
  skillDelta: Delta<RoleSkillRecord>;
  toLearn: RoleSkillRecord[];
}

export interface PathsResult {
  paths: PathResult[];
  truncated: boolean;
  unknownSkills: string[];
}

export interface PathRequest {
  maxHops: number;
  /** The person's skills by id; null when not given, which assumes the skills of the starting role. */
  have: string[] | null;
  orderBy: PathOrder;
  first: number;
}

export class TransitionService {
  constructor(
    private readonly repository: TransitionRepository,
    private readonly loaders: TransitionLoaders,
    private readonly roles: RoleService,
    private readonly skills: SkillService,
  ) {}

  /** The best `first` simple paths of at most maxHops transitions, ranked before they are cut, and whether they were. */
  async paths(fromName: string, toName: string, request: PathRequest): Promise<PathsResult> {
    requireIntegerIn('maxHops', request.maxHops, 1, maxPathHops);
    requireIntegerIn('first', request.first, 1, maxPathsPerQuery);
    const have = this.checkHave(request.have);
    const options = { maxHops: request.maxHops, order: request.orderBy, have, limit: request.first };
    const [found, unknownSkills] = await Promise.all([
      this.byEnds(fromName, toName, (from, to) => this.repository.paths(from, to, options)),
      have === null ? [] : this.skills.unknown(have),
    ]);
    this.remember(found);
    const paths = await Promise.all(found.paths.map((path) => this.describe(path.roleIds, path.transitionIds, have)));
    return { paths, truncated: found.truncated, unknownSkills };
  }

  /** The path of fewest transitions, or null when the target cannot be reached. */
  async shortestPath(fromName: string, toName: string, haveIds: string[] | null): Promise<PathResult | null> {
    const have = this.checkHave(haveIds);
    const found = await this.byEnds(fromName, toName, (from, to) => this.repository.shortest(from, to));
    this.remember(found);
    const [path] = found.paths;
    return path ? this.describe(path.roleIds, path.transitionIds, have) : null;
  }

  /** For references the graph itself holds, which exist unless deleted meanwhile. */
  async find(id: string): Promise<TransitionRecord | null> {
    return this.loaders.byId.load(id);
  }

  async details(transitionId: string): Promise<TransitionDetails> {
    return this.loaders.details.load(transitionId);
  }

  private checkHave(have: string[] | null): string[] | null {
    if (have === null) return null;
    if (have.length > maxHaveSkills) throw new BadUserInputError('have', `must list at most ${maxHaveSkills} skills, got ${have.length}`);
    return [...new Set(have.map((id) => requireSlug('have', id)))];
  }

  /**
   * Reads by the ends as given, which are ids nearly always; only when either finds no role are they resolved
   * (an alias, "ic", names its role; an unknown name is NOT_FOUND) and read again.
   */
  private async byEnds<T extends PathsRead>(fromName: string, toName: string, read: (from: string, to: string) => Promise<T>): Promise<T> {
    requireSlug('from', fromName);
    requireSlug('to', toName);
    const found = await read(fromName, toName);
    if (found.fromFound && found.toFound) return found;
    const [from, to] = await this.requireRoles(fromName, toName);
    return read(from, to);
  }

  /** What a path read holds, for the loaders: describing its paths and the fields under them read nothing more. */
  private remember({ roles, transitions }: PathsRead): void {
    this.roles.rememberWith(roles, pathRoleLists);
    for (const transition of transitions) this.loaders.byId.prime(transition.id, transition);
  }

  /** The two roles' ids, which an alias ("ic") given for either resolves to. */
  private async requireRoles(from: string, to: string): Promise<[string, string]> {
    const [fromRole, toRole] = await Promise.all([this.roles.get(from, 'from'), this.roles.get(to, 'to')]);
    return [fromRole.id, toRole.id];
  }

  /** A path with its deltas, and what is left to learn for a person who has `have`, or else the first role's skills. */
  private async describe(roleIds: string[], transitionIds: string[], have: string[] | null): Promise<PathResult> {
    const [transitions, roles, skills] = await Promise.all([
      Promise.all(transitionIds.map((id) => this.find(id))),
      Promise.all(roleIds.map((id) => this.roles.find(id))),
      Promise.all(roleIds.map((id) => this.roles.children<RoleSkillRecord>('skills', id))),
    ]);
    const targetProfile = async (index: number) => {
      const role = roles[index] as RoleRecord;
      const profile = profileOf(role);
      // Only an inferred profile needs a curator's word on what the target drops: a page states its whole set.
      const excluded = profile === Profile.STATED ? [] : await this.roles.children<string>('exclusions', role.id);
      return { profile, excluded: new Set(excluded) };
    };
    const learning = leftToLearn(have ?? (skills[0] ?? []).map((skill) => skill.id), skills.slice(1));
    const steps = await Promise.all(
      transitions.map(async (transition, index): Promise<StepResult> => {
        if (!transition || !roles[index + 1]) throw new Error(`transition ${transitionIds[index]} vanished while reading a path`);
        const delta = skillDelta(skills[index] ?? [], skills[index + 1] ?? [], await targetProfile(index + 1));
        return { ...transition, skillDelta: delta, toLearn: learning.steps[index] ?? [] };
      }),
    );
    const last = roleIds.length - 1;
    if (!roles[0] || !roles[last]) throw new Error(`a role of the path ${roleIds.join(' → ')} vanished while reading it`);
    return {
      hops: steps.length,
      roleIds,
      steps,
      years: addYears(steps.map((step) => step.timeline)),
      skillDelta: skillDelta(skills[0] ?? [], skills[last] ?? [], await targetProfile(last)),
      toLearn: learning.path,
    };
  }
}
