/** What mergeEntities did. */
import { Node } from './node';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MergeStatus {
  MERGED = 'MERGED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(MergeStatus, {
  name: 'MergeStatus',
  description: 'UNCHANGED when `remove` had already been merged into `keep`.',
  valuesConfig: {
    MERGED: { description: '`remove` was folded into `keep` by this call.' },
    UNCHANGED: { description: '`remove` had already been merged into `keep`: nothing was written.' },
  },
});

@ObjectType({ description: 'What mergeEntities did: the entity kept, and how much moved over to it.' })
export class MergeResult {
  @Field(() => MergeStatus, { description: 'MERGED, or UNCHANGED when the two were already merged.' })
  status!: MergeStatus;

  @Field(() => Node, { nullable: true, description: 'The kept entity as it now stands.' })
  kept?: unknown;

  @Field(() => ID, { description: 'Id of the kept entity.' })
  keptId!: string;

  @Field(() => ID, { description: 'Still resolves, to the kept entity.' })
  removedId!: string;

  @Field(() => Int, { description: 'Relationships moved from the removed entity to the kept one.' })
  movedRelationships!: number;

  @Field(() => [ID], { description: 'The audit entries the merge left (see `changes`).' })
  changeIds!: string[];
}
