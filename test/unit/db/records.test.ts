import { legPropsFor, toRecord } from '../../../src/db/records';

describe('toRecord', () => {
  it("reads a leg's given properties as the graph module describes them: text as '', the rest null where the store has none", () => {
    const leg = toRecord('Leg', { id: 'leg:test:1', commodity: 'COAL', cargoOrigin: 'DPRK', legality: 'VIOLATION' });
    expect(leg).toMatchObject({
      id: 'leg:test:1',
      vesselId: null,
      vesselDescription: null,
      fromText: '',
      toText: '',
      commodity: 'COAL',
      cargoText: '',
      cargoOrigin: 'DPRK',
      declaredOrigin: null,
      legality: 'VIOLATION',
      discharged: null,
      destinationCountryCode: null,
      tacticsText: null,
      departure: null,
      tonnage: [],
      tonnageMin: null,
      confidenceTier: 'LOW',
    });
  });

  it('keeps a stored false and the stored words', () => {
    const leg = toRecord('Leg', {
      id: 'leg:test:2',
      discharged: false,
      cargoText: 'anthracite',
      declaredOrigin: 'Russia',
    });
    expect([leg.discharged, leg.cargoText, leg.declaredOrigin]).toEqual([false, 'anthracite', 'Russia']);
  });
});

describe('legPropsFor', () => {
  it('reads a given property for the field of its name, and destinationCountry from destinationCountryCode', () => {
    expect(legPropsFor(['cargoText', 'destinationCountry', 'vessel'])).toEqual([
      'cargoText',
      'destinationCountryCode',
      'id',
      'vesselId',
    ]);
  });

  it('reads everything when a field is unknown', () => {
    expect(legPropsFor(['cargoText', 'noSuchField'])).toBeNull();
  });
});
