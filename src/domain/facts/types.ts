/** The shapes of validated facts: what one mutation, JSON Lines record or mapped FtM entity becomes. */
import {
  Authority,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
} from '../enums';
import { LegGivenFields } from '../graph';
import { NodeLabel } from '../ids';

export interface DateRangeValue {
  from: string | null;
  to: string | null;
  precision: DatePrecision;
  text: string | null;
}

export interface QuantityValue {
  min: number | null;
  max: number | null;
  unit: string;
  text: string;
  /** The figure's own evidence, when it differs from the fact's (kept beside the figure). */
  evidence?: FigureEvidence;
}

export interface FigureEvidence {
  sourceIds: string[];
  confidence: ConfidenceTier | null;
  note: string | null;
}

export interface SourceValue {
  url: string;
  publisher: string;
  kind: SourceKind;
  tier: ConfidenceTier;
  title: string | null;
  date: string | null;
}

/** A source cited by a fact: an existing Source (by id, or by address) or a new one given inline. */
export type SourceRef = { id: string } | { inline: SourceValue };

/** A reference to another entity, as the writer gave it. */
export type Ref =
  | { by: 'id'; id: string }
  | { by: 'imo'; value: string }
  | { by: 'locode'; value: string }
  | { by: 'companyImo'; value: string }
  /** An FtM entity id: the entity mapped from it, whichever of `labels` it became. */
  | { by: 'ftm'; value: string; labels: NodeLabel[] };

export interface EvidenceValue {
  sources: SourceRef[];
  confidence: ConfidenceTier | null;
  note: string | null;
}

/** FollowTheMoney provenance kept on everything mapped from an FtM entity. */
export interface Provenance {
  ftmIds: string[];
  datasets: string[];
}

export interface FactCommon {
  evidence: EvidenceValue;
  provenance?: Provenance;
  /**
   * 'set' (mutations, Collier JSON Lines): given fields replace stored values. 'fill' (FtM import):
   * given fields only fill fields the entity does not have yet, so a published list never overwrites
   * what analysts curated; names that differ become other names.
   */
  mode: 'set' | 'fill';
}

export interface SourceFact {
  type: 'source';
  source: SourceValue;
}

/** Entity facts: `undefined` leaves a stored field as it is. */
export interface VesselFact extends FactCommon {
  type: 'vessel';
  id?: string;
  /** An id derived from an external key (FtM): written as an alias when the vessel is found by IMO instead. */
  externalId?: string;
  name: string;
  imo?: string;
  mmsi?: string;
  callSign?: string;
  vesselType?: string;
  buildYear?: number;
  status?: VesselStatus;
  description?: string;
  flagCode?: string;
  flagText?: string;
  otherNames?: string[];
  /** Deadweight and gross tonnage figures (units DWT and GT by default). */
  deadweight?: QuantityValue[];
  grossTonnage?: QuantityValue[];
}

export interface PartyFact extends FactCommon {
  type: 'company' | 'person';
  id?: string;
  externalId?: string;
  name: string;
  aliases?: string[];
  countryCode?: string;
  countryText?: string;
  imoCompanyNumber?: string;
  registrationNumber?: string;
  address?: string;
  role?: string;
}

export interface PortFact extends FactCommon {
  type: 'port';
  id?: string;
  externalId?: string;
  name: string;
  aliases?: string[];
  kind?: PortKind;
  countryCode?: string;
  locode?: string;
  lat?: number;
  lon?: number;
  role?: string;
}

export interface IdentityClaimFact extends FactCommon {
  type: 'identityClaim';
  id?: string;
  vessel: Ref;
  name?: string;
  imo?: string;
  mmsi?: string;
  callSign?: string;
  flagCode?: string;
  flagText?: string;
  /** A type the vessel was registered as (FtM pastTypes). */
  vesselType?: string;
  period?: DateRangeValue;
  status: IdentityStatus;
  kind: IdentityKind;
}

/** A leg: its given values (domain/graph LEG_GIVEN) and the fields the planner links, dates and weighs. */
export interface LegFact extends FactCommon, LegGivenFields {
  type: 'leg';
  id?: string;
  vessel?: Ref;
  from: Ref[];
  to: Ref[];
  departure?: DateRangeValue;
  arrival?: DateRangeValue;
  tonnage?: QuantityValue[];
  /** What the cargo was worth (USD, WON …). */
  value?: QuantityValue[];
  tactics?: string[];
}

export interface TransferFact extends FactCommon {
  type: 'transfer';
  id?: string;
  fromVessel?: Ref;
  fromVesselDescription?: string;
  toVessel?: Ref;
  toVesselDescription?: string;
  port?: Ref;
  when?: DateRangeValue;
  kind?: TransferKind;
  fromLeg?: Ref;
  toLeg?: Ref;
  tonnage?: QuantityValue[];
  tactics?: string[];
}

export interface RelationFact extends FactCommon {
  type: 'relation';
  id?: string;
  relation: RelationType;
  from: Ref;
  to: Ref;
  role?: string;
  period?: DateRangeValue;
}

export interface DesignationFact extends FactCommon {
  type: 'designation';
  id?: string;
  target: Ref;
  authority: Authority;
  measure: string;
  status?: DesignationStatus;
  date?: DateRangeValue;
  reference?: string;
}

export type EntityFact = VesselFact | PartyFact | PortFact;
/** Reference data facts name: a country's display name, a tactic of the taxonomy. No evidence of their own. */
export interface CountryFact {
  type: 'country';
  code: string;
  name: string;
}

export interface TacticFact {
  type: 'tactic';
  code: string;
  name: string;
  description?: string;
}

/** An aggregate finding that names no single voyage, with the ports, countries and tactics it is about. */
export interface StatisticFact extends FactCommon {
  type: 'statistic';
  id?: string;
  statement: string;
  quantities?: QuantityValue[];
  attributedTo?: string;
  period?: DateRangeValue;
  fromPorts: Ref[];
  toPorts: Ref[];
  countries: string[];
  tactics: string[];
}

/** A vessel seen using an evasion tactic (outside any one leg). */
export interface TacticUseFact extends FactCommon {
  type: 'tacticUse';
  id?: string;
  subject: Ref;
  tactic: string;
  note?: string;
  period?: DateRangeValue;
}

export type Fact =
  | SourceFact
  | EntityFact
  | IdentityClaimFact
  | LegFact
  | TransferFact
  | RelationFact
  | DesignationFact
  | CountryFact
  | TacticFact
  | StatisticFact
  | TacticUseFact;
