import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FtmAddress,
  ftmAuthority,
  ftmDate,
  mapFtmEntity,
  parseFtmEntity,
  DEFAULT_FTM_OPTIONS,
} from '../../../src/import/ftm';
import { FactProblem } from '../../../src/domain/facts';

const OPTIONS = { ...DEFAULT_FTM_OPTIONS, today: '2025-01-01' };
const lines = readFileSync(join(__dirname, '..', '..', 'fixtures', 'ftm-sample.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const entities = lines.slice(0, -1).map(parseFtmEntity);
const byId = new Map(entities.map((e) => [e.id, e]));
const addresses = new Map<string, FtmAddress>([
  ['test-ftm-address-1', { full: '1 Test Street, Example City', country: 'KP' }],
]);
const map = (id: string) => mapFtmEntity(byId.get(id)!, addresses, OPTIONS);

describe('FollowTheMoney entities (test/fixtures/ftm-sample.jsonl)', () => {
  it('maps a Vessel: IMO digits, flag, other names, FtM id and datasets as provenance, its datasets as sources', () => {
    const m = map('test-ftm-vessel-echo');
    if (!('fact' in m) || m.fact.type !== 'vessel') throw new Error('expected a vessel');
    const v = m.fact;
    expect(v).toMatchObject({
      name: 'TEST VESSEL ECHO',
      imo: '1000033',
      flagCode: 'KP',
      callSign: 'TEST1',
      vesselType: 'Bulk Carrier',
      buildYear: 1988,
      otherNames: ['TEST VESSEL ECHO II', 'TEST VESSEL GOLF'],
      mode: 'fill',
      externalId: 'vessel:ftm-test-ftm-vessel-echo',
      provenance: { ftmIds: ['test-ftm-vessel-echo', 'test-ftm-old-echo'], datasets: ['test_un_sc_sanctions'] },
    });
    expect(v.evidence.sources).toEqual([
      {
        inline: expect.objectContaining({
          url: 'https://www.opensanctions.org/datasets/test_un_sc_sanctions/',
          kind: 'OFFICIAL',
          tier: 'HIGH',
        }),
      },
      {
        inline: expect.objectContaining({
          url: 'https://example.org/lists/test-sanctions-list',
          publisher: 'example.org',
        }),
      },
    ]);
  });

  it('maps Company, Organization and LegalEntity to companies, with the address from the Address entity', () => {
    const c = map('test-ftm-company-1');
    expect('fact' in c && c.fact).toMatchObject({
      type: 'company',
      name: 'Example Maritime Co Ltd',
      aliases: ['Example Maritime Company'],
      countryCode: 'KP',
      imoCompanyNumber: '1000135',
      registrationNumber: 'TEST-REG-1',
      address: '1 Test Street, Example City',
      externalId: 'company:ftm-test-ftm-company-1',
    });
    expect('fact' in map('test-ftm-org-1') && map('test-ftm-org-1')).toMatchObject({
      fact: { type: 'company', countryCode: 'CN' },
    });
    expect('fact' in map('test-ftm-le-1') && map('test-ftm-le-1')).toMatchObject({
      fact: { type: 'company', countryCode: 'HK' },
    });
  });

  it('maps a Person with its nationality', () => {
    expect(map('test-ftm-person-1')).toMatchObject({
      fact: {
        type: 'person',
        name: 'Example Person Two',
        countryCode: 'KP',
        externalId: 'person:ftm-test-ftm-person-1',
      },
    });
  });

  it('maps Ownership to OWNS and Directorship to CONTROLS between the FtM ids, keyed by the FtM id', () => {
    expect(map('test-ftm-ownership-1')).toMatchObject({
      fact: {
        type: 'relation',
        id: 'rel:ftm-test-ftm-ownership-1',
        relation: 'OWNS',
        from: { by: 'ftm', value: 'test-ftm-company-1', labels: ['Company', 'Person'] },
        to: { by: 'ftm', value: 'test-ftm-vessel-echo', labels: ['Vessel', 'Company', 'Person'] },
        role: 'registered owner',
        period: { from: '2019-05-01', to: null, precision: 'OPEN' },
      },
    });
    expect(map('test-ftm-ownership-2')).toMatchObject({ fact: { role: 'beneficial owner' } });
    expect(map('test-ftm-directorship-1')).toMatchObject({
      fact: { relation: 'CONTROLS', role: 'director', period: { from: '2018-01-01' } },
    });
  });

  it('maps a Sanction to a designation: authority, measure, reference, listing date, lifted once ended', () => {
    expect(map('test-ftm-sanction-1')).toMatchObject({
      fact: {
        type: 'designation',
        id: 'designation:ftm-test-ftm-sanction-1',
        authority: 'UN_1718_COMMITTEE',
        measure: 'Port entry ban',
        reference: 'KPe.TEST1',
        status: 'IN_FORCE',
        date: { from: '2018-03-30', to: '2018-03-30', precision: 'DAY' },
      },
    });
    expect(map('test-ftm-sanction-2')).toMatchObject({
      fact: { authority: 'US_OFAC', status: 'LIFTED', date: { from: '2019-01-01' } },
    });
  });

  it('folds Address into the entities and skips schemas it does not map', () => {
    expect(map('test-ftm-address-1')).toEqual({ address: { full: '1 Test Street, Example City', country: 'KP' } });
    expect(map('test-ftm-passport-1')).toEqual({ skipped: 'schema Passport is not mapped' });
  });

  it('rejects an entity whose identifiers are wrong, naming the FtM property', () => {
    expect(() => map('test-ftm-vessel-bad-imo')).toThrow(FactProblem);
    expect(() => map('test-ftm-vessel-bad-imo')).toThrow(/^imoNumber: is not a valid IMO number/);
    expect(() => parseFtmEntity(lines[lines.length - 1])).toThrow(/not valid JSON/);
    expect(() => parseFtmEntity('{"schema": "Vessel"}')).toThrow(/needs its id/);
  });

  it('reads FtM dates of any precision', () => {
    expect(ftmDate('2017')).toEqual({ from: '2017-01-01', to: '2017-12-31', precision: 'YEAR', text: '2017' });
    expect(ftmDate('2016-02')).toEqual({ from: '2016-02-01', to: '2016-02-29', precision: 'MONTH', text: '2016-02' });
    expect(ftmDate('2017-10-03T00:00:00')).toMatchObject({ from: '2017-10-03', to: '2017-10-03', precision: 'DAY' });
    expect(ftmDate('not a date')).toBeUndefined();
  });

  it.each([
    [{ authority: ['United Nations Security Council'], program: ['DPRK'] }, 'UN_1718_COMMITTEE'],
    [{ authority: ['United Nations Security Council'], program: ['Libya'] }, 'OTHER'],
    [{ authority: ['European Union'] }, 'EU'],
    [{ authority: ['HM Treasury (OFSI)'] }, 'UK'],
    [{ authority: ['Ministry of Foreign Affairs'], country: ['kr'] }, 'ROK_GOVERNMENT'],
    [{ authority: ['Somebody else'] }, 'OTHER'],
  ])('names the authority of %j as %s', (properties, authority) => {
    expect(ftmAuthority({ id: 'x', schema: 'Sanction', properties, datasets: [], referents: [] })).toBe(authority);
  });
});
