import { requireIntegerIn } from '../common/validate.js';
import type { Loaders } from '../api/loaders.js';
import type { Repositories } from '../api/repositories.js';
import type { RoleSkillRecord, TransitionRecord } from '../role/role.repository.js';
import type { RoleService } from '../role/role.service.js';
import { addYears, type PathYears } from './path-years.js';
import { skillDelta, type Delta } from './skill-delta.js';
import { maxPathHops, type TransitionDetails } from './transition.repository.js';

/** Bounds the work of one request on a densely connected graph; the seed has a handful of paths. */
export const maxPathsPerQuery = 1000;

export interface StepResult extends TransitionRecord {
  skillDelta: Delta<RoleSkillRecord>;
}

export interface PathResult {
  hops: number;
  roleIds: string[];
  steps: StepResult[];
  years: PathYears;
  skillDelta: Delta<RoleSkillRecord>;
}

export class TransitionService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly roles: RoleService,
  ) {}

  /** Every simple path of at most maxHops transitions, fewest hops first, then quickest. */
  async paths(from: string, to: string, maxHops: number): Promise<PathResult[]> {
    requireIntegerIn('maxHops', maxHops, 1, maxPathHops);
    await this.requireRoles(from, to);
    const found = await this.repositories.transitions.paths(from, to, maxHops, maxPathsPerQuery);
    const paths = await Promise.all(found.map((path) => this.describe(path.roleIds, path.transitionIds)));
    return paths.sort((a, b) => a.hops - b.hops || a.years.min - b.years.min || (a.years.max ?? 0) - (b.years.max ?? 0));
  }

  /** The path of fewest transitions, or null when the target cannot be reached. */
  async shortestPath(from: string, to: string): Promise<PathResult | null> {
    await this.requireRoles(from, to);
    if (from === to) return this.describe([from], []);
    const found = await this.repositories.transitions.shortest(from, to);
    return found ? this.describe(found.roleIds, found.transitionIds) : null;
  }

  async details(transitionId: string): Promise<TransitionDetails> {
    return this.loaders.transitionDetails.load(transitionId);
  }

  private async requireRoles(from: string, to: string): Promise<void> {
    await Promise.all([this.roles.get(from, 'from'), this.roles.get(to, 'to')]);
  }

  private async describe(roleIds: string[], transitionIds: string[]): Promise<PathResult> {
    const [transitions, skills] = await Promise.all([
      Promise.all(transitionIds.map((id) => this.loaders.transition.load(id))),
      Promise.all(roleIds.map((id) => this.roles.children<RoleSkillRecord>('skills', id))),
    ]);
    const steps = transitions.map((transition, index): StepResult => {
      if (!transition) throw new Error(`transition ${transitionIds[index]} vanished while reading a path`);
      return { ...transition, skillDelta: skillDelta(skills[index] ?? [], skills[index + 1] ?? []) };
    });
    return {
      hops: steps.length,
      roleIds,
      steps,
      years: addYears(steps.map((step) => step.timeline)),
      skillDelta: skillDelta(skills[0] ?? [], skills[skills.length - 1] ?? []),
    };
  }
}
