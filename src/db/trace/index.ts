/**
 * The trace engine (docs/trace-engine.md): where cargo from a port went (`trace` forward), where cargo
 * landed at a port came from (`trace` backward), and where it ended up in sum (`traceDestinations`).
 *
 * - documented.ts, documentedBatch.ts: the stored documented links (`NEXT`) and the departure index
 *   keys, kept exact with every write;
 * - candidates.ts: what may follow a batch of legs (one statement per round), weighed by the link rule (weigh.ts);
 * - known.ts: what a walk knows of the legs it met (expanded, opened, probed);
 * - walk.ts: the exact best-first top-k search, and the exhaustive enumeration;
 * - rank.ts: the order of routes; statements.ts: shared Cypher; the answers are shaped by domain/trace/shape.ts.
 */
import { Database, Params, StatementCounter } from '../database';
import { compactCypher } from '../cypherText';
import { NodeRecord, toRecord } from '../records';
import { neoDate } from '../write/graphWriter';
import { CypherCandidates, DEEP_FROM, DEEP_LEGS, DeeperRow } from './candidates';
import { bestFirst, WalkedRoute } from './walk';
import { enumerateAll, enumeratedDestinations } from './enumerate';
import { FollowerRow, FoundLink } from './candidates';
import {
  DESTINATION_ROUTE_CAP,
  DestinationGroupRecord,
  LegView,
  PATH_CAP,
  RouteDetail,
  SHOWN_LEGS,
  RouteRecord,
  TraceQuery,
  TraceResult,
} from './records';
import { legBrief, LegBriefRow, LegRankRow, START, startExpanding } from './statements';
import { deeperGate, deeperReturn, levelExpansion, PortCall, startExpansionParams } from './seek';
import { int } from 'neo4j-driver';
import { completeShown, readShown, ShownRead, shownOf } from './shown';
import { finalPlace, routeDetail as shapeRouteDetail, summarizeRoute } from '../../domain/trace/shape';
import { MassLeg, propagate } from './propagate';
import { roundConfidence } from '../../domain/routeConfidence';
import { WorkLimit } from './workBound';
import { decidedStarts, onwardParams, openedStarts, OpenedRows } from './onward';
import { firstStartBatch, moreStarts, NextRow, startLegs } from './startOrder';

/** The most legs one round of a ranked walk reads (its look-ahead fills it with a whole hop). */
const ROUND_LEGS = 5000;
/**
 * How a ranked walk of `limit` answers paces its rounds (walk.ts `firstBatch`, known.ts `partialFrom`):
 * its first round reads at most `ROUND_PER_ANSWER × limit` legs (then twice as many each round), and,
 * from a large anchor (below), a round with more than `OPEN_PER_ANSWER × limit` legs to expand only
 * opens them (documented links and a probe; the inferred links when the walk reaches them). From an
 * anchor with thousands of legs whose best routes end at once (L: 2,753 legs, the top 50 single legs),
 * the walk reads the legs it needs.
 */
const ROUND_PER_ANSWER = 8;
const OPEN_PER_ANSWER = 2;
/**
 * Opening pays where most legs opened are never expanded: from an anchor with many more legs than
 * answers wanted (L: 2,753 start legs, the top 50 the earliest dead ends). From a small anchor the
 * rounds are expanded at once: at S (36 start legs, maxHops 4) a round of 248 legs at the third hop
 * was opened and then 230 of them expanded, a statement more and those legs read twice.
 */
const OPEN_FROM_STARTS_PER_ANSWER = 4;
const pacing = (limit: number, starts: number) => ({
  batch: ROUND_LEGS,
  firstBatch: Math.max(256, ROUND_PER_ANSWER * limit),
  partialFrom: starts > OPEN_FROM_STARTS_PER_ANSWER * limit ? Math.max(64, OPEN_PER_ANSWER * limit) : Infinity,
});
const MAX_INT = 2 ** 31 - 1;

export * from './records';
export { DEFAULT_WORK_BOUND, WorkBound, WorkLimit } from './workBound';
export { rankRoutes } from './rank';
export { LEG_VIEWS_BY_ID } from './statements';
export { maintainNextLinks, maintainNextLinksIn, computeNextLinks, NextLink } from './documented';

