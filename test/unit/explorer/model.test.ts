/** The route explorer's drawing rules (explorer/model.ts): pure functions, checked without a browser. */
import {
  confidenceColor,
  drawRoutes,
  entityIds,
  filterRoutes,
  fitProjection,
  layeredPositions,
  layers,
  mapSegments,
  mergeSubgraph,
  placeLabels,
  placePorts,
  tacticsOf,
  tonnageWidth,
} from '../../../explorer/model';
import type { LegData, PortRef, RouteData, RouteLink, RouteStep, TransferData } from '../../../explorer/types';

const port = (id: string, lat: number | null, lon: number | null, countryCode: string, kind = 'PORT'): PortRef => ({
  id: `port:${id}`,
  name: id[0].toUpperCase() + id.slice(1),
  kind,
  countryCode,
  location: lat == null || lon == null ? null : { lat, lon },
});

const NAMPHO = port('nampho', 38.7, 125.4, 'KP');
const STS = port('sts-area', -1.3, 116.8, 'ID', 'STS_AREA');
const KEMAMAN = port('kemaman', 4.2, 103.4, 'MY');
const KHOLMSK = port('kholmsk', 47.0, 142.0, 'RU');
const VLADIVOSTOK = port('vladivostok', 43.1, 131.9, 'RU');
const INCHEON = port('incheon', 37.5, 126.6, 'KR');
const KOREA = port('unspecified-kr', null, null, 'KR', 'UNSPECIFIED_IN_COUNTRY');
const HCMC = port('hcmc', null, null, 'VN');

function leg(
  id: string,
  vessel: string | null,
  from: PortRef[],
  to: PortRef[],
  tonnes: number | null,
  confidence = 0.75,
): LegData {
  return {
    id: `leg:${id}`,
    vessel: vessel ? { id: `vessel:${vessel.toLowerCase().replace(/ /g, '-')}`, name: vessel } : null,
    vesselDescription: vessel ? null : 'unnamed vessels',
    fromText: from.map((p) => p.name).join(' or '),
    toText: to.map((p) => p.name).join(' or '),
    from,
    to,
    departure: null,
    arrival: null,
    tonnageMin: tonnes,
    tonnageMax: tonnes,
    confidence,
    cargoOrigin: 'DPRK',
    legality: 'VIOLATION',
    cargoText: 'coal',
  };
}

const transfer = (id: string, at: PortRef, tonnes: number): TransferData => ({
  id: `transfer:${id}`,
  kind: 'SHIP_TO_SHIP',
  fromVessel: { id: 'vessel:wise-honest', name: 'Wise Honest' },
  toVessel: { id: 'vessel:dong-thanh', name: 'Dong Thanh' },
  fromVesselDescription: null,
  toVesselDescription: null,
  port: at,
  when: null,
  tonnage: [{ min: tonnes, max: tonnes, text: `${tonnes} t` }],
  confidence: 0.6,
});

const link = (kind: RouteLink['kind'], placeUncertain = false): RouteLink => ({
  kind,
  certainty: 'POSSIBLE',
  waitMinDays: null,
  waitMaxDays: 90,
  placeUncertain,
});

function route(id: string, steps: Omit<RouteStep, 'index'>[], extra: Partial<RouteData> = {}): RouteData {
  const legs = steps.filter((s) => s.leg).map((s) => s.leg!);
  const last = legs[legs.length - 1];
  return {
    id,
    confidence: 0.5,
    inferredLinks: 0,
    possibleLinks: 0,
    hops: legs.length,
    truncated: false,
    departure: null,
    arrival: null,
    tonnage: { min: null, max: null },
    origin: legs[0].from[0],
    finalPort: last.to[0],
    finalCountry: { code: last.to[0].countryCode!, name: last.to[0].countryCode! },
    tactics: [],
    steps: steps.map((s, index) => ({ ...s, index })),
    ...extra,
  };
}

const legStep = (l: LegData, lk: RouteLink | null = null): Omit<RouteStep, 'index'> => ({
  kind: 'LEG',
  leg: l,
  transfer: null,
  link: lk,
});
const transferStep = (t: TransferData): Omit<RouteStep, 'index'> => ({
  kind: 'TRANSFER',
  leg: null,
  transfer: t,
  link: null,
});

