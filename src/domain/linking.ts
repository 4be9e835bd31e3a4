/**
 * The time-respecting link rule, in one place: may the cargo of leg `a` have continued on leg `b`?
 *
 * - TRANSFER: a documented transfer took the cargo from `a`'s vessel to `b`'s. Holds whatever the wait
 *   (the Wise Honest coal waited a year in Indonesia before Dong Thanh took it).
 * - CONTINUATION: the same vessel sails on from where `a` ended and the sources say the cargo stayed
 *   aboard (`a` not discharged). Documented too, so it holds whatever the wait.
 * - INFERRED: the cargo was landed at the port where `a` ended and reloaded onto `b` there; `b` must
 *   leave no earlier than `a` arrived and within the maximum wait.
 *
 * Dates are ranges, so a link is CERTAIN when the bounds prove the order (and, when inferred, the wait),
 * and POSSIBLE when they only allow it. Unknown bounds allow anything on their side. The links are
 * written to the graph as `NEXT` relationships when legs are written, with the computed wait bounds,
 * so that a trace is one bounded walk over `NEXT` (see db/trace.ts).
 */
import { daysBetween } from './dates';

export type LinkKind = 'TRANSFER' | 'CONTINUATION' | 'INFERRED';
export type LinkCertainty = 'CERTAIN' | 'POSSIBLE';

/** The widest wait ever asked for (the `maxWaitDays` cap); links are stored up to it. */
export const MAX_WAIT_DAYS_CAP = 730;
export const DEFAULT_MAX_WAIT_DAYS = 60;

export interface LegTiming {
  id: string;
  vesselId: string | null;
  departureFrom: string | null;
  departureTo: string | null;
  arrivalFrom: string | null;
  arrivalTo: string | null;
  discharged: boolean | null;
}

export interface Link {
  kind: LinkKind;
  /** The fewest and most days the cargo can have waited between `a`'s arrival and `b`'s departure (null: unbounded). */
  waitMinDays: number | null;
  waitMaxDays: number | null;
  /** Certainty of the order of the two legs (for INFERRED links, of the order within the stored cap). */
  certainty: LinkCertainty;
}

/** Earliest and latest day a leg can have arrived: it cannot arrive before it left. */
function arrivalBounds(a: LegTiming): { from: string | null; to: string | null } {
  return { from: a.arrivalFrom ?? a.departureFrom, to: a.arrivalTo };
}

/** Earliest and latest day a leg can have left: it cannot leave after it arrived. */
function departureBounds(b: LegTiming): { from: string | null; to: string | null } {
  return { from: b.departureFrom, to: b.departureTo ?? b.arrivalTo };
}

export function waitBounds(a: LegTiming, b: LegTiming): { min: number | null; max: number | null } {
  const arr = arrivalBounds(a);
  const dep = departureBounds(b);
  return {
    min: arr.to != null && dep.from != null ? daysBetween(arr.to, dep.from) : null,
    max: arr.from != null && dep.to != null ? daysBetween(arr.from, dep.to) : null,
  };
}

/**
 * The link from `a` to `b` given how they meet (`viaTransfer`: a transfer joins them; otherwise `a`
 * ends where `b` starts), or null if the cargo cannot have continued. `maxWaitDays` bounds inferred links.
 */
export function linkBetween(
  a: LegTiming,
  b: LegTiming,
  viaTransfer: boolean,
  maxWaitDays = MAX_WAIT_DAYS_CAP,
): Link | null {
  if (a.id === b.id) return null;
  const wait = waitBounds(a, b);
  if (viaTransfer) {
    return { kind: 'TRANSFER', waitMinDays: wait.min, waitMaxDays: wait.max, certainty: 'CERTAIN' };
  }
  // b must be able to leave no earlier than a arrived.
  if (wait.max != null && wait.max < 0) return null;
  const ordered = wait.min != null && wait.min >= 0;
  if (a.vesselId != null && a.vesselId === b.vesselId && a.discharged === false) {
    return {
      kind: 'CONTINUATION',
      waitMinDays: wait.min,
      waitMaxDays: wait.max,
      certainty: ordered ? 'CERTAIN' : 'POSSIBLE',
    };
  }
  if (wait.min != null && wait.min > maxWaitDays) return null;
  return {
    kind: 'INFERRED',
    waitMinDays: wait.min,
    waitMaxDays: wait.max,
    certainty: ordered && wait.max != null && wait.max <= maxWaitDays ? 'CERTAIN' : 'POSSIBLE',
  };
}

/**
 * Whether a stored link holds for a trace that allows at most `maxWaitDays`, and how certain it then is.
 * Documented links always hold; an inferred one holds if the cargo can have waited that little.
 */
export function linkUnderWait(link: Link, maxWaitDays: number): LinkCertainty | null {
  if (link.kind !== 'INFERRED') return link.certainty;
  if (link.waitMinDays != null && link.waitMinDays > maxWaitDays) return null;
  const ordered = link.waitMinDays != null && link.waitMinDays >= 0;
  return ordered && link.waitMaxDays != null && link.waitMaxDays <= maxWaitDays ? 'CERTAIN' : 'POSSIBLE';
}

/**
 * The certainty of a stored NEXT link under a trace's wait limit, as a Cypher expression over the
 * relationship `r` (a link at a place the sources give only as an alternative is never more than
 * possible): `linkUnderWait` in Cypher, for traces that rank routes inside Neo4j
 * (domain/routeConfidence.ts). Tested against the JS form on the demo graph.
 */
export function linkCertaintyCypher(r: string, maxWait: string): string {
  return `CASE WHEN coalesce(${r}.placeUncertain, false) THEN 'POSSIBLE'
    WHEN ${r}.kind <> 'INFERRED' THEN ${r}.certainty
    WHEN ${r}.waitMinDays >= 0 AND ${r}.waitMaxDays <= ${maxWait} THEN 'CERTAIN'
    ELSE 'POSSIBLE' END`;
}
