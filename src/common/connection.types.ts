import { Field, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a connection stands (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether items follow this page: pass endCursor as `after` for them.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: 'Whether the page was asked for after a cursor, which lies before it. Connections here page forward only, with first and after.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge; null for an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; null for an empty page.' })
  endCursor!: string | null;
}

/**
 * The edges and pageInfo of a Relay connection of `node`, and its edge type `<name>Edge`; the connection
 * itself is declared by the entity, with its counts.
 */
export function ConnectionType<TNode extends object>(name: string, node: ClassType<TNode>) {
  @ObjectType(`${name}Edge`, { description: `A ${name.toLowerCase()} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque; as `after`, it asks for the items after this one, in the same order.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name.toLowerCase()}.` })
    node!: TNode;
  }

  @ObjectType()
  abstract class Connection {
    @Field(() => [Edge], { description: 'The page, in the order asked for.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more follow, and the cursors of the page\'s ends.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}
