import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced, Quantity } from './evidence';
import { CargoOrigin, Commodity, Legality, TransferKind } from './enums';

@ObjectType({
  implements: [Node, Evidenced],
  description: 'One movement of cargo on one vessel from a place to a place.',
})
export class Leg extends Evidenced implements Node {
  @Field(() => ID, { description: 'Stable id ("leg:wise-honest:2018-03").' })
  id!: string;

  vesselId!: string | null;

  @Field(() => String, { nullable: true, description: 'How the sources describe the ship when they do not name it.' })
  vesselDescription!: string | null;

  @Field(() => String, { description: "Where from, in the sources' words." })
  fromText!: string;

  @Field(() => String, { description: "Where to, in the sources' words." })
  toText!: string;

  @Field(() => DateRange, {
    nullable: true,
    description: 'When it left (UTC days, with the precision the sources give); null when the sources give no date.',
  })
  departure!: DateRange | null;

  @Field(() => DateRange, {
    nullable: true,
    description: 'When it arrived (UTC days, with the precision the sources give); null when the sources give no date.',
  })
  arrival!: DateRange | null;

  @Field(() => Commodity, { description: 'What it carried: coal, "coal or pig iron", or not stated.' })
  commodity!: Commodity;

  @Field(() => String, { description: 'The cargo in the sources\' words ("anthracite coal, ~5,000 t").' })
  cargoText!: string;

  @Field(() => [Quantity], { description: 'Tonnage figures, conflicting ones side by side.' })
  tonnage!: Quantity[];

  @Field(() => Float, { nullable: true, description: 'Lowest tonnage any source gives.' })
  tonnageMin!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest tonnage any source gives.' })
  tonnageMax!: number | null;

  @Field(() => [Quantity], {
    description: 'Value of the cargo as the sources give it (unit USD or WON), figures side by side.',
  })
  value!: Quantity[];

  @Field(() => CargoOrigin, { description: 'Where the cargo came from, as far as the sources establish it.' })
  cargoOrigin!: CargoOrigin;

  @Field(() => String, { nullable: true, description: 'The origin the papers declared ("Russia").' })
  declaredOrigin!: string | null;

  @Field(() => Legality, {
    description: 'Whether this movement broke the sanctions, as far as the sources establish it.',
  })
  legality!: Legality;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Landed at the destination (true), refused or kept aboard (false), unknown (null).',
  })
  discharged!: boolean | null;

  destinationCountryCode!: string | null;

  @Field(() => String, { nullable: true, description: "The evasion tactics in the sources' words." })
  tacticsText!: string | null;
}

@ObjectType({
  implements: [Node, Evidenced],
  description: 'Cargo passing from one vessel to another, ship-to-ship or at a port.',
})
export class Transfer extends Evidenced implements Node {
  @Field(() => ID, { description: 'Stable id ("transfer:wise-honest:dong-thanh").' })
  id!: string;

  fromVesselId!: string | null;
  toVesselId!: string | null;
  portId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the sources describe the giving vessel when they do not name it ("an unidentified DPRK vessel").',
  })
  fromVesselDescription!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the sources describe the receiving vessel when they do not name it.',
  })
  toVesselDescription!: string | null;

  @Field(() => TransferKind, { description: 'Ship-to-ship, at a port, or onto barges.' })
  kind!: TransferKind;

  @Field(() => DateRange, {
    nullable: true,
    description:
      'When it took place (UTC days, with the precision the sources give); null when the sources give no date.',
  })
  when!: DateRange | null;

  @Field(() => [Quantity], { description: 'Tonnage passed on (unit TONNES), conflicting figures side by side.' })
  tonnage!: Quantity[];
}
