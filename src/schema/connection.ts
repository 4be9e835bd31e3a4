/** Relay-style connections: `first`/`after`, `edges { cursor node }`, `pageInfo`, `totalCount`. */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'true when items follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'true when items come before this page (it was asked for with `after`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last item's cursor, to pass as `after` for the next page; null on an empty page.",
  })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `nodeType` is a type function (`() => Vessel`) so that classes may refer to each other. */
export function Connection<T extends object>(name: string, nodeType: () => abstract new (...args: never[]) => T) {
  @ObjectType(`${name}Edge`, { description: `One ${name} item of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item: pass it as `after` to get the items after it.' })
    cursor!: string;

    @Field(nodeType, { description: `The ${name} item.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `One page of ${name} items (Relay cursor connection): \`first\` 1–100 (default 20), \`after\` a cursor.`,
  })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The items of this page, in list order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Cursors of this page and whether more pages follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}
