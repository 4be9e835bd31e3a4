/** What a write mutation did to one fact. */
import { Node } from './node';
import { PartyRelation } from './party';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum WriteStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(WriteStatus, {
  name: 'WriteStatus',
  description: 'What a write did: UNCHANGED when the graph already said exactly this.',
  valuesConfig: {
    CREATED: { description: 'The fact was new and is now in the graph.' },
    UPDATED: { description: 'The fact existed; some values changed (listed in `changed`).' },
    UNCHANGED: { description: 'The graph already said exactly this: nothing was written, no audit entry.' },
  },
});

@ObjectType({ description: 'What a write did to one fact.' })
export class WriteResult {
  @Field(() => ID, { description: "The fact's id (the entity, source, leg, relation …)." })
  id!: string;

  @Field(() => WriteStatus, { description: 'Created, updated, or unchanged (the graph already said exactly this).' })
  status!: WriteStatus;

  @Field(() => [String], { description: 'The properties (and `links.TYPE` edges) that changed.' })
  changed!: string[];

  @Field(() => [ID], { description: 'The audit entries this write left (see `changes`).' })
  changeIds!: string[];

  @Field(() => Node, { nullable: true, description: 'The entity as it now stands (null for a relation).' })
  node?: unknown;

  @Field(() => PartyRelation, { nullable: true, description: 'The relation as it now stands (for linkParty).' })
  relation?: unknown;

  label!: string | null;
}
