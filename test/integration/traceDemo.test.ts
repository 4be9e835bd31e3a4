/** Tracing on the demo graph: where did the coal go? */
import { startTestService, TestService } from './harness';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

const ROUTE = `
  id confidence inferredLinks possibleLinks hops truncated
  origin { id name } finalPort { id name } finalCountry { code name }
  steps { index kind leg { id vessel { name } from { id } to { id } departure { from to } arrival { from to } cargoOrigin } transfer { id fromVessel { name } toVessel { name } port { name } } link { kind certainty waitMinDays waitMaxDays } }
  vessels { name }
  intermediaries { ports { id name } companies { type party { name } } }
  tactics { code }
  sources { url }
  graph { nodes { id label name } edges { id type source target } }
`;

describe('traceCargo from Nampho', () => {
  let routes: any[];
  beforeAll(async () => {
    const r = await t.gql(`{ traceCargo(origin: "Nampo") { ${ROUTE} } }`);
    expect(r.errors).toBeUndefined();
    routes = r.data!.traceCargo;
  });

  it('reaches Ho Chi Minh City through Wise Honest, the transfer near Balikpapan and Dong Thanh', () => {
    const route = routes.find((x) => x.finalPort.id === 'port:ho-chi-minh-city');
    expect(route).toBeDefined();
    expect(route.origin.id).toBe('port:nampho');
    expect(route.finalCountry.code).toBe('VN');
    expect(route.vessels.map((v: any) => v.name)).toEqual(['Wise Honest', 'Dong Thanh']);
    const transfer = route.steps.find((s: any) => s.kind === 'TRANSFER');
    expect(transfer.transfer).toMatchObject({ fromVessel: { name: 'Wise Honest' }, toVessel: { name: 'Dong Thanh' } });
    expect(route.intermediaries.ports.map((p: any) => p.id)).toContain('port:balikpapan');
    // the transfer waited about a year: still followed, because it is documented
    const afterTransfer = route.steps[route.steps.findIndex((s: any) => s.kind === 'TRANSFER') + 1];
    expect(afterTransfer.link.kind).toBe('TRANSFER');
    expect(afterTransfer.link.waitMinDays).toBeGreaterThan(300);
    expect(route.sources.length).toBeGreaterThan(0);
  });

  it('keeps, within a date window, exactly the routes whose first leg left in it (dates are compared as dates)', async () => {
    const campha = routes.find((x) => x.finalPort.id === 'port:cam-pha');
    const year = campha.steps[0].leg.departure.from.slice(0, 4);
    const window = { from: `${year}-01-01`, to: `${year}-12-31` };
    // The Cypher rule (db/trace/ WINDOW): the departure range, or the arrival range when the departure is unknown, meets the window.
    const leftInWindow = (route: any) => {
      const { departure, arrival } = route.steps[0].leg;
      const from = departure?.from ?? arrival?.from;
      const to = departure?.to ?? arrival?.to;
      return (to == null || to >= window.from) && (from == null || from <= window.to);
    };
    const r = await t.gql(`query($w: DateWindowInput) { traceCargo(origin: "Nampo", window: $w) { ${ROUTE} } }`, {
      w: window,
    });
    expect(r.errors).toBeUndefined();
    const inside = r.data!.traceCargo.map((x: any) => x.id).sort();
    expect(inside).toContain(campha.id);
    expect(inside.length).toBeLessThan(routes.length);
    expect(inside).toEqual(
      routes
        .filter(leftInWindow)
        .map((x) => x.id)
        .sort(),
    );
    // Before any dated voyage: only routes that left on an undated leg (an unknown date never excludes).
    const before = await t.gql(
      `{ traceCargo(origin: "Nampo", window: { from: "1990-01-01", to: "1990-12-31" }) { ${ROUTE} } }`,
    );
    for (const route of before.data!.traceCargo) {
      const { departure, arrival } = route.steps[0].leg;
      expect([departure?.from, departure?.to, arrival?.from, arrival?.to].filter((d) => d != null)).toEqual([]);
    }
    expect(before.data!.traceCargo.length).toBeLessThan(inside.length);
  });

  it('reaches Vietnam (Cam Pha) and Malaysia directly', () => {
    const campha = routes.find((x) => x.finalPort.id === 'port:cam-pha');
    expect(campha.hops).toBe(1);
    expect(campha.vessels[0].name).toBe('Kai Xiang');
    const malaysia = routes.find((x) => x.finalCountry.code === 'MY');
    expect(malaysia.vessels[0].name).toBe('Jia Feng');
  });

  it('returns a drawable graph for each route: every edge joins two of its nodes', () => {
    for (const route of routes) {
      const ids = new Set(route.graph.nodes.map((n: any) => n.id));
      for (const e of route.graph.edges) {
        expect(ids.has(e.source)).toBe(true);
        expect(ids.has(e.target)).toBe(true);
      }
    }
  });

  it('costs one statement to start plus one per round of the walk (at most maxHops + 1), plus a bounded number of loader statements', async () => {
    const bare = await t.gql(`{ traceCargo(origin: "Nampo") { id } }`);
    // default maxHops 4: the start, then at most one round per hop and one to see whether routes go on
    expect(Number(bare.headers.get('x-collier-statements'))).toBeLessThanOrEqual(1 + 4 + 1);
    const full = await t.gql(`{ traceCargo(origin: "Nampo") { ${ROUTE} } }`);
    // the walk's statements, then the same bounded loader statements as ever (legs, ports, vessels, …)
    expect(Number(full.headers.get('x-collier-statements'))).toBeLessThanOrEqual(1 + 4 + 1 + 9);
  });

  it("follows one leg only with maxHops: 1 (the cargo's first carrier and where it went)", async () => {
    const r = await t.gql(
      `{ traceCargo(origin: "Nampo", maxHops: 1) { hops truncated steps { kind } vessels { name } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.traceCargo.length).toBeGreaterThan(0);
    for (const route of r.data!.traceCargo) {
      expect(route.hops).toBe(1);
      expect(route.steps).toHaveLength(1);
    }
    expect(r.data!.traceCargo.flatMap((x: any) => x.vessels.map((v: any) => v.name))).toContain('Wise Honest');
    expect(r.data!.traceCargo.some((x: any) => x.truncated)).toBe(true);
  });

  it('answers a route list, or destinations with their routes, with their steps in the walk statements plus one', async () => {
    const one = await t.gql(`{ traceCargo(origin: "Nampo", limit: 1) { id steps { leg { id } } } }`);
    const all = await t.gql(
      `{ traceCargo(origin: "Nampo") { id steps { leg { id } } graph { nodes { id } } departure { from } } }`,
    );
    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    expect(one.data!.traceCargo).toHaveLength(1);
    expect(all.data!.traceCargo.length).toBeGreaterThan(3);
    // the walk (start + rounds), then the legs of the routes shown, in one loader statement
    expect(Number(one.headers.get('x-collier-statements'))).toBeLessThanOrEqual(1 + 4 + 1 + 1);
    expect(Number(all.headers.get('x-collier-statements'))).toBeLessThanOrEqual(1 + 4 + 1 + 1);
    // limit: 1 shows the first of the full ranking
    expect(one.data!.traceCargo[0]).toEqual({ id: all.data!.traceCargo[0].id, steps: all.data!.traceCargo[0].steps });
    const dest = await t.gql(`{ destinations(origin: "Nampo") { key routes(limit: 2) { steps { leg { id } } } } }`);
    expect(dest.errors).toBeUndefined();
    expect(dest.data!.destinations.length).toBeGreaterThan(2);
    expect(Number(dest.headers.get('x-collier-statements'))).toBeLessThanOrEqual(1 + 4 + 1 + 1);
  });
});

describe('traceCargo from Wonsan and Chongjin', () => {
  it.each(['Wonsan', 'Chongjin'])(
    'from %s reaches Incheon and Pohang through Kholmsk and Sky Angel / Rich Glory',
    async (origin) => {
      const r = await t.gql(`query($o: String!) { traceCargo(origin: $o) { ${ROUTE} } }`, { o: origin });
      expect(r.errors).toBeUndefined();
      const routes = r.data!.traceCargo;
      const incheon = routes.find((x: any) => x.finalPort.id === 'port:incheon');
      const pohang = routes.find((x: any) => x.finalPort.id === 'port:pohang');
      expect(incheon.vessels.map((v: any) => v.name)).toContain('Sky Angel');
      expect(pohang.vessels.map((v: any) => v.name)).toContain('Rich Glory');
      for (const route of [incheon, pohang]) {
        expect(route.finalCountry.code).toBe('KR');
        expect(route.intermediaries.ports.map((p: any) => p.id)).toContain('port:kholmsk');
        expect(route.inferredLinks).toBe(1);
        expect(route.possibleLinks).toBe(1); // "Jul-Sep 2017" then "arrived 2 Oct": the order is allowed, not proven
      }
    },
  );
});

describe('what a trace leaves out', () => {
  it("never includes Ocean Skipper's Russian coal in a trace of DPRK-origin coal", async () => {
    const r = await t.gql(`{ traceCargo(origin: "Rajin", maxHops: 8) { vessels { name } } }`);
    expect(r.errors).toBeUndefined();
    const names = r.data!.traceCargo.flatMap((x: any) => x.vessels.map((v: any) => v.name));
    expect(names).not.toContain('Ocean Skipper');
  });
});

describe('destinations', () => {
  it('lists Vietnam, Malaysia and China from Nampho, and Indonesia only as an intermediary', async () => {
    const r = await t.gql(
      `{ destinations(origin: "Nampho", groupBy: COUNTRY) { key routeCount country { code name } vessels { name } firstDate lastDate tonnage { min max } routes { id } } }`,
    );
    expect(r.errors).toBeUndefined();
    const codes = r.data!.destinations.map((d: any) => d.country.code);
    expect(codes).toEqual(expect.arrayContaining(['VN', 'MY', 'CN']));
    expect(codes).not.toContain('ID');
    const vn = r.data!.destinations.find((d: any) => d.key === 'VN');
    expect(vn.routeCount).toBeGreaterThanOrEqual(2);
    expect(vn.vessels.map((v: any) => v.name)).toEqual(
      expect.arrayContaining(['Wise Honest', 'Dong Thanh', 'Kai Xiang']),
    );
  });

  it("lists a group's routes most confident first, as many as asked", async () => {
    const r = await t.gql(
      `{ destinations(origin: "Nampho") { key routeCount bestConfidence routes(limit: 1) { confidence steps { kind } } all: routes(limit: 500) { confidence } } }`,
    );
    expect(r.errors).toBeUndefined();
    for (const d of r.data!.destinations) {
      expect(d.routes).toHaveLength(1);
      expect(d.routes[0].confidence).toBe(d.bestConfidence);
      expect(d.routes[0].steps.length).toBeGreaterThan(0);
      expect(d.all).toHaveLength(d.routeCount);
      const cs = d.all.map((x: any) => x.confidence);
      expect(cs).toEqual([...cs].sort((a, b) => b - a));
    }
    const bad = await t.gql(`{ destinations(origin: "Nampho") { routes(limit: 501) { id } } }`);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('groups by port', async () => {
    const r = await t.gql(`{ destinations(origin: "port:nampho", groupBy: PORT) { key port { name } routeCount } }`);
    expect(r.data!.destinations.map((d: any) => d.key)).toEqual(
      expect.arrayContaining(['port:ho-chi-minh-city', 'port:cam-pha']),
    );
  });
});

describe('traceBack', () => {
  it('finds that the coal landed at Pohang came from Wonsan and Chongjin via Kholmsk', async () => {
    const r = await t.gql(`{ traceBack(destination: "Pohang") { origin { id } finalPort { id } vessels { name } } }`);
    expect(r.errors).toBeUndefined();
    const origins = r.data!.traceBack.map((x: any) => x.origin.id);
    expect(origins).toEqual(expect.arrayContaining(['port:wonsan', 'port:chongjin']));
    for (const route of r.data!.traceBack) expect(route.finalPort.id).toBe('port:pohang');
  });
});

describe('vesselTimeline', () => {
  it("lists a vessel's legs, transfers, identities and designations in time order", async () => {
    const r = await t.gql(
      `{ vesselTimeline(id: "vessel:wise-honest") { kind date { from to } summary refId sources { url } } }`,
    );
    expect(r.errors).toBeUndefined();
    const events = r.data!.vesselTimeline;
    const kinds = new Set(events.map((e: any) => e.kind));
    for (const k of ['LEG_DEPARTURE', 'TRANSFER', 'IDENTITY', 'DESIGNATION']) expect(kinds.has(k)).toBe(true);
    const dated = events.filter((e: any) => e.date?.from).map((e: any) => e.date.from);
    expect(dated).toEqual([...dated].sort());
  });
});

describe('bad input', () => {
  it.each([
    ['maxHops', '{ traceCargo(origin: "Nampho", maxHops: 9) { id } }'],
    ['maxHops', '{ traceCargo(origin: "Nampho", maxHops: 0) { id } }'],
    ['limit', '{ traceCargo(origin: "Nampho", limit: 501) { id } }'],
    ['maxWaitDays', '{ traceCargo(origin: "Nampho", maxWaitDays: 731) { id } }'],
    ['minConfidence', '{ traceCargo(origin: "Nampho", minConfidence: 1.5) { id } }'],
    ['window', '{ traceCargo(origin: "Nampho", window: { from: "2019-01-01", to: "2018-01-01" }) { id } }'],
    ['destinationCountry', '{ traceCargo(origin: "Nampho", destinationCountry: "Vietnam") { id } }'],
  ])('%s over its cap or malformed → BAD_USER_INPUT', async (arg, query) => {
    const r = await t.gql(query);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: arg });
  });

  it('an unknown origin → NOT_FOUND', async () => {
    const r = await t.gql(`{ traceCargo(origin: "Atlantis") { id } }`);
    expect(r.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
