/**
 * The format of Collier's demo-data files (`seed/data/*.json`).
 *
 * The files are written by hand from the public-record fact tables in `../shared/data/coal-facts`;
 * every fact names the addresses it came from (`Evidence.sources`, each listed in `sources.json`).
 * A value no source states stays `null` — nothing is filled in by guessing.
 *
 * Ids are stable, readable and prefixed by kind (`vessel:wise-honest`, `port:nampho`): the prefix tells
 * `node(id)` which label to look in, and the rest never changes once published.
 */

import { LegGivenValues } from '../src/domain/graph';

/** How sure the sources make a fact. Official actions are HIGH; investigative reporting MEDIUM_HIGH;
 * reposts and secondary news MEDIUM; forums and unattributed claims LOW. */
export type ConfidenceTier = 'HIGH' | 'MEDIUM_HIGH' | 'MEDIUM' | 'LOW';

/**
 * A date or period as the sources give it. `from` is the earliest and `to` the latest day the fact can
 * fall on (ISO `YYYY-MM-DD`); either is `null` when the sources give no bound on that side.
 * `precision` says how the period was stated; `text` keeps the words of the source.
 *   "5 Sep 2017"      → { from: "2017-09-05", to: "2017-09-05", precision: "DAY" }
 *   "~14 Mar 2018"    → { from: "2018-03-14", to: "2018-03-14", precision: "APPROXIMATE_DAY" }
 *   "Aug-Sep 2017"    → { from: "2017-08-01", to: "2017-09-30", precision: "MONTH_RANGE" }
 *   "late Aug 2017"   → { from: "2017-08-21", to: "2017-08-31", precision: "PART_OF_MONTH" }
 *   "2017"            → { from: "2017-01-01", to: "2017-12-31", precision: "YEAR" }
 *   "before Oct 2017" → { from: null,          to: "2017-09-30", precision: "OPEN" }
 */
export interface DateRange {
  from: string | null;
  to: string | null;
  precision: DatePrecision;
  text: string;
}
export type DatePrecision =
  'DAY' | 'APPROXIMATE_DAY' | 'PART_OF_MONTH' | 'MONTH' | 'MONTH_RANGE' | 'SEASON' | 'YEAR' | 'OPEN' | 'UNKNOWN';

/** What backs a fact: the source addresses (each in sources.json), how sure they make it, and a note. */
export interface Evidence {
  sources: string[];
  confidence: ConfidenceTier;
  note?: string | null;
}

/** A number the sources give, possibly as a range or an approximation ("~25,000 t"). */
export interface Quantity {
  min: number | null;
  max: number | null;
  unit: 'TONNES' | 'USD' | 'WON' | 'SHIPMENTS' | 'TRIPS' | 'DWT' | 'GT';
  text: string;
  evidence: Evidence;
}

export type SourceKind =
  | 'OFFICIAL' // a government or UN document or list (or a faithful copy of one)
  | 'COURT' // court filings
  | 'INVESTIGATIVE' // RUSI, NK Pro, WSJ, FT, The Times, Sayari …
  | 'NEWS' // wire and newspaper reporting
  | 'REPOST' // aggregators and reposts of others' reporting
  | 'FORUM' // forums and blogs
  | 'REFERENCE'; // encyclopaedias, code lists, gazetteers

export interface SourceRecord {
  url: string;
  publisher: string; // e.g. "NK News", "Korea JoongAng Daily"
  kind: SourceKind;
  tier: ConfidenceTier; // the reliability of this source as a rule
  title: string | null; // only where the fact tables give it
  date: string | null; // ISO date, only where the address or the tables state it
}

export interface CountryRecord {
  code: string; // ISO 3166-1 alpha-2
  name: string;
}

export type PortKind = 'PORT' | 'STS_AREA' | 'ANCHORAGE' | 'WATERS' | 'RIVER_ROUTE' | 'UNSPECIFIED_IN_COUNTRY';

export interface PortRecord {
  id: string; // "port:nampho"; for "a port in X, not named": "port:unspecified-xx" (kind UNSPECIFIED_IN_COUNTRY)
  name: string;
  aliases: string[];
  kind: PortKind;
  countryCode: string | null;
  locode: string | null;
  lat: number | null;
  lon: number | null;
  role: string | null; // the sources' words: "origin", "transhipment", …
  evidence: Evidence;
}

export interface VesselRecord {
  id: string; // "vessel:wise-honest"
  name: string; // the name it is best known by in the sources
  imo: string | null;
  mmsi: string | null;
  callSign: string | null;
  vesselType: string | null;
  buildYear: number | null;
  deadweight: Quantity | null;
  grossTonnage: Quantity | null;
  description: string | null; // the sources' notes, condensed, no new facts
  /** Where the sources leave it: implicated, cleared (not a violation), or not established. */
  status: 'IMPLICATED' | 'CLEARED' | 'UNCONFIRMED';
  evidence: Evidence;
}

/** One claimed identity of a vessel over a time span. */
export interface IdentityClaimRecord {
  id: string; // "identity:glory-hope-1:orient-shenyu"
  vesselId: string;
  name: string | null;
  imo: string | null;
  mmsi: string | null;
  callSign: string | null;
  flagCode: string | null; // ISO alpha-2 of the flag state, null if none/unknown
  flagText: string | null; // "unflagged", "Sierra Leone (documents)", …
  period: DateRange | null;
  /** ASSERTED: claimed in a source; VERIFIED: an official record; FALSE: spoofed, fraudulent or forged. */
  status: 'ASSERTED' | 'VERIFIED' | 'FALSE';
  kind: 'REGISTRATION' | 'FORMER_NAME' | 'AIS_BROADCAST' | 'DOCUMENTS' | 'ALTERNATIVE_SPELLING';
  evidence: Evidence;
}

