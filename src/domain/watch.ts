/**
 * Watchlists: what a watchlist watches, which changes touch it, and the alerts a write produces. Pure:
 * the write path (db/watch/alerts.ts) describes each change it committed as a `ChangeFacts`, asks the
 * graph which watchlists watch the keys those changes touch (one indexed lookup), and this module
 * turns the answer into one alert per watchlist and fact.
 *
 * The rule, in full:
 * - an ENTITY (vessel, company, person) is touched by every change that names it: its own record, and
 *   any fact about it (a leg on it, a transfer from or to it, a claim, a relation, a designation), also
 *   when a correction moves the fact away from it;
 * - a PORT is touched by a new leg from or to it (created, or corrected so that it now calls there)
 *   and by a new transfer there;
 * - a destination COUNTRY is touched by a new leg (created, or corrected in its ports or destination)
 *   that carries DPRK cargo — it departs from a port in North Korea (KP), or its cargo origin is DPRK —
 *   and ends in that country: a port of arrival in it, or the leg's stated destination country.
 * One fact touching a watchlist several ways gives one alert, of the first kind in that order.
 * A merge (`mergeEntities`) touching a watched entity or port, kept or removed, gives one alert of
 * kind MERGED (see `mergeChanges`).
 */
import { isValidCountryCode, normalizeCountryCode } from './identifiers';
import { labelOfId, NodeLabel } from './ids';

export type AlertKind = 'ENTITY' | 'PORT' | 'COUNTRY' | 'MERGED' | 'RISK';
const KIND_ORDER: readonly AlertKind[] = ['ENTITY', 'PORT', 'COUNTRY'];

/** The labels `entityIds` may name. */
export const WATCHABLE_LABELS: readonly NodeLabel[] = ['Vessel', 'Company', 'Person'];
export const DPRK = 'KP';

/** Limits of one watchlist. */
export const WATCHLIST_LIMITS = { name: 200, note: 2000, list: 500 } as const;

/** The key a watched thing is stored and looked up under (a `WatchTarget` node). */
export const watchKey = {
  entity: (id: string): string => `entity|${id}`,
  port: (id: string): string => `port|${id}`,
  country: (code: string): string => `country|${code}`,
};

/** What a watchlist watches. */
export interface WatchSpec {
  entityIds: string[];
  ports: string[];
  countries: string[];
}

/** Every key a watchlist is found under. */
export function keysOf(spec: WatchSpec): string[] {
  return [
    ...spec.entityIds.map(watchKey.entity),
    ...spec.ports.map(watchKey.port),
    ...spec.countries.map(watchKey.country),
  ];
}

/** A problem with one field of a watchlist's input (the resolver reports it as BAD_USER_INPUT). */
export class WatchInputProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'WatchInputProblem';
  }
}

export interface WatchlistInput {
  name?: string | null;
  entityIds?: string[] | null;
  ports?: string[] | null;
  countries?: string[] | null;
  minRisk?: number | null;
  note?: string | null;
}

/** The checked, normalised values of an input: a field left out stays undefined (an update keeps it). */
export interface CheckedWatchlist {
  name?: string;
  entityIds?: string[];
  ports?: string[];
  countries?: string[];
  minRisk?: number | null;
  note?: string | null;
}

function checkList(field: string, values: string[], check: (v: string, at: string) => string): string[] {
  if (values.length > WATCHLIST_LIMITS.list)
    throw new WatchInputProblem(field, `holds ${values.length} entries; at most ${WATCHLIST_LIMITS.list}`);
  return [...new Set(values.map((v, i) => check(v.trim(), `${field}[${i}]`)))];
}

/**
 * Checks an input's shape (not whether its entities exist: the database says that). `creating`
 * requires a name; every field given is checked; a watchlist must end up watching something.
 */
