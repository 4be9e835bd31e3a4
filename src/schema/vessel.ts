import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced, Quantity } from './evidence';
import { IdentityKind, IdentityStatus, VesselStatus } from './enums';
import { Connection } from './connection';

@ObjectType({
  implements: [Node, Evidenced],
  description: 'A ship. Its current name and flag are derived from its identity history.',
})
export class Vessel extends Evidenced implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The name it is best known by in the sources.' })
  name!: string;

  @Field(() => [String], {
    description: 'Every other name claimed for it: former names, spellings, spoofed identities.',
  })
  otherNames!: string[];

  @Field(() => String, { nullable: true, description: 'IMO number (seven digits, check digit verified).' })
  imo!: string | null;

  @Field(() => String, { nullable: true })
  mmsi!: string | null;

  @Field(() => String, { nullable: true })
  callSign!: string | null;

  @Field(() => String, { nullable: true })
  vesselType!: string | null;

  @Field(() => Int, { nullable: true })
  buildYear!: number | null;

  @Field(() => [Quantity], { description: 'Deadweight as the sources give it (conflicting figures side by side).' })
  deadweight!: Quantity[];

  @Field(() => [Quantity])
  grossTonnage!: Quantity[];

  @Field(() => String, { nullable: true, description: "The sources' notes on this vessel, condensed." })
  description!: string | null;

  @Field(() => VesselStatus)
  status!: VesselStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The current flag as the sources put it (including a conflict between them).',
  })
  flagText!: string | null;

  flagCode!: string | null;
}

@ObjectType({
  implements: [Node, Evidenced],
  description: 'One claimed identity of a vessel over a time span; a claim can be false (spoofed or forged).',
})
export class IdentityClaim extends Evidenced implements Node {
  @Field(() => ID)
  id!: string;

  vesselId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  imo!: string | null;

  @Field(() => String, { nullable: true })
  mmsi!: string | null;

  @Field(() => String, { nullable: true })
  callSign!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The flag as the sources put it ("unflagged", "Sierra Leone (documents)").',
  })
  flagText!: string | null;

  flagCode!: string | null;

  @Field(() => DateRange, { nullable: true })
  period!: DateRange | null;

  @Field(() => IdentityStatus)
  status!: IdentityStatus;

  @Field(() => IdentityKind)
  kind!: IdentityKind;
}

@InputType({ description: 'Which vessels to list; all conditions must hold.' })
export class VesselFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of any of its names (current, former, claimed), case-insensitive.',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Current flag, as an ISO 3166-1 alpha-2 code ("KP").' })
  flag?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only vessels under a sanction in force; false: only those under none.',
  })
  designated?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'An evasion tactic code seen for the vessel or on one of its legs ("AIS_DARK").',
  })
  tactic?: string | null;

  @Field(() => VesselStatus, { nullable: true })
  status?: VesselStatus | null;
}

export const VesselConnection = Connection('Vessel', () => Vessel);