// Nampho → Wise Honest → STS transfer → Dong Thanh → Kemaman → Dong Thanh → Ho Chi Minh City
const WISE_HONEST = route(
  'route:wh',
  [
    legStep(leg('wh', 'Wise Honest', [NAMPHO], [STS], 26500)),
    transferStep(transfer('wh-dt', STS, 25000)),
    legStep(leg('dt-1', 'Dong Thanh', [STS], [KEMAMAN], 25000), link('TRANSFER')),
    legStep(leg('dt-2', 'Dong Thanh', [KEMAMAN], [HCMC], 25000), link('CONTINUATION')),
  ],
  { tactics: [{ code: 'STS_TRANSFER', name: 'Ship-to-ship transfer' }] },
);

// Nampho → unnamed → Kholmsk, then (landed and reloaded) Shining Rich from Kholmsk or Vladivostok → South Korea
const SHINING_RICH = route('route:sr', [
  legStep(leg('unnamed', null, [NAMPHO], [KHOLMSK], null)),
  legStep(leg('shining-rich', 'Shining Rich', [KHOLMSK, VLADIVOSTOK], [KOREA], null, 0.6), link('INFERRED', true)),
]);
const SKY_ANGEL = route('route:sa', [
  legStep(leg('unnamed', null, [NAMPHO], [KHOLMSK], null)),
  legStep(leg('sky-angel', 'Sky Angel', [KHOLMSK], [INCHEON], 4156), link('INFERRED')),
]);

describe('drawRoutes', () => {
  const d = drawRoutes([WISE_HONEST, SHINING_RICH, SKY_ANGEL]);
  const edge = (source: string, target: string) => d.edges.find((e) => e.source === source && e.target === target);

  it('draws ports, the vessel on each leg (keyed by the leg) and transfers, once each', () => {
    const kinds = Object.fromEntries(d.nodes.map((n) => [n.id, n.kind]));
    expect(kinds['port:nampho']).toBe('port');
    expect(kinds['leg:wh']).toBe('voyage');
    expect(kinds['transfer:wh-dt']).toBe('transfer');
    expect(d.nodes.filter((n) => n.id === 'leg:unnamed')).toHaveLength(1); // shared by two routes
    expect(d.nodes.find((n) => n.id === 'leg:unnamed')!.routeIds.sort()).toEqual(['route:sa', 'route:sr']);
    expect(d.nodes.find((n) => n.id === 'leg:wh')).toMatchObject({
      label: 'Wise Honest',
      vesselId: 'vessel:wise-honest',
    });
    expect(d.nodes.find((n) => n.id === 'leg:unnamed')).toMatchObject({ label: 'unnamed vessels', vesselId: null });
    expect(d.nodes.find((n) => n.id === 'port:nampho')!.origin).toBe(true);
    expect(d.nodes.find((n) => n.id === 'port:incheon')!.final).toBe(true);
    expect(new Set(d.edges.map((e) => e.id)).size).toBe(d.edges.length);
  });

  it('joins legs through the transfer instead of landing and reloading at its place', () => {
    expect(edge('port:nampho', 'leg:wh')).toMatchObject({ kind: 'load', tonnage: 26500 });
    expect(edge('leg:wh', 'transfer:wh-dt')).toMatchObject({ kind: 'transfer', tonnage: 25000, confidence: 0.6 });
    expect(edge('transfer:wh-dt', 'leg:dt-1')).toMatchObject({ kind: 'transfer' });
    expect(edge('transfer:wh-dt', 'port:sts-area')).toMatchObject({ kind: 'at' });
    expect(edge('leg:wh', 'port:sts-area')).toBeUndefined();
    expect(edge('port:sts-area', 'leg:dt-1')).toBeUndefined();
    expect(edge('leg:dt-1', 'port:kemaman')).toMatchObject({ kind: 'land' });
  });

  it('marks the loading edge of an inferred link, and alternative places', () => {
    expect(edge('port:kholmsk', 'leg:sky-angel')).toMatchObject({ inferred: true, alternative: false });
    expect(edge('port:kholmsk', 'leg:shining-rich')).toMatchObject({ inferred: true, alternative: true });
    expect(edge('port:vladivostok', 'leg:shining-rich')).toMatchObject({ inferred: true, alternative: true });
    expect(edge('port:nampho', 'leg:wh')!.inferred).toBe(false);
    expect(edge('port:kemaman', 'leg:dt-2')!.inferred).toBe(false); // a continuation is not inferred
  });

  it('lists the entities behind the drawing for export, vessels included', () => {
    const ids = entityIds(d);
    expect(ids).toEqual(
      expect.arrayContaining(['port:nampho', 'leg:wh', 'vessel:wise-honest', 'transfer:wh-dt', 'vessel:sky-angel']),
    );
    expect(ids).toEqual([...ids].sort());
  });
});

