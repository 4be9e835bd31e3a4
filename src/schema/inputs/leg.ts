import { CargoOrigin, Commodity, Legality } from '../enums';
import { DateRangeInput } from './dateRange';
import { EvidenceInput } from './evidence';
import { QuantityInput } from './quantity';
import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description: 'One movement of cargo on one vessel from a place to a place. Its NEXT links are recomputed with it.',
})
export class LegInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Give it to correct a leg already recorded; otherwise the id is derived from vessel, ports and dates.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The vessel: its id or "imo:NNNNNNN".' })
  vessel?: string | null;

  @Field(() => String, { nullable: true, description: 'How the sources describe an unnamed vessel.' })
  vesselDescription?: string | null;

  @Field(() => [String], {
    description: 'Where it left: port ids or "locode:XXXXX" (several when the sources give alternatives).',
  })
  from!: string[];

  @Field(() => String, { nullable: true, description: "Where from, in the sources' words (at most 1000 characters)." })
  fromText?: string | null;

  @Field(() => [String], {
    description: 'Where it went: port ids or "locode:XXXXX" (several when the sources give alternatives).',
  })
  to!: string[];

  @Field(() => String, { nullable: true, description: "Where to, in the sources' words (at most 1000 characters)." })
  toText?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When it left.' })
  departure?: DateRangeInput | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When it arrived.' })
  arrival?: DateRangeInput | null;

  @Field(() => Commodity, { nullable: true, description: 'Default COAL.' })
  commodity?: Commodity | null;

  @Field(() => String, { nullable: true, description: "The cargo in the sources' words (at most 1000 characters)." })
  cargoText?: string | null;

  @Field(() => [QuantityInput], {
    nullable: true,
    description: 'Tonnage figures (unit TONNES by default), at most 20.',
  })
  tonnage?: QuantityInput[] | null;

  @Field(() => CargoOrigin, { nullable: true, description: 'Default UNCONFIRMED.' })
  cargoOrigin?: CargoOrigin | null;

  @Field(() => String, {
    nullable: true,
    description: 'The origin the papers declared ("Russia"), at most 300 characters.',
  })
  declaredOrigin?: string | null;

  @Field(() => Legality, { nullable: true, description: 'Default UNDETERMINED.' })
  legality?: Legality | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Landed at the destination (true), refused or kept aboard (false); omitted: unknown.',
  })
  discharged?: boolean | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  destinationCountry?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tactic codes ("AIS_DARK").' })
  tactics?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "The evasion tactics in the sources' words (at most 1000 characters).",
  })
  tacticsText?: string | null;
}
