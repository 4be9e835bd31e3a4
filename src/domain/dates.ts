/**
 * Date arithmetic for facts whose dates are periods: a fact happened some day between `from` and `to`
 * (either side may be unknown). Pure functions over ISO `YYYY-MM-DD` strings.
 */

export interface DateBounds {
  from: string | null;
  to: string | null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as YYYY-MM-DD (rejects 2019-02-30 and 2019-2-3). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Why a window is not valid, or null if it is. Either side may be open. */
export function dateWindowProblem(window: DateBounds): string | null {
  for (const side of ['from', 'to'] as const) {
    const v = window[side];
    if (v != null && !isIsoDate(v)) return `${side} must be a calendar date written YYYY-MM-DD (got "${v}")`;
  }
  if (window.from != null && window.to != null && window.from > window.to) {
    return `from (${window.from}) is after to (${window.to})`;
  }
  return null;
}

/** Days from a to b (b − a); both ISO days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Could a fact dated `range` have happened on some day in `window`? Unknown sides never exclude. */
export function overlaps(range: DateBounds, window: DateBounds): boolean {
  if (window.to != null && range.from != null && range.from > window.to) return false;
  if (window.from != null && range.to != null && range.to < window.from) return false;
  return true;
}

/** Was the fact certainly in force on `day` (its whole known span covers the day)? */
export function covers(range: DateBounds, day: string): boolean {
  return (range.from == null || range.from <= day) && (range.to == null || range.to >= day);
}
