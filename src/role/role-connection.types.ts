import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.types.js';
import { Role } from './role.types.js';

@InputType({ description: 'Which roles to list: those that pass every filter given. A filter naming nothing known matches no role.' })
export class RoleWhere {
  @Field(() => Int, { nullable: true, description: 'Roles of this level.' })
  level?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Roles with a page of their own (true) or known only from other pages (false).' })
  hasPage?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Roles that need this skill (by id), derived needs included.' })
  skill?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Roles that need a skill some page lists in this category, by name ("Business Acumen") or id ("business-acumen").',
  })
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Roles whose title, question or introduction contain every word, or a word starting with it, as `search` matches.',
  })
  text?: string | null;
}

@ObjectType({ description: 'How many of the roles listed have a level.' })
export class LevelCount {
  @Field(() => Int, { description: 'The level.' })
  level!: number;

  @Field(() => Int, { description: 'How many of the roles listed have it.' })
  count!: number;
}

@ObjectType({ description: 'A page of roles, with the counts of every role that passes the filter.' })
export class RoleConnection extends ConnectionType('Role', Role) {}
