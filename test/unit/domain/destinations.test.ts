import { groupDestinations, RouteForSummary } from '../../../src/domain/destinations';

const r = (id: string, over: Partial<RouteForSummary>): RouteForSummary => ({
  id,
  finalPortId: 'port:x',
  finalCountryCode: 'KR',
  confidence: 0.5,
  vesselIds: [],
  finalLegId: `leg:${id}`,
  tonnage: { min: null, max: null },
  firstDay: null,
  lastDay: null,
  ...over,
});

describe('destination summaries', () => {
  it('sums tonnage over distinct final legs, not over routes that share one', () => {
    const groups = groupDestinations(
      [
        r('1', { finalLegId: 'leg:sky-angel', tonnage: { min: 4156, max: 4156 }, vesselIds: ['vessel:sky-angel'] }),
        r('2', { finalLegId: 'leg:sky-angel', tonnage: { min: 4156, max: 4156 }, vesselIds: ['vessel:sky-angel'] }),
        r('3', {
          finalLegId: 'leg:rich-glory',
          tonnage: { min: 5000, max: 5500 },
          vesselIds: ['vessel:rich-glory'],
          confidence: 0.7,
        }),
      ],
      'COUNTRY',
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: 'KR', tonnage: { min: 9156, max: 9656 }, bestConfidence: 0.7 });
    expect(groups[0].routes).toHaveLength(3);
    expect(groups[0].vesselIds.sort()).toEqual(['vessel:rich-glory', 'vessel:sky-angel']);
  });

  it('gives a final leg reached by routes that know its cargo differently the whole range they give', () => {
    const [g] = groupDestinations(
      [
        r('1', { finalLegId: 'leg:f', tonnage: { min: 3000, max: 3500 } }),
        r('2', { finalLegId: 'leg:f', tonnage: { min: 2500, max: null } }),
        r('3', { finalLegId: 'leg:f', tonnage: { min: null, max: null } }),
        r('4', { finalLegId: 'leg:g', tonnage: { min: null, max: null } }),
      ],
      'COUNTRY',
    );
    expect(g.tonnage).toEqual({ min: 2500, max: 3500 });
    const [none] = groupDestinations([r('5', {})], 'COUNTRY');
    expect(none.tonnage).toEqual({ min: null, max: null });
  });

  it('groups by port and orders by route count', () => {
    const groups = groupDestinations(
      [r('1', { finalPortId: 'port:a' }), r('2', { finalPortId: 'port:b' }), r('3', { finalPortId: 'port:b' })],
      'PORT',
    );
    expect(groups.map((g) => g.key)).toEqual(['port:b', 'port:a']);
  });

  it('spans the first departure to the last arrival', () => {
    const [g] = groupDestinations(
      [
        r('1', { firstDay: '2017-08-01', lastDay: '2017-10-02' }),
        r('2', { firstDay: '2017-07-01', lastDay: '2017-10-11' }),
      ],
      'COUNTRY',
    );
    expect(g).toMatchObject({ firstDate: '2017-07-01', lastDate: '2017-10-11' });
  });
});
