import { FactProblem, parseRef, validateFact, VesselFact } from '../../../../src/domain/facts';

import { sourceId } from '../../../../src/domain/sources';

const SRC = ['https://example.org/reports/test-shipments-2024'];

function problem(fn: () => unknown): FactProblem {
  try {
    fn();
  } catch (error) {
    if (error instanceof FactProblem) return error;
    throw error;
  }
  throw new Error('expected a FactProblem');
}

describe('validating facts', () => {
  it('normalises a vessel: IMO digits, flag code upper case, sources as ids', () => {
    const v = validateFact('vessel', {
      name: ' Test Vessel Alpha ',
      imo: 'IMO 1000019',
      flag: 'sl',
      sources: SRC,
    }) as VesselFact;
    expect(v).toMatchObject({ type: 'vessel', name: 'Test Vessel Alpha', imo: '1000019', flagCode: 'SL', mode: 'set' });
    expect(v.evidence.sources).toEqual([{ id: sourceId(SRC[0]) }]);
    expect(v.mmsi).toBeUndefined();
  });

  it.each([
    ['vessel', 'imo', { name: 'Test Vessel Alpha', imo: '1000018', sources: SRC }, /check digit/],
    ['vessel', 'mmsi', { name: 'Test Vessel Alpha', mmsi: '123', sources: SRC }, /nine digits/],
    ['vessel', 'flag', { name: 'Test Vessel Alpha', flag: 'XX', sources: SRC }, /ISO 3166-1/],
    ['vessel', 'sources', { name: 'Test Vessel Alpha', sources: [] }, /at least one source/],
    ['vessel', 'sources', { name: 'Test Vessel Alpha' }, /at least one source/],
    ['vessel', 'name', { imo: '1000019', sources: SRC }, /required/],
    ['vessel', 'colour', { name: 'Test Vessel Alpha', sources: SRC, colour: 'red' }, /not a field/],
    ['port', 'locode', { name: 'Test Harbour', locode: 'KPZ91', sources: SRC }, /UN\/LOCODE/],
    ['port', 'locode', { name: 'Test Harbour', locode: 'KPZ92', country: 'CN', sources: SRC }, /belongs to country KP/],
    [
      'leg',
      'departure',
      { vessel: 'vessel:test', from: ['port:a'], to: ['port:b'], departure: '2024-02-30', sources: SRC },
      /calendar date/,
    ],
    [
      'leg',
      'departure',
      {
        vessel: 'vessel:test',
        from: ['port:a'],
        to: ['port:b'],
        departure: { from: '2024-03-02', to: '2024-03-01' },
        sources: SRC,
      },
      /after to/,
    ],
    [
      'leg',
      'arrival',
      {
        vessel: 'vessel:test',
        from: ['port:a'],
        to: ['port:b'],
        departure: '2024-03-02',
        arrival: '2024-03-01',
        sources: SRC,
      },
      /before the departure/,
    ],
    ['leg', 'vessel', { vessel: 'company:test', from: ['port:a'], to: ['port:b'], sources: SRC }, /must name a Vessel/],
    ['leg', 'from', { vessel: 'vessel:test', from: [], to: ['port:b'], sources: SRC }, /non-empty/],
    [
      'leg',
      'tactics[0]',
      { vessel: 'vessel:test', from: ['port:a'], to: ['port:b'], tactics: ['ais dark!'], sources: SRC },
      /tactic code/,
    ],
    ['relation', 'from', { relation: 'OWNS', from: 'vessel:a', to: 'vessel:b', sources: SRC }, /Company or Person/],
    ['relation', 'to', { relation: 'OWNS', from: 'company:a', to: 'company:a', sources: SRC }, /another entity/],
    ['relation', 'relation', { relation: 'LIKES', from: 'company:a', to: 'vessel:b', sources: SRC }, /must be one of/],
    ['designation', 'measure', { target: 'vessel:a', authority: 'UN_1718_COMMITTEE', sources: SRC }, /required/],
    ['source', 'url', { url: 'ftp://example.org/x', publisher: 'P', kind: 'NEWS', tier: 'LOW' }, /http/],
    ['identityClaim', 'name', { vessel: 'vessel:a', kind: 'REGISTRATION', sources: SRC }, /must claim something/],
  ] as const)('refuses a %s whose %s is wrong', (type, field, input, message) => {
    const p = problem(() => validateFact(type, input));
    expect(p.field).toBe(field);
    expect(p.problem).toMatch(message);
  });

  it('accepts a source cited inline, by id, or by address', () => {
    const v = validateFact('vessel', {
      name: 'Test Vessel Bravo',
      sources: [
        { url: 'https://example.org/x', publisher: 'Example', kind: 'news', tier: 'medium' },
        'source:0123456789ab',
        { id: 'source:ba9876543210' },
      ],
    }) as VesselFact;
    expect(v.evidence.sources).toEqual([
      {
        inline: {
          url: 'https://example.org/x',
          publisher: 'Example',
          kind: 'NEWS',
          tier: 'MEDIUM',
          title: null,
          date: null,
        },
      },
      { id: 'source:0123456789ab' },
      { id: 'source:ba9876543210' },
    ]);
  });

  it('reads references by id and by natural key', () => {
    expect(parseRef('imo:1000019', ['Vessel'], 'vessel')).toEqual({ by: 'imo', value: '1000019' });
    expect(parseRef('locode:kp z92', ['Port'], 'from')).toEqual({ by: 'locode', value: 'KPZ92' });
    expect(parseRef('company-imo:1000123', ['Company', 'Person'], 'from')).toEqual({
      by: 'companyImo',
      value: '1000123',
    });
    expect(parseRef('ftm:NK-abc', ['Company', 'Person'], 'from')).toEqual({
      by: 'ftm',
      value: 'NK-abc',
      labels: ['Company', 'Person'],
    });
    expect(problem(() => parseRef('imo:1000019', ['Port'], 'to')).problem).toMatch(/cannot name a Port/);
  });
});
