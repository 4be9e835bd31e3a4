/**
 * A small trace answered in the statement of its walk: from an anchor with few legs the start statement
 * expands the hops while they are small and reads what a client is shown of the legs it met (views,
 * ports, countries, vessels: db/trace/statements.ts startExpanding, TraceQuery.show), which primes the
 * service's loaders. What it read must be exactly what the loaders read. A trace that is not small
 * (and traceBack, and the routes of destinations) reads the same for its answer in one statement after
 * the walk (db/trace/shown.ts completeShown), in place of the legView and node loaders' two.
 */
import { startTestService, TestService } from './harness';
import { LegView, RouteRecord, Shown, trace, traceDestinations, TraceQuery } from '../../src/db/trace';
import { NodeRecord } from '../../src/db/records';
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

  // eagerStart 0: the start statement reads nothing; the statement after the walk reads it (completeShown)
  it.each([undefined, 0])('reads only what the selection shows (eagerStart %p)', async (eagerStart) => {
    const q = { ...base, eagerStart };
    const views = await trace(t.db, { ...q, show: { views: true, places: false, vessels: false } });
    expect(views!.legViews.length).toBeGreaterThan(0);
    expect(views!.nodes).toEqual([]);
    const places = await trace(t.db, { ...q, show: { views: false, places: true, vessels: false } });
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

/** What was read for the client equals what the loaders read, covers the answer, and holds nothing else. */
async function expectAsLoaders(routes: RouteRecord[], read: { legViews: LegView[]; nodes: NodeRecord[] }) {
  const loaders = createLoaders(t.db, new StatementCounter());
  const legs = new Set(routes.flatMap((r) => r.legIds));
  expect(new Set(read.legViews.map((v) => String(v.props.id)))).toEqual(legs);
  expect(await loaders.legView.loadMany([...legs])).toEqual(
    [...legs].map((id) => read.legViews.find((v) => v.props.id === id)),
  );
  // every record of the answer that exists was read, and only those
  const ids = [...recordIds(routes)];
  const loaded = (await loaders.node.loadMany(ids)).filter((n): n is NodeRecord => n != null && !(n instanceof Error));
  expect(loaded.length).toBeGreaterThan(0);
  expect(new Map(read.nodes.map((n) => [n.id, n]))).toEqual(new Map(loaded.map((n) => [n.id, n])));
}

describe('what a trace that is not small reads for the client, in one statement after the walk', () => {
  it.each(['port:nampho', 'port:wonsan', 'port:chongjin'])(
    "from %s, the start statement reading nothing: views and records equal to the loaders', one statement more",
    async (place) => {
      for (const maxHops of [1, 2, 4, 8]) {
        // eagerStart 0: the start statement expands nothing and reads nothing for the client (a large anchor)
        const q = { ...base, place, maxHops, eagerStart: 0 };
        const plainCount = new StatementCounter();
        const plain = await trace(t.db, q, plainCount);
        const count = new StatementCounter();
        const shown = await trace(t.db, { ...q, show: ALL }, count);
        expect(shown!.routes).toEqual(plain!.routes);
        expect(count.count).toBe(plainCount.count + 1);
        await expectAsLoaders(shown!.routes, shown!);
      }
    },
  );

  it("traceBack: views and records (origins too) equal to the loaders', one statement more", async () => {
    for (const place of ['port:pohang', 'port:incheon', 'port:kholmsk', 'port:ho-chi-minh-city', 'port:cam-pha']) {
      const q: TraceQuery = { ...base, direction: 'BACKWARD', place };
      const plainCount = new StatementCounter();
      const plain = await trace(t.db, q, plainCount);
      if (plain!.routes.length === 0) continue;
      const count = new StatementCounter();
      const shown = await trace(t.db, { ...q, show: ALL }, count);
      expect(shown!.routes).toEqual(plain!.routes);
      expect(count.count).toBe(plainCount.count + 1);
      await expectAsLoaders(shown!.routes, shown!);
      expect(shown!.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(shown!.routes.map((r) => r.originId)));
    }
  });

  it("destinations: the groups' routes, read as the loaders read them", async () => {
    for (const [eagerStart, more] of [
      [undefined, 0],
      [0, 1],
    ] as const) {
      const q = { ...base, best: undefined, eagerStart };
      const plainCount = new StatementCounter();
      const plain = await traceDestinations(t.db, q, 'COUNTRY', 2, plainCount);
      const count = new StatementCounter();
      const shown = await traceDestinations(t.db, { ...q, show: ALL }, 'COUNTRY', 2, count);
      expect(shown!.groups).toEqual(plain!.groups);
      expect(count.count).toBe(plainCount.count + more);
      await expectAsLoaders(
        shown!.groups.flatMap((g) => g.routes),
        shown!,
      );
    }
  });
});

describe('through the service: one statement after the walk', () => {
  const ROUTE = `id origin { id name } finalPort { id name } finalCountry { code name } vessels { id name }
    steps { kind leg { id departure { from } arrival { to } } } departure { from } graph { nodes { id } }`;

  it('traceBack: the walk and one statement (was two: the legView and node loaders)', async () => {
    const count = new StatementCounter();
    const direct = await trace(t.db, { ...base, direction: 'BACKWARD', place: 'port:pohang' }, count);
    expect(direct!.routes.length).toBeGreaterThan(0);
    const r = await t.gql(`{ traceBack(destination: "port:pohang") { ${ROUTE} } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.traceBack.map((x: { id: string }) => x.id)).toEqual(direct!.routes.map((x) => x.id));
    expect(r.data!.traceBack[0].origin).not.toBeNull();
    expect(statements(r)).toBe(count.count + 1);
  });

  it('destinations with routes: the walk alone for a small trace (was one statement more)', async () => {
    const count = new StatementCounter();
    await traceDestinations(t.db, { ...base, best: undefined }, 'COUNTRY', 2, count);
    const r = await t.gql(`{ destinations(origin: "Nampho") { key routes(limit: 2) { ${ROUTE} } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.destinations.length).toBeGreaterThan(2);
    expect(statements(r)).toBe(count.count);
  });
});
