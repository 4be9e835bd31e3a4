/**
 * The walk: exact best-first top-k over an abstract continuations provider (the exhaustive
 * enumeration it is tested against is enumerate.ts). Pure (no Cypher): the provider (db/trace/candidates.ts) answers,
 * for a batch of legs, what may follow each of them; here routes are grown in order of confidence.
 *
 * A route's score is its weakest leg's confidence times the factors of its links (each ≤ 1,
 * domain/routeConfidence.ts), so growing a route never raises its score: a partial route bounds every
 * route it can grow into (branch and bound). Routes come out in the order of `compareWalked` (rank.ts):
 * score descending, then the day of the leg at the anchor, then the leg ids in walk order, a prefix
 * before its extensions. A child is never ordered before its parent (same anchor leg and day, score not
 * higher, ids extend the parent's), so popping a priority queue in that order yields the answers in
 * exactly the rank order, and the first `limit` answers popped are the exact top `limit`.
 *
 * What an answer is (the same as the exhaustive enumeration): a route that cannot go on (every leg
 * that may follow its last one is already on it), or that has `maxHops` legs (then `truncated` if it
 * could go on). A route that could go on is not an answer itself: its mass is carried by the routes it
 * grows into (see docs/trace-engine.md, "a route that may as well have ended").
 *
 * Expansion is batched: each round asks the provider once for the continuations of the last legs of
 * the best pending routes (up to `batch` legs), so statements per trace follow the rounds, not the
 * routes. `maxRounds` and `maxExpanded` are safety caps; reaching one sets `capped`.
 */
import { traceWalked } from '../observe/events';
import { Heap } from 'heap-js';
import { compareWalked } from './rank';
import { UNBOUNDED, WorkBound, WorkLimit, WorkMeter } from './workBound';
import { completeFromPending } from './complete';
import { Known, PreOpened, want, wanted, Wanted } from './known';

/** A leg that may follow (or, walking backwards, precede) another, with the link between them. */
export interface Continuation<L> {
  legId: string;
  legConfidence: number;
  /** What the link multiplies the route's score by (≤ 1). */
  factor: number;
  link: L;
}

export interface StartLeg {
  legId: string;
  legConfidence: number;
  /** The tie-break day of routes starting here (the anchor leg's departure), null when unknown. */
  day: string | null;
}

export interface ContinuationProvider<L> {
  /** The continuations of each given leg (walk direction); a leg missing from the map has none. */
  expand(legIds: string[]): Promise<Map<string, Continuation<L>[]>>;
  /**
   * Optional, one round (one statement): `expand` expanded; for each of `open` its eager continuations
   * (all of them but those weighing at most `lazyBound`) and up to `need(leg)` ids of the legs that may
   * follow it; for each of `probe` only those ids (every one when fewer; never the leg itself), for legs
   * that end routes of `maxHops` legs (known.ts). A leg missing from a map has none.
   */
  round?(want: { expand: string[]; open: string[]; probe: string[]; need: (legId: string) => number }): Promise<{
    expanded: Map<string, Continuation<L>[]>;
    opened: Map<string, { eager: Continuation<L>[]; ids: string[] }>;
    probed: Map<string, string[]>;
  }>;
  /** The largest factor of a continuation that `round` may leave out of an opened leg's eager ones. */
  lazyBound?: number;
}

/** A route as the walk grows it, legs in walk order (backwards: from the anchor leg back). */
export interface WalkedRoute<L> {
  legIds: string[];
  links: L[];
  score: number;
  day: string | null;
  truncated: boolean;
}

interface Partial<L> {
  legIds: string[];
  links: L[];
  minLeg: number;
  product: number;
  score: number;
  day: string | null;
  /** A placeholder (known.ts): the continuations of this route's last leg that its eager ones left out. */
  rest?: boolean;
  /** The stand-in for the start legs not read yet (`WalkOptions.more`), keyed as the next one's 1-leg route. */
  more?: boolean;
}
/** Most pending routes grown into answers after the work bound (complete.ts). */
const MAX_DIVES = 2_000;
/** A partial route waiting in the walk's queue. */
export type PendingRoute<L> = Partial<L>;

