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
 * and POSSIBLE when they only allow it. Unknown bounds allow anything on their side.
 *
 * Only documented links (TRANSFER, CONTINUATION) are stored, as `NEXT` relationships written with the
 * legs. Inferred links are found when a trace asks, through the index of a port's departures by day
 * (`departureSeekDay`, `arrivalSeekDay` below; db/trace/candidates.ts), and each weighs at most 1/k of
 * a documented link, where k is the number of compatible departures that could have carried the
 * cargo on (`inferredLinkFactor`, domain/routeConfidence.ts). See docs/trace-engine.md.
 */
import { daysBetween } from './dates';

import type { LinkKind, LinkCertainty } from './graph';
export type { LinkKind, LinkCertainty };

/** The widest wait ever asked for (the `maxWaitDays` cap); links are stored up to it. */
export const MAX_WAIT_DAYS_CAP = 730;
export const DEFAULT_MAX_WAIT_DAYS = 60;

/**
 * The stored onward fact of a leg (db/trace/onward.ts, docs/trace-engine.md "Session trace7"): the least
 * wait (days) at which a compatible departure from a port where the leg arrived takes its cargo on by an
 * INFERRED link (`linkBetween`), counting only departures within `ONWARD_CAP_DAYS`. `ONWARD_ANY` when
 * some link holds at any wait (an unknown date), `ONWARD_NONE` when none holds within the cap. A 1-leg
 * route [a] has no inferred continuation under `maxWaitDays` W ⇔ fact > W (ONWARD_NONE: when W ≤ the cap;
 * beyond it the fact does not decide).
 */
export const ONWARD_CAP_DAYS = 120;
export const ONWARD_ANY = -1_000_000;
export const ONWARD_NONE = 1_000_000;

/**
 * The onward fact of `a` (above) over the legs `followers` that leave the ports where `a` arrived: the
 * rule in JS, for tests that recompute it from scratch and for the synthetic bulk load, which writes it
 * into its CSV (seed/synthetic/onward.ts). `wait` is the stored `onwardWait`; `by` the stored `onwardBy`:
 * of the followers giving the least wait, the least id (the order of the Cypher's `ORDER BY w, by`,
 * db/trace/onward.ts; null when none links).
 */
export function onwardFact(
  a: LegTiming & { commodity: string | null },
  followers: Iterable<LegTiming & { commodity: string | null }>,
): { wait: number; by: string | null } {
  let wait = ONWARD_NONE;
  let by: string | null = null;
  for (const b of followers) {
    const link = linkBetween(a, b, false, ONWARD_CAP_DAYS);
    if (!link || link.kind !== 'INFERRED' || !compatibleCargo(a.commodity, b.commodity)) continue;
    const w = link.waitMinDays ?? ONWARD_ANY;
    if (by === null || w < wait || (w === wait && b.id < by)) {
      wait = w;
      by = b.id;
    }
  }
  return { wait, by };
}

/** The stored `onwardWait` of `a` (onwardFact). */
export function onwardWait(
  a: LegTiming & { commodity: string | null },
  followers: (LegTiming & { commodity: string | null })[],
): number {
  return onwardFact(a, followers).wait;
}

/** Whether the stored onward fact (`null`: not stored) decides that `a` has no inferred follower under `maxWaitDays`: true / false, or null (undecided). */
export function onwardDeadEnd(fact: number | null, maxWaitDays: number): boolean | null {
  if (fact == null) return null;
  if (fact === ONWARD_NONE) return maxWaitDays <= ONWARD_CAP_DAYS ? true : null;
  return fact > maxWaitDays;
}

export interface LegTiming {
  id: string;
  vesselId: string | null;
  departureFrom: string | null;
  departureTo: string | null;
  arrivalFrom: string | null;
  arrivalTo: string | null;
  discharged: boolean | null;
}

/* ------------------------------------------------------------------------------------------------
 * The departure index: where an inferred continuation can be, found by one index range per port
 * ---------------------------------------------------------------------------------------------- */

/**
 * A departure (or arrival) whose date range spans more than this many days, or has an unknown end, is
 * indexed under `WIDE_SEEK_DAY` and read on every seek at its port (few legs: dates known to a month
 * span 31 days). The others are indexed under their earliest departure (latest arrival) day, so that a
 * seek for the legs that may follow an arrival is one bounded range.
 */
export const SEEK_SPAN_DAYS = 62;
export const WIDE_SEEK_DAY = '0001-01-01';

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The index day of a leg's departure (stored on its FROM relationships as `seekDay`). */
export function departureSeekDay(b: LegTiming): string {
  const dep = departureBounds(b);
  return dep.from != null && dep.to != null && daysBetween(dep.from, dep.to) <= SEEK_SPAN_DAYS
    ? dep.from
    : WIDE_SEEK_DAY;
}

