import { factFields } from '../../../../src/domain/facts/fieldNames';
import { EVIDENCE_FIELDS } from '../../../../src/domain/facts/values';

describe('factFields', () => {
  it("lists a leg's fields in the order imports and exports spell them, its given properties among them", () => {
    expect(factFields('leg')).toEqual([
      'id',
      'vessel',
      'vesselDescription',
      'from',
      'fromText',
      'to',
      'toText',
      'departure',
      'arrival',
      'commodity',
      'cargoText',
      'tonnage',
      'value',
      'cargoOrigin',
      'declaredOrigin',
      'legality',
      'discharged',
      'destinationCountry',
      'tactics',
      'tacticsText',
      ...EVIDENCE_FIELDS,
    ]);
  });
});