export interface WalkOptions<L> {
  starts: StartLeg[];
  maxHops: number;
  /** Answers wanted. */
  limit: number;
  /** Answers below this score are not wanted (the walk stops there: nothing after can be above). */
  minScore?: number | null;
  /** Answers that a filter drops (destination, cargo origin, no final port) are skipped, not counted. */
  accept?: (r: WalkedRoute<L>) => boolean;
  /**
   * At most `each` answers per key (null: no answer), e.g. the best routes of each destination; the
   * walk then stops when every key of `keys` has its `each` answers (or nothing is left).
   */
  quota?: { of: (r: WalkedRoute<L>) => string | null; each: number; keys: number };
  /** Most legs expanded per round (default 256). */
  batch?: number;
  /**
   * Most legs of the first round (default `batch`), doubling each round up to `batch`: a walk whose
   * answers come from the first legs it meets does not read every leg at the anchor.
   */
  firstBatch?: number;
  /** A round with more legs to expand than this only opens them (known.ts; default: never). */
  partialFrom?: number;
  /**
   * Legs already known to go on (true) or to end (false: no continuation at all), without their
   * continuations (known.ts `decided`): the start legs whose stored onward fact decides it.
   */
  decided?: Map<string, boolean>;
  /** Legs opened before any round (known.ts `PreOpened`): the start statement's documented chains. */
  opened?: Map<string, PreOpened<L>>;
  /**
   * The start legs not read yet, when `starts` are the first ones in rank order (startOrder.ts): the
   * rank keys of the next one and how to read the next batch. The queue holds a stand-in for them
   * (`standIn`); popping it reads a batch.
   */
  more?: MoreStarts<L>;
  /** Safety caps: rounds, and legs expanded in all (defaults 64 and 50 000). */
  maxRounds?: number;
  maxExpanded?: number;
  /** The work bound (workBound.ts); reaching it ends the exact walk, and the answer is completed from what is pending. */
  work?: WorkBound;
}

/** More start legs, read in rank order (rank.ts) a batch at a time (db/trace/startOrder.ts). */
export interface MoreStarts<L> {
  /** The first start leg not read yet. */
  next: StartLeg;
  /**
   * Reads the next batch: `next` (the one the last batch named) and the legs after it in rank order,
   * what is known of them, and the next one after them.
   */
  read(): Promise<StartBatch<L>>;
}

export interface StartBatch<L> {
  starts: StartLeg[];
  /** The first start leg after them (null: every one is read). */
  next: StartLeg | null;
  decided?: Map<string, boolean>;
  opened?: Map<string, PreOpened<L>>;
}

export interface WalkResult<L> {
  routes: WalkedRoute<L>[];
  capped: boolean;
  rounds: number;
  expanded: number;
  /** Set when the walk stopped at its work bound (workBound.ts). */
  workLimit?: WorkLimit | null;
}

const partialOrder = <L>(a: Partial<L>, b: Partial<L>) => compareWalked(a, b);

export function startPartial<L>(s: StartLeg): Partial<L> {
  return { legIds: [s.legId], links: [], minLeg: s.legConfidence, product: 1, score: s.legConfidence, day: s.day };
}

/**
 * The stand-in for the start legs not read yet: keyed as the 1-leg route of the next one, `next`. Every
 * route from an unread start leg u ranks no earlier (rank.ts): its score is at most u's confidence
 * (a route's score is its weakest leg times factors ≤ 1), its day is u's, its ids begin with u's; and u
 * is `next` or after it in the order the legs are read (confidence descending, day with unknown first,
 * id) — so (score, day, ids) of the route ≥ (u's confidence, u's day, [u]) ≥ (next's, next's, [next]),
 * a route after its prefix. Popping the stand-in before any of those routes keeps the walk exact.
 */
function standIn<L>(next: StartLeg): Partial<L> {
  return { ...startPartial<L>(next), more: true };
}

