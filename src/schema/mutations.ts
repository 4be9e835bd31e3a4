/**
 * What writers send and get back. Each input is one fact with its evidence (at least one source: an
 * existing Source's id, or a new source given inline); the same fields, with a `type`, make a line of
 * Collier's JSON Lines import format (docs/import.md). References to other entities are strings: an
 * id ("vessel:test-vessel-alpha"), or a natural key ("imo:9876543", "locode:XXABC",
 * "company-imo:1234567", "ftm:<FtM id>").
 */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Authority,
  CargoOrigin,
  Commodity,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  Legality,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
} from './enums';
import { Node } from './node';
import { PartyRelation } from './party';

export enum WriteStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(WriteStatus, {
  name: 'WriteStatus',
  description: 'What a write did: UNCHANGED when the graph already said exactly this.',
});

export enum MergeStatus {
  MERGED = 'MERGED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(MergeStatus, {
  name: 'MergeStatus',
  description: 'UNCHANGED when `remove` had already been merged into `keep`.',
});

export enum ImportFormat {
  JSONL = 'jsonl',
  FTM = 'ftm',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'JSONL: Collier JSON Lines (docs/import.md); FTM: FollowTheMoney entities, one per line.',
});

/* --------------------------------------------------------------------------------------------- */

@InputType({ description: 'A new source: its address, publisher, kind and reliability tier.' })
export class SourceInput {
  @Field(() => String)
  url!: string;

  @Field(() => String)
  publisher!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field(() => ConfidenceTier)
  tier!: ConfidenceTier;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD.' })
  date?: string | null;
}

@InputType({
  description: 'A source a fact cites: `id` of an existing Source, or a new one ({url, publisher, kind, tier}).',
})
export class SourceRefInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => SourceKind, { nullable: true })
  kind?: SourceKind | null;

  @Field(() => ConfidenceTier, { nullable: true })
  tier?: ConfidenceTier | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  date?: string | null;
}

@InputType({
  description:
    "A date or period: the earliest and latest day it can fall on (YYYY-MM-DD), how it was stated, and the source's words.",
})
export class DateRangeInput {
  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;

  @Field(() => DatePrecision, { nullable: true })
  precision?: DatePrecision | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}

@InputType({
  description: "A figure, possibly a range: min and/or max, a unit (TONNES by default) and the source's words.",
})
export class QuantityInput {
  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;

  @Field(() => String, { nullable: true, description: 'TONNES, USD, WON, SHIPMENTS, TRIPS, DWT or GT.' })
  unit?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}

/** Evidence every fact carries (a base of the fact inputs; not used by itself). */
@InputType('FactEvidenceInput', { description: 'The evidence fields every fact input has.' })
export abstract class EvidenceInput {
  @Field(() => [SourceRefInput], { description: 'At least one source.' })
  sources!: SourceRefInput[];

  @Field(() => ConfidenceTier, {
    nullable: true,
    description: 'Default: the tier of the best source cited (for a new fact).',
  })
  confidence?: ConfidenceTier | null;

  @Field(() => String, { nullable: true, description: 'How the sources qualify the fact.' })
  evidenceNote?: string | null;
}

@InputType({
  description: 'A vessel, identified by `id`, else by IMO number, else by name. Fields left out stay as they are.',
})
export class VesselInput extends EvidenceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Seven digits with a valid check digit.' })
  imo?: string | null;

  @Field(() => String, { nullable: true })
  mmsi?: string | null;

  @Field(() => String, { nullable: true })
  callSign?: string | null;

  @Field(() => String, { nullable: true })
  vesselType?: string | null;

  @Field(() => Int, { nullable: true })
  buildYear?: number | null;

  @Field(() => VesselStatus, { nullable: true, description: 'Default for a new vessel: UNCONFIRMED.' })
  status?: VesselStatus | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Current flag, ISO 3166-1 alpha-2.' })
  flag?: string | null;

  @Field(() => String, { nullable: true })
  flagText?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names; added to those already known.' })
  otherNames?: string[] | null;
}

