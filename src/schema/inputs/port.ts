import { PortKind } from '../enums';
import { EvidenceInput } from './evidence';
import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'A port or place, identified by `id`, else by UN/LOCODE, else by name.' })
export class PortInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A port id, to update that port; omitted: found by UN/LOCODE, else name.',
  })
  id?: string | null;

  @Field(() => String, { description: 'The name it is best known by, at most 300 characters.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names and spellings; added to those already known.' })
  aliases?: string[] | null;

  @Field(() => PortKind, { nullable: true, description: 'Default for a new port: PORT.' })
  kind?: PortKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; taken from the UN/LOCODE when left out.' })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'UN/LOCODE: a country code and three letters or digits 2-9 ("KPNAM").',
  })
  locode?: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude, decimal degrees (WGS 84), -90 to 90.' })
  lat?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude, decimal degrees (WGS 84), -180 to 180.' })
  lon?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Its role in the trade, in the sources' words (at most 1000 characters).",
  })
  role?: string | null;
}