export function grow<L>(p: Partial<L>, c: Continuation<L>): Partial<L> {
  const minLeg = Math.min(p.minLeg, c.legConfidence);
  const product = p.product * c.factor;
  return {
    legIds: [...p.legIds, c.legId],
    links: [...p.links, c.link],
    minLeg,
    product,
    score: minLeg * product,
    day: p.day,
  };
}

export const walked = <L>(p: Partial<L>, truncated: boolean): WalkedRoute<L> => ({
  legIds: p.legIds,
  links: p.links,
  score: p.score,
  day: p.day,
  truncated,
});

/** Which answers the walk keeps: `limit` in all, or `quota.each` per key; a copy for the look-ahead. */
export interface Taker<L> {
  offer(r: WalkedRoute<L>): boolean;
  full(): boolean;
  copy(): Taker<L>;
}

function taker<L>(o: WalkOptions<L>, accept: (r: WalkedRoute<L>) => boolean): Taker<L> {
  const make = (taken: number, perKey: Map<string, number>, fullKeys: number): Taker<L> => {
    const t = {
      offer(r: WalkedRoute<L>) {
        if (!accept(r)) return false;
        if (o.quota) {
          const k = o.quota.of(r);
          if (k == null) return false;
          const n = perKey.get(k) ?? 0;
          if (n >= o.quota.each) return false;
          perKey.set(k, n + 1);
          if (n + 1 === o.quota.each) fullKeys++;
        }
        taken++;
        return true;
      },
      full: () => taken >= o.limit || (o.quota != null && fullKeys >= o.quota.keys),
      copy: () => make(taken, new Map(perKey), fullKeys),
    };
    return t;
  };
  return make(0, new Map(), 0);
}

/**
 * The legs a round fetches: the walk run ahead on a copy of the queue, growing the routes whose last
 * leg is known with what is known, and collecting the unknown last legs it meets (to expand, or only
 * to probe when they end routes of `maxHops` legs), in the order the real walk would pop them, until
 * `batch` legs, the answers wanted, the floor or `maxLookahead` routes popped. The top of the queue
 * comes first, so the round always fetches what the walk needs now; the rest is a forecast (fetching a
 * leg the walk will not need costs time, never exactness).
 */
async function foresee<L>(
  heap: Heap<Partial<L>>,
  known: Known<L>,
  o: WalkOptions<L>,
  batch: number,
  answered: Taker<L>,
  meter: WorkMeter,
  maxLookahead = 100_000,
  maxPushes = 50_000,
  lazyBound = 1,
): Promise<Wanted> {
  const ahead = heap.clone();
  const w = wanted();
  const take = answered.copy();
  let popped = 0;
  let pushed = 0;
  while (
    ahead.length > 0 &&
    w.expand.size + w.open.size + w.probe.size < batch &&
    !take.full() &&
    popped < maxLookahead &&
    pushed < maxPushes
  ) {
    await meter.breathe();
    const p = ahead.pop()!;
    popped++;
    if (o.minScore != null && p.score < o.minScore) break;
    // what follows the stand-in is not known before its batch is read
    if (p.more) break;
    const step = known.step(p);
    if ('fetch' in step) want(w, step.fetch, p);
    else if ('answer' in step) take.offer(step.answer);
    else pushed += growInto(ahead, p, step, lazyBound);
  }
  return w;
}

/** Pushes a route's continuations (and its placeholder, when part of them is not fetched yet); how many. */
function growInto<L>(
  heap: Heap<Partial<L>>,
  p: Partial<L>,
  step: { grow: Continuation<L>[]; rest?: boolean },
  lazyBound: number,
): number {
  for (const c of step.grow) heap.push(grow(p, c));
  if (!step.rest) return step.grow.length;
  heap.push({ ...p, score: p.score * lazyBound, rest: true });
  return step.grow.length + 1;
}

/**
 * The most legs the next round fetches: `firstBatch`, then at most twice the last round, and no more
 * than `ROUND_MARGIN` times what the answers still wanted need at the rate the legs fetched so far gave
 * answers (a paced walk: at least half its first round; unpaced: `batch`). Only the round's size: the
 * top of the queue is always fetched, so the walk stays exact. At L (maxHops 4) the first round of 400
 * start legs gives 34 answers: the second reads 282 legs, not 400.
 */
