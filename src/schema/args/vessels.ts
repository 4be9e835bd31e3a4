/** The arguments of `vessels`: a filter and a page. */
import { ArgsType, Field } from 'type-graphql';
import { VesselFilter } from '../vessel';
import { PageArgs } from './page';

@ArgsType()
export class VesselsArgs extends PageArgs {
  @Field(() => VesselFilter, {
    nullable: true,
    description: 'Conditions the vessels must all meet; omitted: every vessel.',
  })
  filter?: VesselFilter | null;
}
