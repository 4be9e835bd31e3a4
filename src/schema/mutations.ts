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
  valuesConfig: {
    CREATED: { description: 'The fact was new and is now in the graph.' },
    UPDATED: { description: 'The fact existed; some values changed (listed in `changed`).' },
    UNCHANGED: { description: 'The graph already said exactly this: nothing was written, no audit entry.' },
  },
});

export enum MergeStatus {
  MERGED = 'MERGED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(MergeStatus, {
  name: 'MergeStatus',
  description: 'UNCHANGED when `remove` had already been merged into `keep`.',
  valuesConfig: {
    MERGED: { description: '`remove` was folded into `keep` by this call.' },
    UNCHANGED: { description: '`remove` had already been merged into `keep`: nothing was written.' },
  },
});

export enum ImportFormat {
  JSONL = 'jsonl',
  FTM = 'ftm',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'JSONL: Collier JSON Lines (docs/import.md); FTM: FollowTheMoney entities, one per line.',
  valuesConfig: {
    JSONL: {
      description:
        'Collier JSON Lines: one fact per line, the fields of the mutation inputs plus a `type` (docs/import.md).',
    },
    FTM: { description: 'FollowTheMoney entities, one JSON object per line (e.g. an OpenSanctions export).' },
  },
});

/* --------------------------------------------------------------------------------------------- */

@InputType({ description: 'A new source: its address, publisher, kind and reliability tier.' })
export class SourceInput {
  @Field(() => String, {
    description: 'The http(s) address, at most 2000 characters; the source id is derived from it.',
  })
  url!: string;

  @Field(() => String, { description: 'Who published it, at most 300 characters.' })
  publisher!: string;

  @Field(() => SourceKind, { description: 'What kind of document it is.' })
  kind!: SourceKind;

  @Field(() => ConfidenceTier, { description: 'How reliable the source is as a rule; facts citing it default to it.' })
  tier!: ConfidenceTier;

  @Field(() => String, { nullable: true, description: 'Title of the document, at most 1000 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD.' })
  date?: string | null;
}

@InputType({
  description: 'A source a fact cites: `id` of an existing Source, or a new one ({url, publisher, kind, tier}).',
})
export class SourceRefInput {
  @Field(() => ID, { nullable: true, description: 'An existing Source ("source:…"); give it alone.' })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alone: the address of a known source. With publisher, kind and tier: a new source (http(s)).',
  })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'A new source: who published it (required with url).' })
  publisher?: string | null;

  @Field(() => SourceKind, { nullable: true, description: 'A new source: what kind of document (required with url).' })
  kind?: SourceKind | null;

  @Field(() => ConfidenceTier, {
    nullable: true,
    description: 'A new source: its reliability tier (required with url).',
  })
  tier?: ConfidenceTier | null;

  @Field(() => String, { nullable: true, description: 'A new source: its title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new source: publication date, YYYY-MM-DD.' })
  date?: string | null;
}

@InputType({
  description:
    "A date or period: the earliest and latest day it can fall on (YYYY-MM-DD), how it was stated, and the source's words.",
})
export class DateRangeInput {
  @Field(() => String, {
    nullable: true,
    description: 'Earliest day it can fall on (YYYY-MM-DD, UTC); omitted: no lower bound.',
  })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Latest day it can fall on (YYYY-MM-DD, UTC); omitted: no upper bound. Before `from`: BAD_USER_INPUT.',
  })
  to?: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: 'How the sources state it. Default: DAY when from = to, UNKNOWN with neither bound, else OPEN.',
  })
  precision?: DatePrecision | null;

  @Field(() => String, {
    nullable: true,
    description: 'The sources\' words ("late Aug 2017"), at most 500 characters. One of from, to or text is required.',
  })
  text?: string | null;
}

