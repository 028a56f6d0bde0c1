import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.types.js';
import { Skill } from './skill.types.js';

@InputType({ description: 'Which skills to list: those that pass every filter given. A filter naming nothing known matches no skill.' })
export class SkillWhere {
  @Field(() => ID, { nullable: true, description: 'Skills this role (by id) needs, derived needs included.' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Skills some page lists in this category, by name ("Business Acumen") or id ("business-acumen").' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Skills whose name contains every word, or a word starting with it, as `search` matches.' })
  text?: string | null;
}

export enum SkillOrder {
  NAME_ASC = 'NAME_ASC',
  ROLE_COUNT_DESC = 'ROLE_COUNT_DESC',
}

registerEnumType(SkillOrder, {
  name: 'SkillOrder',
  description: 'How to order skills; ties are broken by id.',
  valuesConfig: {
    NAME_ASC: { description: 'By name, ignoring case.' },
    ROLE_COUNT_DESC: { description: 'Those most roles need first (roleCount).' },
  },
});

@ObjectType({ description: 'How many of the skills listed a category holds.' })
export class CategoryCount {
  @Field(() => ID, { description: 'Slug of the name, e.g. "business-acumen".' })
  id!: string;

  @Field(() => String, { description: 'As the first page to list it writes it.' })
  name!: string;

  @Field(() => Int, { description: 'How many of the skills listed it holds.' })
  count!: number;
}

@ObjectType({ description: 'A page of skills, with the counts of every skill that passes the filter.' })
export class SkillConnection extends ConnectionType('Skill', Skill) {}
