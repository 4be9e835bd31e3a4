/**
 * The shapes the explorer reads from Collier's public GraphQL API (see queries.ts for the exact
 * selections). Only what the page uses is typed; everything else stays on the server.
 */

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface CountryRef {
  code: string;
  name: string;
}

export interface DateRange {
  from: string | null;
  to: string | null;
  text: string | null;
}

export interface SourceRef {
  id: string;
  url: string;
  publisher: string;
  title: string | null;
  date: string | null;
}

export interface PortRef {
  id: string;
  name: string;
  kind: string;
  location: GeoPoint | null;
  /** ISO 3166-1 alpha-2 code of its country. */
  countryCode: string | null;
}

export interface VesselRef {
  id: string;
  name: string;
}

export interface QuantityRef {
  min: number | null;
  max: number | null;
  text: string;
}

export interface LegData {
  id: string;
  vessel: VesselRef | null;
  vesselDescription: string | null;
  fromText: string;
  toText: string;
  from: PortRef[];
  to: PortRef[];
  departure: DateRange | null;
  arrival: DateRange | null;
  tonnageMin: number | null;
  tonnageMax: number | null;
  confidence: number;
  cargoOrigin: string;
  legality: string;
  cargoText: string;
}

export interface TransferData {
  id: string;
  kind: string;
  fromVessel: VesselRef | null;
  toVessel: VesselRef | null;
  fromVesselDescription: string | null;
  toVesselDescription: string | null;
  port: PortRef | null;
  when: DateRange | null;
  tonnage: QuantityRef[];
  confidence: number;
}

export type LinkKind = 'TRANSFER' | 'CONTINUATION' | 'INFERRED';

export interface RouteLink {
  kind: LinkKind;
  certainty: 'CERTAIN' | 'POSSIBLE';
  waitMinDays: number | null;
  waitMaxDays: number | null;
  placeUncertain: boolean;
}

export interface RouteStep {
  index: number;
  kind: 'LEG' | 'TRANSFER';
  leg: LegData | null;
  transfer: TransferData | null;
  link: RouteLink | null;
}

export interface TacticRef {
  code: string;
  name: string;
}

export interface RouteData {
  id: string;
  confidence: number;
  inferredLinks: number;
  possibleLinks: number;
  hops: number;
  truncated: boolean;
  departure: DateRange | null;
  arrival: DateRange | null;
  tonnage: { min: number | null; max: number | null };
  origin: PortRef;
  finalPort: PortRef;
  finalCountry: CountryRef;
  tactics: TacticRef[];
  steps: RouteStep[];
}

export interface DestinationData {
  key: string;
  routeCount: number;
  tonnage: { min: number | null; max: number | null };
  firstDate: string | null;
  lastDate: string | null;
  bestConfidence: number;
  country: CountryRef | null;
}

/** The link-analysis subgraph (issue 4's `neighborhood`): the same node/edge shape as a route's graph. */
export interface SubgraphData {
  nodes: { id: string; label: string; name: string }[];
  edges: {
    id: string;
    type: string;
    source: string;
    target: string;
    confidence: number | null;
    sources?: { url: string }[];
  }[];
  truncated: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Details of one entity: what the fragments in `queries.ts` ask for, one shape per type (`__typename`
// tells them apart).

type Text = string | null;
interface RangeText {
  text: Text;
}
interface Named {
  id: string;
  name: Text;
}
interface Evidenced {
  confidence: number | null;
  confidenceTier: Text;
  evidenceNote: Text;
  sources: SourceRef[];
}
interface TacticUse {
  tactic: { code: string; name: string } | null;
  note: Text;
}
interface DesignationRow {
  authority: string;
  measure: string;
  status: string;
  date: RangeText | null;
  reference?: Text;
}
interface VesselEntity extends Evidenced {
  __typename: 'Vessel';
  id: string;
  name: Text;
  otherNames: string[];
  imo: Text;
  mmsi: Text;
  callSign: Text;
  vesselType: Text;
  buildYear: number | null;
  status: string;
  flagText: Text;
  description: Text;
  flag: { code: string; name: string } | null;
  deadweight: { text: string }[];
  identityHistory: {
    name: Text;
    imo: Text;
    flagText: Text;
    status: string;
    kind: string;
    period: RangeText | null;
  }[];
  designations: DesignationRow[];
  parties: { type: string; role: Text; period: RangeText | null; party: Named | null }[];
}
interface PortEntity extends Evidenced {
  __typename: 'Port';
  id: string;
  name: Text;
  aliases: string[];
  kind: string;
  locode: Text;
  role: Text;
  location: { lat: number; lon: number } | null;
  country: { code: string; name: string } | null;
}
interface LegEntity extends Evidenced {
  __typename: 'Leg';
  id: string;
  fromText: Text;
  toText: Text;
  cargoText: Text;
  vesselDescription: Text;
  cargoOrigin: string;
  declaredOrigin: Text;
  legality: string;
  discharged: boolean | null;
  tacticsText: Text;
  departure: RangeText | null;
  arrival: RangeText | null;
  tonnage: { text: string }[];
  vessel: Named | null;
  tactics: TacticUse[];
}
interface TransferEntity extends Evidenced {
  __typename: 'Transfer';
  id: string;
  kind: string;
  fromVesselDescription: Text;
  toVesselDescription: Text;
  when: RangeText | null;
  tonnage: { text: string }[];
  fromVessel: Named | null;
  toVessel: Named | null;
  port: Named | null;
  tactics: TacticUse[];
}
interface PartyEntity extends Evidenced {
  __typename: 'Company' | 'Person';
  id: string;
  name: Text;
  aliases: string[];
  countryText: Text;
  role: Text;
  /** Companies only. */
  address?: Text;
  /** Companies only. */
  imoCompanyNumber?: Text;
  designations: DesignationRow[];
  holdings: {
    type: string;
    role: Text;
    period: RangeText | null;
    target: { __typename: string; id: string; name?: Text };
  }[];
}
interface DesignationEntity extends Evidenced {
  __typename: 'Designation';
  id: string;
  authority: string;
  measure: string;
  status: string;
  reference: Text;
  date: RangeText | null;
  target: { __typename: string; id: string } | null;
}
interface IdentityClaimEntity extends Evidenced {
  __typename: 'IdentityClaim';
  id: string;
  name: Text;
  imo: Text;
  mmsi: Text;
  callSign: Text;
  flagText: Text;
  status: string;
  kind: string;
  period: RangeText | null;
}
interface TacticEntity {
  __typename: 'Tactic';
  id: string;
  code: string;
  name: string;
  description: Text;
}
interface CountryEntity {
  __typename: 'Country';
  id: string;
  code: string;
  name: string;
}
interface SourceEntity {
  __typename: 'Source';
  id: string;
  url: string;
  publisher: string;
  title: Text;
  date: Text;
  kind: string;
  tier: string;
}
export type Entity =
  | VesselEntity
  | PortEntity
  | LegEntity
  | TransferEntity
  | PartyEntity
  | DesignationEntity
  | IdentityClaimEntity
  | TacticEntity
  | CountryEntity
  | SourceEntity;
