import { FTM_READ_SCHEMATA, ftmIsA, ftmProperties } from '../../../src/import/ftmSchema';
import { classifyProperties, FTM_MAPPING } from '../../../src/import/ftmMapping';
import { validateFtmEntity } from '../../../src/export/ftm';

describe('the FtM property table (src/import/ftmSchema.ts)', () => {
  it.each(FTM_READ_SCHEMATA)('maps only properties the %s schema defines', (schema) => {
    const defined = ftmProperties(schema);
    expect(Object.keys(FTM_MAPPING[schema]).filter((p) => !defined.has(p))).toEqual([]);
  });

  it('inherits properties along extends (Vessel ← Vehicle ← Asset ← Thing, Value)', () => {
    const vessel = ftmProperties('Vessel');
    for (const p of ['imoNumber', 'buildDate', 'amount', 'name', 'previousName']) expect(vessel.has(p)).toBe(true);
    expect(vessel.get('pastFlags')).toBe('country');
    expect(ftmIsA('Company', 'LegalEntity')).toBe(true);
    expect(ftmIsA('Vessel', 'LegalEntity')).toBe(false);
  });

  it('sorts an entity’s properties into mapped, skipped and unknown', () => {
    expect(classifyProperties('Vessel', { name: [], registrationPort: [], colour: [] })).toEqual({
      skipped: ['registrationPort'],
      unknown: ['colour'],
    });
  });

  it('refuses an export entity with a property its schema lacks or a value of the wrong type', () => {
    const ok = {
      id: 'x',
      schema: 'Vessel',
      properties: { name: ['TEST VESSEL'], flag: ['kp'] },
      datasets: [],
      referents: [],
    };
    expect(validateFtmEntity(ok)).toEqual([]);
    expect(validateFtmEntity({ ...ok, properties: { name: ['A'], flag: ['KP'], colour: ['grey'] } })).toEqual([
      'Vessel.flag: "KP" is not a country',
      'Vessel.colour is not a property of the schema',
    ]);
    expect(validateFtmEntity({ ...ok, schema: 'Spaceship' })).toEqual(['unknown schema Spaceship']);
  });
});