@InputType({
  description: "A figure, possibly a range: min and/or max, a unit (TONNES by default) and the source's words.",
})
export class QuantityInput {
  @Field(() => Float, { nullable: true, description: 'Lower bound in `unit`, 0 to 1e12; give min, max or both.' })
  min?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound in `unit`, 0 to 1e12, not below min; equal to min for one figure.',
  })
  max?: number | null;

  @Field(() => String, { nullable: true, description: 'TONNES, USD, WON, SHIPMENTS, TRIPS, DWT or GT.' })
  unit?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The sources\' words ("~25,000 t"), at most 500 characters; default: the figure itself.',
  })
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

@InputType('PartyFieldsInput', { description: 'The fields companies and persons share.' })
abstract class PartyFields extends EvidenceInput {
  @Field(() => String, { description: 'The name it is best known by, at most 300 characters.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names; added to those already known.' })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "The country in the sources' words, at most 300 characters." })
  countryText?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered or known address, at most 1000 characters.' })
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Its role in the trade, in the sources' words (at most 1000 characters).",
  })
  role?: string | null;
}

@InputType({ description: 'A company, identified by `id`, else by IMO company number, else by name.' })
export class CompanyInput extends PartyFields {
  @Field(() => ID, {
    nullable: true,
    description: 'A company id, to update that company; omitted: found by IMO company number, else name.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'IMO unique company number (seven digits).' })
  imoCompanyNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'National company registration number, at most 100 characters.' })
  registrationNumber?: string | null;
}

@InputType({ description: 'A person, identified by `id`, else by name.' })
export class PersonInput extends PartyFields {
  @Field(() => ID, { nullable: true, description: 'A person id, to update that person; omitted: found by name.' })
  id?: string | null;
}

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

@InputType({ description: 'One identity claimed for a vessel over a time span (name, numbers, flag), true or false.' })
export class IdentityClaimInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Give it to correct a claim already recorded; otherwise derived from vessel and identity.',
  })
  id?: string | null;

  @Field(() => String, { description: 'The vessel: its id or "imo:NNNNNNN".' })
  vessel!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The name claimed, at most 300 characters. Give at least one identity field.',
  })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The IMO number claimed: seven digits with a valid check digit.',
  })
  imo?: string | null;

  @Field(() => String, { nullable: true, description: 'The MMSI claimed: nine digits, the first 2 to 7.' })
  mmsi?: string | null;

  @Field(() => String, { nullable: true, description: 'The call sign claimed, at most 20 characters.' })
  callSign?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  flag?: string | null;

  @Field(() => String, { nullable: true, description: "The flag in the sources' words, at most 300 characters." })
  flagText?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When the identity was used.' })
  period?: DateRangeInput | null;

  @Field(() => IdentityStatus, { nullable: true, description: 'Default ASSERTED.' })
  status?: IdentityStatus | null;

  @Field(() => IdentityKind, {
    description: 'Where the claim comes from: registry, former name, AIS, papers, spelling.',
  })
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

@InputType({
  description:
    'A tie from a company or person to a vessel or company (ownership, management, control …) over a time span.',
})
export class PartyLinkInput extends EvidenceInput {
  @Field(() => String, { nullable: true, description: 'Give it to correct a tie already recorded ("rel:…").' })
  id?: string | null;

  @Field(() => RelationType, { description: 'What kind of tie: owns, manages, operates, controls, chartered …' })
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

  @Field(() => DateRangeInput, { nullable: true, description: 'When the tie held.' })
  period?: DateRangeInput | null;
}

@InputType({ description: 'A sanction on a vessel, company or person.' })
export class DesignationInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Give it to correct a designation already recorded; otherwise derived from authority, date and target.',
  })
  id?: string | null;

  @Field(() => String, { description: 'The vessel, company or person: an id or "imo:NNNNNNN".' })
  target!: string;

  @Field(() => Authority, { description: 'Who imposed it.' })
  authority!: Authority;

  @Field(() => String, { description: 'What it does ("port-entry ban", "asset freeze"), at most 1000 characters.' })
  measure!: string;

  @Field(() => DesignationStatus, { nullable: true, description: 'Default IN_FORCE.' })
  status?: DesignationStatus | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When it was imposed or proposed.' })
  date?: DateRangeInput | null;

  @Field(() => String, { nullable: true, description: 'Programme or document reference, at most 1000 characters.' })
  reference?: string | null;
}

