/** What the trace engine reads and answers: the record types shared by its files, and its fixed limits. */
import { NodeRecord, toRecord } from '../records';
import { LegView, RouteRecord, TraceDirection } from '../../domain/trace/routes';
import { WorkBound, WorkLimit } from '../../domain/trace/workBound';

export type {
  GraphEdgeRecord,
  GraphNodeRecord,
  LegBrief,
  LegView,
  RouteDetail,
  RouteLinkRecord,
  RouteRecord,
  TraceDirection,
} from '../../domain/trace/routes';

export { MAX_HOPS_CAP } from '../../domain/traceLimits';
/**
 * Safety cap of the walks that enumerate routes (traces without a limit, destinations): at most this
 * many routes. The best-first walk of a ranked trace stops at its own caps (walk.ts: rounds, legs
 * expanded). Either is reported in extensions.warnings (PATH_CAP_REACHED).
 */
export const PATH_CAP = 5000;
/** Safety cap of `destinations`, which sums every route: at most this many routes. */
export const DESTINATION_ROUTE_CAP = 20_000;

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
  /**
   * How the best-first walk paces its rounds (index.ts `pacing`: by default from `limit`); tests set
   * `{ firstBatch: 1, partialFrom: 0 }` to open every leg, one at a time, on the small demo graph.
   */
  pacing?: { firstBatch: number; partialFrom: number };
  /** Forwards: the most legs at the anchor the start statement expands itself (index.ts EAGER_START; tests: 0). */
  eagerStart?: number;
  /**
   * Forwards, ranked: how many start legs in rank order the start statement reads (startOrder.ts; by
   * default from `limit`), each later batch twice the last; tests set 1 or 2.
   */
  startBatch?: number;
  /**
   * Forwards, ranked: whether the start statement answers each start leg's dead end from its stored
   * onward fact (onward.ts; default true; tests and the A/B set false to probe them as before).
   */
  onward?: boolean;
  /** The work bound of the best-first walk (workBound.ts); none: unbounded (direct calls). */
  work?: WorkBound;
  /**
   * Forwards, from an anchor the start statement expands: when it met at most SHOWN_LEGS legs, it also
   * reads what a client is shown of them (statements.ts startExpanding; the answer's `legViews` and
   * `nodes`), so that the service sends no statement after the walk: `views` the legs' views (a route's
   * steps, graph, dates, sources), `places` the ports they reached and their countries (finalPort,
   * finalCountry; the origin is the anchor), `vessels` their vessels. None: nothing (direct calls).
   */
  show?: Shown;
}

/** What a trace reads for the client (TraceQuery.show). */
export interface Shown {
  views: boolean;
  places: boolean;
  vessels: boolean;
}

/** The most legs a small trace's start statement reads for the client (TraceQuery.show): the demo graph's. */
export const SHOWN_LEGS = 32;

export interface TraceResult {
  anchor: ReturnType<typeof toRecord>;
  routes: RouteRecord[];
  /** True when the walk stopped at a safety cap and more routes may exist. */
  capped: boolean;
  /** Set when the best-first walk stopped at its work bound: the answer is partly exact (workBound.ts). */
  workLimit?: WorkLimit | null;
  /** The full views of the legs of the routes returned, as far as they were read (to prime the legView loader). */
  legViews: LegView[];
  /** The records of the routes' origins, final ports and countries, and vessels, as far as they were read (the node loader). */
  nodes: NodeRecord[];
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
