/**
 * The facts Collier accepts from writers — one mutation, one line of a JSON Lines import, or one
 * mapped FollowTheMoney entity each make one Fact — and the rules every fact must pass before it
 * reaches the database: field types, identifiers (IMO check digit, MMSI, UN/LOCODE, ISO country),
 * dates, closed vocabularies, and at least one source. Pure functions, no I/O.
 *
 * A fact names other entities by reference: a Collier id ("vessel:test-vessel-alpha"), a natural key
 * ("imo:9876543", "locode:XXABC", "company-imo:1234567"), or (FtM only) an FtM id. Keys of facts that
 * have no natural key of their own (legs, transfers, relations, designations, claims) are derived
 * from the fact's content *as written*, so the same line always names the same fact.
 */
import { createHash } from 'node:crypto';
import {
  isValidCountryCode,
  isValidImo,
  isValidLocode,
  isValidMmsi,
  normalizeCountryCode,
  normalizeImo,
  normalizeLocode,
} from './identifiers';
import { dateWindowProblem, isIsoDate } from './dates';
import { labelOfId, NodeLabel, slug } from './ids';
import { sourceId } from './sources';
import { asText } from './text';
import {
  Authority,
  CargoOrigin,
  Commodity,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  Legality,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
} from './enums';

export const FACT_TYPES = [
  'source',
  'vessel',
  'company',
  'person',
  'port',
  'identityClaim',
  'leg',
  'transfer',
  'relation',
  'designation',
  'country',
  'tactic',
  'statistic',
  'tacticUse',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

/**
 * The order facts are written in: a fact may only refer to facts of an earlier phase (or of its own
 * phase on an earlier line). An import writes phase by phase, so the lines of a file may come in any order.
 */
export const FACT_PHASE: Record<FactType, number> = {
  source: 0,
  vessel: 1,
  company: 1,
  person: 1,
  port: 1,
  identityClaim: 2,
  relation: 2,
  designation: 2,
  leg: 2,
  transfer: 3,
  country: 0,
  tactic: 0,
  statistic: 2,
  tacticUse: 2,
};
export const PHASES = [0, 1, 2, 3] as const;

/* ----------------------------------------------------------------------------------------------
 * Shapes
 * -------------------------------------------------------------------------------------------- */

export interface DateRangeValue {
  from: string | null;
  to: string | null;
  precision: DatePrecision;
  text: string | null;
}

export interface QuantityValue {
  min: number | null;
  max: number | null;
  unit: string;
  text: string;
  /** The figure's own evidence, when it differs from the fact's (kept beside the figure). */
  evidence?: FigureEvidence;
}

export interface FigureEvidence {
  sourceIds: string[];
  confidence: ConfidenceTier | null;
  note: string | null;
}

export interface SourceValue {
  url: string;
  publisher: string;
  kind: SourceKind;
  tier: ConfidenceTier;
  title: string | null;
  date: string | null;
}

/** A source cited by a fact: an existing Source (by id, or by address) or a new one given inline. */
export type SourceRef = { id: string } | { inline: SourceValue };

/** A reference to another entity, as the writer gave it. */
export type Ref =
  | { by: 'id'; id: string }
  | { by: 'imo'; value: string }
  | { by: 'locode'; value: string }
  | { by: 'companyImo'; value: string }
  /** An FtM entity id: the entity mapped from it, whichever of `labels` it became. */
  | { by: 'ftm'; value: string; labels: NodeLabel[] };

export interface EvidenceValue {
  sources: SourceRef[];
  confidence: ConfidenceTier | null;
  note: string | null;
}

/** FollowTheMoney provenance kept on everything mapped from an FtM entity. */
export interface Provenance {
  ftmIds: string[];
  datasets: string[];
}

interface FactCommon {
  evidence: EvidenceValue;
  provenance?: Provenance;
  /**
   * 'set' (mutations, Collier JSON Lines): given fields replace stored values. 'fill' (FtM import):
   * given fields only fill fields the entity does not have yet, so a published list never overwrites
   * what analysts curated; names that differ become other names.
   */
  mode: 'set' | 'fill';
}

export interface SourceFact {
  type: 'source';
  source: SourceValue;
}

/** Entity facts: `undefined` leaves a stored field as it is. */
export interface VesselFact extends FactCommon {
  type: 'vessel';
  id?: string;
  /** An id derived from an external key (FtM): written as an alias when the vessel is found by IMO instead. */
  externalId?: string;
  name: string;
  imo?: string;
  mmsi?: string;
  callSign?: string;
  vesselType?: string;
  buildYear?: number;
  status?: VesselStatus;
  description?: string;
  flagCode?: string;
  flagText?: string;
  otherNames?: string[];
  /** Deadweight and gross tonnage figures (units DWT and GT by default). */
  deadweight?: QuantityValue[];
  grossTonnage?: QuantityValue[];
}

export interface PartyFact extends FactCommon {
  type: 'company' | 'person';
  id?: string;
  externalId?: string;
  name: string;
  aliases?: string[];
  countryCode?: string;
  countryText?: string;
  imoCompanyNumber?: string;
  registrationNumber?: string;
  address?: string;
  role?: string;
}

export interface PortFact extends FactCommon {
  type: 'port';
  id?: string;
  externalId?: string;
  name: string;
  aliases?: string[];
  kind?: PortKind;
  countryCode?: string;
  locode?: string;
  lat?: number;
  lon?: number;
  role?: string;
}

export interface IdentityClaimFact extends FactCommon {
  type: 'identityClaim';
  id?: string;
  vessel: Ref;
  name?: string;
  imo?: string;
  mmsi?: string;
  callSign?: string;
  flagCode?: string;
  flagText?: string;
  /** A type the vessel was registered as (FtM pastTypes). */
  vesselType?: string;
  period?: DateRangeValue;
  status: IdentityStatus;
  kind: IdentityKind;
}

export interface LegFact extends FactCommon {
  type: 'leg';
  id?: string;
  vessel?: Ref;
  vesselDescription?: string;
  from: Ref[];
  fromText?: string;
  to: Ref[];
  toText?: string;
  departure?: DateRangeValue;
  arrival?: DateRangeValue;
  commodity?: Commodity;
  cargoText?: string;
  tonnage?: QuantityValue[];
  /** What the cargo was worth (USD, WON …). */
  value?: QuantityValue[];
  cargoOrigin?: CargoOrigin;
  declaredOrigin?: string;
  legality?: Legality;
  discharged?: boolean;
  destinationCountryCode?: string;
  tactics?: string[];
  tacticsText?: string;
}

export interface TransferFact extends FactCommon {
  type: 'transfer';
  id?: string;
  fromVessel?: Ref;
  fromVesselDescription?: string;
  toVessel?: Ref;
  toVesselDescription?: string;
  port?: Ref;
  when?: DateRangeValue;
  kind?: TransferKind;
  fromLeg?: Ref;
  toLeg?: Ref;
  tonnage?: QuantityValue[];
  tactics?: string[];
}

export interface RelationFact extends FactCommon {
  type: 'relation';
  id?: string;
  relation: RelationType;
  from: Ref;
  to: Ref;
  role?: string;
  period?: DateRangeValue;
}

export interface DesignationFact extends FactCommon {
  type: 'designation';
  id?: string;
  target: Ref;
  authority: Authority;
  measure: string;
  status?: DesignationStatus;
  date?: DateRangeValue;
  reference?: string;
}

export type EntityFact = VesselFact | PartyFact | PortFact;
/** Reference data facts name: a country's display name, a tactic of the taxonomy. No evidence of their own. */
export interface CountryFact {
  type: 'country';
  code: string;
  name: string;
}

export interface TacticFact {
  type: 'tactic';
  code: string;
  name: string;
  description?: string;
}

/** An aggregate finding that names no single voyage, with the ports, countries and tactics it is about. */
export interface StatisticFact extends FactCommon {
  type: 'statistic';
  id?: string;
  statement: string;
  quantities?: QuantityValue[];
  attributedTo?: string;
  period?: DateRangeValue;
  fromPorts: Ref[];
  toPorts: Ref[];
  countries: string[];
  tactics: string[];
}

/** A vessel seen using an evasion tactic (outside any one leg). */
export interface TacticUseFact extends FactCommon {
  type: 'tacticUse';
  id?: string;
  subject: Ref;
  tactic: string;
  note?: string;
  period?: DateRangeValue;
}

export type Fact =
  | SourceFact
  | EntityFact
  | IdentityClaimFact
  | LegFact
  | TransferFact
  | RelationFact
  | DesignationFact
  | CountryFact
  | TacticFact
  | StatisticFact
  | TacticUseFact;

/* ----------------------------------------------------------------------------------------------
 * Validation
 * -------------------------------------------------------------------------------------------- */

/** Why a fact was refused: the field (a dotted path into the input) and what is wrong with it. */
export class FactProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(field ? `${field}: ${problem}` : problem);
    this.name = 'FactProblem';
  }
}

