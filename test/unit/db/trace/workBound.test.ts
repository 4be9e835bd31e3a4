/**
 * The work bound of the best-first walk (src/db/trace/workBound.ts, complete.ts): a walk that reaches
 * it stops and answers — the exact best routes found so far first (the same as the unbounded walk's
 * first ones), then routes completed from the best pending ones, all real routes, ranked, none twice —
 * and a walk that does not reach it answers exactly as before. It yields to the event loop while it
 * works. No timing is asserted: the bound counted here is the number of partial routes grown.
 */
import fc from 'fast-check';
import { bestFirst, Continuation, ContinuationProvider, WalkedRoute } from '../../../../src/db/trace/walk';
import { enumerateAll } from '../../../../src/db/trace/enumerate';
import { compareWalked } from '../../../../src/db/trace/rank';
import { UNBOUNDED } from '../../../../src/db/trace/workBound';

/** A world as adjacency lists: leg → [next leg, factor]; every leg confidence 0.8 except where given. */
interface Graph {
  next: Map<string, [string, number][]>;
  conf: (leg: string) => number;
  starts: string[];
}

/**
 * The provider of a graph; the legs that end routes of maxHops legs are probed (known.ts), followers in
 * reverse order. With `lazyBound`, an opened leg's eager continuations are those to followers with a
 * link weighing more than it (the rest when the walk reaches its placeholder).
 */
function providerOf(g: Graph, lazyBound?: number): ContinuationProvider<string> {
  return {
    lazyBound,
    round({ expand, open, probe, need }) {
      const ends = (from: string) => (g.next.get(from) ?? []).map(([to]) => to).reverse();
      return this.expand([...expand, ...open]).then((found) => ({
        expanded: new Map(expand.map((id) => [id, found.get(id)!])),
        opened: new Map(
          open.map((from) => {
            const list = found.get(from)!;
            const eager = new Set(list.filter((c) => c.factor > lazyBound!).map((c) => c.legId));
            return [from, { eager: list.filter((c) => eager.has(c.legId)), ids: ends(from).slice(0, need(from)) }];
          }),
        ),
        probed: new Map(probe.map((from) => [from, ends(from).slice(0, need(from))])),
      }));
    },
    expand(ids) {
      const out = new Map<string, Continuation<string>[]>();
      for (const from of ids)
        out.set(
          from,
          (g.next.get(from) ?? []).map(([to, factor]) => ({
            legId: to,
            legConfidence: g.conf(to),
            factor,
            link: `${from}>${to}`,
          })),
        );
      return Promise.resolve(out);
    },
  };
}

const startsOf = (g: Graph) => g.starts.map((legId) => ({ legId, legConfidence: g.conf(legId), day: null }));
const key = (r: WalkedRoute<string>) => r.legIds.join(' ');
const shown = (r: WalkedRoute<string>) => ({ legIds: r.legIds, score: r.score, truncated: r.truncated });

/** A hub as in issue 13: `n` arrivals at the hub, each followed by any of `n` departures, each by any of `n` arrivals … */
function hub(n: number): Graph {
  const ins = Array.from({ length: n }, (_, i) => `in:${i}`);
  const outs = Array.from({ length: n }, (_, i) => `out:${i}`);
  const next = new Map<string, [string, number][]>();
  for (const i of ins) next.set(i, [...outs.map((o): [string, number] => [o, 0.9 / n]), [`out:${i.slice(3)}`, 1]]);
  for (const o of outs)
    next.set(
      o,
      ins.map((i): [string, number] => [i, 0.9 / n]),
    );
  return { next, conf: () => 0.8, starts: ins };
}

