import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A skill a role needs. The same name on two pages is one skill.' })
export class Skill {
  @Field(() => ID, { description: 'Slug of the name, e.g. "change-management".' })
  id!: string;

  @Field(() => String, { description: 'As the first page to name it writes it, first letter upper-cased.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Under a role: the category the role lists it in. Elsewhere: the first of its categories.',
  })
  category!: string | null;
}