/** The legs, steps and graph of a shown route, from the views of its legs (in route order; domain/trace/shape.ts). */
export function routeDetail(route: RouteRecord, views: LegView[]): RouteDetail {
  return shapeRouteDetail(
    route,
    views,
    views.map((v) => toRecord('Leg', v.props)),
  );
}

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

/**
 * Forwards, an anchor with at most this many legs has them expanded by the start statement itself (one
 * round trip fewer: the demo graph's traces); more, and the walk decides which to read (`pacing`).
 * With them the hop after them (at most DEEP_LEGS legs), and from an anchor with at most DEEP_FROM legs
 * the third and fourth hops too while each holds at most DEEP_LEGS (`maxHops` 4, the default, from the
 * demo graph's origins: the whole walk in one statement).
 */
const EAGER_START = 64;
const START_FORWARD = compactCypher(
  startExpanding(
    [
      levelExpansion('eager', '', 'next'),
      deeperGate('', 'true'),
      levelExpansion('deeper', '2', 'next3'),
      deeperGate('3', '$maxHops >= 3 AND size(eager) <= $deepFrom'),
      levelExpansion('deeper3', '3', 'next4'),
      deeperGate('4', '$maxHops >= 4 AND size(eager) <= $deepFrom'),
      levelExpansion('deeper4', '4'),
    ].join('\n'),
    [2, 3, 4].map((n) => deeperReturn(n, false)).join(', '),
    'linked + called + linked2 + called2 + linked3 + called3 + linked4 + called4',
  ),
);
/**
 * Forwards, ranked, from an anchor the start statement does not expand: it reads what the client is shown
 * of the first `limit` dead ends in rank order (statements.ts startExpanding `$showDead`): at L those are
 * the answer, and the trace is one statement.
 */
const showDead = (q: TraceQuery) => (q.show && q.best && q.onward !== false ? q.best.limit : 0);

/** The legs of those dead ends: the first start legs GOES_ON answers false for, in the order read. */
const shownDead = (q: TraceQuery, ranks: LegRankRow[] = []) =>
  ranks
    .filter((r) => r[3] === false)
    .slice(0, showDead(q))
    .map((r) => r[0]);

/** The hops after the second that the start statement may expand (START_FORWARD: `deeperIds3` …). */
const START_LEVELS = [3, 4];