/** Random small worlds: up to 10 legs, up to 4 continuations each, a few factors (ties common). */
const graphs: fc.Arbitrary<Graph> = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc
    .record({
      links: fc.array(
        fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.constantFrom(1, 0.9, 0.45, 0.1, 0.003)), {
          maxLength: 4,
        }),
        { minLength: n, maxLength: n },
      ),
      confs: fc.array(fc.constantFrom(0.5, 0.8, 1), { minLength: n, maxLength: n }),
      starts: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 3 }),
    })
    .map(({ links, confs, starts }) => {
      const name = (i: number) => `leg:${i}`;
      const next = new Map<string, [string, number][]>();
      links.forEach((list, i) => {
        const seen = new Set<number>([i]);
        next.set(
          name(i),
          list.filter(([to]) => !seen.has(to) && seen.add(to)).map(([to, f]): [string, number] => [name(to), f]),
        );
      });
      return { next, conf: (l: string) => confs[Number(l.slice(4))], starts: starts.map(name) };
    }),
);

describe('the work bound of the best-first walk', () => {
  it('answers exactly as before when the bound is not reached, and with a ranked, partly exact answer when it is', async () => {
    let limited = 0;
    await fc.assert(
      fc.asyncProperty(
        graphs,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.constantFrom(0.9, 0.45), { nil: undefined }),
        async (g, maxHops, limit, maxStates, lazyBound) => {
          const all = await enumerateAll(providerOf(g), { starts: startsOf(g), maxHops, cap: 100_000 });
          // with a bound, every leg opened first (placeholders in the queue, and in the completion)
          const base = {
            starts: startsOf(g),
            maxHops,
            limit,
            batch: 2,
            partialFrom: lazyBound == null ? undefined : 0,
          };
          const exact = await bestFirst(providerOf(g, lazyBound), { ...base, work: UNBOUNDED });
          const bounded = await bestFirst(providerOf(g, lazyBound), { ...base, work: { maxStates, budgetMs: 1e9 } });
          expect(exact.workLimit).toBeNull();
          expect(exact.routes.map(shown)).toEqual(all.routes.slice(0, limit).map(shown));
          if (!bounded.workLimit) {
            expect(bounded.routes.map(shown)).toEqual(exact.routes.map(shown));
            return;
          }
          limited++;
          const { exact: n } = bounded.workLimit;
          expect(bounded.workLimit.reason).toBe('STATES');
          // the exact part is the unbounded walk's first routes
          expect(bounded.routes.slice(0, n).map(shown)).toEqual(exact.routes.slice(0, n).map(shown));
          // every route is a real one (same legs, same score), none twice, at most `limit`, in rank order
          const real = new Map(all.routes.map((r) => [key(r), r]));
          for (const r of bounded.routes) expect(shown(real.get(key(r))!)).toEqual(shown(r));
          expect(new Set(bounded.routes.map(key)).size).toBe(bounded.routes.length);
          expect(bounded.routes.length).toBeLessThanOrEqual(limit);
          for (let i = 1; i < bounded.routes.length; i++)
            expect(compareWalked(bounded.routes[i - 1], bounded.routes[i])).toBeLessThan(0);
        },
      ),
      { numRuns: 400, seed: 20261206 },
    );
    expect(limited).toBeGreaterThan(50);
  });

  it('at a hub, stops at its bound with `limit` routes, the documented continuations first, and lets the event loop run', async () => {
    const g = hub(300);
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await bestFirst(providerOf(g), {
      starts: startsOf(g),
      maxHops: 4,
      limit: 300,
      batch: 5000,
      work: { maxStates: 200_000, budgetMs: 1e9 },
    });
    ticking = false;
    expect(result.workLimit).toMatchObject({ reason: 'STATES' });
    expect(result.workLimit!.states).toBeGreaterThan(200_000);
    expect(result.routes).toHaveLength(300);
    for (let i = 1; i < result.routes.length; i++)
      expect(compareWalked(result.routes[i - 1], result.routes[i])).toBeLessThan(0);
    // each arrival's documented continuation (factor 1) beats every guess among 300
    expect(result.routes[0].legIds.slice(0, 2)).toEqual(['in:0', 'out:0']);
    // the walk gave the event loop turns while it worked (it grew 200,000 routes)
    expect(turns).toBeGreaterThan(5);
  });
});
