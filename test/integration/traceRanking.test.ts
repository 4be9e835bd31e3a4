/**
 * On the demo graph: the best-first walk of a ranked trace (src/db/trace/walk.ts) gives exactly the
 * routes, confidences and order of every route enumerated and ranked (rankRoutes), forwards and
 * backwards, for every hop bound, wait and confidence floor (also with every leg opened first, in
 * rounds of one leg); destinations group the same routes as the
 * JS grouping; and the Cypher twin of the inferred-link rule (domain/linking.ts inferredLinkCypher)
 * finds the same links, with the same k, as the engine's candidate finding.
 */
import { startTestService, TestService } from './harness';
import { rankRoutes, trace, traceDestinations, TraceDirection, TraceQuery } from '../../src/db/trace';
import { CypherCandidates, FollowerRow, FoundLink } from '../../src/db/trace/candidates';
import { FOLLOWER_RANGE, PortCall, startExpansion, startExpansionParams } from '../../src/db/trace/seek';
import { groupDestinations } from '../../src/domain/destinations';
import { FIRST_DAY, followerSeekRange, inferredLinkCypher, LAST_DAY } from '../../src/domain/linking';
import { LEG_BRIEF, legBrief, LegBriefRow } from '../../src/db/trace/statements';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

const base = {
  commodities: ['COAL', 'COAL_OR_PIG_IRON'],
  cargoOrigins: ['DPRK', 'DPRK_SUSPECTED', 'UNCONFIRMED'],
  windowFrom: null,
  windowTo: null,
  destinationCountry: null,
};

const cases: { direction: TraceDirection; place: string }[] = [
  ...['port:nampho', 'port:wonsan', 'port:chongjin', 'port:rajin', 'port:songnim', 'port:taean'].map((place) => ({
    direction: 'FORWARD' as const,
    place,
  })),
  ...['port:pohang', 'port:incheon', 'port:ho-chi-minh-city', 'port:cam-pha', 'port:kholmsk'].map((place) => ({
    direction: 'BACKWARD' as const,
    place,
  })),
];

describe('the Cypher twin of the inferred-link rule equals the engine', () => {
  it.each([0, 30, 60, 730])(
    'finds the same inferred links and k for every leg of the demo graph (maxWaitDays %i)',
    async (maxWait) => {
      const rows0 = await t.db.read<{ leg: LegBriefRow }>(
        `MATCH (l:Leg) RETURN ${LEG_BRIEF('l')} AS leg ORDER BY l.id`,
      );
      const legs = rows0.map((r) => legBrief(r.leg));
      const engine = new CypherCandidates(t.db, maxWait);
      engine.remember(rows0.map((r) => r.leg));
      const found = await engine.followers(legs.map((l) => l.id));
      const mine = [...found.values()]
        .flat()
        .filter((l) => l.record.kind === 'INFERRED')
        .map((l) => `${l.from}>${l.to} k=${l.record.alternatives} ${l.record.certainty}`)
        .sort();
      const twin = inferredLinkCypher('a', 'b', '$maxWait');
      const twinC = inferredLinkCypher('a', 'c', '$maxWait');
      const rows = await t.db.read<{ l: string }>(
        `MATCH (a:Leg)-[ra:TO]->(p:Port)<-[rb:FROM]-(b:Leg)
       WHERE p.kind <> 'UNSPECIFIED_IN_COUNTRY' AND ${twin.holds} AND NOT EXISTS { (a)-[:NEXT]->(b) }
       WITH a, b, ra, rb, COUNT { (a)-[:TO]->(p)<-[:FROM]-(c:Leg) WHERE ${twinC.holds} } AS k
       RETURN a.id + '>' + b.id + ' k=' + k + ' ' +
              CASE WHEN ${twin.certain} AND NOT (coalesce(ra.alternative, false) OR coalesce(rb.alternative, false)) THEN 'CERTAIN' ELSE 'POSSIBLE' END AS l`,
        { maxWait },
      );
      expect(rows.map((r) => r.l).sort()).toEqual(mine);
      if (maxWait >= 60) expect(mine.length).toBeGreaterThan(5);

      // the probe (seek.ts probeStatement: the twin in Cypher, for the legs that end routes of maxHops
      // legs) finds the same legs as the engine, forwards and backwards, and stops at `need`
      const ids = legs.map((l) => l.id);
      const sorted = (m: Map<string, string[]>) => ids.map((id) => [id, [...(m.get(id) ?? [])].sort()]);
      const forward = new Map([...found].map(([id, links]) => [id, links.map((l) => l.to)]));
      expect(sorted(await engine.probe('FORWARD', ids, 1000))).toEqual(sorted(forward));
      const back = await engine.predecessors(ids);
      const backward = new Map([...back].map(([id, links]) => [id, links.map((l) => l.from)]));
      expect(sorted(await engine.probe('BACKWARD', ids, 1000))).toEqual(sorted(backward));
      const one = await engine.probe('FORWARD', ids, 1);
      for (const id of ids) expect(one.get(id)?.length ?? 0).toBe(Math.min(1, forward.get(id)!.length));

      // the start statement's expansion (seek.ts startExpansion: the seek ranges computed in Cypher),
      // run over every leg, gives every leg the same links as the engine's rounds
      const [eager] = await t.db.read<{ links: FollowerRow[]; calls: PortCall[] }>(
        `MATCH (l:Leg) WITH collect(l) AS eager ${startExpansion('eager')} RETURN links, calls`,
        startExpansionParams(maxWait),
      );
      const started = new CypherCandidates(t.db, maxWait);
      started.remember(rows0.map((r) => r.leg));
      await started.absorb(ids, [], eager);
      const links = (m: Map<string, FoundLink[]>) =>
        ids.map((id) => [id, m.get(id)!.map((l) => [l.to, l.factor, l.record.reason])]);
      expect(links(await started.followers(ids))).toEqual(links(found));
      expect(started.statements).toBe(0);
    },
  );
});