export interface CompanyRecord {
  id: string; // "company:korea-songi-shipping" or "person:tsang-yung-yuan"
  kind: 'COMPANY' | 'PERSON';
  name: string;
  aliases: string[];
  countryCode: string | null;
  countryText: string | null; // "North Korea (operates in DPRK and Vietnam)"
  imoCompanyNumber: string | null;
  address: string | null;
  role: string | null; // the sources' words
  evidence: Evidence;
}

export type RelationType =
  | 'OWNS' // registered or beneficial owner (role says which)
  | 'MANAGES'
  | 'OPERATES'
  | 'CONTROLS' // company or person controlling another company or a vessel
  | 'CHARTERED'
  | 'BROKERED'
  | 'CONSIGNEE_OF'
  | 'ASSOCIATED_WITH'; // a tie the sources state without a more precise kind

export interface RelationRecord {
  id: string; // "rel:owns:ascending-enterprise:xin-guang-hai"
  type: RelationType;
  fromId: string; // company or person
  toId: string; // vessel or company
  role: string | null; // "registered owner", "beneficial owner", "captain", …
  period: DateRange | null;
  evidence: Evidence;
}

export type Commodity = 'COAL' | 'COAL_OR_PIG_IRON' | 'UNKNOWN';
/** Where the coal came from, as far as the sources establish it. */
export type CargoOrigin = 'DPRK' | 'DPRK_SUSPECTED' | 'RUSSIA' | 'UNCONFIRMED';
export type Legality = 'VIOLATION' | 'SUSPECTED_VIOLATION' | 'NOT_A_VIOLATION' | 'PRE_BAN' | 'UNDETERMINED';

/**
 * One movement of cargo on one vessel from a place to a place: its given values as the stored graph
 * describes them (domain/graph LEG_GIVEN: the sources' words, origin, legality, discharge …), its
 * places, dates, figures, tactics and evidence.
 */
export interface LegRecord extends Omit<LegGivenValues, 'commodity' | 'cargoOrigin' | 'legality'> {
  id: string; // "leg:wise-honest:2018-03"
  vesselId: string | null; // null when the sources do not name the ship
  fromPortIds: string[]; // one port; several only when the sources say "X or Y" (alternatives)
  toPortIds: string[];
  departure: DateRange | null;
  arrival: DateRange | null;
  commodity: Commodity;
  tonnage: Quantity[]; // conflicting figures side by side, each with its evidence
  value: Quantity[];
  cargoOrigin: CargoOrigin;
  legality: Legality;
  tacticCodes: string[];
  evidence: Evidence;
}

/** Cargo passing from one vessel to another (ship-to-ship or at a port). */
export interface TransferRecord {
  id: string; // "transfer:wise-honest:dong-thanh"
  fromVesselId: string | null;
  fromVesselDescription: string | null;
  toVesselId: string | null;
  toVesselDescription: string | null;
  portId: string | null; // where (a port or an STS area)
  when: DateRange | null;
  kind: 'SHIP_TO_SHIP' | 'AT_PORT' | 'TO_BARGES';
  fromLegId: string | null; // the leg that brought the cargo (if known)
  toLegId: string | null; // the leg that took it on (if known)
  tonnage: Quantity[];
  tacticCodes: string[];
  evidence: Evidence;
}

export interface TacticRecord {
  code: string; // AIS_DARK, AIS_SPOOFING, …
  name: string;
  description: string;
}

/** A tactic observed for a vessel outside any one leg (e.g. "flag hopping" over years). */
export interface TacticUseRecord {
  id: string;
  subjectId: string; // vessel, company, leg or transfer
  tacticCode: string;
  period: DateRange | null;
  note: string | null;
  evidence: Evidence;
}

export type Authority = 'UN_1718_COMMITTEE' | 'US_OFAC' | 'US_DOJ' | 'ROK_GOVERNMENT' | 'EU' | 'UK' | 'OTHER';

export interface DesignationRecord {
  id: string; // "designation:un:2017-12-28:ul-ji-bong-6"
  targetId: string; // vessel, company or person
  authority: Authority;
  measure: string; // "port-entry ban", "blocked property (SDN)", "asset freeze and travel ban", "deflag and port ban"
  status: 'IN_FORCE' | 'PROPOSED' | 'WITHDRAWN' | 'LIFTED';
  date: DateRange;
  reference: string | null; // programme or document reference, where stated
  evidence: Evidence;
}

/** An aggregate finding that names no single voyage. */
export interface StatisticRecord {
  id: string;
  statement: string; // "47 direct shipments to Hangzhou Bay ports, May-Aug 2019"
  period: DateRange | null;
  quantities: Quantity[];
  fromPortIds: string[];
  toPortIds: string[];
  countryCodes: string[];
  tacticCodes: string[];
  attributedTo: string | null; // "NK News, March 2019 (not found in other reporting)"
  evidence: Evidence;
}

/** The whole demo dataset: one file per key under seed/data (`vessels.json`, …). */
export interface SeedDataset {
  sources: SourceRecord[];
  countries: CountryRecord[];
  ports: PortRecord[];
  vessels: VesselRecord[];
  identityClaims: IdentityClaimRecord[];
  companies: CompanyRecord[];
  relations: RelationRecord[];
  legs: LegRecord[];
  transfers: TransferRecord[];
  tactics: TacticRecord[];
  tacticUses: TacticUseRecord[];
  designations: DesignationRecord[];
  statistics: StatisticRecord[];
}

export const SEED_FILES: readonly (keyof SeedDataset)[] = [
  'sources',
  'countries',
  'ports',
  'vessels',
  'identityClaims',
  'companies',
  'relations',
  'legs',
  'transfers',
  'tactics',
  'tacticUses',
  'designations',
  'statistics',
];
