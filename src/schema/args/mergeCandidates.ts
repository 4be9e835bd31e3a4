/** The arguments of `mergeCandidates`: a status and a page. */
import { ArgsType, Field } from 'type-graphql';
import { MergeCandidateStatus } from '../mergeCandidate';
import { PageArgs } from './page';

@ArgsType()
export class MergeCandidatesArgs extends PageArgs {
  @Field(() => MergeCandidateStatus, {
    nullable: true,
    defaultValue: MergeCandidateStatus.PENDING,
    description: 'Only candidates in this state (default PENDING); null lists all.',
  })
  status?: MergeCandidateStatus | null;
}
