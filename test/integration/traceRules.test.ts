/** The trace rules on small hand-built graphs (synthetic names), against a real Neo4j. */
import { resetDatabase, startTestService, TestService } from './harness';
import { day, handBuiltDataset, LegSpec, span } from '../fixtures/handBuilt';
import { loadDemoData } from '../../seed/load';
import { SeedDataset } from '../../seed/format';

let t: TestService;
beforeAll(async () => {
  t = await startTestService({ seed: 'keep' });
});
afterAll(async () => {
  await t.close();
});

async function load(d: SeedDataset) {
  await resetDatabase(t.db);
  await loadDemoData(t.db, d);
}

async function trace(origin: string, args = '') {
  const r = await t.gql(`{ traceCargo(origin: "${origin}"${args}) {
    hops truncated inferredLinks possibleLinks finalPort { id }
    steps { kind leg { id } link { kind certainty } }
  } }`);
  expect(r.errors).toBeUndefined();
  return r.data!.traceCargo as any[];
}

const legIds = (route: any) => route.steps.filter((s: any) => s.kind === 'LEG').map((s: any) => s.leg.id);

describe('time order', () => {
  it('never chains a leg that departed before the previous one arrived', async () => {
    await load(
      handBuiltDataset([
        { id: 'in', vessel: '1', from: 'a', to: 'b', departure: day('2020-01-01'), arrival: day('2020-01-10') },
        { id: 'early', vessel: '2', from: 'b', to: 'c', departure: day('2020-01-05'), arrival: day('2020-01-20') },
        { id: 'late', vessel: '3', from: 'b', to: 'd', departure: day('2020-01-15'), arrival: day('2020-01-25') },
      ]),
    );
    const routes = await trace('port:test-a');
    const ends = routes.map((r) => r.finalPort.id);
    expect(ends).toEqual(['port:test-d']);
    expect(legIds(routes[0])).toEqual(['leg:test-in', 'leg:test-late']);
    expect(routes[0].steps[1].link).toEqual({ kind: 'INFERRED', certainty: 'CERTAIN' });
  });

  it('gives a possible link when the dates only allow the order', async () => {
    await load(
      handBuiltDataset([
        { id: 'in', vessel: '1', from: 'a', to: 'b', arrival: span('2020-01-01', '2020-03-31') },
        { id: 'out', vessel: '2', from: 'b', to: 'c', departure: span(null, '2020-02-15') },
      ]),
    );
    const [route] = await trace('port:test-a');
    expect(route.finalPort.id).toBe('port:test-c');
    expect(route.possibleLinks).toBe(1);
    expect(route.steps[1].link.certainty).toBe('POSSIBLE');
  });
});

describe('waiting', () => {
  const legs: LegSpec[] = [
    { id: 'in', vessel: '1', from: 'a', to: 'b', departure: day('2020-01-01'), arrival: day('2020-01-10') },
    { id: 'out', vessel: '2', from: 'b', to: 'c', departure: day('2020-04-10'), arrival: day('2020-04-20') },
  ];

  it('breaks an inferred link when the wait is over maxWaitDays, and keeps it under a longer limit', async () => {
    await load(handBuiltDataset(legs));
    expect((await trace('port:test-a', ', maxWaitDays: 60')).map((r) => r.finalPort.id)).toEqual(['port:test-b']);
    expect((await trace('port:test-a', ', maxWaitDays: 120')).map((r) => r.finalPort.id)).toEqual(['port:test-c']);
  });

  it('keeps a documented transfer whatever the wait', async () => {
    await load(
      handBuiltDataset(
        [
          legs[0],
          { id: 'out', vessel: '2', from: 'b', to: 'c', departure: day('2021-03-01'), arrival: day('2021-03-10') },
        ],
        [{ id: 'sts', fromLeg: 'in', toLeg: 'out', at: 'b', when: day('2021-03-01') }],
      ),
    );
    const [route] = await trace('port:test-a', ', maxWaitDays: 0');
    expect(route.finalPort.id).toBe('port:test-c');
    expect(route.steps.map((s: any) => s.kind)).toEqual(['LEG', 'TRANSFER', 'LEG']);
    expect(route.inferredLinks).toBe(0);
  });
});

