import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node';
import { Evidenced, GeoPoint } from './evidence';
import { PortKind } from './enums';
import { Connection } from './connection';

@ObjectType({
  implements: [Node, Evidenced],
  description:
    'A port, ship-to-ship transfer area, anchorage or stretch of water where coal was loaded, passed on or landed.',
})
export class Port extends Evidenced implements Node {
  @Field(() => ID, { description: 'Stable id ("port:nampho").' })
  id!: string;

  @Field(() => String, { description: 'The name it is best known by ("Nampho").' })
  name!: string;

  @Field(() => [String], { description: 'Other spellings and names ("Nampo", "Namp\'o").' })
  aliases!: string[];

  @Field(() => PortKind, {
    description: 'Port, STS area, anchorage, waters, river route, or unnamed port in a country.',
  })
  kind!: PortKind;

  @Field(() => String, { nullable: true, description: 'UN/LOCODE where a code list states it.' })
  locode!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 3166-1 alpha-2 code of its country ("KP"); null for a place in no one country (an STS area at sea).',
  })
  countryCode!: string | null;

  @Field(() => GeoPoint, { nullable: true, description: 'Approximate position; null where no source gives one.' })
  location!: GeoPoint | null;

  @Field(() => String, { nullable: true, description: "Its role in the trade, in the sources' words." })
  role!: string | null;
}

export const PortConnection = Connection('Port', () => Port);
