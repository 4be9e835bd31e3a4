/**
 * The best-first walk (src/db/trace/walk.ts) against exhaustive enumeration, on many random small
 * in-memory worlds (fast-check): for every world, hop bound, limit and confidence floor, the top-k of
 * `bestFirst` is exactly the first k routes of every route enumerated and sorted by rank.ts (same
 * routes, same scores, same order, same truncation flags), and the order never lets a route sort after
 * a route it grows into.
 */
import fc from 'fast-check';
import { bestFirst, Continuation, ContinuationProvider, StartLeg, WalkedRoute } from '../../../../src/db/trace/walk';
import { enumerateAll } from '../../../../src/db/trace/enumerate';
import { compareWalked } from '../../../../src/db/trace/rank';
import { PreOpened } from '../../../../src/db/trace/known';
import { MassLeg, propagate } from '../../../../src/db/trace/propagate';

interface World {
  legs: { conf: number; day: string | null; place?: string | null; vessel?: string | null; tons?: number | null }[];
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

/** The continuations of one leg of a random world: one link per pair, none to itself. */
function continuationsOf(w: World, legId: string): Continuation<string>[] {
  const i = Number(legId.slice(4));
  const seen = new Set<number>();
  const list: Continuation<string>[] = [];
  for (const e of w.edges) {
    if (e.from !== i || e.to === i || seen.has(e.to)) continue;
    seen.add(e.to);
    list.push({ legId: id(e.to), legConfidence: w.legs[e.to].conf, factor: e.factor, link: `${i}>${e.to}` });
  }
  return list;
}

/**
 * An in-memory provider that counts its calls, with probes (`probe: false`: without them, every leg
 * expanded). A probe answers the last `need` followers in reverse order, so that nothing may rely on
 * which ones it picks. With `lazyBound`, an opened leg's eager continuations are those weighing more
 * than it (the rest is fetched when the walk reaches it, known.ts).
 */
function provider(
  w: World,
  probe = true,
  lazyBound?: number,
): ContinuationProvider<string> & { calls: number; probed: number; opened: number } {
  const expand = (ids: string[]) => new Map(ids.map((legId) => [legId, continuationsOf(w, legId)]));
  const p: ContinuationProvider<string> & { calls: number; probed: number; opened: number } = {
    calls: 0,
    probed: 0,
    opened: 0,
    lazyBound,
    expand: (ids: string[]) => {
      p.calls++;
      return Promise.resolve(expand(ids));
    },
  };
  const ends = (legId: string, need: number) =>
    continuationsOf(w, legId)
      .map((c) => c.legId)
      .reverse()
      .slice(0, need);
  if (probe)
    p.round = ({ expand: ids, open, probe: probes, need }) => {
      p.calls++;
      p.probed += probes.length;
      p.opened += open.length;
      const probed = new Map(probes.map((legId) => [legId, ends(legId, need(legId))]));
      const opened = new Map(
        open.map((legId) => [
          legId,
          {
            eager: continuationsOf(w, legId).filter((c) => lazyBound == null || c.factor > lazyBound),
            ids: ends(legId, need(legId)),
          },
        ]),
      );
      return Promise.resolve({ expanded: expand(ids), opened, probed });
    };
  return p;
}

const startsOf = (w: World): StartLeg[] =>
  w.starts.map((i) => ({ legId: id(i), legConfidence: w.legs[i].conf, day: w.legs[i].day }));

const view = (r: WalkedRoute<string>) => ({ legIds: r.legIds, links: r.links, score: r.score, truncated: r.truncated });

describe('best-first top-k equals exhaustive enumeration', () => {
  it('on random small worlds, for every hop bound, limit, floor and filter, with and without probes', async () => {
    let nonTrivial = 0;
    let probed = 0;
    let opened = 0;
    let decidedStarts = 0;
    let decidedDocumented = 0;
    let opensBefore = 0;
    let batches = 0;
    await fc.assert(
      fc.asyncProperty(
        world,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.constantFrom(0.05, 0.3, 0.6), { nil: null }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.record({
          bound: fc.constantFrom(0.9, 0.45, 0.003),
          partialFrom: fc.constantFrom(0, 1, 3),
          firstBatch: fc.constantFrom(1, 2, 1e6),
        }),
        async (w, maxHops, limit, minScore, filtered, batch, lazy) => {
          // a filter only the far end can be checked against (like a destination country)
          const accept = filtered
            ? (r: WalkedRoute<string>) => Number(r.legIds[r.legIds.length - 1].slice(4)) % 2 === 0
            : undefined;
          const all = await enumerateAll(provider(w), { starts: startsOf(w), maxHops, accept, cap: 100_000 });
          const expected = all.routes.filter((r) => minScore == null || r.score >= minScore).slice(0, limit);
          const probing = provider(w);
          const best = await bestFirst(probing, { starts: startsOf(w), maxHops, limit, minScore, accept, batch });
          probed += probing.probed;
          expect(best.capped).toBe(false);
          expect(best.routes.map(view)).toEqual(expected.map(view));
          // the same without probes (every leg expanded, also those that only end routes of maxHops legs)
          const expanding = await bestFirst(provider(w, false), {
            starts: startsOf(w),
            maxHops,
            limit,
            minScore,
            accept,
            batch,
          });
          expect(expanding.routes.map(view)).toEqual(expected.map(view));
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
          // legs opened, not expanded (their links above the bound first, the rest when reached), and
          // rounds that start small and double: the same answers
          const opening = provider(w, true, lazy.bound);
          const paced = {
            starts: startsOf(w),
            maxHops,
            limit,
            minScore,
            accept,
            batch: batch * 2,
            firstBatch: lazy.firstBatch,
            partialFrom: lazy.partialFrom,
          };
          const lazily = await bestFirst(opening, paced);
          opened += opening.opened;
          expect(lazily.capped).toBe(false);
          expect(lazily.routes.map(view)).toEqual(expected.map(view));
          // start legs decided before any round, as the stored onward fact does (known.ts `decided`):
          // those with no continuation end, those whose continuations all score at most the leg's
          // confidence times the bound go on (statements.ts GOES_ON: inferred links, and documented
          // ones to legs that much less confident); the others are opened as before
          const decided = new Map<string, boolean>();
          for (const s of startsOf(w)) {
            const next = continuationsOf(w, s.legId);
            const under = (c: Continuation<string>) =>
              Math.min(s.legConfidence, c.legConfidence) * c.factor <= s.legConfidence * lazy.bound;
            if (next.length === 0) decided.set(s.legId, false);
            else if (next.every(under)) {
              decided.set(s.legId, true);
              if (next.some((c) => c.factor > lazy.bound)) decidedDocumented++;
            }
          }
          decidedStarts += decided.size;
          const deciding = await bestFirst(provider(w, true, lazy.bound), { ...paced, decided });
          expect(deciding.capped).toBe(false);
          expect(deciding.routes.map(view)).toEqual(expected.map(view));
          // legs opened before any round, as the start statement opens the documented chains from the
          // first start legs (onward.ts `openedStarts`): any leg, met on any route; its eager
          // continuations (above the bound: documented links), their ids and, when the stored fact
          // decides, whether inferred ones (at most the bound) follow: one of them among the ids, or
          // none (then the ids are complete); an undecided leg lists its eager ids only
          const preOpened = new Map<string, PreOpened<string>>();
          w.legs.forEach((_, i) => {
            if ((i + maxHops) % 3 === 0) return;
            const next = continuationsOf(w, id(i));
            const eager = next.filter((c) => c.factor > lazy.bound);
            const inferred = next.filter((c) => c.factor <= lazy.bound).map((c) => c.legId);
            const decides = (i + limit) % 4 !== 0;
            const ids = eager.map((c) => c.legId).concat(decides ? inferred.slice(i % 2 ? -1 : 0).slice(0, 1) : []);
            preOpened.set(id(i), { eager, ids, complete: decides && inferred.length === 0 });
          });
          opensBefore += preOpened.size;
          const opensFirst = await bestFirst(provider(w, true, lazy.bound), { ...paced, decided, opened: preOpened });
          expect(opensFirst.capped).toBe(false);
          expect(opensFirst.routes.map(view)).toEqual(expected.map(view));
          // the start legs read in rank order a batch at a time (db/trace/startOrder.ts), a stand-in for
          // the rest in the queue: batches of 1, 2 or 3 legs, growing, each with what is decided and
          // opened of its legs (the other legs opened before any round, as the start statement does)
          const ranked = [...startsOf(w)].sort((a, b) =>
            compareWalked(
              { score: a.legConfidence, day: a.day, legIds: [a.legId] },
              { score: b.legConfidence, day: b.day, legIds: [b.legId] },
            ),
          );
          const first = 1 + (batch % 3);
          let read = first;
          let size = first;
          const ofBatch = <V>(m: Map<string, V>, legs: StartLeg[]) =>
            new Map(legs.filter((l) => m.has(l.legId)).map((l) => [l.legId, m.get(l.legId)!]));
          const startIds = new Set(w.starts.map(id));
          const more = {
            next: ranked[first],
            read: () => {
              size = Math.min(3, size + 1);
              const legs = ranked.slice(read, read + size);
              read += legs.length;
              batches++;
              return Promise.resolve({
                starts: legs,
                next: ranked[read] ?? null,
                decided: ofBatch(decided, legs),
                opened: ofBatch(preOpened, legs),
              });
            },
          };
          const inBatches = await bestFirst(provider(w, true, lazy.bound), {
            ...paced,
            starts: ranked.slice(0, first),
            more: ranked.length > first ? more : undefined,
            decided: ofBatch(decided, ranked.slice(0, first)),
            opened: new Map(
              [...preOpened].filter(
                ([legId]) => !startIds.has(legId) || ranked.slice(0, first).some((l) => l.legId === legId),
              ),
            ),
          });
          expect(inBatches.capped).toBe(false);
          expect(inBatches.routes.map(view)).toEqual(expected.map(view));
          if (expected.length > 1 && expected.some((r) => r.legIds.length > 1)) nonTrivial++;
        },
      ),
      { numRuns: 400, seed: 20261206 },
    );
    expect(nonTrivial).toBeGreaterThan(50);
    // the legs ending routes of maxHops legs were probed, not expanded
    expect(probed).toBeGreaterThan(100);
    expect(opened).toBeGreaterThan(100);
    expect(decidedStarts).toBeGreaterThan(100);
    // … among them legs with a link above the bound (a documented one) to a leg less confident
    expect(decidedDocumented).toBeGreaterThan(10);
    expect(opensBefore).toBeGreaterThan(100);
    // the stand-in was popped (a later batch read) on many worlds
    expect(batches).toBeGreaterThan(100);
  });

  it('keys the stand-in for unread start legs as the next one (a route from a read leg may rank after it)', async () => {
    // A (confidence 1, a late day) is read first; its route A→X scores 0.9 like B, the next unread leg,
    // but left later: [B] ranks first. A stand-in keyed with a later day than B's would let A→X pass it.
    const w: World = {
      legs: [
        { conf: 1, day: '2018-01-01' },
        { conf: 0.9, day: '2017-01-01' },
        { conf: 0.9, day: '2017-06-01' },
      ],
      edges: [{ from: 0, to: 2, factor: 1 }],
      starts: [0, 1],
    };
    const [a, b] = startsOf(w);
    const expected = (await enumerateAll(provider(w), { starts: [a, b], maxHops: 2, cap: 100 })).routes;
    expect(expected.map((r) => r.legIds)).toEqual([[id(1)], [id(0), id(2)]]);
    const walked = await bestFirst(provider(w), {
      starts: [a],
      maxHops: 2,
      limit: 2,
      more: { next: b, read: () => Promise.resolve({ starts: [b], next: null }) },
    });
    expect(walked.routes.map(view)).toEqual(expected.map(view));
  });

  it('keeps the best `each` answers per key (the best routes of each destination) exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        world,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        async (w, maxHops, each) => {
          const keyOf = (r: WalkedRoute<string>) => {
            const k = Number(r.legIds[r.legIds.length - 1].slice(4)) % 3;
            return k === 0 ? null : `key${k}`;
          };
          const all = await enumerateAll(provider(w), { starts: startsOf(w), maxHops, cap: 100_000 });
          const keys = [...new Set(all.routes.map(keyOf).filter((k) => k != null))];
          const expected = keys.flatMap((k) => all.routes.filter((r) => keyOf(r) === k).slice(0, each));
          const best = await bestFirst(provider(w), {
            starts: startsOf(w),
            maxHops,
            limit: each * keys.length,
            quota: { of: keyOf, each, keys: keys.length },
          });
          const sorted = (rs: WalkedRoute<string>[]) =>
            rs.map(view).sort((a, b) => (a.legIds.join() < b.legIds.join() ? -1 : 1));
          expect(sorted(best.routes)).toEqual(sorted(expected));
        },
      ),
      { numRuns: 300, seed: 20261208 },
    );
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

/** What propagation needs of a leg, from a random world's leg (the day serves as first and last day). */
const massLeg =
  (w: World) =>
  (legId: string): MassLeg => {
    const l = w.legs[Number(legId.slice(4))];
    return {
      place: l.place ?? null,
      vesselId: l.vessel ?? null,
      firstDay: l.day,
      lastDay: l.day,
      tonnage: l.tons == null ? null : { low: l.tons, high: l.tons * 2 },
    };
  };

/** The same sums as `propagate`, from every route enumerated (the reference). */
function sumsOfRoutes(w: World, routes: WalkedRoute<string>[]) {
  const leg = massLeg(w);
  const out = new Map<
    string,
    {
      routes: number;
      mass: number;
      best: number;
      first: string | null;
      last: string | null;
      finals: Record<string, [number | null, number | null]>;
      vessels: string[];
    }
  >();
  for (const r of routes) {
    const legs = r.legIds.map(leg);
    const place = legs[legs.length - 1].place;
    if (place == null) continue;
    const g = out.get(place) ?? {
      routes: 0,
      mass: 0,
      best: -Infinity,
      first: null,
      last: null,
      finals: {},
      vessels: [],
    };
    out.set(place, g);
    g.routes++;
    g.mass += r.score;
    g.best = Math.max(g.best, r.score);
    const first = legs[0].firstDay;
    const last = legs[legs.length - 1].lastDay;
    if (first != null && (g.first == null || first < g.first)) g.first = first;
    if (last != null && (g.last == null || last > g.last)) g.last = last;
    const ton = [...legs].reverse().find((l) => l.tonnage != null)?.tonnage ?? null;
    const finalId = r.legIds[r.legIds.length - 1];
    const [lo, hi] = g.finals[finalId] ?? [null, null];
    g.finals[finalId] = [
      ton == null ? lo : lo == null ? ton.low : Math.min(lo, ton.low!),
      ton == null ? hi : hi == null ? ton.high : Math.max(hi, ton.high!),
    ];
    for (const l of legs) if (l.vesselId != null && !g.vessels.includes(l.vesselId)) g.vessels.push(l.vesselId);
  }
  return out;
}

describe('destinations by propagation of mass equal the sums over enumerated routes', () => {
  // worlds whose legs carry a place (some none), a vessel and tonnage; half of them acyclic by construction
  const massWorld = fc
    .tuple(
      world,
      fc.boolean(),
      fc.array(
        fc.tuple(
          fc.constantFrom(null, 'KR', 'CN', 'VN'),
          fc.constantFrom(null, 'v1', 'v2', 'v3'),
          fc.constantFrom(null, 100, 250),
        ),
        { minLength: 9, maxLength: 9 },
      ),
    )
    .map(([w, dag, extra]) => ({
      ...w,
      legs: w.legs.map((l, i) => ({ ...l, place: extra[i][0], vessel: extra[i][1], tons: extra[i][2] })),
      edges: dag ? w.edges.filter((e) => e.from < e.to) : w.edges,
    }));

  it('on random small worlds, cycles included: routes, summed and best score, dates, tonnage per final leg, vessels', async () => {
    let compared = 0;
    let withCycles = 0;
    await fc.assert(
      fc.asyncProperty(massWorld, fc.integer({ min: 1, max: 5 }), async (w, maxHops) => {
        const all = await enumerateAll(provider(w), { starts: startsOf(w), maxHops, cap: 100_000 });
        const p = provider(w);
        const mass = await propagate(p, { starts: startsOf(w), maxHops, leg: massLeg(w) });
        expect(mass.capped).toBe(false);
        expect(mass.cyclic).toBe(false);
        // one statement per hop at most, the last hop not expanded
        expect(p.calls).toBeLessThanOrEqual(Math.max(0, maxHops - 1));
        const expected = sumsOfRoutes(w, all.routes);
        expect([...mass.places.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [place, e] of expected) {
          const m = mass.places.get(place)!;
          expect(m.routes).toBe(e.routes);
          expect(m.mass).toBeCloseTo(e.mass, 12);
          expect(m.bestScore).toBe(e.best);
          expect(m.firstDay).toBe(e.first);
          expect(m.lastDay).toBe(e.last);
          expect(Object.fromEntries([...m.finalLegs].map(([k, v]) => [k, [v.low, v.high]]))).toEqual(e.finals);
          expect([...m.vesselIds].sort()).toEqual([...e.vessels].sort());
        }
        if (expected.size > 0 && all.routes.some((r) => r.legIds.length > 1)) compared++;
        // a route with a link back to one of its earlier legs: a cycle the sums had to leave out
        const back = (r: WalkedRoute<string>) =>
          w.edges.some((e) => {
            const from = r.legIds.indexOf(id(e.from));
            const to = r.legIds.indexOf(id(e.to));
            return from >= 0 && to >= 0 && to < from;
          });
        if (all.routes.some(back)) withCycles++;
      }),
      { numRuns: 500, seed: 20261207 },
    );
    expect(compared).toBeGreaterThan(50);
    expect(withCycles).toBeGreaterThan(10);
  });

  it('adds up 300 faint routes to one place above one strong route to another', async () => {
    // leg 0 leaves the origin and ends at a hub; 300 departures from there go to A (factor 0.9/300 each),
    // and leg 301, documented on from leg 0 (factor 1), goes to B at confidence 0.5
    const legs = [
      { conf: 1, day: null, place: null },
      ...Array.from({ length: 300 }, () => ({ conf: 1, day: null, place: 'A' })),
      { conf: 0.5, day: null, place: 'B' },
    ];
    const edges = [
      ...Array.from({ length: 300 }, (_, i) => ({ from: 0, to: i + 1, factor: 0.9 / 301 })),
      { from: 0, to: 301, factor: 1 },
    ];
    const w: World = { legs, edges, starts: [0] };
    const p = provider(w);
    p.expand = (ids) => {
      p.calls++;
      const out = new Map<string, Continuation<string>[]>();
      for (const legId of ids)
        out.set(
          legId,
          edges
            .filter((e) => id(e.from) === legId)
            .map((e) => ({
              legId: id(e.to),
              legConfidence: legs[e.to].conf,
              factor: e.factor,
              link: `${e.from}>${e.to}`,
            })),
        );
      return Promise.resolve(out);
    };
    const mass = await propagate(p, { starts: startsOf(w), maxHops: 2, leg: massLeg(w) });
    expect(mass.places.get('A')!.routes).toBe(300);
    expect(mass.places.get('A')!.mass).toBeCloseTo((0.9 * 300) / 301, 12);
    expect(mass.places.get('B')!.mass).toBe(0.5);
    expect(mass.places.get('A')!.bestScore).toBeLessThan(mass.places.get('B')!.bestScore);
  });
});
