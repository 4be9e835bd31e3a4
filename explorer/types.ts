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