function roundCap<L>(o: WalkOptions<L>, batch: number, rounds: number, answers: number, fetched: number): number {
  const first = o.firstBatch ?? batch;
  const ramp = first * 2 ** rounds;
  const needed = answers > 0 ? Math.ceil((ROUND_MARGIN * (o.limit - answers) * fetched) / answers) : ramp;
  return Math.min(batch, ramp, Math.max(o.firstBatch != null ? Math.ceil(first / 2) : first, needed));
}

/** How many more legs than the yield so far says a later round reads (roundCap). */
const ROUND_MARGIN = 1.5;

/** Exact best-first top-`limit` (see the file comment). */
export async function bestFirst<L>(provider: ContinuationProvider<L>, o: WalkOptions<L>): Promise<WalkResult<L>> {
  const batch = o.batch ?? 256;
  const maxRounds = o.maxRounds ?? 64;
  const maxExpanded = o.maxExpanded ?? 50_000;
  const accept = o.accept ?? (() => true);
  const known = new Known<L>(provider, o.maxHops, o.partialFrom, o.decided, o.opened);
  const lazyBound = provider.lazyBound ?? 1;
  const heap = new Heap<Partial<L>>(partialOrder);
  for (const s of o.starts) heap.push(startPartial<L>(s));
  let unread = o.more;
  if (unread) heap.push(standIn<L>(unread.next));
  const routes: WalkedRoute<L>[] = [];
  const take = taker(o, accept);
  const meter = new WorkMeter(o.work ?? UNBOUNDED);
  let rounds = 0;
  let capped = false;
  while (heap.length > 0 && !take.full()) {
    await meter.breathe();
    if (meter.exhausted()) break;
    const top = heap.peek()!;
    if (o.minScore != null && top.score < o.minScore) break;
    if (top.more) {
      // the stand-in: the next start legs in rank order, read now (their routes rank no earlier)
      heap.pop();
      const from = unread!;
      const batch = await meter.away(() => from.read());
      known.learn(batch.decided, batch.opened);
      for (const s of batch.starts) heap.push(startPartial<L>(s));
      meter.grow(batch.starts.length);
      unread = batch.next ? { ...from, next: batch.next } : undefined;
      if (unread) heap.push(standIn<L>(unread.next));
      continue;
    }
    const step = known.step(top);
    if ('fetch' in step) {
      if (rounds >= maxRounds || known.size >= maxExpanded) {
        capped = true;
        break;
      }
      // One round: the legs the walk will ask for next, foreseen by running it ahead on a copy of the
      // queue with what is known (see `foresee`), so that a round fetches a whole hop, not a slice of it.
      const cap = roundCap(o, batch, rounds, routes.length, known.size);
      const next = await foresee(heap, known, o, cap, take, meter, undefined, undefined, lazyBound);
      await meter.away(() => known.fetch(next));
      rounds++;
      continue;
    }
    heap.pop();
    if ('answer' in step) {
      if (take.offer(step.answer)) routes.push(step.answer);
      continue;
    }
    meter.grow(growInto(heap, top, step, lazyBound));
  }
  if (meter.reason == null) {
    traceWalked({ kind: 'bestFirst', expanded: known.size, rounds, routes: routes.length, capped });
    return { routes, capped, rounds, expanded: known.size, workLimit: null };
  }
  // the work bound: the exact best so far, then routes completed from the best pending ones (complete.ts)
  const exact = routes.length;
  const more = await completeFromPending({
    heap,
    known,
    minScore: o.minScore,
    take,
    meter,
    maxDives: Math.min(MAX_DIVES, Math.max(64, 4 * (o.limit - exact))),
    maxRounds: o.maxHops,
  });
  // a walk stopped by its work bound counts as capped in the metrics
  traceWalked({ kind: 'bestFirst', expanded: known.size, rounds, routes: exact + more.length, capped: true });
  return {
    routes: [...routes, ...more],
    capped,
    rounds,
    expanded: known.size,
    workLimit: { reason: meter.reason, states: meter.states, exact },
  };
}