/** The anchor and the walk's inputs; null when the place names no port. */
async function begin(db: Database, q: TraceQuery, counter?: StatementCounter) {
  const forward = q.direction === 'FORWARD';
  const rows = await db.read<
    {
      anchor: Record<string, unknown> | null;
      legs: LegBriefRow[];
      ranks?: LegRankRow[];
      expanded?: boolean;
      links?: FollowerRow[];
      calls?: PortCall[];
      found?: LegBriefRow[];
      deeperIds?: string[];
      [deeper: `${'deeperIds' | 'links' | 'calls'}${number}`]: unknown;
      views?: [string, LegView][];
      nodes?: Record<string, unknown>[];
      deadBriefs?: LegBriefRow[];
      next?: NextRow[];
    } & OpenedRows
  >(
    forward ? START_FORWARD : START[q.direction],
    forward
      ? {
          ...startParams(q),
          ...startExpansionParams(q.maxWaitDays),
          eagerStart: int(q.eagerStart ?? EAGER_START),
          deep: int(DEEP_LEGS),
          deepFrom: int(DEEP_FROM),
          briefed: [],
          // a ranked walk briefs the start legs it reaches; the others read every leg
          briefStarts: q.best == null,
          show: int(q.show ? Math.max(SHOWN_LEGS, showDead(q)) : 0),
          showMet: int(SHOWN_LEGS),
          showDead: int(showDead(q)),
          shown: q.show ?? { views: false, places: false, vessels: false },
          maxHops: int(q.maxHops),
          ...onwardParams(q),
          startBatch: int(firstStartBatch(q, q.eagerStart ?? EAGER_START)),
        }
      : startParams(q),
    counter,
  );
  if (rows.length === 0 || rows[0].anchor == null) return null;
  const candidates = new CypherCandidates(db, q.maxWaitDays, counter);
  const row = rows[0];
  candidates.remember(row.legs);
  if (row.expanded) {
    // the briefs of the legs every level met, in one list (statements.ts startExpanding `found`; none per level)
    candidates.remember(row.found!);
    await candidates.absorb(
      row.legs.map((l) => l[0]),
      [],
      { links: row.links!, calls: row.calls! },
    );
    for (const n of [2, ...START_LEVELS])
      await candidates.absorbDeeper({
        deeperIds: row[`deeperIds${n === 2 ? '' : n}`],
        links2: row[`links${n}`],
        calls2: row[`calls${n}`],
        found2: [],
      } as DeeperRow);
  }
  // the tie-break day: when the leg at the anchor left (rank.ts)
  const starts = row.ranks
    ? startLegs(row.ranks)
    : row.legs.map(legBrief).map((l) => ({ legId: l.id, legConfidence: l.confidence ?? 0, day: l.departureFrom }));
  const decided = decidedStarts(row, candidates);
  const opened = await openedStarts(row, candidates);
  // forwards, the start legs after the first batch in rank order (startOrder.ts): read when the walk reaches them
  const anchorId = String(row.anchor!.id);
  const first = firstStartBatch(q, q.eagerStart ?? EAGER_START);
  const more = forward ? moreStarts(db, q, anchorId, first, row.next, candidates, counter) : undefined;
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
  const anchor = toRecord('Port', row.anchor!);
  // the legs the start statement read for the client: those it met when it expanded, else its first dead ends
  const shown = readShown(row, anchor, q.show, row.expanded ? candidates.briefs.keys() : shownDead(q, row.ranks));
  // what the client is shown of these routes: read by the start statement, else by one statement now
  const showing = (routes: RouteRecord[], show = q.show) =>
    completeShown(db, shown, routes, show, q.direction, counter).then((read: ShownRead) => shownOf(read, routes));
  return { anchor, candidates, starts, more, decided, opened, accept, shaped, showing };
}

type Begun = NonNullable<Awaited<ReturnType<typeof begin>>>;

/** The walk of a trace from where it starts: ranked (best-first) or every route (enumerated, up to `cap`). */
async function walkFrom(b: Begun, q: TraceQuery, cap: number): Promise<TraceResult> {
  const provider = b.candidates.provider(q.direction);
  const result = q.best
    ? await bestFirst(provider, {
        starts: b.starts,
        maxHops: q.maxHops,
        limit: q.best.limit,
        minScore: q.best.minConfidence,
        accept: b.accept,
        // the most legs a round reads; the walk's look-ahead fills it with a whole hop (docs/trace-engine.md)
        // (start legs not read yet: more than the first batch, itself more than pacing's bound)
        ...pacing(q.best.limit, b.more ? Infinity : b.starts.length),
        ...q.pacing,
        work: q.work,
        decided: b.decided,
        opened: b.opened,
        more: b.more,
      })
    : await enumerateAll(provider, { starts: b.starts, maxHops: q.maxHops, accept: b.accept, cap });
  const routes = result.routes.map((w) => b.shaped.get(w)!);
  return {
    anchor: b.anchor,
    routes,
    capped: result.capped,
    workLimit: result.workLimit,
    ...(await b.showing(routes, q.show)),
    rounds: b.candidates.statements,
  };
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
  return b ? walkFrom(b, q, cap) : null;
}

type Destinations = {
  groups: DestinationGroupRecord[];
  capped: boolean;
  workLimit?: WorkLimit | null;
  legViews: LegView[];
  nodes: NodeRecord[];
};

/**
 * Where the cargo from a place went, summed up per final country or port by propagation of mass over
 * the same walk (propagate.ts: every route counted, none enumerated, no cap), each group with its share
 * of the summed route confidence (`likelihood`: 300 faint routes to one port add up) and its best
 * `perGroup` routes (one best-first walk with a quota per group). When the links reached form a cycle
 * (vague dates), the routes are enumerated instead (up to DESTINATION_ROUTE_CAP).
 */
