/**
 * The start legs' ranks of a forward trace (db/trace/statements.ts RANK_OF_KEYS: the rank row of each
 * start leg, its id, confidence and day, made from the rank keys its FROM carries, startOrder.ts) against
 * ranks computed here from the legs themselves: a one-leg route scores its leg's confidence and ranks by
 * the day it left (null when unknown). The enumerated reference reads the same rank rows, so the
 * comparisons of traceRanking.test.ts cannot tell a wrong row: these can (a halved confidence, the day
 * and the id swapped, '' kept for an unknown day).
 */
import { resetDatabase, startTestService, TestService } from './harness';
import { day, handBuiltDataset, LegSpec } from '../fixtures/handBuilt';
import { loadDemoData } from '../../seed/load';
import { ConfidenceTier } from '../../seed/format';
import { RouteRecord, trace, TraceQuery } from '../../src/db/trace';

let t: TestService;
beforeAll(async () => {
  t = await startTestService({ seed: 'keep' });
});
afterAll(async () => {
  await t.close();
});

const base = {
  direction: 'FORWARD' as const,
  commodities: ['COAL', 'COAL_OR_PIG_IRON'],
  cargoOrigins: ['DPRK', 'DPRK_SUSPECTED', 'UNCONFIRMED'],
  windowFrom: null,
  windowTo: null,
  destinationCountry: null,
  // one-leg routes: every start leg is a route, scored and dated by its rank row alone
  maxHops: 1,
  maxWaitDays: 60,
};

/** Every way a forward trace reads its start legs: expanded by the start statement, in rounds, in batches, without the onward fact. */
const modes: (Pick<TraceQuery, 'eagerStart' | 'startBatch' | 'onward'> & { ranked: boolean })[] = [
  { ranked: false },
  { ranked: true },
  { ranked: true, eagerStart: 0 },
  { ranked: true, eagerStart: 0, startBatch: 1 },
  { ranked: true, eagerStart: 0, startBatch: 2, onward: false },
];

/** What a route says of its start leg's rank row: its legs, its score and its day. */
const ranks = (routes: RouteRecord[]) => routes.map((r) => [r.legIds, r.score, r.rankDay]);

async function routesOf(place: string, limit: number) {
  const out: RouteRecord[][] = [];
  for (const { ranked, ...mode } of modes) {
    const q: TraceQuery = { ...base, ...mode, place, ...(ranked ? { best: { limit, minConfidence: null } } : {}) };
    const result = await trace(t.db, q);
    out.push(ranked ? result!.routes : result!.routes.slice(0, limit));
  }
  return out;
}

describe('the start legs ranked from their rank keys', () => {
  it('on a hand-built port: confidence, an unknown day first, the day, the id', async () => {
    const legs: (LegSpec & { tier: ConfidenceTier })[] = [
      { id: 'late', tier: 'HIGH', departure: day('2020-03-01') },
      { id: 'undated', tier: 'HIGH' },
      { id: 'tie-b', tier: 'HIGH', departure: day('2020-01-01') },
      { id: 'tie-a', tier: 'HIGH', departure: day('2020-01-01') },
      { id: 'medium', tier: 'MEDIUM', departure: day('2019-01-01') },
      { id: 'low', tier: 'LOW' },
      { id: 'medium-high', tier: 'MEDIUM_HIGH', departure: day('2021-05-05') },
    ].map((l) => ({ vessel: l.id, from: 'a', to: 'b', ...l }) as LegSpec & { tier: ConfidenceTier });
    const d = handBuiltDataset(legs);
    d.legs.forEach((l, i) => (l.evidence = { ...l.evidence, confidence: legs[i].tier }));
    await resetDatabase(t.db);
    await loadDemoData(t.db, d);
    const expected = [
      ['undated', 0.9, null],
      ['tie-a', 0.9, '2020-01-01'],
      ['tie-b', 0.9, '2020-01-01'],
      ['late', 0.9, '2020-03-01'],
      ['medium-high', 0.75, '2021-05-05'],
      ['medium', 0.6, '2019-01-01'],
      ['low', 0.3, null],
    ].map(([id, score, rankDay]) => [[`leg:test-${id}`], score, rankDay]);
    for (const limit of [7, 3])
      for (const routes of await routesOf('port:test-a', limit))
        expect(ranks(routes)).toEqual(expected.slice(0, limit));
  });

  it('from every port of the demo graph: each start leg (that reached a port: a route) as it is stored', async () => {
    await resetDatabase(t.db);
    await loadDemoData(t.db);
    const stored = await t.db.read<{ port: string; id: string; confidence: number; day: string | null }>(
      `MATCH (l:Leg)-[:FROM]->(p:Port)
       WHERE l.commodity IN $commodities AND l.cargoOrigin IN $cargoOrigins AND EXISTS { (l)-[:TO]->(:Port) }
       RETURN p.id AS port, l.id AS id, l.confidence AS confidence, toString(l.departureFrom) AS day`,
      base,
    );
    const ports = [...new Set(stored.map((s) => s.port))].sort();
    let undated = 0;
    for (const port of ports) {
      // the order of rank.ts, written out: confidence highest first, an unknown day first, the day, the id
      const expected = stored
        .filter((s) => s.port === port)
        .sort(
          (a, b) =>
            b.confidence - a.confidence ||
            (a.day === b.day ? 0 : a.day == null ? -1 : b.day == null ? 1 : a.day < b.day ? -1 : 1) ||
            (a.id < b.id ? -1 : 1),
        )
        .map((s) => [[s.id], s.confidence, s.day]);
      undated += expected.filter((e) => e[2] == null).length;
      for (const routes of await routesOf(port, 500)) expect(ranks(routes)).toEqual(expected);
    }
    // the comparison is not vacuous: many ports, and start legs with an unknown day among them
    expect(ports.length).toBeGreaterThan(5);
    expect(undated).toBeGreaterThan(5);
  });
});
