/** The arguments of `companies`: a filter and a page. */
import { ArgsType, Field } from 'type-graphql';
import { PartyFilter } from '../party';
import { PageArgs } from './page';

@ArgsType()
export class PartiesArgs extends PageArgs {
  @Field(() => PartyFilter, {
    nullable: true,
    description: 'Conditions the parties must all meet; omitted: every party.',
  })
  filter?: PartyFilter | null;
}
