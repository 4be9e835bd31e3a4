/**
 * Investigations, the pure part: the limits of an investigation and its items, the checks of their
 * inputs (each problem names its field), and a trace's answer fingerprint — what "the answer changed
 * since it was saved" compares.
 */
import { createHash } from 'node:crypto';

export const MAX_TITLE_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 5000;
export const MAX_NOTE_LENGTH = 5000;
export const MAX_INVESTIGATION_ITEMS = 500;
export const MAX_QUERY_TEXT = 20_000;
export const MAX_QUERY_VARIABLES = 10_000;

/** Ids of investigations and their items: a prefix and a UUID. */
export const INVESTIGATION_ID = /^investigation:[0-9a-f-]{36}$/;
export const ITEM_ID = /^invitem:[0-9a-f-]{36}$/;

/** What identifies an investigation and says who made it and when (stored, listed and reported). */
export interface InvestigationHeader {
  id: string;
  title: string;
  summary: string | null;
  owner: string;
  createdAt: string;
  updatedAt: string;
}

/** A problem with one field of an input (the resolver reports it as BAD_USER_INPUT naming the field). */
export class InvestigationInputProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'InvestigationInputProblem';
  }
}

function fail(field: string, problem: string): never {
  throw new InvestigationInputProblem(field, problem);
}

/** A required text: trimmed, 1 to `max` characters. */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const t = (value ?? '').trim();
  if (t === '') fail(field, 'must not be empty');
  if (t.length > max) fail(field, `must be at most ${max} characters (got ${t.length})`);
  return t;
}

/** An optional text: trimmed; null, undefined and "" give null. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const t = (value ?? '').trim();
  if (t.length > max) fail(field, `must be at most ${max} characters (got ${t.length})`);
  return t === '' ? null : t;
}

export type ItemKind = 'ENTITY' | 'TRACE' | 'QUERY';

/** Which one thing an item input keeps; more or fewer than one is a problem of `item`. */
export function itemKindOf(item: { entityId?: unknown; trace?: unknown; query?: unknown }, field = 'item'): ItemKind {
  const given = (
    [
      ['ENTITY', item.entityId],
      ['TRACE', item.trace],
      ['QUERY', item.query],
    ] as const
  ).filter(([, v]) => v != null);
  if (given.length !== 1)
    fail(
      field,
      `must give exactly one of entityId, trace and query (got ${given.length === 0 ? 'none' : given.map(([k]) => k.toLowerCase()).join(' and ')})`,
    );
  return given[0][0];
}

/** A saved query's variables: a JSON object text (or nothing), stored as its canonical JSON. */
export function queryVariables(field: string, text: string | null | undefined): string | null {
  if (text == null || text.trim() === '') return null;
  if (text.length > MAX_QUERY_VARIABLES)
    fail(field, `must be at most ${MAX_QUERY_VARIABLES} characters (got ${text.length})`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(field, 'is not JSON text (give an object such as {"origin":"Nampho"})');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(field, 'must be a JSON object (variable name → value)');
  return JSON.stringify(value);
}

/** What a trace answered, as much as its fingerprint needs. */
export interface TraceAnswer {
  routeIds: string[];
  confidences: number[];
}

/**
 * The fingerprint of a trace's answer: SHA-256 over its routes in rank order, each id with its
 * confidence rounded to 4 decimals (a new fact that changes a confidence changes the answer; float
 * noise does not).
 */
export function traceFingerprint(a: TraceAnswer): string {
  const lines = a.routeIds.map((id, i) => `${id}@${(a.confidences[i] ?? 0).toFixed(4)}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Routes in `now` not in `saved`, and routes in `saved` not in `now`, each in its list's order. */
export function routeDiff(saved: string[], now: string[]): { added: string[]; removed: string[] } {
  const s = new Set(saved);
  const n = new Set(now);
  return { added: now.filter((id) => !s.has(id)), removed: saved.filter((id) => !n.has(id)) };
}
