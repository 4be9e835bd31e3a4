/**
 * A trace list ranks its routes inside Neo4j with the Cypher forms of the link and confidence rules
 * (domain/linking.ts linkCertaintyCypher, domain/routeConfidence.ts routeConfidenceCypher). Here, on the
 * demo graph, the ranked statement must give exactly the routes, confidences and order that the JS
 * rules give when every walked route is returned and ranked in Node (rankRoutes).
 */
import { startTestService, TestService } from './harness';
import { rankRoutes, trace, traceDestinations, TraceDirection, TraceQuery } from '../../src/db/trace';
import { groupDestinations } from '../../src/domain/destinations';

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

describe('routes ranked inside Neo4j equal routes ranked by the JS rules', () => {
  it.each(cases)('$direction from $place, every hop count, wait and confidence floor', async ({ direction, place }) => {
    let compared = 0;
    let possible = 0;
    for (const maxHops of [1, 2, 4, 8]) {
      for (const maxWaitDays of [0, 30, 60, 730]) {
        const q: TraceQuery = { ...base, direction, place, maxHops, maxWaitDays };
        const all = await trace(t.db, q);
        if (!all) continue; // a port the demo data does not hold
        for (const [limit, minConfidence] of [
          [500, null],
          [3, null],
          [500, 0.5],
        ] as const) {
          const ranked = await trace(t.db, { ...q, best: { limit, minConfidence } });
          const expected = rankRoutes(all.routes, limit, minConfidence);
          expect(ranked!.routes.map((r) => [r.id, r.confidence])).toEqual(expected.map((r) => [r.id, r.confidence]));
          expect(ranked!.capped).toBe(all.capped);
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
