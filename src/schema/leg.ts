import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced, Quantity } from './evidence';
import { CargoOrigin, Commodity, Legality, TransferKind } from './enums';

@ObjectType({
  implements: [Node, Evidenced],
  description: 'One movement of cargo on one vessel from a place to a place.',
})
export class Leg extends Evidenced implements Node {
  @Field(() => ID)
  id!: string;

  vesselId!: string | null;

  @Field(() => String, { nullable: true, description: 'How the sources describe the ship when they do not name it.' })
  vesselDescription!: string | null;

  @Field(() => String, { description: "Where from, in the sources' words." })
  fromText!: string;

  @Field(() => String, { description: "Where to, in the sources' words." })
  toText!: string;

  @Field(() => DateRange, { nullable: true })
  departure!: DateRange | null;

  @Field(() => DateRange, { nullable: true })
  arrival!: DateRange | null;

  @Field(() => Commodity)
  commodity!: Commodity;

  @Field(() => String)
  cargoText!: string;

  @Field(() => [Quantity], { description: 'Tonnage figures, conflicting ones side by side.' })
  tonnage!: Quantity[];

  @Field(() => Float, { nullable: true, description: 'Lowest tonnage any source gives.' })
  tonnageMin!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest tonnage any source gives.' })
  tonnageMax!: number | null;

  @Field(() => [Quantity])
  value!: Quantity[];

  @Field(() => CargoOrigin)
  cargoOrigin!: CargoOrigin;

  @Field(() => String, { nullable: true, description: 'The origin the papers declared ("Russia").' })
  declaredOrigin!: string | null;

  @Field(() => Legality)
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
  @Field(() => ID)
  id!: string;

  fromVesselId!: string | null;
  toVesselId!: string | null;
  portId!: string | null;

  @Field(() => String, { nullable: true })
  fromVesselDescription!: string | null;

  @Field(() => String, { nullable: true })
  toVesselDescription!: string | null;

  @Field(() => TransferKind)
  kind!: TransferKind;

  @Field(() => DateRange, { nullable: true })
  when!: DateRange | null;

  @Field(() => [Quantity])
  tonnage!: Quantity[];
}
