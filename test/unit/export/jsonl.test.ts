import { toJsonl } from '../../../src/export/jsonl';

describe('toJsonl', () => {
  it("writes a leg's line with every field a leg fact accepts, in the fact's field order, and its evidence", () => {
    const [line] = toJsonl({
      nodes: [
        {
          label: 'Leg',
          props: {
            id: 'leg:test:1',
            vesselId: 'vessel:test',
            fromText: 'Port A',
            toText: 'Port B',
            departureFrom: '2019-03-01',
            departureTo: '2019-03-01',
            departurePrecision: 'DAY',
            commodity: 'COAL',
            cargoText: 'coal (synthetic)',
            tonnageJson: '',
            cargoOrigin: 'DPRK',
            legality: 'VIOLATION',
            discharged: false,
            destinationCountryCode: 'VN',
            tacticsText: null,
            sourceIds: ['source:test'],
            confidenceTier: 'CONFIRMED',
          },
          links: { from: ['port:a'], to: [], tactics: ['AIS_DARK'] },
        },
      ],
      relations: [],
    });
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'type',
      'id',
      'vessel',
      'from',
      'fromText',
      'toText',
      'departure',
      'commodity',
      'cargoText',
      'cargoOrigin',
      'legality',
      'discharged',
      'destinationCountry',
      'tactics',
      'sources',
      'confidence',
    ]);
    expect(parsed).toMatchObject({
      type: 'leg',
      vessel: 'vessel:test',
      from: ['port:a'],
      cargoText: 'coal (synthetic)',
      discharged: false,
      destinationCountry: 'VN',
      tactics: ['AIS_DARK'],
      sources: ['source:test'],
      confidence: 'CONFIRMED',
    });
  });
});
