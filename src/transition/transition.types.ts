import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Role } from '../role/role.types.js';
import { Skill } from '../skill/skill.types.js';

@ObjectType({ description: 'How long a transition typically takes.' })
export class Timeline {
  @Field(() => String, { nullable: true, description: 'The sentence as the page writes it.' })
  text!: string | null;

  @Field(() => Float, { nullable: true, description: 'The lower bound in years, e.g. 5 for "5-10+ years"; null when the page states none.' })
  minYears!: number | null;

  @Field(() => Float, { nullable: true, description: 'The upper bound in years, e.g. 10 for "5-10+ years"; null when the page states none.' })
  maxYears!: number | null;

  @Field(() => Boolean, { description: 'True when the upper bound is open, as in "5-10+ years".' })
  openEnded!: boolean;
}

@ObjectType({ description: 'A change of focus a transition requires: from what the source role does to what the target does.' })
export class Shift {
  @Field(() => String, { description: 'What the source role focuses on, e.g. "Engineering execution focus".' })
  from!: string;

  @Field(() => String, { description: 'What the target role focuses on instead, e.g. "Technology vision focus".' })
  to!: string;
}

@ObjectType({ description: 'A concrete step towards the target role.' })
export class Action {
  @Field(() => String, { description: 'e.g. "Develop Deep Product Intuition".' })
  title!: string;

  @Field(() => [String], { description: 'The concrete things to do, in the order of the page.' })
  bullets!: string[];

  @Field(() => String, { nullable: true, description: 'A worked example, where the page gives one.' })
  example!: string | null;
}

@InterfaceType({
  description: 'A move from one role to another and what it takes: as a transition of the graph, or as a step of a path.',
  resolveType: (value: { skillDelta?: unknown }) => ('skillDelta' in value ? 'TransitionStep' : 'Transition'),
})
export abstract class TransitionFacts {
  @Field(() => ID, { description: 'e.g. "vp-to-cto".' })
  id!: string;

  @Field(() => Role, { description: 'The role it starts from.' })
  from!: Role;

  @Field(() => Role, { description: 'The role it leads to.' })
  to!: Role;

  @Field(() => Timeline, { description: 'How long it typically takes.' })
  timeline!: Timeline;

  @Field(() => [Shift], { description: 'The changes of focus it requires, in the order of the page.' })
  shifts!: Shift[];

  @Field(() => [Action], { description: 'What to do to get there.' })
  actions!: Action[];

  @Field(() => [String], { description: 'Common pitfalls to avoid.' })
  pitfalls!: string[];

  @Field(() => [String], { description: 'Signs that a person is ready: "You\'re ready for X when you\'ve demonstrated ...".' })
  readiness!: string[];

  @Field(() => String, { description: 'Where it was stated, as "file:line" ("api" for curated ones).' })
  source!: string;
}

@ObjectType({ implements: TransitionFacts, description: 'A move from one role to another, with what it takes.' })
export class Transition extends TransitionFacts {}

@ObjectType({ description: 'Skills compared between two roles.' })
export class SkillDelta {
  @Field(() => [Skill], { description: 'Skills of the target that the source does not hold.' })
  gained!: Skill[];

  @Field(() => [Skill], { description: 'Skills of both.' })
  retained!: Skill[];

  @Field(() => [Skill], { description: 'Skills of the source that the target does not need.' })
  dropped!: Skill[];
}

@ObjectType({ description: 'A range of years; the maximum is a floor when openEnded is true.' })
export class YearsRange {
  @Field(() => Float, { description: 'Sum of the steps\' minimum years (a step with no timeline counts 0).' })
  min!: number;

  @Field(() => Float, { nullable: true, description: 'Sum of the steps\' maximum years; null when no step states any years.' })
  max!: number | null;

  @Field(() => Boolean, { description: 'True when any step is open-ended or has no upper bound.' })
  openEnded!: boolean;
}

@ObjectType({ implements: TransitionFacts, description: 'One transition along a path, with the skills it changes.' })
export class TransitionStep extends TransitionFacts {
  @Field(() => SkillDelta, { description: 'The skills of the step\'s target compared with its source\'s.' })
  skillDelta!: SkillDelta;
}

@ObjectType({ description: 'A simple path of transitions between two roles.' })
export class TransitionPath {
  @Field(() => Int, { description: 'The number of transitions.' })
  hops!: number;

  @Field(() => [Role], { description: 'The roles along the path, first to last.' })
  roles!: Role[];

  @Field(() => [TransitionStep], { description: 'The transitions along the path, first to last.' })
  steps!: TransitionStep[];

  @Field(() => YearsRange, { description: 'The years the whole path takes, adding up its steps.' })
  years!: YearsRange;

  @Field(() => SkillDelta, { description: 'The last role\'s skills compared with the first\'s.' })
  skillDelta!: SkillDelta;
}
