/**
 * After the work bound (workBound.ts): the answer completed from the best pending routes.
 *
 * When the exact walk stops at its bound it has the exact best routes found so far (popped in rank
 * order) and a queue of pending partial routes, best first. Each of the best pending routes is grown
 * greedily — by its best continuation, hop after hop — until it is an answer (it cannot go on, or has
 * `maxHops` legs). That costs a hop per route, not a tree, and gives real routes under the same rules
 * (each scored like any other), though not necessarily the next best ones. They are ranked among
 * themselves (rank.ts) and come after the exact ones: a pending route bounds every route it grows
 * into, and every exact answer ranked above every pending route when it was taken.
 *
 * Bounded too: at most `maxDives` pending routes are grown, through at most `maxRounds` more provider
 * rounds (one statement each, for the legs the dives reach that the walk never expanded).
 */
import { Heap } from 'heap-js';
import { compareWalked } from './rank';
import { grow, PendingRoute, Taker, WalkedRoute } from './walk';
import { Known, want, wanted } from './known';
import { WorkMeter } from './workBound';

export interface Completion<L> {
  heap: Heap<PendingRoute<L>>;
  known: Known<L>;
  minScore?: number | null;
  take: Taker<L>;
  meter: WorkMeter;
  /** Most pending routes grown (default: four per answer still wanted, at least 64). */
  maxDives: number;
  /** Most provider rounds (default: maxHops). */
  maxRounds: number;
}

/** Grows a route by its best continuation over the known legs until it is an answer or meets a leg not yet fetched. */
async function dive<L>(
  p: PendingRoute<L>,
  known: Known<L>,
  meter: WorkMeter,
): Promise<{ done: WalkedRoute<L> } | { at: PendingRoute<L>; fetch: 'expand' | 'open' | 'probe' } | { none: true }> {
  let route = p;
  for (;;) {
    await meter.breathe();
    const step = known.step(route);
    if ('fetch' in step) return { at: route, fetch: step.fetch };
    if ('answer' in step) return { done: step.answer };
    // the continuation that ranks first (rank.ts: the same prefix, so score, then the leg id); an opened
    // leg with no eager continuation is expanded in full (a placeholder with nothing left: no route)
    const next = step.grow;
    if (next.length === 0) {
      if (step.rest) return { at: { ...route, rest: true }, fetch: 'expand' };
      return { none: true };
    }
    let best = next[0];
    let bestScore = -1;
    for (const c of next) {
      const score = Math.min(route.minLeg, c.legConfidence) * (route.product * c.factor); // as grow() computes it
      if (score > bestScore || (score === bestScore && c.legId < best.legId)) {
        best = c;
        bestScore = score;
      }
    }
    route = grow(route, best);
  }
}

/** The routes that complete the answer, in rank order (already offered to `take`). */
export async function completeFromPending<L>(o: Completion<L>): Promise<WalkedRoute<L>[]> {
  let dives: PendingRoute<L>[] = [];
  while (dives.length < o.maxDives && o.heap.length > 0) {
    const p = o.heap.pop()!;
    if (o.minScore != null && p.score < o.minScore) break;
    // the stand-in for start legs not read (walk.ts): no route of its own
    if (p.more) continue;
    dives.push(p);
  }
  const finished: WalkedRoute<L>[] = [];
  for (let round = 0; dives.length > 0; round++) {
    const waiting: PendingRoute<L>[] = [];
    const w = wanted();
    for (const p of dives) {
      const d = await dive(p, o.known, o.meter);
      if ('none' in d) continue;
      if ('done' in d) {
        if (o.minScore == null || d.done.score >= o.minScore) finished.push(d.done);
      } else {
        waiting.push(d.at);
        want(w, d.fetch, d.at);
      }
    }
    if (waiting.length === 0 || round >= o.maxRounds) break;
    await o.meter.away(() => o.known.fetch(w));
    dives = waiting;
  }
  finished.sort(compareWalked);
  return finished.filter((r) => !o.take.full() && o.take.offer(r));
}
