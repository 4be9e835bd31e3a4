/** What the trace engine reads and answers: the record types shared by its files, and its fixed limits. */
import { DateRangeRecord, toRecord } from '../records';
import { LinkCertainty, LinkKind } from '../../domain/linking';

export { MAX_HOPS_CAP } from '../../domain/traceLimits';
/**
 * Safety cap of the walks that enumerate routes (traces without a limit, destinations): at most this
 * many routes. The best-first walk of a ranked trace stops at its own caps (walk.ts: rounds, legs
 * expanded). Either is reported in extensions.warnings (PATH_CAP_REACHED).
 */
export const PATH_CAP = 5000;
/** Safety cap of `destinations`, which sums every route: at most this many routes. */
export const DESTINATION_ROUTE_CAP = 20_000;

export type TraceDirection = 'FORWARD' | 'BACKWARD';

export interface TraceQuery {
  direction: TraceDirection;
  /** A port id, UN/LOCODE or name/alias. */
  place: string;
  commodities: string[];
  cargoOrigins: string[];
  windowFrom: string | null;
  windowTo: string | null;
  maxHops: number;
  maxWaitDays: number;
  destinationCountry: string | null;
  /**
   * Only the best `limit` routes at least `minConfidence` confident (the order of rank.ts), found
   * best-first. Without it every route comes back (enumerated, up to PATH_CAP).
   */
  best?: { limit: number; minConfidence: number | null };
}

export interface LegView {
  props: Record<string, unknown>;
  ports: {
    direction: 'FROM' | 'TO';
    id: string;
    name: string;
    countryCode: string | null;
    kind: string;
    alternative: boolean;
  }[];
  vesselName: string | null;
}

/** A leg as the walk reads it: enough to link, rank, filter and group routes, no more. */
export interface LegBrief {
  id: string;
  confidence: number | null;
  vesselId: string | null;
  departureFrom: string | null;
  departureTo: string | null;
  arrivalFrom: string | null;
  arrivalTo: string | null;
  discharged: boolean | null;
  commodity: string | null;
  cargoOrigin: string | null;
  tonnageMin: number | null;
  tonnageMax: number | null;
  destinationCountryCode: string | null;
  ports: { direction: 'FROM' | 'TO'; id: string; countryCode: string | null; kind: string; alternative: boolean }[];
}

export interface RouteLinkRecord {
  kind: LinkKind;
  certainty: LinkCertainty;
  waitMinDays: number | null;
  waitMaxDays: number | null;
  placeUncertain: boolean;
  transferId: string | null;
  /** Inferred links: how many compatible departures could have taken the cargo on (k); documented: 1. */
  alternatives: number;
  /** Why the cargo may have gone this way, in a sentence. */
  reason: string;
}

export interface GraphNodeRecord {
  id: string;
  label: string;
  name: string;
}

export interface GraphEdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  period: DateRangeRecord | null;
  confidence: number | null;
  sourceIds: string[];
}

/**
 * A route as the walk gives it: everything needed to rank, filter and group it (ids, links,
 * confidence, ends, dates, tonnage, vessels), but not the legs' full records, which `routeDetail`
 * adds for the routes a client actually shows.
 */
export interface RouteRecord {
  id: string;
  originId: string;
  finalPortId: string;
  finalCountryCode: string;
  legIds: string[];
  links: RouteLinkRecord[];
  transferIds: string[];
  confidence: number;
  /** The unrounded confidence and the other ranking keys (rank.ts). */
  score: number;
  rankDay: string | null;
  walkLegIds: string[];
  inferredLinks: number;
  possibleLinks: number;
  hops: number;
  truncated: boolean;
  /** Earliest day the first leg can have left, latest day the last can have arrived. */
  firstDay: string | null;
  lastDay: string | null;
  tonnage: { min: number | null; max: number | null };
  portIds: string[];
  vesselSpans: { vesselId: string; from: string | null; to: string | null }[];
}

/** What a shown route adds: its legs' records, its steps and its drawable graph. */
export interface RouteDetail {
  legs: ReturnType<typeof toRecord>[];
  steps: {
    index: number;
    kind: 'LEG' | 'TRANSFER';
    leg: ReturnType<typeof toRecord> | null;
    transfer: { id: string } | null;
    transferId: string | null;
    link: RouteLinkRecord | null;
  }[];
  graph: { nodes: GraphNodeRecord[]; edges: GraphEdgeRecord[]; truncated: boolean };
}

export interface TraceResult {
  anchor: ReturnType<typeof toRecord>;
  routes: RouteRecord[];
  /** True when the walk stopped at a safety cap and more routes may exist. */
  capped: boolean;
  /** The full views of the legs of the routes returned (to prime the legView loader). */
  legViews: LegView[];
  /** Statements the walk ran (the bench reports them). */
  rounds: number;
}

export interface DestinationGroupRecord {
  key: string;
  countryCode: string;
  routeCount: number;
  bestConfidence: number;
  /** This group's share of the summed confidence of every route (0 to 1). */
  likelihood: number;
  firstDate: string | null;
  lastDate: string | null;
  tonnage: { min: number | null; max: number | null };
  vesselIds: string[];
  /** The group's best routes (at most `perGroup`), best first. */
  routes: RouteRecord[];
}
