import { VesselStatus } from '../enums';
import { EvidenceInput } from './evidence';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description: 'A vessel, identified by `id`, else by IMO number, else by name. Fields left out stay as they are.',
})
export class VesselInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A vessel id, to update that vessel; omitted: found by IMO number, else by name.',
  })
  id?: string | null;

  @Field(() => String, { description: 'The name it is best known by, at most 300 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Seven digits with a valid check digit.' })
  imo?: string | null;

  @Field(() => String, { nullable: true, description: 'Ship MMSI: nine digits, the first 2 to 7.' })
  mmsi?: string | null;

  @Field(() => String, { nullable: true, description: 'Radio call sign, at most 20 characters.' })
  callSign?: string | null;

  @Field(() => String, { nullable: true, description: 'Ship type ("bulk carrier"), at most 100 characters.' })
  vesselType?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year built, 1850 to 2100.' })
  buildYear?: number | null;

  @Field(() => VesselStatus, { nullable: true, description: 'Default for a new vessel: UNCONFIRMED.' })
  status?: VesselStatus | null;

  @Field(() => String, { nullable: true, description: "The sources' notes on the vessel, at most 5000 characters." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Current flag, ISO 3166-1 alpha-2.' })
  flag?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The flag in the sources\' words ("unflagged", "Togo (false)"), at most 300 characters.',
  })
  flagText?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names; added to those already known.' })
  otherNames?: string[] | null;
}
