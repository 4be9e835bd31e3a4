/**
 * The W3C Entity Reconciliation API (the protocol OpenRefine speaks), as far as Collier answers it:
 * the service manifest, reading a batch of reconciliation queries into screening queries, and
 * shaping screening candidates as reconciliation candidates. Pure: no I/O.
 * Specification: https://www.w3.org/community/reports/reconciliation/CG-FINAL-specs-0.2-20230410/
 */
import { ScreenKind } from './screenNames';
import { ScreenQueryFields, MAX_SCREEN_LIMIT, MAX_SCREEN_QUERIES } from './screenQuery';

export const RECONCILE_TYPES: { id: string; name: string; kind: ScreenKind }[] = [
  { id: 'Vessel', name: 'Vessel', kind: 'VESSEL' },
  { id: 'Company', name: 'Company', kind: 'COMPANY' },
  { id: 'Person', name: 'Person', kind: 'PERSON' },
  { id: 'Port', name: 'Port', kind: 'PORT' },
];

/** Reconciliation properties and the screening field each one fills. */
export const RECONCILE_PROPERTIES: { id: string; name: string; field: keyof ScreenQueryFields }[] = [
  { id: 'IMO', name: 'IMO number (ship, or company with type Company)', field: 'imo' },
  { id: 'MMSI', name: 'MMSI', field: 'mmsi' },
  { id: 'flag', name: 'Flag (ISO code or country name)', field: 'flag' },
  { id: 'country', name: 'Country (ISO code or country name)', field: 'country' },
  { id: 'callSign', name: 'Call sign', field: 'callSign' },
  { id: 'owner', name: 'Owner, manager or operator', field: 'owner' },
  { id: 'birthDate', name: 'Birth date', field: 'birthDate' },
];

/** Candidates below this are not offered (OpenRefine shows them for a person to choose; lower is noise). */
export const RECONCILE_THRESHOLD = 0.5;
export const RECONCILE_DEFAULT_LIMIT = 5;
/** A top candidate at or over this, with no runner-up within MATCH_MARGIN, is reported as `match: true`. */
export const MATCH_SCORE = 0.95;
export const MATCH_MARGIN = 0.1;

export function reconcileManifest() {
  return {
    versions: ['0.2'],
    name: 'Collier screening (vessels, companies, persons, ports)',
    identifierSpace: 'urn:collier:id',
    schemaSpace: 'urn:collier:schema',
    defaultTypes: RECONCILE_TYPES.map(({ id, name }) => ({ id, name })),
    batchSize: 50,
    documentation: 'docs/screening.md in the Collier repository',
  };
}

export class ReconcileInputError extends Error {}

/** A string, number or boolean as text; anything else (an object, a list) is not a value here. */
function scalarText(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new ReconcileInputError(`${what} must be a string`);
}

interface RawQuery {
  query?: unknown;
  type?: unknown;
  limit?: unknown;
  properties?: unknown;
  type_strict?: unknown;
}

export interface ReconcileQuery {
  key: string;
  fields: ScreenQueryFields;
  limit: number;
}

function typeKind(type: unknown): ScreenKind | null {
  const first: unknown = Array.isArray(type) ? type[0] : type;
  if (first == null || first === '') return null;
  const id = scalarText(first, 'type');
  const found = RECONCILE_TYPES.find((t) => t.id.toLowerCase() === id.toLowerCase());
  if (!found) {
    throw new ReconcileInputError(`unknown type "${id}": use ${RECONCILE_TYPES.map((t) => t.id).join(', ')}`);
  }
  return found.kind;
}

/** The `queries` parameter (a JSON object of named queries, or its text) as screening queries, in its order. */
export function parseReconcileQueries(raw: unknown): ReconcileQuery[] {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ReconcileInputError('"queries" is not valid JSON');
    }
  }
  if (value == null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ReconcileInputError('"queries" must be a JSON object of named queries: {"q0": {"query": "…"}}');
  }
  const entries = Object.entries(value as Record<string, RawQuery>);
  if (entries.length > MAX_SCREEN_QUERIES) {
    throw new ReconcileInputError(`at most ${MAX_SCREEN_QUERIES} queries a request (got ${entries.length})`);
  }
  return entries.map(([key, q]) => {
    if (q == null || typeof q !== 'object') throw new ReconcileInputError(`query "${key}" must be an object`);
    const fields: ScreenQueryFields = { kind: typeKind(q.type) };
    if (q.query != null) fields.name = scalarText(q.query, `query "${key}": query`);
    if (Array.isArray(q.properties)) {
      for (const p of q.properties as { pid?: unknown; p?: unknown; v?: unknown }[]) {
        const pid = scalarText(p?.pid ?? p?.p ?? '', `query "${key}": a property's pid`);
        const prop = RECONCILE_PROPERTIES.find((x) => x.id.toLowerCase() === pid.toLowerCase());
        if (!prop) throw new ReconcileInputError(`query "${key}": unknown property "${pid}"`);
        const v: unknown = Array.isArray(p.v) ? (p.v as unknown[])[0] : p.v;
        const value: unknown = v != null && typeof v === 'object' ? (v as { id?: unknown }).id : v;
        if (value != null) (fields as Record<string, unknown>)[prop.field] = scalarText(value, `property ${pid}`);
      }
    }
    let limit = RECONCILE_DEFAULT_LIMIT;
    if (q.limit != null) {
      const n = Number(q.limit);
      if (!Number.isInteger(n) || n < 1)
        throw new ReconcileInputError(`query "${key}": limit must be a positive integer`);
      limit = Math.min(n, MAX_SCREEN_LIMIT);
    }
    return { key, fields, limit };
  });
}

export interface ReconcileCandidate {
  id: string;
  name: string;
  score: number;
  match: boolean;
  type: { id: string; name: string }[];
  description?: string;
}

/** One query's screening candidates as reconciliation candidates; scores on the 0–100 scale OpenRefine shows. */
export function toReconcileCandidates(
  candidates: { id: string; score: number; matchedName: string | null; entity: Record<string, unknown> }[],
  kindOf: (id: string) => ScreenKind | null,
): ReconcileCandidate[] {
  return candidates.map((c, i) => {
    const kind = kindOf(c.id);
    const type = RECONCILE_TYPES.find((t) => t.kind === kind);
    const name = typeof c.entity.name === 'string' ? c.entity.name : (c.matchedName ?? c.id);
    const runnerUp = candidates[i + 1]?.score ?? 0;
    return {
      id: c.id,
      name,
      score: Math.round(c.score * 1000) / 10,
      match: i === 0 && c.score >= MATCH_SCORE && c.score - runnerUp >= MATCH_MARGIN,
      type: type ? [{ id: type.id, name: type.name }] : [],
      ...(c.matchedName != null && c.matchedName !== name ? { description: `matched "${c.matchedName}"` } : {}),
    };
  });
}