@InputType('PartyFieldsInput', { description: 'The fields companies and persons share.' })
abstract class PartyFields extends EvidenceInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names; added to those already known.' })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  countryText?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  role?: string | null;
}

@InputType({ description: 'A company, identified by `id`, else by IMO company number, else by name.' })
export class CompanyInput extends PartyFields {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'IMO unique company number (seven digits).' })
  imoCompanyNumber?: string | null;

  @Field(() => String, { nullable: true })
  registrationNumber?: string | null;
}

@InputType({ description: 'A person, identified by `id`, else by name.' })
export class PersonInput extends PartyFields {
  @Field(() => ID, { nullable: true })
  id?: string | null;
}

@InputType({ description: 'A port or place, identified by `id`, else by UN/LOCODE, else by name.' })
export class PortInput extends EvidenceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => PortKind, { nullable: true, description: 'Default for a new port: PORT.' })
  kind?: PortKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; taken from the UN/LOCODE when left out.' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  locode?: string | null;

  @Field(() => Float, { nullable: true })
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  lon?: number | null;

  @Field(() => String, { nullable: true })
  role?: string | null;
}

@InputType({ description: 'One identity claimed for a vessel over a time span (name, numbers, flag), true or false.' })
export class IdentityClaimInput extends EvidenceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { description: 'The vessel: its id or "imo:NNNNNNN".' })
  vessel!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  imo?: string | null;

  @Field(() => String, { nullable: true })
  mmsi?: string | null;

  @Field(() => String, { nullable: true })
  callSign?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  flag?: string | null;

  @Field(() => String, { nullable: true })
  flagText?: string | null;

  @Field(() => DateRangeInput, { nullable: true })
  period?: DateRangeInput | null;

  @Field(() => IdentityStatus, { nullable: true, description: 'Default ASSERTED.' })
  status?: IdentityStatus | null;

  @Field(() => IdentityKind)
  kind!: IdentityKind;
}

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

  @Field(() => String, { nullable: true })
  fromText?: string | null;

  @Field(() => [String])
  to!: string[];

  @Field(() => String, { nullable: true })
  toText?: string | null;

  @Field(() => DateRangeInput, { nullable: true })
  departure?: DateRangeInput | null;

  @Field(() => DateRangeInput, { nullable: true })
  arrival?: DateRangeInput | null;

  @Field(() => Commodity, { nullable: true, description: 'Default COAL.' })
  commodity?: Commodity | null;

  @Field(() => String, { nullable: true })
  cargoText?: string | null;

  @Field(() => [QuantityInput], { nullable: true })
  tonnage?: QuantityInput[] | null;

  @Field(() => CargoOrigin, { nullable: true, description: 'Default UNCONFIRMED.' })
  cargoOrigin?: CargoOrigin | null;

  @Field(() => String, { nullable: true })
  declaredOrigin?: string | null;

  @Field(() => Legality, { nullable: true, description: 'Default UNDETERMINED.' })
  legality?: Legality | null;

  @Field(() => Boolean, { nullable: true })
  discharged?: boolean | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  destinationCountry?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tactic codes ("AIS_DARK").' })
  tactics?: string[] | null;

  @Field(() => String, { nullable: true })
  tacticsText?: string | null;
}

@InputType({
  description: 'Cargo passing from one vessel to another. The NEXT links of the legs it joins are recomputed with it.',
})
export class TransferInput extends EvidenceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  fromVessel?: string | null;

  @Field(() => String, { nullable: true })
  fromVesselDescription?: string | null;

  @Field(() => String, { nullable: true })
  toVessel?: string | null;

  @Field(() => String, { nullable: true })
  toVesselDescription?: string | null;

  @Field(() => String, { nullable: true, description: 'Where: a port id or "locode:XXXXX".' })
  port?: string | null;

  @Field(() => DateRangeInput, { nullable: true })
  when?: DateRangeInput | null;

  @Field(() => TransferKind, { nullable: true, description: 'Default SHIP_TO_SHIP.' })
  kind?: TransferKind | null;

  @Field(() => ID, { nullable: true, description: 'The leg that brought the cargo.' })
  fromLeg?: string | null;

  @Field(() => ID, { nullable: true, description: 'The leg that took it on.' })
  toLeg?: string | null;

  @Field(() => [QuantityInput], { nullable: true })
  tonnage?: QuantityInput[] | null;

  @Field(() => [String], { nullable: true })
  tactics?: string[] | null;
}

