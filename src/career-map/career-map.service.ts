import type { Repositories } from '../api/repositories.js';
import type { MapRoleRecord, MapTransitionRecord } from './career-map.repository.js';
import type { CareerMap, CareerMapEdge, CareerMapNode } from './career-map.types.js';
import { kindOf } from './node-kind.js';
import { yearsLabel } from './years-label.js';

export class CareerMapService {
  constructor(private readonly repositories: Repositories) {}

  async map(): Promise<CareerMap> {
    const { roles, transitions } = await this.repositories.careerMap.graph();
    return { nodes: roles.map(toNode), edges: transitions.map(toEdge) };
  }
}

function toNode(role: MapRoleRecord): CareerMapNode {
  return {
    id: role.id,
    label: role.label ?? role.title,
    title: role.title,
    level: role.level,
    kind: kindOf(role.transitionsIn, role.transitionsOut),
    hasPage: role.hasPage,
    skillCount: role.skillCount,
  };
}

function toEdge(transition: MapTransitionRecord): CareerMapEdge {
  return { ...transition, label: yearsLabel(transition.minYears, transition.maxYears, transition.openEnded) };
}