type Obj = Record<string, unknown>;

const MAX_NAME = 300;
const MAX_TEXT = 5000;
const MAX_LIST = 200;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v != null && !Array.isArray(v);
}

function enumValues<E extends Record<string, string>>(e: E): string[] {
  return Object.values(e);
}

/** Reads typed fields from an untyped object, throwing a FactProblem that names the field. */
class Fields {
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

/**
 * "vessel:x", "imo:9876543", "locode:XXABC", "company-imo:1234567", or "ftm:<FtM id>" (an entity
 * imported from FollowTheMoney) → a Ref of an allowed kind.
 */
export function parseRef(text: string, allowed: NodeLabel[], field: string): Ref {
  const m = /^(imo|locode|company-imo|ftm):\s*(.+)$/i.exec(text);
  if (m) {
    const scheme = m[1].toLowerCase();
    const value = m[2].trim();
    if (scheme === 'ftm') {
      const entityLabels = allowed.filter((l) => ['Vessel', 'Company', 'Person', 'Port'].includes(l));
      if (entityLabels.length === 0) throw new FactProblem(field, `an FtM id cannot name a ${allowed.join(' or ')}`);
      if (value.length > 500) throw new FactProblem(field, 'the FtM id is too long');
      return { by: 'ftm', value, labels: entityLabels };
    }
    if (scheme === 'imo') {
      if (!allowed.includes('Vessel'))
        throw new FactProblem(field, `an IMO ship number cannot name a ${allowed.join(' or ')}`);
      const digits = normalizeImo(value);
      if (!isValidImo(digits)) throw new FactProblem(field, `is not a valid IMO number (got "${value}")`);
      return { by: 'imo', value: digits };
    }
    if (scheme === 'locode') {
      if (!allowed.includes('Port')) throw new FactProblem(field, `a UN/LOCODE cannot name a ${allowed.join(' or ')}`);
      if (!isValidLocode(value)) throw new FactProblem(field, `is not a UN/LOCODE (got "${value}")`);
      return { by: 'locode', value: normalizeLocode(value) };
    }
    if (!allowed.includes('Company'))
      throw new FactProblem(field, `an IMO company number cannot name a ${allowed.join(' or ')}`);
    const digits = normalizeImo(value);
    if (!/^\d{7}$/.test(digits))
      throw new FactProblem(field, `is not a seven-digit IMO company number (got "${value}")`);
    return { by: 'companyImo', value: digits };
  }
  const label = labelOfId(text);
  if (!label || !allowed.includes(label)) {
    const schemes = [
      allowed.includes('Vessel') ? '"imo:NNNNNNN"' : null,
      allowed.includes('Port') ? '"locode:XXXXX"' : null,
      allowed.includes('Company') ? '"company-imo:NNNNNNN"' : null,
    ].filter(Boolean);
    throw new FactProblem(
      field,
      `must name a ${allowed.join(' or ')}: its id ("${allowed[0].toLowerCase()}:…")${schemes.length ? ` or ${schemes.join(' or ')}` : ''} (got "${text}")`,
    );
  }
  return { by: 'id', id: text };
}

function sourceValue(f: Fields): SourceValue {
  const url = f.str('url', { required: true, max: 2000 })!;
  if (!/^https?:\/\/\S+$/i.test(url)) throw new FactProblem(f.at('url'), `must be an http(s) address (got "${url}")`);
  const date = f.str('date', { max: 10 }) ?? null;
  if (date != null && !isIsoDate(date))
    throw new FactProblem(f.at('date'), `must be a calendar date written YYYY-MM-DD (got "${date}")`);
  return {
    url,
    publisher: f.str('publisher', { required: true, max: MAX_NAME })!,
    kind: f.oneOf<SourceKind>('kind', enumValues(SourceKind), { required: true })!,
    tier: f.oneOf<ConfidenceTier>('tier', enumValues(ConfidenceTier), { required: true })!,
    title: f.str('title', { max: 1000 }) ?? null,
    date,
  };
}

const SOURCE_FIELDS = ['url', 'publisher', 'kind', 'tier', 'title', 'date'];

function evidenceValue(f: Fields): EvidenceValue {
  const raw = f.raw('sources');
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new FactProblem(
      f.at('sources'),
      'must cite at least one source: a Source id, its address, or a new source {url, publisher, kind, tier}',
    );
  }
  if (raw.length > 50) throw new FactProblem(f.at('sources'), 'must cite at most 50 sources');
  const sources = raw.map((item, i): SourceRef => {
    const at = `${f.at('sources')}[${i}]`;
    if (typeof item === 'string') {
      const t = item.trim();
      if (/^https?:\/\//i.test(t)) return { id: sourceId(t) };
      if (labelOfId(t) === 'Source') return { id: t };
      throw new FactProblem(
        at,
        `must be a Source id ("source:…"), the address of a known source, or a new source {url, publisher, kind, tier} (got "${t}")`,
      );
    }
    if (isObj(item)) {
      // GraphQL's SourceRefInput: {id}, {url} of a source already known, or a new one {url, publisher, kind, tier, …}.
      if (item.id != null && Object.entries(item).every(([k, v]) => k === 'id' || v == null)) {
        const id = asText(item.id).trim();
        if (labelOfId(id) !== 'Source')
          throw new FactProblem(`${at}.id`, `must be a Source id ("source:…") (got "${id}")`);
        return { id };
      }
      if (typeof item.url === 'string' && Object.entries(item).every(([k, v]) => k === 'url' || v == null)) {
        return { id: sourceId(item.url.trim()) };
      }
      const sf = new Fields(item, at);
      sf.only(['id', ...SOURCE_FIELDS]);
      if (item.id != null)
        throw new FactProblem(`${at}.id`, 'give either id or a new source {url, publisher, kind, tier}, not both');
      return { inline: sourceValue(sf) };
    }
    throw new FactProblem(at, 'must be a Source id, an address, or {url, publisher, kind, tier}');
  });
  return {
    sources,
    confidence: f.oneOf<ConfidenceTier>('confidence', enumValues(ConfidenceTier)) ?? null,
    note: f.str('evidenceNote', { max: 2000 }) ?? null,
  };
}

const EVIDENCE_FIELDS = ['sources', 'confidence', 'evidenceNote', 'ftmIds', 'ftmDatasets'];

/** FtM provenance written in a line (an export of FtM-sourced facts carries it back). */
function provenanceValue(f: Fields): { provenance?: Provenance } {
  const ftmIds = f.strList('ftmIds', 500);
  const datasets = f.strList('ftmDatasets', 200);
  if (!ftmIds?.length && !datasets?.length) return {};
  return { provenance: { ftmIds: ftmIds ?? [], datasets: datasets ?? [] } };
}

const CODE = /^[A-Z][A-Z0-9_]{1,49}$/;

function referenceFact(type: 'country' | 'tactic', f: Fields): CountryFact | TacticFact {
  const name = f.str('name', { required: true, max: MAX_NAME })!;
  if (type === 'country') {
    const code = f.country('code');
    if (!code) throw new FactProblem('code', 'is required');
    return { type, code, name };
  }
  const code = f.str('code', { required: true, max: 50 })!.toUpperCase();
  if (!CODE.test(code)) throw new FactProblem('code', `must be a tactic code such as "AIS_DARK" (got "${code}")`);
  return { type, code, name, description: f.str('description') };
}

const FIELDS: Record<FactType, string[]> = {
  source: SOURCE_FIELDS,
  vessel: [
    'id',
    'name',
    'imo',
    'mmsi',
    'callSign',
    'vesselType',
    'buildYear',
    'status',
    'description',
    'flag',
    'flagText',
    'otherNames',
    'deadweight',
    'grossTonnage',
    ...EVIDENCE_FIELDS,
  ],
  company: [
    'id',
    'name',
    'aliases',
    'country',
    'countryText',
    'imoCompanyNumber',
    'registrationNumber',
    'address',
    'role',
    ...EVIDENCE_FIELDS,
  ],
  person: ['id', 'name', 'aliases', 'country', 'countryText', 'address', 'role', ...EVIDENCE_FIELDS],
  port: ['id', 'name', 'aliases', 'kind', 'country', 'locode', 'lat', 'lon', 'role', ...EVIDENCE_FIELDS],
  identityClaim: [
    'id',
    'vessel',
    'name',
    'imo',
    'mmsi',
    'callSign',
    'flag',
    'flagText',
    'vesselType',
    'period',
    'status',
    'kind',
    ...EVIDENCE_FIELDS,
  ],
  leg: [
    'id',
    'vessel',
    'vesselDescription',
    'from',
    'fromText',
    'to',
    'toText',
    'departure',
    'arrival',
    'commodity',
    'cargoText',
    'tonnage',
    'value',
    'cargoOrigin',
    'declaredOrigin',
    'legality',
    'discharged',
    'destinationCountry',
    'tactics',
    'tacticsText',
    ...EVIDENCE_FIELDS,
  ],
  transfer: [
    'id',
    'fromVessel',
    'fromVesselDescription',
    'toVessel',
    'toVesselDescription',
    'port',
    'when',
    'kind',
    'fromLeg',
    'toLeg',
    'tonnage',
    'tactics',
    ...EVIDENCE_FIELDS,
  ],
  relation: ['id', 'relation', 'from', 'to', 'role', 'period', ...EVIDENCE_FIELDS],
  designation: ['id', 'target', 'authority', 'measure', 'status', 'date', 'reference', ...EVIDENCE_FIELDS],
  country: ['code', 'name'],
  tactic: ['code', 'name', 'description'],
  statistic: [
    'id',
    'statement',
    'quantities',
    'attributedTo',
    'period',
    'fromPorts',
    'toPorts',
    'countries',
    'tactics',
    ...EVIDENCE_FIELDS,
  ],
  tacticUse: ['id', 'subject', 'tactic', 'note', 'period', ...EVIDENCE_FIELDS],
};

export function factFields(type: FactType): readonly string[] {
  return FIELDS[type];
}

/** Relations are relationships, not nodes: their ids have their own shape. */
export const RELATION_ID = /^rel:[A-Za-z0-9._:-]{1,200}$/;

const TACTIC_CODE = /^[A-Z][A-Z0-9_]{1,49}$/;

function tactics(f: Fields): string[] | undefined {
  const list = f.strList('tactics', 50);
  if (list == null) return undefined;
  return list.map((t, i) => {
    const code = t.toUpperCase();
    if (!TACTIC_CODE.test(code))
      throw new FactProblem(`${f.at('tactics')}[${i}]`, `must be a tactic code such as "AIS_DARK" (got "${t}")`);
    return code;
  });
}

/**
 * Validates one fact given as a plain object (a JSON Lines record without its `type`, or a mutation's
 * input) and returns it normalised. Throws FactProblem naming the first field that is wrong.
 */
export function validateFact(type: FactType, input: unknown): Fact {
  if (!isObj(input)) throw new FactProblem('', 'must be a JSON object');
  const f = new Fields(input, '');
  f.only(FIELDS[type]);
  if (type === 'source') return { type, source: sourceValue(f) };
  if (type === 'country' || type === 'tactic') return referenceFact(type, f);
  const common: FactCommon = { evidence: evidenceValue(f), mode: 'set', ...provenanceValue(f) };
  switch (type) {
    case 'vessel': {
      const flag = f.country('flag');
      return {
        ...common,
        type,
        id: f.id('id', ['Vessel']),
        name: f.str('name', { required: true, max: MAX_NAME })!,
        imo: f.imo('imo'),
        mmsi: f.mmsi('mmsi'),
        callSign: f.str('callSign', { max: 20 }),
        vesselType: f.str('vesselType', { max: 100 }),
        buildYear: f.num('buildYear', 1850, 2100, true),
        status: f.oneOf<VesselStatus>('status', enumValues(VesselStatus)),
        description: f.str('description'),
        flagCode: flag,
        flagText: f.str('flagText', { max: MAX_NAME }),
        otherNames: f.strList('otherNames'),
        deadweight: f.quantities('deadweight', 'DWT'),
        grossTonnage: f.quantities('grossTonnage', 'GT'),
      };
    }
    case 'company':
    case 'person':
      return {
        ...common,
        type,
        id: f.id('id', [type === 'company' ? 'Company' : 'Person']),
        name: f.str('name', { required: true, max: MAX_NAME })!,
        aliases: f.strList('aliases'),
        countryCode: f.country('country'),
        countryText: f.str('countryText', { max: MAX_NAME }),
        imoCompanyNumber: type === 'company' ? f.companyImo('imoCompanyNumber') : undefined,
        registrationNumber: type === 'company' ? f.str('registrationNumber', { max: 100 }) : undefined,
        address: f.str('address', { max: 1000 }),
        role: f.str('role', { max: 1000 }),
      };
    case 'port': {
      const countryCode = f.country('country');
      const locode = f.locode('locode');
      if (locode && countryCode && locode.slice(0, 2) !== countryCode) {
        throw new FactProblem('locode', `belongs to country ${locode.slice(0, 2)}, not ${countryCode}`);
      }
      const lat = f.num('lat', -90, 90);
      const lon = f.num('lon', -180, 180);
      if ((lat == null) !== (lon == null))
        throw new FactProblem(lat == null ? 'lat' : 'lon', 'give both lat and lon, or neither');
      return {
        ...common,
        type,
        id: f.id('id', ['Port']),
        name: f.str('name', { required: true, max: MAX_NAME })!,
        aliases: f.strList('aliases'),
        kind: f.oneOf<PortKind>('kind', enumValues(PortKind)),
        countryCode: countryCode ?? (locode ? locode.slice(0, 2) : undefined),
        locode,
        lat,
        lon,
        role: f.str('role', { max: 1000 }),
      };
    }
    case 'identityClaim': {
      const fact: IdentityClaimFact = {
        ...common,
        type,
        id: f.id('id', ['IdentityClaim']),
        vessel: f.ref('vessel', ['Vessel'], { required: true })!,
        name: f.str('name', { max: MAX_NAME }),
        imo: f.imo('imo'),
        mmsi: f.mmsi('mmsi'),
        callSign: f.str('callSign', { max: 20 }),
        flagCode: f.country('flag'),
        flagText: f.str('flagText', { max: MAX_NAME }),
        vesselType: f.str('vesselType', { max: 100 }),
        period: f.dateRange('period'),
        status: f.oneOf<IdentityStatus>('status', enumValues(IdentityStatus)) ?? IdentityStatus.ASSERTED,
        kind: f.oneOf<IdentityKind>('kind', enumValues(IdentityKind), { required: true })!,
      };
      const claimed = [fact.name, fact.imo, fact.mmsi, fact.callSign, fact.flagCode, fact.flagText, fact.vesselType];
      if (!claimed.some((v) => v != null)) {
        throw new FactProblem(
          'name',
          'an identity claim must claim something: a name, IMO, MMSI, call sign, flag or type',
        );
      }
      return fact;
    }
    case 'leg': {
      const fact: LegFact = {
        ...common,
        type,
        id: f.id('id', ['Leg']),
        vessel: f.ref('vessel', ['Vessel']),
        vesselDescription: f.str('vesselDescription', { max: 1000 }),
        // A leg whose port the sources do not name says so in fromText/toText instead.
        from: f.refs('from', ['Port'], { required: !f.has('fromText') }) ?? [],
        fromText: f.str('fromText', { max: 1000 }),
        to: f.refs('to', ['Port'], { required: !f.has('toText') }) ?? [],
        toText: f.str('toText', { max: 1000 }),
        departure: f.dateRange('departure'),
        arrival: f.dateRange('arrival'),
        commodity: f.oneOf<Commodity>('commodity', enumValues(Commodity)),
        cargoText: f.str('cargoText', { max: 1000 }),
        tonnage: f.quantities('tonnage', 'TONNES'),
        value: f.quantities('value', 'USD'),
        cargoOrigin: f.oneOf<CargoOrigin>('cargoOrigin', enumValues(CargoOrigin)),
        declaredOrigin: f.str('declaredOrigin', { max: MAX_NAME }),
        legality: f.oneOf<Legality>('legality', enumValues(Legality)),
        discharged: f.bool('discharged'),
        destinationCountryCode: f.country('destinationCountry'),
        tactics: tactics(f),
        tacticsText: f.str('tacticsText', { max: 1000 }),
      };
      if (fact.vessel == null && fact.vesselDescription == null && fact.id == null) {
        throw new FactProblem(
          'vessel',
          'name the vessel (or describe it in vesselDescription when the sources do not name it)',
        );
      }
      if (fact.departure?.from && fact.arrival?.to && fact.arrival.to < fact.departure.from) {
        throw new FactProblem(
          'arrival',
          `cannot end (${fact.arrival.to}) before the departure can begin (${fact.departure.from})`,
        );
      }
      return fact;
    }
    case 'transfer': {
      const fact: TransferFact = {
        ...common,
        type,
        id: f.id('id', ['Transfer']),
        fromVessel: f.ref('fromVessel', ['Vessel']),
        fromVesselDescription: f.str('fromVesselDescription', { max: 1000 }),
        toVessel: f.ref('toVessel', ['Vessel']),
        toVesselDescription: f.str('toVesselDescription', { max: 1000 }),
        port: f.ref('port', ['Port']),
        when: f.dateRange('when'),
        kind: f.oneOf<TransferKind>('kind', enumValues(TransferKind)),
        fromLeg: f.ref('fromLeg', ['Leg']),
        toLeg: f.ref('toLeg', ['Leg']),
        tonnage: f.quantities('tonnage', 'TONNES'),
        tactics: tactics(f),
      };
      if (fact.id == null && fact.fromVessel == null && fact.fromVesselDescription == null) {
        throw new FactProblem('fromVessel', 'name the vessel the cargo left (or describe it in fromVesselDescription)');
      }
      if (fact.id == null && fact.toVessel == null && fact.toVesselDescription == null) {
        throw new FactProblem(
          'toVessel',
          'name the vessel that took the cargo (or describe it in toVesselDescription)',
        );
      }
      if (fact.fromLeg && fact.toLeg && refKey(fact.fromLeg) === refKey(fact.toLeg)) {
        throw new FactProblem('toLeg', 'must be another leg than fromLeg');
      }
      return fact;
    }
    case 'relation': {
      const relation = f.oneOf<RelationType>('relation', enumValues(RelationType), { required: true })!;
      const from = f.ref('from', ['Company', 'Person'], { required: true })!;
      const to = f.ref('to', ['Vessel', 'Company', 'Person'], { required: true })!;
      if (refKey(from) === refKey(to) && from.by === to.by)
        throw new FactProblem('to', 'must be another entity than from');
      const id = f.str('id', { max: 250 });
      if (id != null && !RELATION_ID.test(id))
        throw new FactProblem(
          'id',
          `must be a relation id such as "rel:owns:example-holdings:test-vessel-alpha" (got "${id}")`,
        );
      return {
        ...common,
        type,
        id,
        relation,
        from,
        to,
        role: f.str('role', { max: MAX_NAME }),
        period: f.dateRange('period'),
      };
    }
    case 'designation':
      return {
        ...common,
        type,
        id: f.id('id', ['Designation']),
        target: f.ref('target', ['Vessel', 'Company', 'Person'], { required: true })!,
        authority: f.oneOf<Authority>('authority', enumValues(Authority), { required: true })!,
        measure: f.str('measure', { required: true, max: 1000 })!,
        status: f.oneOf<DesignationStatus>('status', enumValues(DesignationStatus)),
        date: f.dateRange('date'),
        reference: f.str('reference', { max: 1000 }),
      };
    case 'statistic':
      return {
        ...common,
        type,
        id: f.id('id', ['Statistic']),
        statement: f.str('statement', { required: true })!,
        quantities: f.quantities('quantities', 'TONNES'),
        attributedTo: f.str('attributedTo', { max: 1000 }),
        period: f.dateRange('period'),
        fromPorts: f.refs('fromPorts', ['Port']) ?? [],
        toPorts: f.refs('toPorts', ['Port']) ?? [],
        countries: (f.strList('countries', 10) ?? []).map((c, i) => {
          if (!isValidCountryCode(c))
            throw new FactProblem(`countries[${i}]`, `is not an ISO country code (got "${c}")`);
          return normalizeCountryCode(c);
        }),
        tactics: tactics(f) ?? [],
      };
    case 'tacticUse': {
      const code = f.str('tactic', { required: true, max: 50 })!.toUpperCase();
      if (!TACTIC_CODE.test(code))
        throw new FactProblem('tactic', `must be a tactic code such as "AIS_DARK" (got "${code}")`);
      const id = f.str('id', { max: 250 });
      return {
        ...common,
        type,
        id,
        subject: f.ref('subject', ['Vessel'], { required: true })!,
        tactic: code,
        note: f.str('note', { max: 2000 }),
        period: f.dateRange('period'),
      };
    }
  }
}

/* ----------------------------------------------------------------------------------------------
 * Keys
 * -------------------------------------------------------------------------------------------- */

const KEY_CHARS = /[^A-Za-z0-9._-]+/g;
const MAX_KEY = 180;

/** A key part that fits Collier's id shape. */
function keyPart(text: string): string {
  const s =
    slug(text) ||
    text
      .replace(KEY_CHARS, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  return s || 'x';
}

/** Joins key parts; a key too long for an id keeps a readable start and ends with a hash of the whole. */
export function joinKey(kind: string, parts: (string | null | undefined)[]): string {
  const body = parts.filter((p): p is string => p != null && p !== '').join(':');
  if (body.length <= MAX_KEY) return `${kind}:${body}`;
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 12);
  return `${kind}:${body.slice(0, MAX_KEY - 13)}-${hash}`;
}

/** The part of a reference that goes into a derived key: "vessel:alpha" → "alpha", "imo:9876543" → "imo-9876543". */
export function refKey(ref: Ref): string {
  switch (ref.by) {
    case 'id':
      return ref.id.slice(ref.id.indexOf(':') + 1);
    case 'imo':
      return `imo-${ref.value}`;
    case 'locode':
      return `locode-${ref.value.toLowerCase()}`;
    case 'companyImo':
      return `company-imo-${ref.value}`;
    case 'ftm':
      return `ftm-${ftmKey(ref.value)}`;
  }
}

/** An FtM id as a key part (FtM ids are mostly letters, digits, "-" and "."). */
export function ftmKey(ftmId: string): string {
  const clean = ftmId.replace(KEY_CHARS, '-');
  return clean.length <= 120
    ? clean
    : `${clean.slice(0, 100)}-${createHash('sha1').update(ftmId).digest('hex').slice(0, 12)}`;
}

/** The id an entity fact gets when it creates a new entity: named after it, plus its natural key if any. */
export function newEntityId(fact: EntityFact): string {
  if (fact.id) return fact.id;
  if (fact.externalId) return fact.externalId;
  const kind = fact.type;
  const key =
    fact.type === 'vessel'
      ? fact.imo
      : fact.type === 'port'
        ? fact.locode?.toLowerCase()
        : fact.type === 'company'
          ? fact.imoCompanyNumber
          : undefined;
  return joinKey(kind, [[keyPart(fact.name), key].filter(Boolean).join('-')]);
}

/** The natural key an entity fact carries, as a reference, if any. */
export function naturalKey(fact: EntityFact): Ref | null {
  if (fact.type === 'vessel' && fact.imo) return { by: 'imo', value: fact.imo };
  if (fact.type === 'port' && fact.locode) return { by: 'locode', value: fact.locode };
  if (fact.type === 'company' && fact.imoCompanyNumber) return { by: 'companyImo', value: fact.imoCompanyNumber };
  return null;
}

const day = (r: DateRangeValue | undefined) => r?.from ?? r?.to ?? 'undated';

/** The id of a fact that is not an entity: given, or derived from what it says. */
export function factId(
  fact: IdentityClaimFact | LegFact | TransferFact | RelationFact | DesignationFact | StatisticFact | TacticUseFact,
): string {
  if (fact.id) return fact.id;
  switch (fact.type) {
    case 'identityClaim':
      return joinKey('identity', [
        refKey(fact.vessel),
        fact.kind.toLowerCase().replace(/_/g, '-'),
        keyPart(
          fact.name ??
            fact.imo ??
            fact.mmsi ??
            fact.callSign ??
            fact.flagCode ??
            fact.flagText ??
            fact.vesselType ??
            'claim',
        ),
        fact.period ? day(fact.period) : null,
      ]);
    case 'leg':
      return joinKey('leg', [
        fact.vessel ? refKey(fact.vessel) : `unnamed-${keyPart(fact.vesselDescription ?? 'vessel')}`,
        fact.from.map(refKey).join('+'),
        fact.to.map(refKey).join('+'),
        fact.departure ? day(fact.departure) : `arr-${day(fact.arrival)}`,
      ]);
    case 'transfer':
      return joinKey('transfer', [
        fact.fromVessel ? refKey(fact.fromVessel) : `unnamed-${keyPart(fact.fromVesselDescription ?? 'vessel')}`,
        fact.toVessel ? refKey(fact.toVessel) : `unnamed-${keyPart(fact.toVesselDescription ?? 'vessel')}`,
        day(fact.when),
      ]);
    case 'relation':
      return joinKey('rel', [
        fact.relation.toLowerCase(),
        refKey(fact.from),
        refKey(fact.to),
        fact.role ? keyPart(fact.role) : null,
      ]);
    case 'designation':
      return joinKey('designation', [keyPart(fact.authority), day(fact.date), refKey(fact.target)]);
    case 'statistic':
      return joinKey('statistic', [keyPart(fact.statement.slice(0, 80)), fact.period ? day(fact.period) : null]);
    case 'tacticUse':
      return joinKey('tactic-use', [refKey(fact.subject), keyPart(fact.tactic)]);
  }
}

/** The best (most reliable) of several tiers: a fact is as sure as its best source makes it. */
export function bestTier(tiers: readonly ConfidenceTier[]): ConfidenceTier | null {
  const order = [ConfidenceTier.HIGH, ConfidenceTier.MEDIUM_HIGH, ConfidenceTier.MEDIUM, ConfidenceTier.LOW];
  for (const t of order) if (tiers.includes(t)) return t;
  return null;
}

/** Every reference a fact makes, with the field it came from. */
export function factRefs(fact: Fact): { field: string; ref: Ref }[] {
  const out: { field: string; ref: Ref }[] = [];
  const add = (field: string, ref: Ref | undefined) => {
    if (ref) out.push({ field, ref });
  };
  switch (fact.type) {
    case 'identityClaim':
      add('vessel', fact.vessel);
      break;
    case 'leg':
      add('vessel', fact.vessel);
      fact.from.forEach((r, i) => add(`from[${i}]`, r));
      fact.to.forEach((r, i) => add(`to[${i}]`, r));
      break;
    case 'transfer':
      add('fromVessel', fact.fromVessel);
      add('toVessel', fact.toVessel);
      add('port', fact.port);
      add('fromLeg', fact.fromLeg);
      add('toLeg', fact.toLeg);
      break;
    case 'relation':
      add('from', fact.from);
      add('to', fact.to);
      break;
    case 'designation':
      add('target', fact.target);
      break;
    case 'statistic':
      fact.fromPorts.forEach((r, i) => add(`fromPorts[${i}]`, r));
      fact.toPorts.forEach((r, i) => add(`toPorts[${i}]`, r));
      break;
    case 'tacticUse':
      add('subject', fact.subject);
      break;
    default:
      break;
  }
  return out;
}
