/**
 * The exhaustive enumeration of a trace's answer routes: the reference the best-first walk (walk.ts) is
 * tested against, and the walk of `destinations`, which sums every route. Pure (no Cypher).
 */
import { traceWalked } from '../observe/events';
import { groupDestinations } from '../../domain/destinations';
import { compareWalked, rankRoutes } from './rank';
import { DestinationGroupRecord, TraceResult } from './records';
import {
  Continuation,
  ContinuationProvider,
  grow,
  PendingRoute,
  startPartial,
  walked,
  WalkedRoute,
  WalkOptions,
  WalkResult,
} from './walk';

/**
 * Every answer route (the same definition as `bestFirst`), hop by hop, one provider call per hop, at
 * most `cap` routes (then `capped`), in the order of `compareWalked`. The reference for the property
 * test, and the walk of `destinations`, which sums every route.
 */
export async function enumerateAll<L>(
  provider: ContinuationProvider<L>,
  o: Pick<WalkOptions<L>, 'starts' | 'maxHops' | 'accept'> & { cap: number },
): Promise<WalkResult<L>> {
  const accept = o.accept ?? (() => true);
  const known = new Map<string, Continuation<L>[]>();
  let frontier = o.starts.map((s) => startPartial<L>(s));
  const routes: WalkedRoute<L>[] = [];
  let rounds = 0;
  let walkedCount = 0;
  let capped = false;
  let cut = false;
  while (frontier.length > 0 && !capped) {
    // best first within each hop, so that a cap keeps the strongest routes
    frontier.sort(compareWalked);
    const want = [...new Set(frontier.map((p) => p.legIds[p.legIds.length - 1]))].filter((l) => !known.has(l));
    if (want.length > 0) {
      const found = await provider.expand(want);
      for (const l of want) known.set(l, found.get(l) ?? []);
      rounds++;
    }
    const grown: PendingRoute<L>[] = [];
    for (const p of frontier) {
      const onRoute = new Set(p.legIds);
      const next = known.get(p.legIds[p.legIds.length - 1])!.filter((c) => !onRoute.has(c.legId));
      if (next.length === 0 || p.legIds.length >= o.maxHops) {
        if (walkedCount >= o.cap) {
          capped = true;
          break;
        }
        walkedCount++;
        const r = walked(p, next.length > 0);
        if (accept(r)) routes.push(r);
      } else for (const c of next) grown.push(grow(p, c));
    }
    // a frontier far beyond the cap is cut to its best part (and the walk says it was capped)
    if (grown.length > o.cap * 10) {
      grown.sort(compareWalked);
      grown.length = o.cap * 10;
      cut = true;
    }
    frontier = grown;
  }
  routes.sort(compareWalked);
  traceWalked({ kind: 'enumerate', expanded: known.size, rounds, routes: routes.length, capped: capped || cut });
  return { routes, capped: capped || cut, rounds, expanded: known.size };
}

/** Destinations from enumerated routes (domain/destinations.ts), when propagation cannot sum routes exactly. */
export function enumeratedDestinations(
  all: TraceResult,
  groupBy: 'COUNTRY' | 'PORT',
  perGroup: number,
): DestinationGroupRecord[] {
  const total = all.routes.reduce((s, r) => s + r.score, 0);
  return groupDestinations(
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
}
