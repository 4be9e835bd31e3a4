/**
 * A trace list ranks its routes inside Neo4j with the Cypher forms of the link and confidence rules
 * (domain/linking.ts linkCertaintyCypher, domain/routeConfidence.ts routeConfidenceCypher). Here, on the
 * demo graph, the ranked statement must give exactly the routes, confidences and order that the JS
 * rules give when every walked route is returned and ranked in Node (rankRoutes).
 */
import { startTestService, TestService } from './harness';
import { rankRoutes, trace, TraceDirection, TraceQuery } from '../../src/db/trace';

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
  ...['port:nampho', 'port:wonsan', 'port:chongjin', 'port:rajin', 'port:songnim', 'port:taean'].map((place) => ({ direction: 'FORWARD' as const, place })),
  ...['port:pohang', 'port:incheon', 'port:ho-chi-minh-city', 'port:cam-pha', 'port:kholmsk'].map((place) => ({ direction: 'BACKWARD' as const, place })),
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
        for (const [limit, minConfidence] of [[500, null], [3, null], [500, 0.5]] as const) {
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
