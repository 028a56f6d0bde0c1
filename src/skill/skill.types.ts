import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SkillBasis } from '../derived/skill-basis.js';
import { Evidence } from './evidence.types.js';

registerEnumType(SkillBasis, {
  name: 'SkillBasis',
  description: 'Why a role has a skill.',
  valuesConfig: {
    STATED: { description: 'The role\'s own page lists it, or a curator added it.' },
    INHERITED: {
      description:
        'Inferred: the role has no page of its own, and every role whose transitions lead into it (among those that state any skill) states this one.',
    },
    DEVELOPED: { description: 'Inferred: the role has no page of its own, and a sentence of a transition into it develops this skill; see evidence.' },
  },
});

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

  @Field(() => SkillBasis, {
    nullable: true,
    description: 'Under a role (its skills, a skill delta, what is left to learn): why the role has it, the strongest of `bases`. Elsewhere null.',
  })
  basis!: SkillBasis | null;

  @Field(() => [SkillBasis], { description: 'Under a role: every reason it has the skill, strongest first. Elsewhere empty.' })
  bases!: SkillBasis[];

  @Field(() => [Evidence], { description: 'Under a role that has it as DEVELOPED: the sentences of the transitions into the role that develop it. Otherwise empty.' })
  evidence!: Evidence[];
}
