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
  return Math.round(dayNumber(b) - dayNumber(a));
}

/**
 * Days from 1970-01-01 to an ISO day: a real calendar day written YYYY-MM-DD read digit by digit (the
 * link rule reads millions of them when the synthetic bulk load computes the onward fact; the
 * proleptic Gregorian count of Date, with no string built), anything else as `Date.parse` reads it
 * (NaN for no day).
 */
function dayNumber(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 2);
    const d = digits(iso, 8, 2);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      // days from civil (H. Hinnant): March-based years, 400-year eras
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return era * 146_097 + doe - 719_468;
    }
  }
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** The number written by the `count` characters of `s` from `at`, or NaN unless all are digits. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
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
