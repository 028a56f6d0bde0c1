import { Field, Float, ID, InputType } from 'type-graphql';

/** The optional texts of a role, shared by its create and update inputs. */
@InputType({ description: 'The optional texts of a role.' })
abstract class RoleTextsInput {
  @Field(() => String, { nullable: true, description: 'A short label, e.g. "Staff".' })
  label?: string | null;

  @Field(() => String, { nullable: true, description: 'The question the role answers.' })
  question?: string | null;

  @Field(() => String, { nullable: true, description: 'An introduction to the role.' })
  summary?: string | null;
}

@InputType({ description: 'A new role. Pages win: importing a page with the same label later sets its fields.' })
export class CreateRoleInput extends RoleTextsInput {
  @Field(() => ID, { description: 'A slug such as "staff-engineer".' })
  id!: string;

  @Field(() => String, { description: 'Non-empty, at most 200 characters.' })
  title!: string;
}

@InputType({ description: 'The fields to change; those left out stay as they are, null clears one.' })
export class UpdateRoleInput extends RoleTextsInput {
  @Field(() => String, { nullable: true, description: 'Non-empty, at most 200 characters; null is refused.' })
  title?: string | null;
}

@InputType({ description: 'A transition to create, or to replace the timeline of.' })
export class TransitionInput {
  @Field(() => ID, { description: 'The id of the role it starts from.' })
  from!: string;

  @Field(() => ID, { description: 'The id of the role it leads to.' })
  to!: string;

  @Field(() => Float, { nullable: true, description: 'Non-negative.' })
  minYears?: number | null;

  @Field(() => Float, { nullable: true, description: 'Non-negative, at least minYears.' })
  maxYears?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'True when the upper bound is open, as in "5-10+ years".' })
  openEnded!: boolean;

  @Field(() => String, { nullable: true, description: 'The timeline as a sentence, e.g. "Typically 2-4 years".' })
  timelineText?: string | null;
}
