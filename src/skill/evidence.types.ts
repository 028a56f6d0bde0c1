import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A sentence of a page that supports something the graph infers.' })
export class Evidence {
  @Field(() => String, { description: 'The sentence as the page writes it, without Markdown.' })
  text!: string;

  @Field(() => String, { description: 'The page it is on, as given to the importer, e.g. "seed/vp.md".' })
  file!: string;

  @Field(() => Int, { nullable: true, description: 'Its 1-based line in that file.' })
  line!: number | null;
}
