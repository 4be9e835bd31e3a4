/** A reader of typed fields from an untyped object, naming the field (a dotted path) when one is wrong. */
import { dateWindowProblem, isIsoDate } from '../dates';
import { DatePrecision } from '../enums';
import {
  isValidCountryCode,
  isValidImo,
  isValidLocode,
  isValidMmsi,
  normalizeCountryCode,
  normalizeImo,
  normalizeLocode,
} from '../identifiers';
import { NodeLabel, labelOfId } from '../ids';
import { sourceId } from '../sources';
import { FactProblem } from './problem';
import { DateRangeValue, QuantityValue, Ref } from './types';
import { evidenceValue, parseRef } from './values';

type Obj = Record<string, unknown>;

export const MAX_NAME = 300;
const MAX_TEXT = 5000;
const MAX_LIST = 200;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v != null && !Array.isArray(v);
}

export function enumValues<E extends Record<string, string>>(e: E): string[] {
  return Object.values(e);
}

/** Reads typed fields from an untyped object, throwing a FactProblem that names the field. */
export class Fields {
  constructor(
    private readonly obj: Obj,
    private readonly path: string,
  ) {}

  at(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  has(name: string): boolean {
    return this.obj[name] !== undefined && this.obj[name] !== null;
  }

  raw(name: string): unknown {
    return this.obj[name];
  }

  str(name: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.obj[name];
    if (v == null || (typeof v === 'string' && v.trim() === '')) {
      if (opts.required) throw new FactProblem(this.at(name), 'is required');
      return undefined;
    }
    if (typeof v !== 'string') throw new FactProblem(this.at(name), `must be a string (got ${typeof v})`);
    const t = v.trim();
    const max = opts.max ?? MAX_TEXT;
    if (t.length > max) throw new FactProblem(this.at(name), `must be at most ${max} characters (got ${t.length})`);
    return t;
  }

  strList(name: string, max = MAX_NAME): string[] | undefined {
    const v = this.obj[name];
    if (v == null) return undefined;
    if (!Array.isArray(v)) throw new FactProblem(this.at(name), 'must be a list of strings');
    if (v.length > MAX_LIST) throw new FactProblem(this.at(name), `must have at most ${MAX_LIST} items`);
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item !== 'string') throw new FactProblem(`${this.at(name)}[${i}]`, 'must be a string');
      const t = item.trim();
      if (t.length > max) throw new FactProblem(`${this.at(name)}[${i}]`, `must be at most ${max} characters`);
      if (t && !out.includes(t)) out.push(t);
    });
    return out;
  }

  num(name: string, min: number, max: number, integer = false): number | undefined {
    const v = this.obj[name];
    if (v == null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new FactProblem(this.at(name), 'must be a number');
    if (integer && !Number.isInteger(v)) throw new FactProblem(this.at(name), `must be a whole number (got ${v})`);
    if (v < min || v > max) throw new FactProblem(this.at(name), `must be between ${min} and ${max} (got ${v})`);
    return v;
  }

  bool(name: string): boolean | undefined {
    const v = this.obj[name];
    if (v == null) return undefined;
    if (typeof v !== 'boolean') throw new FactProblem(this.at(name), 'must be true or false');
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly string[], opts: { required?: boolean } = {}): T | undefined {
    const v = this.str(name, { required: opts.required, max: 100 });
    if (v == null) return undefined;
    const up = v.toUpperCase();
    if (!allowed.includes(up))
      throw new FactProblem(this.at(name), `must be one of ${allowed.join(', ')} (got "${v}")`);
    return up as T;
  }

  country(name: string): string | undefined {
    const v = this.str(name, { max: 10 });
    if (v == null) return undefined;
    if (!isValidCountryCode(v))
      throw new FactProblem(this.at(name), `must be an ISO 3166-1 alpha-2 country code such as "KP" (got "${v}")`);
    return normalizeCountryCode(v);
  }

  imo(name: string): string | undefined {
    const v = this.str(name, { max: 20 });
    if (v == null) return undefined;
    const digits = normalizeImo(v);
    if (!isValidImo(digits))
      throw new FactProblem(
        this.at(name),
        `is not a valid IMO number: seven digits whose last is the check digit (got "${v}")`,
      );
    return digits;
  }

  companyImo(name: string): string | undefined {
    const v = this.str(name, { max: 20 });
    if (v == null) return undefined;
    const digits = normalizeImo(v);
    if (!/^\d{7}$/.test(digits))
      throw new FactProblem(this.at(name), `must be a seven-digit IMO company number (got "${v}")`);
    return digits;
  }

  mmsi(name: string): string | undefined {
    const v = this.str(name, { max: 20 });
    if (v == null) return undefined;
    if (!isValidMmsi(v))
      throw new FactProblem(this.at(name), `is not a ship MMSI: nine digits, the first 2 to 7 (got "${v}")`);
    return v.trim();
  }

  locode(name: string): string | undefined {
    const v = this.str(name, { max: 10 });
    if (v == null) return undefined;
    if (!isValidLocode(v))
      throw new FactProblem(
        this.at(name),
        `is not a UN/LOCODE: a country code and three letters or digits 2-9, such as "KPNAM" (got "${v}")`,
      );
    return normalizeLocode(v);
  }

  id(name: string, allowed: NodeLabel[]): string | undefined {
    const v = this.str(name, { max: 250 });
    if (v == null) return undefined;
    const label = labelOfId(v);
    if (!label || !allowed.includes(label)) {
      throw new FactProblem(
        this.at(name),
        `must be the id of a ${allowed.join(' or ')} such as "${allowed[0].toLowerCase()}:example" (got "${v}")`,
      );
    }
    return v;
  }

  ref(name: string, allowed: NodeLabel[], opts: { required?: boolean } = {}): Ref | undefined {
    const v = this.str(name, { required: opts.required, max: 250 });
    if (v == null) return undefined;
    return parseRef(v, allowed, this.at(name));
  }

  refs(name: string, allowed: NodeLabel[], opts: { required?: boolean } = {}): Ref[] | undefined {
    const v = this.obj[name];
    if (v == null) {
      if (opts.required) throw new FactProblem(this.at(name), 'is required');
      return undefined;
    }
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.length === 0)
      throw new FactProblem(this.at(name), 'must be a non-empty list of references');
    if (list.length > 10) throw new FactProblem(this.at(name), 'must have at most 10 references');
    return list.map((item, i) => {
      if (typeof item !== 'string') throw new FactProblem(`${this.at(name)}[${i}]`, 'must be a string');
      return parseRef(item.trim(), allowed, `${this.at(name)}[${i}]`);
    });
  }

  dateRange(name: string): DateRangeValue | undefined {
    const v = this.obj[name];
    if (v == null) return undefined;
    if (typeof v === 'string') {
      // A single day is accepted as shorthand for a one-day range.
      if (!isIsoDate(v))
        throw new FactProblem(
          this.at(name),
          `must be a calendar date written YYYY-MM-DD or a range {from, to, precision, text} (got "${v}")`,
        );
      return { from: v, to: v, precision: DatePrecision.DAY, text: null };
    }
    if (!isObj(v)) throw new FactProblem(this.at(name), 'must be a range {from, to, precision, text}');
    const f = new Fields(v, this.at(name));
    f.only(['from', 'to', 'precision', 'text']);
    const from = f.str('from', { max: 10 }) ?? null;
    const to = f.str('to', { max: 10 }) ?? null;
    const problem = dateWindowProblem({ from, to });
    if (problem) throw new FactProblem(this.at(name), problem);
    const precision =
      f.oneOf<DatePrecision>('precision', enumValues(DatePrecision)) ??
      (from != null && from === to
        ? DatePrecision.DAY
        : from == null && to == null
          ? DatePrecision.UNKNOWN
          : DatePrecision.OPEN);
    const text = f.str('text', { max: 500 }) ?? null;
    if (from == null && to == null && text == null)
      throw new FactProblem(this.at(name), 'needs at least one of from, to or text');
    return { from, to, precision, text };
  }

  quantities(name: string, defaultUnit: string): QuantityValue[] | undefined {
    const v = this.obj[name];
    if (v == null) return undefined;
    if (!Array.isArray(v)) throw new FactProblem(this.at(name), 'must be a list of {min, max, unit, text}');
    if (v.length > 20) throw new FactProblem(this.at(name), 'must have at most 20 figures');
    return v.map((item, i) => {
      if (!isObj(item)) throw new FactProblem(`${this.at(name)}[${i}]`, 'must be {min, max, unit, text}');
      const f = new Fields(item, `${this.at(name)}[${i}]`);
      f.only(['min', 'max', 'unit', 'text', 'sources', 'confidence', 'evidenceNote']);
      const min = f.num('min', 0, 1e12) ?? null;
      const max = f.num('max', 0, 1e12) ?? null;
      if (min == null && max == null && !f.has('text'))
        throw new FactProblem(f.at('min'), 'give min, max or both (or, for a figure no number states, its text)');
      if (min != null && max != null && min > max)
        throw new FactProblem(f.at('min'), `is more than max (${min} > ${max})`);
      const unit = f.oneOf<string>('unit', QUANTITY_UNITS) ?? defaultUnit;
      const text = f.str('text', { max: 500 }) ?? (min === max ? `${min}` : `${min ?? '?'}-${max ?? '?'}`);
      if (!f.has('sources')) return { min, max, unit, text };
      const ev = evidenceValue(f);
      const sourceIds = ev.sources.map((s) => ('id' in s ? s.id : sourceId(s.inline.url)));
      return { min, max, unit, text, evidence: { sourceIds, confidence: ev.confidence, note: ev.note } };
    });
  }

  /** Refuses fields this kind of fact does not have (a typo would otherwise be silently dropped). */
  only(known: readonly string[]): void {
    for (const k of Object.keys(this.obj)) {
      if (!known.includes(k) && this.obj[k] !== undefined) {
        throw new FactProblem(this.at(k), `is not a field of this fact (fields: ${known.join(', ')})`);
      }
    }
  }
}

export const QUANTITY_UNITS = ['TONNES', 'USD', 'WON', 'SHIPMENTS', 'TRIPS', 'DWT', 'GT'] as const;