/** The index day of a leg's arrival (stored on its TO relationships as `seekDay`). */
export function arrivalSeekDay(a: LegTiming): string {
  const arr = arrivalBounds(a);
  return arr.from != null && arr.to != null && daysBetween(arr.from, arr.to) <= SEEK_SPAN_DAYS ? arr.to : WIDE_SEEK_DAY;
}

/** Far ends for open seek ranges (ISO days compare as Neo4j dates do). */
export const FIRST_DAY = '0001-01-02';
export const LAST_DAY = '9999-12-31';

/**
 * The `seekDay` range of the departures that may follow `a` under `maxWaitDays` (besides the wide ones):
 * b must be able to leave no earlier than a arrived (b's latest departure ≥ a's earliest arrival, and
 * b's latest departure is at most SEEK_SPAN_DAYS after its earliest) and no later than the wait allows.
 */
export function followerSeekRange(a: LegTiming, maxWaitDays: number): { from: string; to: string } {
  const arr = arrivalBounds(a);
  return {
    from: arr.from == null ? FIRST_DAY : addDays(arr.from, -SEEK_SPAN_DAYS),
    to: arr.to == null ? LAST_DAY : addDays(arr.to, maxWaitDays),
  };
}

/** The `seekDay` range of the arrivals that `b` may follow under `maxWaitDays` (besides the wide ones). */
export function predecessorSeekRange(b: LegTiming, maxWaitDays: number): { from: string; to: string } {
  const dep = departureBounds(b);
  return {
    from: dep.from == null ? FIRST_DAY : addDays(dep.from, -maxWaitDays),
    to: dep.to == null ? LAST_DAY : addDays(dep.to, SEEK_SPAN_DAYS),
  };
}

/**
 * May leg `b` have carried on cargo of leg `a`'s commodity? The same commodity, either one unknown, or
 * both coal ("coal or pig iron" is coal to the trace).
 */
export function compatibleCargo(a: string | null, b: string | null): boolean {
  const coal = (c: string) => c === 'COAL' || c === 'COAL_OR_PIG_IRON';
  if (a == null || b == null || a === 'UNKNOWN' || b === 'UNKNOWN') return true;
  return a === b || (coal(a) && coal(b));
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
 * The inferred half of `linkBetween` and `compatibleCargo` as Cypher expressions over two leg nodes
 * `a` and `b` (dates stored as DATE), for hand-written statements that check the engine (the bench's
 * exhaustive baseline, bench/ops.ts) and for the test that keeps both forms equal
 * (test/integration/traceRanking.test.ts). `holds`: b may have taken a's cargo on after it was landed
 * (not a continuation of the same vessel, which is documented); `certain`: the dates prove the order
 * and the wait. `distinct`: the test that a and b are two legs (when one of them is a map of the
 * leg's properties, seek.ts: the identity of the nodes).
 */
export function inferredLinkCypher(
  a: string,
  b: string,
  maxWait: string,
  distinct = `${a} <> ${b}`,
): { holds: string; certain: string; waitMin: string } {
  const waitMin = `CASE WHEN ${a}.arrivalTo IS NULL OR ${b}.departureFrom IS NULL THEN null ELSE duration.inDays(${a}.arrivalTo, ${b}.departureFrom).days END`;
  const arrFrom = `coalesce(${a}.arrivalFrom, ${a}.departureFrom)`;
  const depTo = `coalesce(${b}.departureTo, ${b}.arrivalTo)`;
  const waitMax = `CASE WHEN ${arrFrom} IS NULL OR ${depTo} IS NULL THEN null ELSE duration.inDays(${arrFrom}, ${depTo}).days END`;
  const coal = `['COAL', 'COAL_OR_PIG_IRON']`;
  const compatible = `(${a}.commodity IS NULL OR ${b}.commodity IS NULL OR ${a}.commodity = 'UNKNOWN' OR ${b}.commodity = 'UNKNOWN'
    OR ${a}.commodity = ${b}.commodity OR (${a}.commodity IN ${coal} AND ${b}.commodity IN ${coal}))`;
  return {
    holds: `(${distinct} AND coalesce(${waitMax} >= 0, true) AND coalesce(${waitMin} <= ${maxWait}, true)
      AND NOT coalesce(${a}.vesselId = ${b}.vesselId AND ${a}.discharged = false, false) AND ${compatible})`,
    certain: `(coalesce(${waitMin} >= 0, false) AND coalesce(${waitMax} <= ${maxWait}, false))`,
    waitMin,
  };
}
