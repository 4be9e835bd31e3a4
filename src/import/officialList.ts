/**
 * What the official-list adapters (ofacSdn.ts, unSc.ts) share: the shape of a parsed list, the Source
 * a list snapshot is cited as, country names as the lists write them, and how a record becomes a
 * checked fact (domain/facts validateFact) marked as list-sourced: it only fills what is missing
 * ('fill' mode, so a list never overwrites what analysts curated) and keeps the list's own id as an
 * alias when it lands on an entity that already holds its identifier.
 */
import countries from 'i18n-iso-countries';
import { isValidCountryCode } from '../domain/identifiers';
import { ConfidenceTier, SourceKind } from '../domain/enums';
import { Fact, FactProblem, FactType, SourceValue, validateFact } from '../domain/facts';

/** One record of a list (a CSV row, an XML entry) and the facts it becomes. */
export interface ListRecord {
  /** Row number (OFAC) or position of the entry in the file (UN), for rejections. */
  line: number;
  /** The list's own reference: OFAC ent_num, UN reference number ("KPe.020"). */
  ref: string;
  facts: Fact[];
}

export interface ListParse {
  source: SourceValue;
  records: ListRecord[];
  /** Rows or entries in the file. */
  rowsRead: number;
  /** Rows or entries of the selected programmes. */
  rowsSelected: number;
  /** What the selected rows state that Collier has no place for: column (or Remarks phrase) → times. */
  skippedByColumn: Record<string, number>;
  /** Rows refused before any fact was made, with the reason. */
  problems: { line: number; reason: string }[];
  /** Values a loaded row states but that fail their check (an IMO number's check digit …): reported, not stored. */
  notStored: { line: number; reason: string }[];
}

export class ListParseError extends Error {}

export function emptyParse(source: SourceValue): ListParse {
  return { source, records: [], rowsRead: 0, rowsSelected: 0, skippedByColumn: {}, problems: [], notStored: [] };
}

export function countSkipped(parse: ListParse, column: string, n = 1): void {
  parse.skippedByColumn[column] = (parse.skippedByColumn[column] ?? 0) + n;
}

/** The Source a list snapshot is cited as: the publisher's address with the snapshot day, so each snapshot is its own Source. */
export function listSource(url: string, publisher: string, title: string, snapshot: string): SourceValue {
  return {
    url: `${url}#${snapshot}`,
    publisher,
    kind: SourceKind.OFFICIAL,
    tier: ConfidenceTier.HIGH,
    title: `${title}, as published on ${snapshot}`,
    date: snapshot,
  };
}

/** Names the lists use that the ISO list spells otherwise. */
const COUNTRY_NAMES: Record<string, string> = {
  'korea, north': 'KP',
  'north korea': 'KP',
  "democratic people's republic of korea": 'KP',
  dprk: 'KP',
  'korea, south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  russia: 'RU',
  'russian federation': 'RU',
  burma: 'MM',
  'hong kong': 'HK',
  'taiwan, province of china': 'TW',
  "lao people's democratic republic": 'LA',
  'iran (islamic republic of)': 'IR',
  'syrian arab republic': 'SY',
  'united republic of tanzania': 'TZ',
  'the former yugoslav republic of macedonia': 'MK',
};

/** An ISO alpha-2 code for a country as a list writes it ("Korea, North", "Sierra Leone"), or null. */
export function listCountryCode(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim().replace(/\.$/, '');
  if (t === '') return null;
  const known = COUNTRY_NAMES[t.toLowerCase()];
  if (known) return known;
  if (t.length === 2 && isValidCountryCode(t)) return t.toUpperCase();
  return countries.getAlpha2Code(t, 'en') ?? null;
}

export const clip = (s: string | null | undefined, n: number): string | undefined =>
  s == null || s === '' ? undefined : s.length > n ? `${s.slice(0, n - 1)}…` : s;

/**
 * A record's fact, checked by the same rules as every other writer; a problem names the list column
 * it came from. Entities are marked 'fill' and keep `externalId` (the list's own id for them).
 */
export function listFact(
  type: FactType,
  record: Record<string, unknown>,
  source: SourceValue,
  externalId?: string,
  columnOf: Record<string, string> = {},
): Fact {
  let fact: Fact;
  try {
    fact = validateFact(type, { ...record, sources: [source.url] });
  } catch (error) {
    if (error instanceof FactProblem) {
      const root = error.field.split(/[.[]/)[0];
      throw new FactProblem(columnOf[root] ?? error.field, error.problem);
    }
    throw error;
  }
  if (fact.type === 'source' || fact.type === 'country' || fact.type === 'tactic') return fact; // facts without evidence
  fact.mode = 'fill';
  if (externalId && (fact.type === 'vessel' || fact.type === 'company' || fact.type === 'person'))
    fact.externalId = externalId;
  return fact;
}

/** The Source fact a list's facts cite (written first). */
export function sourceFact(source: SourceValue): Fact {
  return { type: 'source', source };
}

/** Programmes to keep: a comma-separated list, or "all". */
export function parsePrograms(text: string | undefined, defaults: readonly string[]): Set<string> | 'all' {
  if (text == null || text.trim() === '') return new Set(defaults);
  if (text.trim().toLowerCase() === 'all') return 'all';
  const list = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (list.length === 0) throw new ListParseError('--programs needs at least one programme, or "all"');
  return new Set(list.map((p) => p.toUpperCase()));
}

/** A snapshot day written in the file name ("ofac-sdn-2024-05-03.csv"), if any. */
export function snapshotFromName(file: string): string | null {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(file.split(/[\\/]/).pop() ?? '');
  return m ? m[1] : null;
}
