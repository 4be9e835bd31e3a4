/**
 * A small trace answered in the statement of its walk: from an anchor with few legs the start statement
 * expands the hops while they are small and reads what a client is shown of the legs it met (views,
 * ports, countries, vessels: db/trace/statements.ts startExpanding, TraceQuery.show), which primes the
 * service's loaders. What it read must be exactly what the loaders read.
 */
import { startTestService, TestService } from './harness';
import { RouteRecord, Shown, trace, TraceQuery } from '../../src/db/trace';
import { createLoaders } from '../../src/db/loaders';
import { DEMO_TRACE, DEMO_TRACE_QUERY } from '../../bench/demoTraceQuery';
import { StatementCounter } from '../../src/db/database';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

const base: TraceQuery = DEMO_TRACE;

/** Everything a route shows. */
const ALL: Shown = { views: true, places: true, vessels: true };

/** The ids of the records a route's fields read through the node loader: its ends, final country and vessels. */
const recordIds = (routes: RouteRecord[]) =>
  new Set(
    routes.flatMap((r) => [
      r.originId,
      r.finalPortId,
      `country:${r.finalCountryCode}`,
      ...r.vesselSpans.map((s) => s.vesselId),
    ]),
  );

const statements = (r: { headers: Headers }) => Number(r.headers.get('x-collier-statements'));

describe('the demo trace from Nampho', () => {
  it('is one statement, directly and through the service', async () => {
    const direct = await trace(t.db, base);
    expect(direct!.routes).toHaveLength(6);
    expect(direct!.rounds).toBe(0); // statements after the start statement
    const r = await t.gql(DEMO_TRACE_QUERY);
    expect(r.errors).toBeUndefined();
    expect(r.data!.traceCargo.map((x: { id: string }) => x.id)).toEqual(direct!.routes.map((x) => x.id));
    expect(statements(r)).toBe(1);
  });

  it('selecting only scalars reads nothing for the client (and is one statement)', async () => {
    const r = await t.gql(`{ traceCargo(origin: "Nampho") { id confidence } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.traceCargo).toHaveLength(6);
    expect(statements(r)).toBe(1);
  });
});

describe('what a small trace reads for the client', () => {
  it.each(['port:nampho', 'port:wonsan', 'port:chongjin', 'port:taean'])(
    'from %s: the same routes, and views and records equal to what the loaders read',
    async (place) => {
      for (const maxHops of [1, 2, 4, 8]) {
        const q = { ...base, place, maxHops };
        const plain = await trace(t.db, q);
        const shown = await trace(t.db, { ...q, show: ALL });
        expect(plain!.legViews).toEqual([]);
        expect(plain!.nodes).toEqual([]);
        expect(shown!.routes).toEqual(plain!.routes);
        expect(shown!.rounds).toBe(plain!.rounds);
        const loaders = createLoaders(t.db, new StatementCounter());
        const views = await loaders.legView.loadMany(shown!.legViews.map((v) => String(v.props.id)));
        expect(views).toEqual(shown!.legViews);
        const nodes = await loaders.node.loadMany(shown!.nodes.map((n) => n.id));
        expect(nodes).toEqual(shown!.nodes);
        // only what the answer shows: legs of its routes, their ends and countries, their vessels
        const legs = new Set(shown!.routes.flatMap((r) => r.legIds));
        expect(shown!.legViews.every((v) => legs.has(String(v.props.id)))).toBe(true);
        const ids = recordIds(shown!.routes);
        expect(shown!.nodes.every((n) => ids.has(n.id))).toBe(true);
      }
    },
  );

  it('reads only what the selection shows', async () => {
    const views = await trace(t.db, { ...base, show: { views: true, places: false, vessels: false } });
    expect(views!.legViews.length).toBeGreaterThan(0);
    expect(views!.nodes).toEqual([]);
    const places = await trace(t.db, { ...base, show: { views: false, places: true, vessels: false } });
    expect(places!.legViews).toEqual([]);
    expect(new Set(places!.nodes.map((n) => n.id.split(':')[0]))).toEqual(new Set(['port', 'country']));
  });

  it('from Nampho at 4 hops: every leg, end, country and vessel of the answer', async () => {
    const shown = await trace(t.db, { ...base, show: ALL });
    const legs = new Set(shown!.routes.flatMap((r) => r.legIds));
    expect(new Set(shown!.legViews.map((v) => v.props.id))).toEqual(legs);
    const ids = recordIds(shown!.routes);
    for (const id of ids) expect(shown!.nodes.map((n) => n.id)).toContain(id);
  });
});