@InputType({
  description:
    'A tie from a company or person to a vessel or company (ownership, management, control …) over a time span.',
})
export class PartyLinkInput extends EvidenceInput {
  @Field(() => String, { nullable: true, description: 'Give it to correct a tie already recorded ("rel:…").' })
  id?: string | null;

  @Field(() => RelationType)
  relation!: RelationType;

  @Field(() => String, { description: 'The company or person: its id, or "company-imo:NNNNNNN".' })
  from!: string;

  @Field(() => String, { description: 'The vessel or company: its id, "imo:NNNNNNN" or "company-imo:NNNNNNN".' })
  to!: string;

  @Field(() => String, {
    nullable: true,
    description: '"registered owner", "beneficial owner", "ship manager" … (part of the tie\'s key).',
  })
  role?: string | null;

  @Field(() => DateRangeInput, { nullable: true })
  period?: DateRangeInput | null;
}

@InputType({ description: 'A sanction on a vessel, company or person.' })
export class DesignationInput extends EvidenceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { description: 'The vessel, company or person: an id or "imo:NNNNNNN".' })
  target!: string;

  @Field(() => Authority)
  authority!: Authority;

  @Field(() => String)
  measure!: string;

  @Field(() => DesignationStatus, { nullable: true, description: 'Default IN_FORCE.' })
  status?: DesignationStatus | null;

  @Field(() => DateRangeInput, { nullable: true })
  date?: DateRangeInput | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;
}

/* --------------------------------------------------------------------------------------------- */

@ObjectType({ description: 'What a write did to one fact.' })
export class WriteResult {
  @Field(() => ID, { description: "The fact's id (the entity, source, leg, relation …)." })
  id!: string;

  @Field(() => WriteStatus)
  status!: WriteStatus;

  @Field(() => [String], { description: 'The properties (and `links.TYPE` edges) that changed.' })
  changed!: string[];

  @Field(() => [ID], { description: 'The audit entries this write left (see `changes`).' })
  changeIds!: string[];

  @Field(() => Node, { nullable: true, description: 'The entity as it now stands (null for a relation).' })
  node?: unknown;

  @Field(() => PartyRelation, { nullable: true, description: 'The relation as it now stands (for linkParty).' })
  relation?: unknown;

  label!: string | null;
}

@ObjectType()
export class MergeResult {
  @Field(() => MergeStatus)
  status!: MergeStatus;

  @Field(() => Node, { nullable: true })
  kept?: unknown;

  @Field(() => ID)
  keptId!: string;

  @Field(() => ID, { description: 'Still resolves, to the kept entity.' })
  removedId!: string;

  @Field(() => Int)
  movedRelationships!: number;

  @Field(() => [ID])
  changeIds!: string[];
}

@ObjectType({ description: 'A line the import refused, and why.' })
export class ImportRejection {
  @Field(() => Int)
  line!: number;

  @Field(() => String)
  reason!: string;
}

@ObjectType({ description: 'What an import did: one count per line of the payload.' })
export class ImportReport {
  @Field(() => ID)
  runId!: string;

  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Int, { description: 'Non-blank lines.' })
  lines!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, {
    description:
      'FtM lines of schemas Collier does not map, and Address lines (folded into the entities that point at them).',
  })
  skipped!: number;

  @Field(() => [ImportRejection])
  rejections!: ImportRejection[];

  @Field(() => Int)
  batches!: number;

  @Field(() => Int)
  nodesCreated!: number;

  @Field(() => Int)
  relationshipsCreated!: number;

  @Field(() => Int)
  durationMs!: number;
}
