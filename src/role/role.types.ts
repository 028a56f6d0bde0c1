import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Profile } from './role.profile.js';

@ObjectType({ description: 'A rung of the engineering career ladder, such as VP of Engineering.' })
export class Role {
  @Field(() => ID, { description: 'Slug of the role\'s label, e.g. "vp" or "individual-contributor".' })
  id!: string;

  @Field(() => String, { description: 'The title of its page, e.g. "VP of Engineering"; for a role with no page, the name other pages use.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The short label of its page, e.g. "VP".' })
  label!: string | null;

  @Field(() => String, { nullable: true, description: 'The question the role answers, e.g. "How does engineering drive business success?"' })
  question!: string | null;

  @Field(() => String, { nullable: true, description: 'The introduction of its page.' })
  summary!: string | null;

  @Field(() => Int, { description: 'Its rung: 1 + the steps of the longest path of transitions that leads to it.' })
  level!: number;

  @Field(() => Boolean, { description: 'Whether a page of its own describes it; roles without one are known only from other pages.' })
  hasPage!: boolean;

  @Field(() => Profile, {
    description: 'STATED when its own page lists its skills; INFERRED when it has none, and its skills are inherited and developed (see Skill.basis).',
  })
  profile!: Profile;

  @Field(() => String, { description: 'Where the role was stated, as "file:line" ("api" for curated edits).' })
  source!: string;
}

@ObjectType({ description: 'Something a role is accountable for, grouped by area.' })
export class Responsibility {
  @Field(() => String, { description: 'The area, e.g. "Strategic Leadership".' })
  area!: string;

  @Field(() => String, { description: 'What the role is accountable for.' })
  text!: string;

  @Field(() => String, { description: 'Where it was stated, as "file:line".' })
  source!: string;
}

@ObjectType({ description: 'Part of a typical day, by time slot.' })
export class Activity {
  @Field(() => String, { description: 'The slot, e.g. "Morning", "Recurring Meetings", "Ad-hoc".' })
  slot!: string;

  @Field(() => String, { description: 'What the role does in that slot.' })
  text!: string;

  @Field(() => String, { description: 'Where it was stated, as "file:line".' })
  source!: string;
}

@ObjectType({ description: 'One fact of a role\'s typical scope, e.g. "Org size: 100-500+ engineers".' })
export class ScopeItem {
  @Field(() => String, { description: 'e.g. "Direct reports", "Org size", "Span".' })
  key!: string;

  @Field(() => String, { description: 'e.g. "100-500+ engineers".' })
  value!: string;

  @Field(() => String, { description: 'Where it was stated, as "file:line".' })
  source!: string;
}

@ObjectType({ description: 'What a comparison table says about a role on one dimension; any page may state one about any role.' })
export class ComparisonFact {
  @Field(() => String, { description: 'The heading of the table, e.g. "Key Differences Summary".' })
  table!: string;

  @Field(() => String, { description: 'e.g. "Reports to", "Time horizon", "Metaphor".' })
  dimension!: string;

  @Field(() => String, { description: 'What the table says, e.g. "CTO or CEO".' })
  value!: string;

  @Field(() => String, { description: 'The page and line that state it, as "file:line": a role\'s facts may come from other roles\' pages.' })
  source!: string;
}

registerEnumType(Profile, {
  name: 'Profile',
  description: 'Whether the pages state a role\'s whole set of skills, or the graph infers a partial one.',
});

export enum RoleOrder {
  LEVEL_ASC = 'LEVEL_ASC',
  LEVEL_DESC = 'LEVEL_DESC',
  TITLE_ASC = 'TITLE_ASC',
}

registerEnumType(RoleOrder, {
  name: 'RoleOrder',
  description: 'How to order roles; ties are broken by id.',
});
