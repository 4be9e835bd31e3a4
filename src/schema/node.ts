/** Every entity has a global id and can be fetched again with `node(id)`. */
import { Field, ID, InterfaceType } from 'type-graphql';
import { labelOfId } from '../domain/ids';

@InterfaceType({
  description: 'An entity of the graph, refetchable by `node(id)`. Ids look like "vessel:wise-honest".',
  resolveType: (value: { id: string }) => labelOfId(value.id) ?? undefined,
})
export abstract class Node {
  @Field(() => ID, {
    description: 'Global id: the kind, a colon and a stable key ("vessel:wise-honest", "country:KP").',
  })
  id!: string;
}
