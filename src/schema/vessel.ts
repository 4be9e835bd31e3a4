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
  @Field(() => ID, { description: 'Stable id ("vessel:wise-honest"); stays the same when the vessel is renamed.' })
  id!: string;

  @Field(() => String, { description: 'The name it is best known by in the sources.' })
  name!: string;

  @Field(() => [String], {
    description: 'Every other name claimed for it: former names, spellings, spoofed identities.',
  })
  otherNames!: string[];

  @Field(() => String, { nullable: true, description: 'IMO number (seven digits, check digit verified).' })
  imo!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Maritime Mobile Service Identity (nine digits), as the sources give it.',
  })
  mmsi!: string | null;

  @Field(() => String, { nullable: true, description: 'Radio call sign, as the sources give it.' })
  callSign!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Ship type in the sources\' words ("bulk carrier", "general cargo").',
  })
  vesselType!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year the hull was built (four digits).' })
  buildYear!: number | null;

  @Field(() => [Quantity], { description: 'Deadweight as the sources give it (conflicting figures side by side).' })
  deadweight!: Quantity[];

  @Field(() => [Quantity], {
    description: 'Gross tonnage (unit GT) as the sources give it, conflicting figures side by side.',
  })
  grossTonnage!: Quantity[];

  @Field(() => String, { nullable: true, description: "The sources' notes on this vessel, condensed." })
  description!: string | null;

  @Field(() => VesselStatus, { description: 'Whether the sources implicate it, cleared it, or leave it open.' })
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
  @Field(() => ID, { description: 'Id of the claim ("identity:…").' })
  id!: string;

  vesselId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The name claimed; null when the claim is about numbers or flag only.',
  })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The IMO number claimed (seven digits); a false claim may carry another ship's number.",
  })
  imo!: string | null;

  @Field(() => String, { nullable: true, description: 'The MMSI claimed or broadcast (nine digits).' })
  mmsi!: string | null;

  @Field(() => String, { nullable: true, description: 'The radio call sign claimed.' })
  callSign!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The flag as the sources put it ("unflagged", "Sierra Leone (documents)").',
  })
  flagText!: string | null;

  flagCode!: string | null;

  @Field(() => DateRange, {
    nullable: true,
    description: 'When the identity was used (UTC days, with the precision the sources give); null when undated.',
  })
  period!: DateRange | null;

  @Field(() => IdentityStatus, {
    description: 'Asserted, verified by an official record, or shown false (spoofed, forged).',
  })
  status!: IdentityStatus;

  @Field(() => IdentityKind, {
    description: 'Where the claim comes from: registry, former name, AIS broadcast, papers, spelling.',
  })
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

  @Field(() => VesselStatus, { nullable: true, description: 'Only vessels the sources leave in this status.' })
  status?: VesselStatus | null;
}

export const VesselConnection = Connection('Vessel', () => Vessel);