export function checkWatchlistInput(input: WatchlistInput, creating: boolean): CheckedWatchlist {
  const out: CheckedWatchlist = {};
  if (input.name != null || creating) {
    const name = (input.name ?? '').trim();
    if (name === '') throw new WatchInputProblem('input.name', 'must not be empty');
    if (name.length > WATCHLIST_LIMITS.name)
      throw new WatchInputProblem('input.name', `must be at most ${WATCHLIST_LIMITS.name} characters`);
    out.name = name;
  }
  if (input.entityIds != null) {
    out.entityIds = checkList('input.entityIds', input.entityIds, (id, at) => {
      const label = labelOfId(id);
      if (!label || !WATCHABLE_LABELS.includes(label))
        throw new WatchInputProblem(at, `must be the id of a vessel, company or person (got "${id}")`);
      return id;
    });
  }
  if (input.ports != null) {
    out.ports = checkList('input.ports', input.ports, (id, at) => {
      if (labelOfId(id) !== 'Port') throw new WatchInputProblem(at, `must be the id of a port (got "${id}")`);
      return id;
    });
  }
  if (input.countries != null) {
    out.countries = checkList('input.countries', input.countries, (code, at) => {
      if (!isValidCountryCode(code))
        throw new WatchInputProblem(at, `must be an ISO 3166-1 alpha-2 country code such as "CN" (got "${code}")`);
      return normalizeCountryCode(code);
    });
  }
  if (input.minRisk !== undefined) {
    if (input.minRisk != null && !(Number.isFinite(input.minRisk) && input.minRisk >= 0 && input.minRisk <= 100))
      throw new WatchInputProblem('input.minRisk', `must be a risk score from 0 to 100 (got ${input.minRisk})`);
    out.minRisk = input.minRisk;
  }
  if (input.note !== undefined) {
    const note = input.note?.trim() || null;
    if (note != null && note.length > WATCHLIST_LIMITS.note)
      throw new WatchInputProblem('input.note', `must be at most ${WATCHLIST_LIMITS.note} characters`);
    out.note = note;
  }
  return out;
}

/** A watchlist that watches nothing would never alert. */
export function watchesSomething(spec: WatchSpec): boolean {
  return spec.entityIds.length + spec.ports.length + spec.countries.length > 0;
}

/** One committed change, as much as the rule needs to know about it. */
export interface ChangeFacts {
  changeId: string;
  /** The fact of the write it belongs to (its position in the batch): one alert per watchlist and fact. */
  fact: number;
  /** The fact's id (the leg, the vessel, the relation …). */
  factId: string;
  factType: string;
  action: string;
  /** Vessels, companies and persons the change names. */
  entities: string[];
  /** Ports a new (or re-routed) leg calls at, or where a new (or moved) transfer happened. */
  newPorts: string[];
  /** For a new or re-routed leg: where it goes, and whether it carries DPRK cargo. */
  route: { fromCountries: string[]; toCountries: string[]; cargoOrigin: string | null } | null;
}

export interface Touch {
  key: string;
  kind: AlertKind;
  /** The watched thing: an entity or port id, or "country:XX". */
  watchedId: string;
}

/** The watch keys one change touches (see the rule at the top of this file). */
export function touchesOf(c: ChangeFacts): Touch[] {
  const touches: Touch[] = [];
  for (const id of new Set(c.entities)) {
    const label = labelOfId(id);
    if (label && WATCHABLE_LABELS.includes(label))
      touches.push({ key: watchKey.entity(id), kind: 'ENTITY', watchedId: id });
  }
  for (const id of new Set(c.newPorts)) touches.push({ key: watchKey.port(id), kind: 'PORT', watchedId: id });
  if (c.route && (c.route.fromCountries.includes(DPRK) || c.route.cargoOrigin === 'DPRK')) {
    for (const code of new Set(c.route.toCountries))
      touches.push({ key: watchKey.country(code), kind: 'COUNTRY', watchedId: `country:${code}` });
  }
  return touches;
}

/** An alert to store: one per watchlist and fact of a write. */
export interface PlannedAlert {
  watchlistId: string;
  kind: AlertKind;
  entityId: string;
  factId: string;
  factType: string;
  changeIds: string[];
  summary: string;
}

const KIND_WORDS: Record<AlertKind, string> = {
  ENTITY: 'watched',
  PORT: 'watched port',
  COUNTRY: 'watched country',
  MERGED: 'watched',
  RISK: 'watched',
};

/**
 * The alerts of one write. `watchers` maps a key to the watchlists that watch it (what the lookup
 * found); a fact touching one watchlist several ways gives one alert (entity before port before
 * country), listing every change id of that fact.
 */
