import { factId, LegFact, newEntityId, validateFact, VesselFact } from '../../../../src/domain/facts';

const SRC = ['https://example.org/reports/test-shipments-2024'];

describe('keys', () => {
  it('derives an entity id from its name and natural key, so the same line always names the same entity', () => {
    const a = validateFact('vessel', { name: 'Test Vessel Alpha', imo: '1000019', sources: SRC }) as VesselFact;
    const b = validateFact('vessel', { name: 'Test Vessel Alpha', sources: SRC }) as VesselFact;
    expect(newEntityId(a)).toBe('vessel:test-vessel-alpha-1000019');
    expect(newEntityId(b)).toBe('vessel:test-vessel-alpha');
    expect(newEntityId({ ...b, id: 'vessel:given' })).toBe('vessel:given');
  });

  it('derives a leg id from the references as written and the day it left', () => {
    const leg = validateFact('leg', {
      vessel: 'imo:1000019',
      from: ['locode:KPZ92'],
      to: ['port:test-anchorage-bravo'],
      departure: '2024-01-10',
      sources: SRC,
    }) as LegFact;
    expect(factId(leg)).toBe('leg:imo-1000019:locode-kpz92:test-anchorage-bravo:2024-01-10');
    const unnamed = validateFact('leg', {
      vesselDescription: 'an unnamed barge',
      from: ['port:a'],
      to: ['port:b'],
      arrival: '2024-02-01',
      sources: SRC,
    }) as LegFact;
    expect(factId(unnamed)).toBe('leg:unnamed-an-unnamed-barge:a:b:arr-2024-02-01');
  });

  it('derives relation ids like the demo data, with the role when one is given', () => {
    const rel = (role?: string) =>
      factId(
        validateFact('relation', {
          relation: 'OWNS',
          from: 'company:example-holdings',
          to: 'vessel:test-vessel-alpha',
          role,
          sources: SRC,
        }) as never,
      );
    expect(rel()).toBe('rel:owns:example-holdings:test-vessel-alpha');
    expect(rel('Registered owner')).toBe('rel:owns:example-holdings:test-vessel-alpha:registered-owner');
  });

  it('keeps derived ids within the id shape even for very long inputs', () => {
    const long = 'x'.repeat(280);
    const v = validateFact('vessel', { name: long.slice(0, 300), sources: SRC }) as VesselFact;
    const id = newEntityId(v);
    expect(id.length).toBeLessThanOrEqual(200);
    expect(id).toMatch(/^vessel:[a-z0-9.\-_:]+$/);
  });
});
