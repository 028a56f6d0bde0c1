import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new role. Pages win: importing a page with the same label later sets its fields.' })
export class CreateRoleInput {
  @Field(() => ID, { description: 'A slug such as "staff-engineer".' })
  id!: string;

  @Field(() => String, { description: 'Non-empty, at most 200 characters.' })
  title!: string;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => String, { nullable: true })
  question?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@InputType({ description: 'The fields to change; those left out stay as they are, null clears one.' })
export class UpdateRoleInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => String, { nullable: true })
  question?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@InputType({ description: 'A transition to create, or to replace the timeline of.' })
export class TransitionInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => Float, { nullable: true, description: 'Non-negative.' })
  minYears?: number | null;

  @Field(() => Float, { nullable: true, description: 'Non-negative, at least minYears.' })
  maxYears?: number | null;

  @Field(() => Boolean, { defaultValue: false })
  openEnded!: boolean;

  @Field(() => String, { nullable: true, description: 'The timeline as a sentence, e.g. "Typically 2-4 years".' })
  timelineText?: string | null;
}
