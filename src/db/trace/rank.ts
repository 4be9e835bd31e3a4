/**
 * The order of routes, in one place: the walk pops routes in it (walk.ts), lists are cut in it, and
 * every test compares against it.
 *
 * 1. score (the unrounded confidence), highest first;
 * 2. the day of the leg at the anchor (forward: when the first leg left; backward: when the last leg,
 *    the one that reached the destination, left), earliest first, unknown before any known day;
 * 3. the leg ids in walk order (forward: route order; backward: from the destination back), compared
 *    id by id, a route before the routes that extend it.
 *
 * Every key is fixed by the anchor leg or grows with the route, so a route never sorts after a route
 * it grows into: the property the exact best-first walk needs.
 */
export interface Rankable {
  score: number;
  day: string | null;
  legIds: string[];
}

function byIds(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

function byDay(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}

export function compareWalked(a: Rankable, b: Rankable): number {
  return b.score - a.score || byDay(a.day, b.day) || byIds(a.legIds, b.legIds);
}

/** A route record's ranking keys (route records keep their legs in route order; `walkLegIds` in walk order). */
export interface RankedRecord {
  score: number;
  rankDay: string | null;
  walkLegIds: string[];
  confidence: number;
}

const keysOf = (r: RankedRecord): Rankable => ({ score: r.score, day: r.rankDay, legIds: r.walkLegIds });

/** The best `limit` routes at least `minConfidence` confident, in rank order. */
export function rankRoutes<R extends RankedRecord>(routes: R[], limit: number, minConfidence?: number | null): R[] {
  return routes
    .filter((r) => minConfidence == null || r.score >= minConfidence)
    .sort((a, b) => compareWalked(keysOf(a), keysOf(b)))
    .slice(0, limit);
}