describe('bounds', () => {
  it('terminates on cycles and never repeats a leg in a route', async () => {
    // With no dates, a→b and b→a can follow each other in both directions.
    await load(
      handBuiltDataset([
        { id: 'ab', vessel: '1', from: 'a', to: 'b' },
        { id: 'ba', vessel: '2', from: 'b', to: 'a' },
        { id: 'ab2', vessel: '3', from: 'a', to: 'b' },
      ]),
    );
    const routes = await trace('port:test-a', ', maxHops: 8');
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) {
      const ids = legIds(r);
      expect(new Set(ids).size).toBe(ids.length);
      expect(r.hops).toBeLessThanOrEqual(3);
    }
  });

  it('respects maxHops and marks routes that could go further as truncated', async () => {
    const chain: LegSpec[] = ['a', 'b', 'c', 'd', 'e'].map((p, i) => ({
      id: `h${i}`,
      vessel: `${i}`,
      from: p,
      to: String.fromCharCode(p.charCodeAt(0) + 1),
      departure: day(`2020-0${i + 1}-01`),
      arrival: day(`2020-0${i + 1}-05`),
    }));
    await load(handBuiltDataset(chain));
    const three = await trace('port:test-a', ', maxHops: 3');
    expect(three).toHaveLength(1);
    expect(three[0]).toMatchObject({ hops: 3, truncated: true, finalPort: { id: 'port:test-d' } });
    const all = await trace('port:test-a', ', maxHops: 8');
    expect(all[0]).toMatchObject({ hops: 5, truncated: false, finalPort: { id: 'port:test-f' } });
  });
});

describe('the safety caps', () => {
  it('answers a ranked trace exactly without a cap, and destinations sums every route (no cap: propagation)', async () => {
    // 40 cargoes from a into hub b, 40 departures from b to c, 15 from c to d, all within the wait:
    // 24,000 three-leg routes, more than the enumeration destinations used to sum (20,000)
    const legs: LegSpec[] = [];
    const stage = (n: number, from: string, to: string, dep: string, arr: string) => {
      for (let i = 0; i < n; i++)
        legs.push({
          id: `${from}${to}-${i}`,
          vessel: `${from}${to}-${i}`,
          from,
          to,
          departure: day(dep),
          arrival: day(arr),
        });
    };
    stage(40, 'a', 'b', '2020-01-01', '2020-01-10');
    stage(40, 'b', 'c', '2020-01-20', '2020-01-30');
    stage(15, 'c', 'd', '2020-02-10', '2020-02-20');
    await load(handBuiltDataset(legs));
    const ranked = await t.gql(`{ traceCargo(origin: "port:test-a", maxHops: 3, limit: 3) { hops confidence } }`);
    expect(ranked.errors).toBeUndefined();
    expect(ranked.data!.traceCargo).toHaveLength(3);
    for (const r of ranked.data!.traceCargo) expect(r.hops).toBe(3);
    expect(ranked.extensions?.warnings).toBeUndefined();
    const dest = await t.gql(`{ destinations(origin: "port:test-a", maxHops: 3) { key routeCount } }`);
    expect(dest.data!.destinations.reduce((n: number, g: any) => n + g.routeCount, 0)).toBe(24_000);
    expect(dest.extensions?.warnings).toBeUndefined();
    const whole = await t.gql(`{ destinations(origin: "port:test-a", maxHops: 2) { key routeCount } }`);
    expect(whole.data!.destinations.reduce((n: number, g: any) => n + g.routeCount, 0)).toBe(1600);
    expect(whole.extensions?.warnings).toBeUndefined();
  });
});
