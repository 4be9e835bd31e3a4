/** The arguments of `ports`: name, country, kind and a page. */
import { ArgsType, Field } from 'type-graphql';
import { PortKind } from '../enums';
import { PageArgs } from './page';

@ArgsType()
export class PortsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of its name or an alias, case-insensitive.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country?: string | null;

  @Field(() => PortKind, { nullable: true, description: 'Only places of this kind (ports, STS areas …).' })
  kind?: PortKind | null;
}