export async function traceDestinations(
  db: Database,
  q: TraceQuery,
  groupBy: 'COUNTRY' | 'PORT',
  perGroup: number,
  counter?: StatementCounter,
): Promise<Destinations | null> {
  const b = await begin(db, { ...q, best: undefined }, counter);
  if (!b) return null;
  const brief = (id: string) => b.candidates.briefs.get(id)!;
  const placeOf = (id: string) => {
    const f = finalPlace(brief(id));
    return f == null ? null : groupBy === 'COUNTRY' ? f.countryCode : f.portId;
  };
  const mass = await propagate(b.candidates.provider('FORWARD'), {
    starts: b.starts,
    maxHops: q.maxHops,
    leg: (id): MassLeg => {
      const l = brief(id);
      const tonnage = l.tonnageMin != null || l.tonnageMax != null;
      return {
        place: placeOf(id),
        vesselId: l.vesselId || null,
        firstDay: l.departureFrom ?? null,
        lastDay: l.arrivalTo ?? null,
        tonnage: tonnage ? { low: l.tonnageMin ?? l.tonnageMax, high: l.tonnageMax ?? l.tonnageMin } : null,
      };
    },
  });
  if (mass.cyclic) {
    // every route enumerated; only the groups' best are shown
    const all = await walkFrom(b, { ...q, best: undefined, show: undefined }, DESTINATION_ROUTE_CAP);
    const groups = enumeratedDestinations(all, groupBy, perGroup);
    return { groups, capped: all.capped, ...(await b.showing(groups.flatMap((g) => g.routes))) };
  }
  const places = [...mass.places.values()].sort(
    (a, c) => c.routes - a.routes || (a.place < c.place ? -1 : a.place > c.place ? 1 : 0),
  );
  // each group's best routes: one best-first walk that keeps `perGroup` answers per place
  const best = new Map<string, RouteRecord[]>(places.map((p) => [p.place, []]));
  let capped = mass.capped;
  let workLimit: WorkLimit | null | undefined = null;
  if (perGroup > 0 && places.length > 0) {
    const walk = await bestFirst(b.candidates.provider('FORWARD'), {
      starts: b.starts,
      maxHops: q.maxHops,
      limit: perGroup * places.length,
      accept: b.accept,
      quota: { of: (w) => placeOf(w.legIds[w.legIds.length - 1]), each: perGroup, keys: places.length },
      ...pacing(perGroup * places.length, b.starts.length),
      ...q.pacing,
      work: q.work,
    });
    capped ||= walk.capped;
    workLimit = walk.workLimit;
    for (const w of walk.routes) best.get(placeOf(w.legIds[w.legIds.length - 1])!)?.push(b.shaped.get(w)!);
  }
  const total = places.reduce((s, p) => s + p.mass, 0);
  const sum = (xs: (number | null)[]) => {
    const known = xs.filter((x): x is number => x != null);
    return known.length ? known.reduce((a, c) => a + c, 0) : null;
  };
  const groups = places.map((p) => {
    const finals = [...p.finalLegs.values()];
    const anyFinal = brief(p.finalLegs.keys().next().value as string);
    return {
      key: p.place,
      countryCode: groupBy === 'COUNTRY' ? p.place : finalPlace(anyFinal)!.countryCode,
      // a GraphQL Int: a count beyond it is shown as its largest value
      routeCount: Math.min(p.routes, MAX_INT),
      bestConfidence: roundConfidence(p.bestScore),
      likelihood: total > 0 ? Math.round((p.mass / total) * 1000) / 1000 : 0,
      firstDate: p.firstDay,
      lastDate: p.lastDay,
      tonnage: { min: sum(finals.map((f) => f.low)), max: sum(finals.map((f) => f.high)) },
      vesselIds: [...p.vesselIds].sort(),
      routes: best.get(p.place)!,
    };
  });
  return { groups, capped, workLimit, ...(await b.showing(groups.flatMap((g) => g.routes))) };
}