describe('the seek range computed in Cypher (the start statement) holds the engine`s', () => {
  it('on a grid of arrival and departure days, known or not, for four waits', async () => {
    const days = [null, '2017-01-01', '2017-02-28', '2017-03-01', '2018-12-31'];
    const legs = days.flatMap((arrivalFrom) =>
      days.flatMap((arrivalTo) =>
        days.map((departureFrom) => ({ arrivalFrom, arrivalTo, departureFrom, departureTo: null })),
      ),
    );
    for (const maxWait of [0, 30, 60, 730]) {
      const rows = await t.db.read<{ lo: string; hi: string }>(
        `UNWIND $legs AS leg
         WITH {arrivalFrom: date(leg.arrivalFrom), arrivalTo: date(leg.arrivalTo), departureFrom: date(leg.departureFrom)} AS x
         WITH {${FOLLOWER_RANGE('x')}} AS r
         RETURN toString(r.lo) AS lo, toString(r.hi) AS hi`,
        { legs, ...startExpansionParams(maxWait) },
      );
      const day = (iso: string, d: number) =>
        new Date(Date.parse(`${iso}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      const expected = legs.map((l) => {
        const r = followerSeekRange({ id: 'x', vesselId: null, discharged: null, ...l }, maxWait);
        return {
          lo: r.from === FIRST_DAY ? r.from : day(r.from, -1),
          hi: r.to === LAST_DAY ? r.to : day(r.to, 1),
        };
      });
      expect(rows).toEqual(expected);
    }
  });
});

describe('the best-first walk equals every route enumerated and ranked', () => {
  it.each(cases)('$direction from $place, every hop count, wait and confidence floor', async ({ direction, place }) => {
    let compared = 0;
    let possible = 0;
    for (const maxHops of [1, 2, 4, 8]) {
      for (const maxWaitDays of [0, 30, 60, 730]) {
        const q: TraceQuery = { ...base, direction, place, maxHops, maxWaitDays };
        const all = await trace(t.db, q);
        if (!all) continue; // a port the demo data does not hold
        // forwards the start statement expands the anchor's legs itself (its seek ranges in Cypher), and
        // the hops after them while they are small: the same routes as when the rounds read them, in
        // fewer statements
        if (direction === 'FORWARD') {
          const later = await trace(t.db, { ...q, eagerStart: 0 });
          expect(later!.routes.map((r) => [r.id, r.confidence])).toEqual(all.routes.map((r) => [r.id, r.confidence]));
          if (all.routes.length > 0) expect(later!.rounds).toBeGreaterThan(all.rounds);
          else expect(later!.rounds).toBe(all.rounds);
        }
        for (const [limit, minConfidence] of [
          [500, null],
          [3, null],
          [500, 0.5],
        ] as const) {
          const ranked = await trace(t.db, { ...q, best: { limit, minConfidence } });
          const expected = rankRoutes(all.routes, limit, minConfidence);
          expect(ranked!.routes.map((r) => [r.id, r.confidence])).toEqual(expected.map((r) => [r.id, r.confidence]));
          expect(ranked!.capped).toBe(all.capped);
          // every leg opened (documented links and a probe; the inferred links when the walk reaches
          // them) and rounds of one leg, doubling; forwards the start legs only ranked by the start
          // statement and briefed by the round that reaches them (their probe ranges in Cypher): the same routes
          const paced = await trace(t.db, {
            ...q,
            best: { limit, minConfidence },
            pacing: { firstBatch: 1, partialFrom: 0 },
            eagerStart: 0,
          });
          expect(paced!.routes.map((r) => [r.id, r.confidence])).toEqual(expected.map((r) => [r.id, r.confidence]));
          // forwards the start legs read in rank order one or two at a time (startOrder.ts), a stand-in
          // for the rest in the walk's queue: the same routes
          if (direction === 'FORWARD') {
            const inBatches = await trace(t.db, {
              ...q,
              best: { limit, minConfidence },
              eagerStart: 0,
              startBatch: limit === 3 ? 1 : 2,
            });
            expect(inBatches!.routes.map((r) => [r.id, r.confidence])).toEqual(
              expected.map((r) => [r.id, r.confidence]),
            );
          }
          compared += expected.length;
          possible += expected.filter((r) => r.possibleLinks > 0).length;
        }
      }
    }
    // the comparison is not vacuous where the demo graph has routes
    if (place === 'port:nampho' || place === 'port:pohang') {
      expect(compared).toBeGreaterThan(20);
      expect(possible).toBeGreaterThan(0);
    }
  });
});

describe('destinations summed up inside Neo4j equal the JS grouping (domain/destinations.ts)', () => {
  it.each(['port:nampho', 'port:wonsan', 'port:chongjin', 'port:rajin', 'port:taean'])(
    'from %s, both groupings, every hop count and wait',
    async (place) => {
      let compared = 0;
      for (const maxHops of [1, 2, 4, 8]) {
        for (const maxWaitDays of [0, 60, 730]) {
          const q: TraceQuery = { ...base, direction: 'FORWARD', place, maxHops, maxWaitDays };
          const all = await trace(t.db, q);
          if (!all) continue;
          for (const by of ['COUNTRY', 'PORT'] as const) {
            const grouped = await traceDestinations(t.db, q, by, 500);
            const expected = groupDestinations(
              all.routes.map((r) => ({
                ...r,
                vesselIds: r.vesselSpans.map((s) => s.vesselId),
                finalLegId: r.legIds[r.legIds.length - 1],
              })),
              by,
            );
            const shape = (g: {
              key: string;
              tonnage: { min: number | null; max: number | null };
              vesselIds: string[];
              firstDate: string | null;
              lastDate: string | null;
              bestConfidence: number;
            }) => ({
              key: g.key,
              tonnage: g.tonnage,
              vesselIds: [...g.vesselIds].sort(),
              firstDate: g.firstDate,
              lastDate: g.lastDate,
              bestConfidence: g.bestConfidence,
            });
            expect(grouped!.groups.map((g) => ({ ...shape(g), routeCount: g.routeCount }))).toEqual(
              expected.map((g) => ({ ...shape(g), routeCount: g.routes.length })),
            );
            // each group's routes: the group's routes in the order of rankRoutes
            for (const g of grouped!.groups) {
              const mine = expected.find((e) => e.key === g.key)!;
              expect(g.routes.map((r) => r.id)).toEqual(rankRoutes(mine.routes, 500).map((r) => r.id));
            }
            compared += expected.length;
          }
        }
      }
      if (place === 'port:nampho') expect(compared).toBeGreaterThan(10);
    },
  );
});
