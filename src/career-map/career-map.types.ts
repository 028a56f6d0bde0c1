import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { everyRoleCost, everyTransitionCost } from '../api/query-cost.js';
import { CareerMapNodeKind } from './node-kind.js';
import type { TimelineYears } from '../transition/timeline-years.js';

@ObjectType({ description: 'A role as the career map draws it.' })
export class CareerMapNode {
  @Field(() => ID, { description: 'The role\'s id, e.g. "vp".' })
  id!: string;

  @Field(() => String, { description: 'The short name to draw: the page\'s label, else the title, e.g. "VP" or "CTO".' })
  label!: string;

  @Field(() => String, { description: 'The full title, e.g. "VP of Engineering".' })
  title!: string;

  @Field(() => Int, { description: 'Its rung: 1 + the steps of the longest path of transitions that leads to it.' })
  level!: number;

  @Field(() => CareerMapNodeKind, { description: 'Where it stands on the ladder.' })
  kind!: CareerMapNodeKind;

  @Field(() => Boolean, { description: 'Whether a page of its own describes it; roles without one are known only from other pages.' })
  hasPage!: boolean;

  @Field(() => Int, { description: 'How many skills it needs, as Role.skills lists them.' })
  skillCount!: number;

  @Field(() => ID, { description: 'The id of its cluster in CareerMap.clusters.' })
  cluster!: string;

  @Field(() => Float, { description: 'Where to draw it, computed on the server: x grows to the right.' })
  x!: number;

  @Field(() => Float, { description: 'Where to draw it: y grows upward, and a higher level is higher within its cluster.' })
  y!: number;
}

@ObjectType({ description: 'How many roles of a cluster sit at one level.' })
export class CareerMapLevelCount {
  @Field(() => Int, { description: 'The level.' })
  level!: number;

  @Field(() => Int, { description: 'Its roles at that level.' })
  count!: number;
}

@ObjectType({
  description:
    'A group of roles that transitions mostly join (a Louvain community of the transition graph), such as a job family. ' +
    'Roles that no transition touches form one cluster.',
})
export class CareerMapCluster {
  @Field(() => ID, { description: 'e.g. "cluster-1"; the largest cluster is first. Stable while the graph stays the same.' })
  id!: string;

  @Field(() => String, { description: 'The word its roles\' labels share that others rarely use (e.g. "Data"), else after its lowest role.' })
  name!: string;

  @Field(() => Int, { description: 'How many roles it has.' })
  size!: number;

  @Field(() => [CareerMapLevelCount], { description: 'Its roles per level, lowest level first.' })
  levels!: CareerMapLevelCount[];

  @Field(() => Float, { description: 'The left edge of the block its roles are drawn in.' })
  x!: number;

  @Field(() => Float, { description: 'The bottom edge of that block.' })
  y!: number;

  @Field(() => Float, { description: 'The block\'s width.' })
  width!: number;

  @Field(() => Float, { description: 'The block\'s height.' })
  height!: number;
}

@ObjectType({ description: 'A transition as the career map draws it: an arrow from one role to another.' })
export class CareerMapEdge implements TimelineYears {
  @Field(() => ID, { description: 'The transition\'s id, e.g. "vp-to-cto".' })
  id!: string;

  @Field(() => ID, { description: 'The id of the role it leaves.' })
  source!: string;

  @Field(() => ID, { description: 'The id of the role it leads to.' })
  target!: string;

  @Field(() => String, { nullable: true, description: 'Its years, written for the arrow, e.g. "3–5+ years"; null when the page states none.' })
  label!: string | null;

  @Field(() => Float, { nullable: true, description: 'The fewest years it typically takes.' })
  minYears!: number | null;

  @Field(() => Float, { nullable: true, description: 'The most years it typically takes; a floor when openEnded is true.' })
  maxYears!: number | null;

  @Field(() => Boolean, { description: 'True when the upper bound is open, as in "5-10+ years".' })
  openEnded!: boolean;
}

@ObjectType({ description: 'Every role and transition of the graph, shaped for a graph-drawing library.' })
export class CareerMap {
  @Field(() => [CareerMapNode], { description: 'Every role, lowest level first, then by id.', complexity: everyRoleCost })
  nodes!: CareerMapNode[];

  @Field(() => [CareerMapEdge], {
    description: 'Every transition, ordered by the level and id of the role it leaves, then of the one it leads to.',
    complexity: everyTransitionCost,
  })
  edges!: CareerMapEdge[];

  @Field(() => [CareerMapCluster], { description: 'The clusters of roles, largest first: an overview of a graph larger than a screen.' })
  clusters!: CareerMapCluster[];
}