/* --------------------------------------------------------------------------------------------- */

@ObjectType({ description: 'What a write did to one fact.' })
export class WriteResult {
  @Field(() => ID, { description: "The fact's id (the entity, source, leg, relation …)." })
  id!: string;

  @Field(() => WriteStatus, { description: 'Created, updated, or unchanged (the graph already said exactly this).' })
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

@ObjectType({ description: 'What mergeEntities did: the entity kept, and how much moved over to it.' })
export class MergeResult {
  @Field(() => MergeStatus, { description: 'MERGED, or UNCHANGED when the two were already merged.' })
  status!: MergeStatus;

  @Field(() => Node, { nullable: true, description: 'The kept entity as it now stands.' })
  kept?: unknown;

  @Field(() => ID, { description: 'Id of the kept entity.' })
  keptId!: string;

  @Field(() => ID, { description: 'Still resolves, to the kept entity.' })
  removedId!: string;

  @Field(() => Int, { description: 'Relationships moved from the removed entity to the kept one.' })
  movedRelationships!: number;

  @Field(() => [ID], { description: 'The audit entries the merge left (see `changes`).' })
  changeIds!: string[];
}

@ObjectType({ description: 'A line the import refused, and why.' })
export class ImportRejection {
  @Field(() => Int, { description: 'Line number in the payload, from 1.' })
  line!: number;

  @Field(() => String, { description: 'What is wrong, naming the field ("imo: is not a valid IMO number …").' })
  reason!: string;
}

@ObjectType({ description: 'A property of FtM entities that an import did not keep, and how many entities had it.' })
export class SkippedFtmProperty {
  @Field(() => String, { description: 'Schema and property, e.g. "Vessel.registrationPort".' })
  property!: string;

  @Field(() => Int, { description: 'Entities of the payload that had it.' })
  count!: number;

  @Field(() => Boolean, {
    description:
      'True: the FtM schema defines it and Collier has no place for it; false: the schema does not define it at all.',
  })
  definedBySchema!: boolean;
}

@ObjectType({ description: 'What an import did: one count per line of the payload.' })
export class ImportReport {
  @Field(() => ID, { description: 'Id of this import run; its audit entries carry it as runId.' })
  runId!: string;

  @Field(() => ImportFormat, { description: 'The format the payload was read as.' })
  format!: ImportFormat;

  @Field(() => Boolean, { description: 'True when nothing was written (the counts say what would have been).' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Non-blank lines.' })
  lines!: number;

  @Field(() => Int, { description: 'Facts that were new.' })
  created!: number;

  @Field(() => Int, { description: 'Facts that existed and changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Facts the graph already held exactly.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Lines refused (see `rejections`); the other lines are still written.' })
  rejected!: number;

  @Field(() => Int, {
    description:
      'FtM lines of schemas Collier does not map, and Address lines (folded into the entities that point at them).',
  })
  skipped!: number;

  @Field(() => [ImportRejection], {
    description: 'Each refused line and why (the first 1000; `rejected` counts them all).',
  })
  rejections!: ImportRejection[];

  @Field(() => [SkippedFtmProperty], {
    description:
      'FtM only: the properties of the schemata Collier reads that it did not keep, by name (never dropped silently); empty for JSON Lines.',
  })
  skippedProperties!: SkippedFtmProperty[];

  @Field(() => Int, {
    description:
      'How many batches the facts were written in: one transaction each, except a dry run, which holds one and rolls it back.',
  })
  batches!: number;

  @Field(() => Int, { description: 'Nodes Neo4j created.' })
  nodesCreated!: number;

  @Field(() => Int, { description: 'Relationships Neo4j created.' })
  relationshipsCreated!: number;

  @Field(() => Int, { description: 'Wall-clock time of the import, in milliseconds.' })
  durationMs!: number;
}
