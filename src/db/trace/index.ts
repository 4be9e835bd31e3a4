/**
 * The trace engine (docs/trace-engine.md): where cargo from a port went (`trace` forward), where cargo
 * landed at a port came from (`trace` backward), and where it ended up in sum (`traceDestinations`).
 *
 * - documented.ts, documentedBatch.ts: the stored documented links (`NEXT`) and the departure index
 *   keys, kept exact with every write;
 * - candidates.ts: what may follow a batch of legs (one statement per batch), weighed by the link rule;
 * - walk.ts: the exact best-first top-k search, and the exhaustive enumeration;
 * - rank.ts: the order of routes; shape.ts: route records, steps and graphs; statements.ts: shared Cypher.
 */
import { Database, Params, StatementCounter } from '../database';
import { toRecord } from '../records';
import { neoDate } from '../graphWriter';
import { groupDestinations } from '../../domain/destinations';
import { CypherCandidates } from './candidates';
import { bestFirst, enumerateAll, WalkedRoute } from './walk';
import { FoundLink } from './candidates';
import {
  DESTINATION_ROUTE_CAP,
  DestinationGroupRecord,
  LegBrief,
  LegView,
  PATH_CAP,
  RouteRecord,
  TraceQuery,
  TraceResult,
} from './records';
import { START } from './statements';
import { rankRoutes } from './rank';
import { summarizeRoute } from './shape';

export * from './records';
export { rankRoutes } from './rank';
export { routeDetail } from './shape';
export { LEG_VIEWS_BY_ID } from './statements';
export { maintainNextLinks, maintainNextLinksIn, computeNextLinks, NextLink } from './documented';

function startParams(q: TraceQuery): Params {
  return {
    place: q.place,
    locode: q.place.trim().toUpperCase().replace(/\s+/g, ''),
    name: q.place.trim().toLowerCase(),
    commodities: q.commodities,
    cargoOrigins: q.cargoOrigins,
    // Leg dates are stored as DATE values: a string bound would compare as null and drop every dated leg.
    windowFrom: neoDate(q.windowFrom),
    windowTo: neoDate(q.windowTo),
  };
}

/** The anchor and the walk's inputs; null when the place names no port. */
async function begin(db: Database, q: TraceQuery, counter?: StatementCounter) {
  const rows = await db.read<{ anchor: Record<string, unknown> | null; legs: LegBrief[] }>(
    START[q.direction],
    startParams(q),
    counter,
  );
  if (rows.length === 0 || rows[0].anchor == null) return null;
  const candidates = new CypherCandidates(db, q.maxWaitDays, counter);
  candidates.remember(rows[0].legs);
  // the tie-break day: when the leg at the anchor left (rank.ts)
  const starts = rows[0].legs.map((l) => ({ legId: l.id, legConfidence: l.confidence ?? 0, day: l.departureFrom }));
  const briefOf = (id: string) => candidates.briefs.get(id)!;
  // A walked route is an answer when it can be shaped (ports at both ends) and passes the filters that
  // only its far end can be checked against (destination country; backward: the cargo origin).
  const shaped = new Map<WalkedRoute<FoundLink>, RouteRecord>();
  const accept = (w: WalkedRoute<FoundLink>) => {
    const r = summarizeRoute(w, q.direction, briefOf);
    if (!r) return false;
    if (q.direction === 'BACKWARD') {
      const first = briefOf(r.legIds[0]);
      if (!q.cargoOrigins.includes(String(first.cargoOrigin))) return false;
    }
    if (q.destinationCountry != null) {
      const last = briefOf(r.legIds[r.legIds.length - 1]);
      const reaches =
        last.destinationCountryCode === q.destinationCountry ||
        last.ports.some((p) => p.direction === 'TO' && p.countryCode === q.destinationCountry);
      if (!reaches) return false;
    }
    shaped.set(w, r);
    return true;
  };
  return { anchor: toRecord('Port', rows[0].anchor), candidates, starts, accept, shaped };
}

/**
 * Runs a trace. Ranked (`q.best`): the exact best `limit` routes, best-first; otherwise every route
 * (up to PATH_CAP), in rank order. Null when the place matches no port. Statements: one to start,
 * then one per round of the walk (two walking backwards: the predecessors, then their weights).
 */
export async function trace(
  db: Database,
  q: TraceQuery,
  counter?: StatementCounter,
  cap = PATH_CAP,
): Promise<TraceResult | null> {
  const b = await begin(db, q, counter);
  if (!b) return null;
  const provider = b.candidates.provider(q.direction);
  const result = q.best
    ? await bestFirst(provider, {
        starts: b.starts,
        maxHops: q.maxHops,
        limit: q.best.limit,
        minScore: q.best.minConfidence,
        accept: b.accept,
        // every leg the best pending routes end at, up to this many, in one statement: in practice a
        // round per hop (docs/trace-engine.md)
        batch: Math.max(1000, 4 * q.best.limit),
      })
    : await enumerateAll(provider, { starts: b.starts, maxHops: q.maxHops, accept: b.accept, cap });
  return {
    anchor: b.anchor,
    routes: result.routes.map((w) => b.shaped.get(w)!),
    capped: result.capped,
    legViews: [],
    rounds: b.candidates.statements,
  };
}

/**
 * Where the cargo from a place went, summed up per final country or port: every route (up to
 * DESTINATION_ROUTE_CAP), grouped by domain/destinations.ts, each group with its share of the summed route
 * confidence (`likelihood`: 300 faint routes to one port add up) and its best `perGroup` routes.
 */
export async function traceDestinations(
  db: Database,
  q: TraceQuery,
  groupBy: 'COUNTRY' | 'PORT',
  perGroup: number,
  counter?: StatementCounter,
): Promise<{ groups: DestinationGroupRecord[]; capped: boolean; legViews: LegView[] } | null> {
  const all = await trace(db, { ...q, best: undefined }, counter, DESTINATION_ROUTE_CAP);
  if (!all) return null;
  const total = all.routes.reduce((s, r) => s + r.score, 0);
  const groups = groupDestinations(
    all.routes.map((r) => ({
      ...r,
      vesselIds: r.vesselSpans.map((s) => s.vesselId),
      finalLegId: r.legIds[r.legIds.length - 1],
    })),
    groupBy,
  ).map((g) => ({
    key: g.key,
    countryCode: g.routes[0].finalCountryCode,
    routeCount: g.routes.length,
    bestConfidence: g.bestConfidence,
    likelihood: total > 0 ? Math.round((g.routes.reduce((s, r) => s + r.score, 0) / total) * 1000) / 1000 : 0,
    firstDate: g.firstDate,
    lastDate: g.lastDate,
    tonnage: g.tonnage,
    vesselIds: g.vesselIds,
    routes: rankRoutes(g.routes, perGroup),
  }));
  return { groups, capped: all.capped, legViews: [] };
}
