/**
 * Shaping answers (src/domain/trace/shape.ts): a walked route into the record a client sees, in both
 * walk directions, and a shown route's steps and graph.
 */
import { finalPlace, inRouteOrder, routeDetail, summarizeRoute } from '../../../../src/domain/trace/shape';
import { LegBrief, LegView, RouteLinkRecord } from '../../../../src/domain/trace/routes';

const port = (direction: 'FROM' | 'TO', id: string, countryCode: string | null, alternative = false) => ({
  direction,
  id,
  countryCode,
  kind: 'PORT',
  alternative,
});

const brief = (id: string, over: Partial<LegBrief>): LegBrief => ({
  id,
  confidence: 0.9,
  vesselId: null,
  departureFrom: null,
  departureTo: null,
  arrivalFrom: null,
  arrivalTo: null,
  discharged: null,
  commodity: 'COAL',
  cargoOrigin: 'DPRK',
  tonnageMin: null,
  tonnageMax: null,
  destinationCountryCode: null,
  ports: [],
  ...over,
});

const link = (over: Partial<RouteLinkRecord>): RouteLinkRecord => ({
  kind: 'INFERRED',
  certainty: 'CERTAIN',
  waitMinDays: 1,
  waitMaxDays: 5,
  placeUncertain: false,
  transferId: null,
  alternatives: 1,
  reason: 'r',
  ...over,
});

// origin → hub (vessel A, 5,000 t), transfer at the hub to vessel B → final (one sure port and an alternative)
const legs = new Map<string, LegBrief>([
  [
    'leg:1',
    brief('leg:1', {
      vesselId: 'vessel:a',
      departureFrom: '2019-01-01',
      arrivalTo: '2019-01-10',
      tonnageMin: 5000,
      tonnageMax: 5000,
      ports: [port('FROM', 'port:origin', 'KP'), port('TO', 'port:hub', 'CN')],
    }),
  ],
  [
    'leg:2',
    brief('leg:2', {
      vesselId: 'vessel:b',
      confidence: 0.75,
      departureFrom: '2019-01-12',
      arrivalTo: '2019-01-20',
      ports: [port('FROM', 'port:hub', 'CN'), port('TO', 'port:alt', 'JP', true), port('TO', 'port:final', 'VN')],
    }),
  ],
]);
const briefOf = (id: string) => legs.get(id)!;
const transfer = link({ kind: 'TRANSFER', transferId: 'transfer:1', certainty: 'POSSIBLE' });
/** leg:1 then leg:2, joined by the transfer, walked forwards. */
const forwardRoute = () =>
  summarizeRoute(
    { legIds: ['leg:1', 'leg:2'], links: [{ record: transfer }], score: 0.5, day: null, truncated: false },
    'FORWARD',
    briefOf,
  )!;

