/**
 * What a trace answers, as plain records: a leg as the walk reads it, a link and a route as a client
 * sees them, and a shown route's steps and drawable graph. Types only (shape.ts builds them); the
 * trace engine (src/db/trace) reads and walks, the resolvers serve them.
 */
import type { DatePrecision } from '../enums';
import type { LinkCertainty, LinkKind } from '../graph';
import type { LegTiming } from '../linking';

export type TraceDirection = 'FORWARD' | 'BACKWARD';

/** When an edge of a route's graph held (a leg's departure or arrival), as a client sees a date range. */
export interface PeriodRecord {
  from: string | null;
  to: string | null;
  precision: DatePrecision;
  text: string | null;
}

/** A leg as the walk reads it: enough to link (its timing), rank, filter and group routes, no more. */
export interface LegBrief extends LegTiming {
  confidence: number | null;
  commodity: string | null;
  cargoOrigin: string | null;
  tonnageMin: number | null;
  tonnageMax: number | null;
  destinationCountryCode: string | null;
  ports: { direction: 'FROM' | 'TO'; id: string; countryCode: string | null; kind: string; alternative: boolean }[];
}

/** Everything a shown route needs of a leg: its stored properties, its ports and its vessel's name. */
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

/** A route as the walk grew it: legs in walk order (backwards: from the anchor leg back), links in walk order. */
export interface WalkedRouteOf<L> {
  legIds: string[];
  links: L[];
  score: number;
  day: string | null;
  truncated: boolean;
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
  /** The unrounded confidence and the other ranking keys (db/trace/rank.ts). */
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
  period: PeriodRecord | null;
  confidence: number | null;
  sourceIds: string[];
}

/** A leg's record as a client sees it (the data layer maps stored properties to it). */
export type LegRecord = Record<string, unknown> & { id: string };

/** What a shown route adds: its legs' records, its steps and its drawable graph. */
export interface RouteDetail {
  legs: LegRecord[];
  steps: {
    index: number;
    kind: 'LEG' | 'TRANSFER';
    leg: LegRecord | null;
    transfer: { id: string } | null;
    transferId: string | null;
    link: RouteLinkRecord | null;
  }[];
  graph: { nodes: GraphNodeRecord[]; edges: GraphEdgeRecord[]; truncated: boolean };
}
