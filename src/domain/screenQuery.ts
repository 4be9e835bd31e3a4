/**
 * One screening query, checked. Screening lists are dirty: a malformed identifier or an unknown flag
 * in one query is reported as a problem of that query, and the query still runs on what is left. Only
 * the batch itself (its size, the threshold, the limit) can be refused as a whole.
 */
import countries from 'i18n-iso-countries';
import { isValidCountryCode, isValidImo, isValidMmsi, normalizeImo } from './identifiers';
import { ScreenKind } from './screenNames';

export const MAX_SCREEN_QUERIES = 500;
export const MAX_SCREEN_LIMIT = 50;
export const MAX_SCREEN_NAME = 200;

/** An example entity to look for, as a person or a list gives it. */
export interface ScreenQueryFields {
  kind?: ScreenKind | null;
  name?: string | null;
  imo?: string | null;
  mmsi?: string | null;
  callSign?: string | null;
  flag?: string | null;
  country?: string | null;
  owner?: string | null;
  birthDate?: string | null;
}

export interface ScreenProblem {
  field: string;
  message: string;
}

/** A query with every value checked and normalised; values that failed their check are null here and listed in `problems`. */
export interface CheckedQuery {
  kind: ScreenKind | null;
  name: string | null;
  /** A ship's IMO number with a correct check digit (vessels only). */
  imo: string | null;
  /** An IMO company number (seven digits; companies only). */
  companyImo: string | null;
  mmsi: string | null;
  callSign: string | null;
  flag: string | null;
  country: string | null;
  owner: string | null;
  birthDate: string | null;
  problems: ScreenProblem[];
}

const blank = (v: string | null | undefined): v is null | undefined => v == null || v.trim() === '';

/** An ISO alpha-2 code, or a country's English name ("Sierra Leone" → "SL"); null when neither. */
export function countryCode(value: string): string | null {
  const v = value.trim();
  if (isValidCountryCode(v)) return v.toUpperCase();
  return countries.getAlpha2Code(v, 'en') ?? null;
}

/** A date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a list often knows only the year of birth). */
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function checkScreenQuery(q: ScreenQueryFields): CheckedQuery {
  const problems: ScreenProblem[] = [];
  const kind = q.kind ?? null;
  const out: CheckedQuery = {
    kind,
    name: null,
    imo: null,
    companyImo: null,
    mmsi: null,
    callSign: null,
    flag: null,
    country: null,
    owner: null,
    birthDate: null,
    problems,
  };
  if (!blank(q.name)) {
    if (q.name.length > MAX_SCREEN_NAME) {
      problems.push({ field: 'name', message: `is longer than ${MAX_SCREEN_NAME} characters; it was not searched` });
    } else if (!/[\p{L}\p{N}]/u.test(q.name)) {
      problems.push({ field: 'name', message: 'has no letter or digit; it was not searched' });
    } else out.name = q.name.trim();
  }
  if (!blank(q.imo)) {
    const digits = normalizeImo(q.imo);
    if (kind === 'COMPANY') {
      if (/^\d{7}$/.test(digits)) out.companyImo = digits;
      else problems.push({ field: 'imo', message: `"${q.imo}" is not an IMO company number (seven digits); ignored` });
    } else if (kind === 'PORT' || kind === 'PERSON') {
      problems.push({ field: 'imo', message: `a ${kind.toLowerCase()} has no IMO number; ignored` });
    } else if (isValidImo(digits)) {
      out.imo = digits;
    } else {
      problems.push({
        field: 'imo',
        message:
          `"${q.imo}" is not a valid ship IMO number (seven digits, the last a check digit); ignored` +
          (kind == null && /^\d{7}$/.test(digits) ? '. For an IMO company number, set kind: COMPANY' : ''),
      });
    }
  }
  if (!blank(q.mmsi)) {
    if (kind != null && kind !== 'VESSEL')
      problems.push({ field: 'mmsi', message: 'only a vessel has an MMSI; ignored' });
    else if (isValidMmsi(q.mmsi)) out.mmsi = q.mmsi.trim();
    else
      problems.push({ field: 'mmsi', message: `"${q.mmsi}" is not a ship's MMSI (nine digits, first 2–7); ignored` });
  }
  if (!blank(q.callSign)) {
    const cs = q.callSign.trim().toUpperCase().replace(/\s+/g, '');
    if (/^[A-Z0-9]{3,9}$/.test(cs)) out.callSign = cs;
    else
      problems.push({
        field: 'callSign',
        message: `"${q.callSign}" is not a call sign (3–9 letters and digits); ignored`,
      });
  }
  for (const field of ['flag', 'country'] as const) {
    const v = q[field];
    if (blank(v)) continue;
    const code = countryCode(v);
    if (code) out[field] = code;
    else problems.push({ field, message: `"${v}" is neither an ISO 3166 country code nor a country's name; ignored` });
  }
  if (!blank(q.owner)) out.owner = q.owner.trim().slice(0, MAX_SCREEN_NAME);
  if (!blank(q.birthDate)) {
    if (kind != null && kind !== 'PERSON') {
      problems.push({ field: 'birthDate', message: 'only a person has a birth date; ignored' });
    } else if (PARTIAL_DATE.test(q.birthDate.trim())) out.birthDate = q.birthDate.trim();
    else
      problems.push({
        field: 'birthDate',
        message: `"${q.birthDate}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored`,
      });
  }
  if (out.name == null && out.imo == null && out.companyImo == null && out.mmsi == null && out.callSign == null) {
    problems.push({
      field: 'name',
      message: 'the query has no usable name or identifier (name, imo, mmsi, callSign), so nothing was searched',
    });
  }
  return out;
}

/** The batch as a whole: null when it may run, else what is wrong and with which argument. */
export function screenBatchProblem(
  count: number,
  threshold: number,
  limit: number,
): { arg: string; problem: string } | null {
  if (count > MAX_SCREEN_QUERIES) {
    return { arg: 'queries', problem: `may hold at most ${MAX_SCREEN_QUERIES} queries (got ${count}); split the list` };
  }
  if (!(threshold >= 0 && threshold <= 1))
    return { arg: 'threshold', problem: `must be between 0 and 1 (got ${threshold})` };
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SCREEN_LIMIT) {
    return { arg: 'limit', problem: `must be between 1 and ${MAX_SCREEN_LIMIT} (got ${limit})` };
  }
  return null;
}
