import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Profile } from '../role/role.profile.js';
import { Role } from '../role/role.types.js';
import { Evidence } from '../skill/evidence.types.js';
import { Skill } from '../skill/skill.types.js';
import type { TimelineYears } from './timeline-years.js';
import { PathOrder } from './transition.repository.js';

registerEnumType(PathOrder, {
  name: 'PathOrder',
  description: 'How to rank paths. Ties go to the next criteria in the order given, then to the role ids along the path.',
  valuesConfig: {
    HOPS: { description: 'Fewest transitions, then fewest years (minimum, then maximum), then fewest skills left to learn.' },
    YEARS: { description: 'Fewest years (minimum, then maximum), then fewest transitions, then fewest skills left to learn.' },
    SKILLS_TO_LEARN: { description: 'Fewest skills left to learn (see `have`), then fewest transitions, then fewest years.' },
  },
});

@ObjectType({ description: 'How long a transition typically takes.' })
export class Timeline implements TimelineYears {
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

@ObjectType({ description: 'A skill or capability that a transition develops, inferred from sentences of its page, which it cites.' })
export class Development {
  @Field(() => Skill, { nullable: true, description: 'The skill whose every word one sentence names; null for a capability that no skill list names.' })
  skill!: Skill | null;

  @Field(() => String, {
    description: 'The skill\'s name, or, for a capability no skill list names, the title of the action that develops it, e.g. "Develop Deep Product Intuition".',
  })
  capability!: string;

  @Field(() => [Evidence], { description: 'The sentences it is inferred from, in the order of the page.' })
  evidence!: Evidence[];
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

  @Field(() => [Development], {
    description:
      'What it develops, matched one sentence at a time (the "to" side of a shift, an action\'s title, bullets and example, a readiness indicator), in the order of the page.',
  })
  develops!: Development[];

  @Field(() => String, { description: 'Where it was stated, as "file:line" ("api" for curated ones).' })
  source!: string;
}

@ObjectType({ implements: TransitionFacts, description: 'A move from one role to another, with what it takes.' })
export class Transition extends TransitionFacts {}

@ObjectType({ description: 'Skills compared between two roles; each skill carries its basis under the role it is listed for.' })
export class SkillDelta {
  @Field(() => Profile, { description: 'Whether the target\'s own page states its skills (STATED) or the graph infers a partial set (INFERRED).' })
  targetProfile!: Profile;

  @Field(() => [Skill], { description: 'Skills of the target that the source does not hold, with the target\'s basis and evidence.' })
  gained!: Skill[];

  @Field(() => [Skill], { description: 'Skills of both, with the target\'s basis.' })
  retained!: Skill[];

  @Field(() => [Skill], {
    description:
      'Skills of the source that the target is stated not to need: all it lacks when its page states its skills; toward an inferred profile, only those a curator removed from it.',
  })
  dropped!: Skill[];

  @Field(() => [Skill], {
    description: 'Skills of the source whose fate nothing states: the target\'s profile is inferred and does not carry them. Always empty toward a stated profile.',
  })
  unstated!: Skill[];
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
  @Field(() => [Skill], { description: 'The skills of the step\'s target that the person does not have yet (see `have`) nor learnt on an earlier step.' })
  toLearn!: Skill[];
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
  @Field(() => [Skill], { description: 'Every skill left to learn along the path: its steps\' toLearn together.' })
  toLearn!: Skill[];
}

@ObjectType({ description: 'The best paths between two roles for a person, and whether the list was cut.' })
export class TransitionPlan {
  @Field(() => [TransitionPath], { description: 'The paths, best first by `orderBy`, at most `first` of them.' })
  paths!: TransitionPath[];
  @Field(() => Boolean, { description: 'True when there were more paths than `first`: the best were kept, after ranking all of them.' })
  truncated!: boolean;
  @Field(() => [String], { description: 'The ids of `have` that no skill has; they count for nothing.' })
  unknownSkills!: string[];
}