describe('mergeSubgraph', () => {
  it('adds what is new, merges a leg into its voyage node, and skips edges the drawing already shows', () => {
    const d = drawRoutes([SKY_ANGEL]);
    const { drawing, added } = mergeSubgraph(d, {
      nodes: [
        { id: 'vessel:sky-angel', label: 'Vessel', name: 'Sky Angel' },
        { id: 'leg:sky-angel', label: 'Leg', name: 'Sky Angel: Kholmsk → Incheon' },
        { id: 'designation:x', label: 'Designation', name: 'ROK port ban' },
      ],
      edges: [
        {
          id: 'ON:1',
          type: 'ON',
          source: 'leg:sky-angel',
          target: 'vessel:sky-angel',
          confidence: 0.75,
          sources: [{ url: 'https://a.example/1' }],
        },
        {
          id: 'DESIGNATED:1',
          type: 'DESIGNATED',
          source: 'vessel:sky-angel',
          target: 'designation:x',
          confidence: 0.9,
        },
        { id: 'FROM:1', type: 'FROM', source: 'leg:sky-angel', target: 'port:kholmsk', confidence: 0.75 },
        { id: 'ON:2', type: 'ON', source: 'leg:elsewhere', target: 'vessel:sky-angel', confidence: 0.75 },
      ],
      truncated: false,
    });
    expect(added).toEqual(['vessel:sky-angel', 'designation:x']);
    expect(drawing.nodes.find((n) => n.id === 'vessel:sky-angel')).toMatchObject({
      kind: 'entity',
      entityLabel: 'Vessel',
    });
    expect(drawing.nodes.find((n) => n.id === 'leg:sky-angel')!.kind).toBe('voyage');
    const links = drawing.edges.filter((e) => e.kind === 'link');
    expect(links.map((e) => e.type)).toEqual(['ON', 'DESIGNATED']);
    expect(links[0].sourceUrls).toEqual(['https://a.example/1']);
    // Merging the same neighbourhood again changes nothing.
    const again = mergeSubgraph(drawing, {
      nodes: [{ id: 'designation:x', label: 'Designation', name: 'x' }],
      edges: [],
      truncated: false,
    });
    expect(again.added).toEqual([]);
    expect(again.drawing.edges).toHaveLength(drawing.edges.length);
  });
});