export function planAlerts(
  changes: ChangeFacts[],
  watchers: ReadonlyMap<string, readonly string[]>,
  who: { actor: string; operation: string },
  /** Every alert of this kind (a merge's), whatever way its fact touched the watchlist. */
  kind?: AlertKind,
): PlannedAlert[] {
  const byFact = new Map<number, ChangeFacts[]>();
  for (const c of changes) byFact.set(c.fact, [...(byFact.get(c.fact) ?? []), c]);
  const alerts: PlannedAlert[] = [];
  for (const group of byFact.values()) {
    const best = new Map<string, Touch>();
    for (const c of group) {
      for (const t of touchesOf(c)) {
        for (const w of watchers.get(t.key) ?? []) {
          const had = best.get(w);
          if (!had || KIND_ORDER.indexOf(t.kind) < KIND_ORDER.indexOf(had.kind)) best.set(w, t);
        }
      }
    }
    if (best.size === 0) continue;
    const head = group[0];
    const changeIds = [...new Set(group.map((c) => c.changeId))];
    for (const [watchlistId, t] of [...best].sort(([a], [b]) => a.localeCompare(b))) {
      alerts.push({
        watchlistId,
        kind: kind ?? t.kind,
        entityId: t.watchedId,
        factId: head.factId,
        factType: head.factType,
        changeIds,
        summary: `${head.factType} ${head.factId} ${head.action.toLowerCase()} by ${who.actor} (${who.operation}): touches the ${KIND_WORDS[t.kind]} ${t.watchedId}`,
      });
    }
  }
  return alerts;
}

/**
 * A merge as the rule reads it: one fact (the kept entity) naming both sides, with the merge's audit
 * entries; a merge of ports names them as ports.
 */
export function mergeChanges(keepId: string, removeId: string, changeIds: readonly string[]): ChangeFacts[] {
  const isPort = labelOfId(keepId) === 'Port';
  return changeIds.map((changeId) => ({
    changeId,
    fact: 0,
    factId: keepId,
    factType: 'merge',
    action: 'MERGED',
    entities: isPort ? [] : [keepId, removeId],
    newPorts: isPort ? [keepId, removeId] : [],
    route: null,
  }));
}

/**
 * Risk alerts of one watched vessel a write touched: a watchlist with `minRisk` alerts when the
 * vessel's score reaches it from below, compared with the score last judged for that vessel
 * (`last`, null before the first: counted as 0).
 */
export function planRiskAlerts(
  vesselId: string,
  last: number | null,
  score: number,
  watchlists: readonly { id: string; minRisk: number }[],
  changeIds: string[],
  who: { actor: string; operation: string },
): PlannedAlert[] {
  return watchlists
    .filter((w) => (last ?? 0) < w.minRisk && score >= w.minRisk)
    .map((w) => ({
      watchlistId: w.id,
      kind: 'RISK' as const,
      entityId: vesselId,
      factId: vesselId,
      factType: 'risk',
      changeIds,
      summary: `risk of the watched ${vesselId} rose from ${last ?? 0} to ${score} (at least ${w.minRisk}) after a write by ${who.actor} (${who.operation})`,
    }))
    .sort((a, b) => a.watchlistId.localeCompare(b.watchlistId));
}

/** Every key the changes of a write touch: what the write path looks up (nothing to look up: no statement). */
export function keysTouched(changes: ChangeFacts[]): string[] {
  return [...new Set(changes.flatMap((c) => touchesOf(c).map((t) => t.key)))];
}

/** `since` of the alert lists: an alert id (strictly after it) or an ISO 8601 time (at or after it). */
export type AlertSince = { afterSeq: number; at: null } | { afterSeq: number; at: string };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const ALERT_ID = /^alert:(\d{1,15})$/;

/** Alert ids carry their place in the alert log: "alert:42" is the 42nd alert ever committed. */
export function alertId(seq: number): string {
  return `alert:${seq}`;
}

/** Parses `since`; null when it is neither an alert id nor an ISO time. */
export function parseSince(since: string | null | undefined): AlertSince | null {
  const s = since?.trim() ?? '';
  if (s === '') return { afterSeq: 0, at: null };
  const id = ALERT_ID.exec(s);
  if (id) return { afterSeq: Number(id[1]), at: null };
  if (ISO_TIME.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)))
    return { afterSeq: 0, at: s };
  return null;
}
