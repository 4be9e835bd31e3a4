/**
 * Time on the explorer's time bar: days as numbers, the span of a set of events, and which routes were
 * under way in a dragged range. Pure functions, no DOM (unit-tested in test/unit/explorer/viewState.test.ts).
 */
import type { DayRange } from './viewState';
import type { RouteData } from './types';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date (NaN when it is not one). */
export function dayNumber(d: string): number {
  return Math.floor(Date.parse(`${d}T00:00:00Z`) / MS_PER_DAY);
}

export function dayString(n: number): string {
  return new Date(Math.round(n) * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface Dated {
  date: { from: string | null; to: string | null } | null;
}

/** The first and last day any event names, or null when none is dated. */
export function spanOf(events: Dated[]): { from: number; to: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    for (const d of [e.date?.from, e.date?.to]) {
      if (!d) continue;
      const n = dayNumber(d);
      if (Number.isNaN(n)) continue;
      lo = Math.min(lo, n);
      hi = Math.max(hi, n);
    }
  }
  return lo === Infinity ? null : { from: lo, to: hi };
}

/** Whether [from, to] (either end open, null) meets the range. */
export function overlaps(from: string | null, to: string | null, range: DayRange): boolean {
  const start = from ?? to;
  const end = to ?? from;
  if (!start || !end) return true; // undated: nothing says it lies outside
  return (range.to == null || start <= range.to) && (range.from == null || end >= range.from);
}

/**
 * The routes that were under way in the range: from the earliest day its first leg may have left to
 * the latest day its last leg may have arrived, the route meets the range.
 */
export function routesDuring(routes: RouteData[], range: DayRange | null): RouteData[] {
  if (!range || (!range.from && !range.to)) return routes;
  return routes.filter((r) => {
    const start = r.departure?.from ?? r.departure?.to ?? null;
    const end = r.arrival?.to ?? r.arrival?.from ?? r.departure?.to ?? null;
    return overlaps(start, end, range);
  });
}
