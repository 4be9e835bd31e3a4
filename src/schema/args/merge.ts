/** The arguments of `mergeEntities`: the entity kept and its duplicate. */
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class MergeArgs {
  @Field(() => ID, { description: 'The entity to keep (a vessel, company, person or port id).' })
  keep!: string;

  @Field(() => ID, { description: 'The duplicate to fold into it (same kind: vessel, company, person or port).' })
  remove!: string;
}
