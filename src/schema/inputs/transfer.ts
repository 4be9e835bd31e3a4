import { TransferKind } from '../enums';
import { DateRangeInput } from './dateRange';
import { EvidenceInput } from './evidence';
import { QuantityInput } from './quantity';
import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description: 'Cargo passing from one vessel to another. The NEXT links of the legs it joins are recomputed with it.',
})
export class TransferInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Give it to correct a transfer already recorded; otherwise derived from the two vessels and the date.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The vessel that gave the cargo: its id or "imo:NNNNNNN".' })
  fromVessel?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the sources describe the giving vessel when unnamed (at most 1000 characters).',
  })
  fromVesselDescription?: string | null;

  @Field(() => String, { nullable: true, description: 'The vessel that took the cargo on: its id or "imo:NNNNNNN".' })
  toVessel?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the sources describe the receiving vessel when unnamed (at most 1000 characters).',
  })
  toVesselDescription?: string | null;

  @Field(() => String, { nullable: true, description: 'Where: a port id or "locode:XXXXX".' })
  port?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When it took place.' })
  when?: DateRangeInput | null;

  @Field(() => TransferKind, { nullable: true, description: 'Default SHIP_TO_SHIP.' })
  kind?: TransferKind | null;

  @Field(() => ID, { nullable: true, description: 'The leg that brought the cargo.' })
  fromLeg?: string | null;

  @Field(() => ID, { nullable: true, description: 'The leg that took it on.' })
  toLeg?: string | null;

  @Field(() => [QuantityInput], {
    nullable: true,
    description: 'Tonnage passed on (unit TONNES by default), at most 20 figures.',
  })
  tonnage?: QuantityInput[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Tactic codes ("AIS_DARK"); an unknown code is BAD_USER_INPUT.',
  })
  tactics?: string[] | null;
}