describe('a walked route as a client sees it', () => {
  it('forwards: ends, links, dates, tonnage, ports between and vessels; confidence rounded', () => {
    const w = {
      legIds: ['leg:1', 'leg:2'],
      links: [{ record: transfer }],
      score: 0.123456,
      day: '2019-01-01',
      truncated: true,
    };
    const r = summarizeRoute(w, 'FORWARD', briefOf)!;
    expect(r).toMatchObject({
      originId: 'port:origin',
      finalPortId: 'port:final',
      finalCountryCode: 'VN',
      legIds: ['leg:1', 'leg:2'],
      transferIds: ['transfer:1'],
      confidence: 0.123,
      score: 0.123456,
      rankDay: '2019-01-01',
      walkLegIds: ['leg:1', 'leg:2'],
      inferredLinks: 0,
      possibleLinks: 1,
      hops: 2,
      truncated: true,
      firstDay: '2019-01-01',
      lastDay: '2019-01-20',
      tonnage: { min: 5000, max: 5000 },
      portIds: ['port:hub'],
      vesselSpans: [
        { vesselId: 'vessel:a', from: '2019-01-01', to: '2019-01-10' },
        { vesselId: 'vessel:b', from: '2019-01-12', to: '2019-01-20' },
      ],
    });
    expect(r.id).toMatch(/^route:[0-9a-f]{16}$/);
  });

  it('backwards: the same route in route order, with the same id', () => {
    const forward = forwardRoute();
    const back = { legIds: ['leg:2', 'leg:1'], links: [{ record: transfer }], score: 0.5, day: null, truncated: false };
    expect(inRouteOrder(back, 'BACKWARD')).toEqual({ legIds: ['leg:1', 'leg:2'], links: [transfer] });
    const r = summarizeRoute(back, 'BACKWARD', briefOf)!;
    expect(r.legIds).toEqual(['leg:1', 'leg:2']);
    expect(r.walkLegIds).toEqual(['leg:2', 'leg:1']);
    expect(r.id).toBe(forward.id);
  });

  it('ends at the sure final port, else the first, with its country or else the leg destination; none without ports', () => {
    expect(finalPlace(briefOf('leg:2'))).toMatchObject({ portId: 'port:final', countryCode: 'VN' });
    const onlyAlternative = brief('x', { ports: [port('TO', 'port:alt', null, true)], destinationCountryCode: 'RU' });
    expect(finalPlace(onlyAlternative)).toMatchObject({ portId: 'port:alt', countryCode: 'RU' });
    expect(finalPlace(brief('y', { ports: [port('TO', 'port:x', null)] }))).toBeNull();
    const noOrigin = brief('z', { ports: [port('TO', 'port:final', 'VN')] });
    expect(
      summarizeRoute({ legIds: ['z'], links: [], score: 1, day: null, truncated: false }, 'FORWARD', () => noOrigin),
    ).toBeNull();
  });
});

describe("a shown route's steps and graph", () => {
  const view = (id: string, vesselName: string, ports: [string, 'FROM' | 'TO', string][]): LegView => ({
    props: { id },
    vesselName,
    ports: ports.map(([pid, direction, name]) => ({
      id: pid,
      direction,
      name,
      countryCode: null,
      kind: 'PORT',
      alternative: false,
    })),
  });
  const views = [
    view('leg:1', 'Alpha', [
      ['port:origin', 'FROM', 'Origin'],
      ['port:hub', 'TO', 'Hub'],
    ]),
    view('leg:2', 'Beta', [
      ['port:hub', 'FROM', 'Hub'],
      ['port:final', 'TO', 'Final'],
    ]),
  ];
  const records = [
    { id: 'leg:1', vesselId: 'vessel:a', confidence: 0.9, sourceIds: ['source:1'], departure: null, arrival: null },
    { id: 'leg:2', vesselId: 'vessel:b', confidence: 0.75, sourceIds: [], departure: null, arrival: null },
  ];

  it('puts the transfer between the two legs it joins, and draws legs, ports, vessels, the transfer and the link', () => {
    const route = forwardRoute();
    const d = routeDetail(route, views, records);
    expect(d.steps.map((s) => [s.index, s.kind, s.leg?.id ?? s.transferId])).toEqual([
      [0, 'LEG', 'leg:1'],
      [1, 'TRANSFER', 'transfer:1'],
      [2, 'LEG', 'leg:2'],
    ]);
    expect(d.steps[2].link).toBe(transfer);
    expect(d.graph.nodes.find((n) => n.id === 'leg:1')!.name).toBe('Alpha: Origin → Hub');
    expect(d.graph.nodes.find((n) => n.id === 'transfer:1')!.name).toBe('Alpha → Beta');
    expect(d.graph.edges.map((e) => e.id).sort()).toEqual(
      [
        'FROM:leg:1->port:origin',
        'TO:leg:1->port:hub',
        'ON:leg:1->vessel:a',
        'FROM:leg:2->port:hub',
        'TO:leg:2->port:final',
        'ON:leg:2->vessel:b',
        'FROM_LEG:transfer:1->leg:1',
        'TO_LEG:transfer:1->leg:2',
        'next:leg:1->leg:2',
      ].sort(),
    );
    expect(d.graph.truncated).toBe(false);
  });
});
