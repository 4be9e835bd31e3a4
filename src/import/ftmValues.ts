/**
 * FollowTheMoney entities as read from a line, and the small readers of their values (first value,
 * all values, countries, dates, periods) the FtM import and its link mapping share. Pure.
 */
import { isValidCountryCode } from '../domain/identifiers';
import { isIsoDate } from '../domain/dates';
import { DatePrecision } from '../domain/enums';
import { FactProblem } from '../domain/facts';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  /** The publisher's date of the entity (OpenSanctions `last_change`, else `last_seen`/`first_seen`), YYYY-MM-DD. */
  listedOn?: string;
}

/** Parses a line into an FtM entity (shape only). Throws FactProblem. */
export function parseFtmEntity(text: string): FtmEntity {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (error) {
    throw new FactProblem('', `not valid JSON (${(error as Error).message})`);
  }
  if (typeof v !== 'object' || v == null || Array.isArray(v))
    throw new FactProblem('', 'each line must be one FtM entity object');
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.trim() === '') throw new FactProblem('id', 'an FtM entity needs its id');
  if (typeof o.schema !== 'string' || o.schema === '')
    throw new FactProblem('schema', 'an FtM entity needs its schema');
  const props = o.properties ?? {};
  if (typeof props !== 'object' || props == null || Array.isArray(props))
    throw new FactProblem('properties', 'must be an object of value lists');
  const properties: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(props as Record<string, unknown>)) {
    const values = Array.isArray(list) ? list : [list];
    properties[k] = values
      .filter((x): x is string | number => typeof x === 'string' || typeof x === 'number')
      .map((x) => String(x).trim())
      .filter(Boolean);
  }
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const listedOn = [o.last_change, o.last_seen, o.first_seen]
    .map((d) => (typeof d === 'string' ? d.slice(0, 10) : ''))
    .find((d) => isIsoDate(d));
  return {
    id: o.id.trim(),
    schema: o.schema,
    properties,
    datasets: strings(o.datasets),
    referents: strings(o.referents),
    ...(listedOn ? { listedOn } : {}),
  };
}

export const first = (e: FtmEntity, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = e.properties[n]?.[0];
    if (v) return v;
  }
  return undefined;
};
export const all = (e: FtmEntity, ...names: string[]): string[] => names.flatMap((n) => e.properties[n] ?? []);

/** The first value that is an ISO country (FtM writes codes in lower case; it also has codes like "suhh" that are not ISO). */
export function country(e: FtmEntity, ...names: string[]): string | undefined {
  return all(e, ...names)
    .find((c) => isValidCountryCode(c))
    ?.toUpperCase();
}

/** An FtM date ("2017", "2017-10", "2017-10-03", or a timestamp) → a Collier date range. */
export function ftmDate(
  value: string | undefined,
  text?: string,
): { from: string; to: string; precision: DatePrecision; text: string | null } | undefined {
  if (!value) return undefined;
  const v = value.slice(0, 10);
  if (/^\d{4}$/.test(v))
    return { from: `${v}-01-01`, to: `${v}-12-31`, precision: DatePrecision.YEAR, text: text ?? v };
  if (/^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const from = `${v}-01`;
    if (!isIsoDate(from)) return undefined;
    return { from, to: `${v}-${String(last).padStart(2, '0')}`, precision: DatePrecision.MONTH, text: text ?? v };
  }
  if (isIsoDate(v)) return { from: v, to: v, precision: DatePrecision.DAY, text: text ?? null };
  return undefined;
}

export function earliest(values: string[]): string | undefined {
  return [...values].filter((v) => ftmDate(v)).sort()[0];
}

export const clip = (s: string | undefined, n: number) =>
  s == null ? undefined : s.length > n ? `${s.slice(0, n - 1)}…` : s;

/** An Interval's period: the earliest start (or date) to the earliest end. */
export function period(e: FtmEntity) {
  const start = ftmDate(earliest(all(e, 'startDate', 'date')));
  const end = ftmDate(earliest(all(e, 'endDate')));
  if (!start && !end) return undefined;
  return {
    from: start?.from ?? null,
    to: end?.to ?? null,
    precision: DatePrecision.OPEN,
    text: [start && `from ${first(e, 'startDate', 'date')}`, end && `until ${first(e, 'endDate')}`]
      .filter(Boolean)
      .join(' '),
  };
}