describe('layered layout', () => {
  const d = drawRoutes([WISE_HONEST, SHINING_RICH, SKY_ANGEL]);
  const depth = layers(d);

  it('puts the origin first and makes every route edge point forwards', () => {
    expect(depth.get('port:nampho')).toBe(0);
    for (const e of d.edges) {
      if (e.kind === 'at') continue;
      expect(depth.get(e.target)!).toBeGreaterThan(depth.get(e.source)!);
    }
  });

  it('moves an alternative starting place up beside the leg it leads to, not beside the origin', () => {
    expect(depth.get('port:vladivostok')).toBe(depth.get('leg:shining-rich')! - 1);
    expect(depth.get('port:vladivostok')).toBe(depth.get('port:kholmsk'));
  });

  it('places layers along x on a wide screen and along y on a narrow one, without overlaps', () => {
    const wide = layeredPositions(d, { wide: true, layerGap: 100, nodeGap: 50 });
    const narrow = layeredPositions(d, { wide: false, layerGap: 100, nodeGap: 50 });
    expect(wide.get('port:nampho')!.x).toBeLessThan(wide.get('port:kemaman')!.x);
    expect(narrow.get('port:nampho')!.y).toBeLessThan(narrow.get('port:kemaman')!.y);
    const spots = [...wide.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it('survives a cycle (a port left and reached again)', () => {
    const loop = route('route:loop', [
      legStep(leg('a', 'A', [NAMPHO], [KHOLMSK], 1)),
      legStep(leg('b', 'B', [KHOLMSK], [NAMPHO], 1), link('INFERRED')),
      legStep(leg('c', 'C', [NAMPHO], [INCHEON], 1), link('INFERRED')),
    ]);
    const positions = layeredPositions(drawRoutes([loop]), { wide: true });
    expect(positions.size).toBe(drawRoutes([loop]).nodes.length);
    for (const p of positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});

describe('the schematic map', () => {
  const d = drawRoutes([WISE_HONEST, SHINING_RICH, SKY_ANGEL]);

  it('places a port named only by country among that country’s ports, and guesses no other position', () => {
    const { places, unplaced } = placePorts(d.nodes);
    expect(places.get('port:unspecified-kr')).toMatchObject({ approximate: true, lat: 37.5, lon: 126.6 });
    expect(places.get('port:nampho')!.approximate).toBe(false);
    expect(places.has('port:hcmc')).toBe(false);
    expect(unplaced.map((p) => p.id)).toEqual(['port:hcmc']);
  });

  it('draws each voyage from where it loaded to where it landed, a transfer counting as its place', () => {
    const { segments, transfers } = mapSegments(d);
    const of = (id: string) => segments.filter((s) => s.id === id).map((s) => `${s.from}>${s.to}`);
    expect(of('leg:wh')).toEqual(['port:nampho>port:sts-area']);
    expect(of('leg:dt-1')).toEqual(['port:sts-area>port:kemaman']);
    expect(of('leg:shining-rich').sort()).toEqual([
      'port:kholmsk>port:unspecified-kr',
      'port:vladivostok>port:unspecified-kr',
    ]);
    expect(segments.find((s) => s.id === 'leg:sky-angel')).toMatchObject({ inferred: true, tonnage: 4156 });
    expect(transfers).toEqual([expect.objectContaining({ id: 'transfer:wh-dt', at: 'port:sts-area' })]);
  });

  it('fits the ports into the box with the padding, one scale for both axes, with a graticule', () => {
    const points = [NAMPHO, STS, KHOLMSK].map((p) => p.location!);
    const proj = fitProjection(points, 800, 500, { pad: 40 });
    for (const p of points) {
      expect(proj.x(p.lon)).toBeGreaterThanOrEqual(39.9);
      expect(proj.x(p.lon)).toBeLessThanOrEqual(760.1);
      expect(proj.y(p.lat)).toBeGreaterThanOrEqual(39.9);
      expect(proj.y(p.lat)).toBeLessThanOrEqual(460.1);
    }
    expect(proj.y(KHOLMSK.location!.lat)).toBeLessThan(proj.y(STS.location!.lat)); // north is up
    expect(proj.lats).toContain(0);
    expect(proj.lats.length).toBeGreaterThan(2);
    expect(proj.lons.every((l) => l % proj.step === 0)).toBe(true);
  });

  it('places labels without overlaps, inside the box, dropping optional ones that do not fit', () => {
    const box = (x: number, y: number) => ({ x, y, w: 50, h: 10 });
    const [a, b, c, d2] = placeLabels(
      [
        { candidates: [box(0, 0)], required: true },
        { candidates: [box(10, 5), box(10, 20)], required: true },
        { candidates: [box(0, 0), box(20, 3)] },
        { candidates: [box(90, 0)] },
      ],
      [],
      { width: 100, height: 100 },
    );
    expect(a).toEqual(box(0, 0));
    expect(b).toEqual(box(10, 20));
    expect(c).toBeNull();
    expect(d2).toBeNull(); // would stick out of the box
  });
});

describe('scales and filters', () => {
  it('colours weak evidence red, strong teal, and unknown grey', () => {
    expect(confidenceColor(0.2)).toBe('#c0392b');
    expect(confidenceColor(0.95)).toBe('#167882');
    expect(confidenceColor(null)).toBe('#8a8f98');
    expect(confidenceColor(0.6)).not.toBe(confidenceColor(0.75));
  });

  it('widens edges with tonnage, thin when none is stated', () => {
    expect(tonnageWidth(null, 40000)).toBe(1.5);
    expect(tonnageWidth(4000, 40000)).toBeLessThan(tonnageWidth(25000, 40000));
    expect(tonnageWidth(40000, 40000)).toBe(9);
  });

  it('filters routes by tactic, confidence and country, and lists the tactics seen', () => {
    const all = [WISE_HONEST, SHINING_RICH, { ...SKY_ANGEL, confidence: 0.7 }];
    expect(filterRoutes(all, { tactic: 'STS_TRANSFER', minConfidence: null, country: null }).map((r) => r.id)).toEqual([
      'route:wh',
    ]);
    expect(filterRoutes(all, { tactic: null, minConfidence: 0.6, country: null }).map((r) => r.id)).toEqual([
      'route:sa',
    ]);
    expect(filterRoutes(all, { tactic: null, minConfidence: null, country: 'KR' }).map((r) => r.id)).toEqual([
      'route:sr',
      'route:sa',
    ]);
    expect(tacticsOf(all)).toEqual([{ code: 'STS_TRANSFER', name: 'Ship-to-ship transfer' }]);
  });
});
