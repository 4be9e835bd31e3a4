/**
 * The best-first walk (src/db/trace/walk.ts) against exhaustive enumeration, on many random small
 * in-memory worlds (fast-check): for every world, hop bound, limit and confidence floor, the top-k of
 * `bestFirst` is exactly the first k routes of every route enumerated and sorted by rank.ts (same
 * routes, same scores, same order, same truncation flags), and the order never lets a route sort after
 * a route it grows into.
 */
import fc from 'fast-check';
import {
  bestFirst,
  Continuation,
  ContinuationProvider,
  enumerateAll,
  StartLeg,
  WalkedRoute,
} from '../../src/db/trace/walk';
import { compareWalked } from '../../src/db/trace/rank';

interface World {
  legs: { conf: number; day: string | null }[];
  edges: { from: number; to: number; factor: number }[];
  starts: number[];
}

const FACTORS = [1, 0.9, 0.8, 0.72, 0.45, 0.3, 0.09, 0.9 / 7, 0.003];

const world: fc.Arbitrary<World> = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    legs: fc.array(
      fc.record({
        // few distinct values, so that ties are common and the tie-break is exercised
        conf: fc.constantFrom(0.3, 0.5, 0.75, 0.9, 1),
        day: fc.option(fc.constantFrom('2017-01-01', '2017-06-01', '2018-01-01'), { nil: null }),
      }),
      { minLength: n, maxLength: n },
    ),
    edges: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        factor: fc.constantFrom(...FACTORS),
      }),
      { maxLength: n * 3 },
    ),
    starts: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
  }),
);

const id = (i: number) => `leg:${String(i).padStart(2, '0')}`;

/** An in-memory provider that counts its calls. */
function provider(w: World): ContinuationProvider<string> & { calls: number } {
  const p = {
    calls: 0,
    expand: (ids: string[]) => {
      p.calls++;
      const out = new Map<string, Continuation<string>[]>();
      for (const legId of ids) {
        const i = Number(legId.slice(4));
        const seen = new Set<number>();
        const list: Continuation<string>[] = [];
        for (const e of w.edges) {
          if (e.from !== i || e.to === i || seen.has(e.to)) continue; // one link per pair, none to itself
          seen.add(e.to);
          list.push({ legId: id(e.to), legConfidence: w.legs[e.to].conf, factor: e.factor, link: `${i}>${e.to}` });
        }
        out.set(legId, list);
      }
      return Promise.resolve(out);
    },
  };
  return p;
}

const startsOf = (w: World): StartLeg[] =>
  w.starts.map((i) => ({ legId: id(i), legConfidence: w.legs[i].conf, day: w.legs[i].day }));

const view = (r: WalkedRoute<string>) => ({ legIds: r.legIds, links: r.links, score: r.score, truncated: r.truncated });

describe('best-first top-k equals exhaustive enumeration', () => {
  it('on random small worlds, for every hop bound, limit, floor and filter', async () => {
    let nonTrivial = 0;
    await fc.assert(
      fc.asyncProperty(
        world,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.constantFrom(0.05, 0.3, 0.6), { nil: null }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        async (w, maxHops, limit, minScore, filtered, batch) => {
          // a filter only the far end can be checked against (like a destination country)
          const accept = filtered
            ? (r: WalkedRoute<string>) => Number(r.legIds[r.legIds.length - 1].slice(4)) % 2 === 0
            : undefined;
          const all = await enumerateAll(provider(w), { starts: startsOf(w), maxHops, accept, cap: 100_000 });
          const expected = all.routes.filter((r) => minScore == null || r.score >= minScore).slice(0, limit);
          const best = await bestFirst(provider(w), { starts: startsOf(w), maxHops, limit, minScore, accept, batch });
          expect(best.capped).toBe(false);
          expect(best.routes.map(view)).toEqual(expected.map(view));
          // With rounds as large as they need be, the walk's look-ahead fetches a whole hop a round: at
          // most one round per hop, whatever the world (the statement bound the bench checks).
          const wide = await bestFirst(provider(w), {
            starts: startsOf(w),
            maxHops,
            limit,
            minScore,
            accept,
            batch: 1e6,
          });
          expect(wide.routes.map(view)).toEqual(expected.map(view));
          expect(wide.rounds).toBeLessThanOrEqual(maxHops);
          if (expected.length > 1 && expected.some((r) => r.legIds.length > 1)) nonTrivial++;
        },
      ),
      { numRuns: 400, seed: 20261206 },
    );
    expect(nonTrivial).toBeGreaterThan(50);
  });

  it('never sorts a route after a route it grows into, and breaks ties by day then leg ids', () => {
    const parent = { score: 0.5, day: '2017-01-01', legIds: ['leg:b'] };
    const child = { score: 0.5, day: '2017-01-01', legIds: ['leg:b', 'leg:a'] };
    expect(compareWalked(parent, child)).toBeLessThan(0);
    expect(compareWalked({ ...parent, day: null }, parent)).toBeLessThan(0);
    expect(compareWalked({ ...parent, legIds: ['leg:a', 'leg:z'] }, parent)).toBeLessThan(0);
    expect(compareWalked({ ...parent, score: 0.6 }, { ...parent, day: null })).toBeLessThan(0);
  });

  it('reports a safety cap instead of answering past it', async () => {
    // a chain where every leg has 3 continuations: many rounds are needed for 50 answers of 6 hops
    const n = 30;
    const w: World = {
      legs: Array.from({ length: n }, () => ({ conf: 0.9, day: null })),
      edges: Array.from({ length: n * 3 }, (_, k) => ({
        from: Math.floor(k / 3),
        to: (Math.floor(k / 3) + 1 + (k % 3)) % n,
        factor: 0.9,
      })),
      starts: [0],
    };
    const capped = await bestFirst(provider(w), { starts: startsOf(w), maxHops: 6, limit: 50, batch: 1, maxRounds: 3 });
    expect(capped.capped).toBe(true);
    const whole = await bestFirst(provider(w), { starts: startsOf(w), maxHops: 6, limit: 50 });
    expect(whole.capped).toBe(false);
    expect(whole.routes).toHaveLength(50);
  });
});
