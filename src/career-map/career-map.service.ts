import type { CareerMapRepository, MapRoleRecord, MapTransitionRecord } from './career-map.repository.js';
import type { CareerMap, CareerMapEdge, CareerMapNode } from './career-map.types.js';
import { layoutCareerMap } from './career-map.layout.js';
import { kindOf } from './node-kind.js';
import { yearsLabel } from './years-label.js';

export class CareerMapService {
  constructor(private readonly repository: CareerMapRepository) {}

  /**
   * The layout takes about a tenth of a second at 3,000 roles; the response cache keeps the whole answer while
   * the graph stays at its version, so it is computed once per change of the graph, not per page view.
   */
  async map(): Promise<CareerMap> {
    const { roles, transitions } = await this.repository.graph();
    const { positions, clusters } = layoutCareerMap(roles.map((role) => ({ id: role.id, label: role.label ?? role.title, level: role.level })), transitions);
    return { nodes: roles.map((role) => toNode(role, positions.get(role.id) as NodePlace)), edges: transitions.map(toEdge), clusters };
  }
}

type NodePlace = { x: number; y: number; cluster: string };

function toNode(role: MapRoleRecord, place: NodePlace): CareerMapNode {
  return {
    ...place,
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
