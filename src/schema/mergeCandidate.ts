/** Pairs of parties that may be one real thing, found when an official list was loaded (db/lists/listMatch.ts). */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from './connection';
import { Node } from './node';

export enum MergeCandidateStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  AUTO_MERGED = 'AUTO_MERGED',
}

registerEnumType(MergeCandidateStatus, {
  name: 'MergeCandidateStatus',
  description: 'Where a merge candidate stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for an editor: acceptMergeCandidate or rejectMergeCandidate.' },
    ACCEPTED: { description: 'Accepted: the two were merged (the audit trail records who and why).' },
    REJECTED: { description: 'Rejected: the two are different; the pair is never proposed again.' },
    AUTO_MERGED: { description: 'Merged automatically when the list was loaded (a sure match); the reason says why.' },
  },
});

@ObjectType({ description: 'Two companies or two persons that may be one real thing, and why Collier thinks so.' })
export class MergeCandidate {
  @Field(() => ID, { description: 'Id of the candidate ("candidate:<id>|<id>").' })
  id!: string;

  @Field(() => ID, { description: 'The entity kept if the two are merged (the one that was in the graph first).' })
  keepId!: string;

  @Field(() => ID, { description: 'The entity folded into keepId if the two are merged.' })
  removeId!: string;

  @Field(() => String, { nullable: true, description: "The kept entity's name (as it stands now)." })
  keepName!: string | null;

  @Field(() => String, { nullable: true, description: "The other entity's name (as it stands now)." })
  removeName!: string | null;

  @Field(() => String, { description: 'Company or Person.' })
  label!: string;

  @Field(() => Float, { description: 'How alike the names are, 0 to 1.' })
  score!: number;

  @Field(() => String, { description: 'The matching rule that found the pair (domain/entityMatch.ts).' })
  reason!: string;

  @Field(() => MergeCandidateStatus, { description: 'Pending, accepted, rejected, or merged automatically.' })
  status!: MergeCandidateStatus;

  @Field(() => String, { nullable: true, description: 'Who decided (the audit actor), if anyone has.' })
  decidedBy!: string | null;

  @Field(() => Node, { nullable: true, description: 'The kept entity (after a merge, the merged one).' })
  keep?: unknown;

  @Field(() => Node, {
    nullable: true,
    description: 'The other entity (after a merge, its id resolves to the kept one).',
  })
  remove?: unknown;
}

export const MergeCandidateConnection = Connection('MergeCandidate', () => MergeCandidate);

@ObjectType({ description: 'What undoMerge did: the entity restored, and what it got back.' })
export class UndoMergeResult {
  @Field(() => ID, { description: 'The entity that kept the merged one, as it stands after the undo.' })
  keptId!: string;

  @Field(() => ID, { description: 'The entity restored (its id no longer resolves to keptId).' })
  restoredId!: string;

  @Field(() => Int, { description: 'Relationships moved back to the restored entity.' })
  restoredRelationships!: number;

  @Field(() => Node, { nullable: true, description: 'The restored entity.' })
  restored?: unknown;
}
