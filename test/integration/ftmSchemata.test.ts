/**
 * FollowTheMoney import of every schema it reads (test/fixtures/ftm-schemata.jsonl: Vessel, Company,
 * Organization, LegalEntity, Person, Ownership, Directorship, Sanction, Address, UnknownLink,
 * Associate, Family, Representation; synthetic names), on a real Neo4j: the facts each maps to, the
 * properties reported as skipped (by Schema.property) or unknown, and a re-import that changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestService, TestService } from './harness';
import { importLines, ImportReport } from '../../src/import/pipeline';

const FIXTURE = join(resolve(__dirname, '../..'), 'test/fixtures/ftm-schemata.jsonl');
const lines = readFileSync(FIXTURE, 'utf8').split('\n');

let t: TestService;
let report: ImportReport;

beforeAll(async () => {
  t = await startTestService();
  report = await importLines(t.db, () => lines, { format: 'ftm', actor: 'cli:test' });
});
afterAll(async () => {
  await t.close();
});

describe('FtM import of the schemata it reads', () => {
  it('loads every line, reporting the properties Collier does not keep by Schema.property', () => {
    expect(report.rejections).toEqual([]);
    expect(report.skippedBySchema).toEqual({ Address: 1 });
    expect(report.skippedProperties).toEqual({
      'Vessel.registrationPort': 1,
      'Vessel.crsNumber': 1,
      'Vessel.navigationArea': 1,
      // TEST VESSEL MIKE has past flags but no date to order them against its current flag.
      'Vessel.pastFlags': 1,
      'Address.remarks': 1,
      'Company.email': 1,
      'Company.incorporationDate': 1,
      'Organization.phone': 1,
      'Organization.permId': 1,
      'LegalEntity.legalForm': 1,
      'Person.birthDate': 1,
      'Person.gender': 1,
      'Ownership.sharesCount': 1,
      'Directorship.secretary': 1,
      'Sanction.duration': 1,
      'Representation.recordId': 1,
    });
    expect(report.unknownProperties).toEqual({ 'Vessel.colour': 1 });
  });

  it('keeps a vessel: identifiers, tonnage, and its former name, past flags and past type as identity claims', async () => {
    const [v] = await t.db.read<Record<string, unknown>>(
      `MATCH (v:Vessel {id: 'vessel:ftm-test-ftm2-vessel-kilo'})
       RETURN v.name AS name, v.imo AS imo, v.mmsi AS mmsi, v.flagCode AS flag, v.vesselType AS type, v.buildYear AS built,
              v.grossTonnageJson AS gt, v.deadweightJson AS dwt, v.otherNames AS otherNames`,
    );
    expect(v).toMatchObject({
      name: 'TEST VESSEL KILO',
      imo: '1000057',
      mmsi: '445000001',
      flag: 'KP',
      type: 'Bulk Carrier',
      built: 1990,
    });
    expect((JSON.parse(v.gt as string) as { max: number; unit: string }[]).map((q) => [q.max, q.unit])).toEqual([
      [5000, 'GT'],
      [4800, 'GT'],
    ]);
    expect((JSON.parse(v.dwt as string) as { max: number; unit: string }[]).map((q) => [q.max, q.unit])).toEqual([
      [8000, 'DWT'],
    ]);
    expect(v.otherNames).toEqual(expect.arrayContaining(['KILO', 'TEST VESSEL LIMA']));
    const claims = await t.db.read<Record<string, unknown>>(
      `MATCH (:Vessel {id: 'vessel:ftm-test-ftm2-vessel-kilo'})-[:CLAIMED]->(c)
       RETURN c.kind AS kind, c.name AS name, c.flagCode AS flag, c.vesselType AS type,
              c.periodFrom AS from, c.periodTo AS to ORDER BY kind, name, flag, type`,
    );
    expect(claims).toEqual([
      { kind: 'FORMER_NAME', name: 'TEST VESSEL LIMA', flag: null, type: null, from: null, to: '2019-05-31' },
      { kind: 'REGISTRATION', name: 'TEST VESSEL KILO', flag: 'KP', type: null, from: '2019-05-01', to: null },
      { kind: 'REGISTRATION', name: null, flag: 'KM', type: null, from: null, to: null },
      { kind: 'REGISTRATION', name: null, flag: 'PA', type: null, from: null, to: null },
      { kind: 'REGISTRATION', name: null, flag: null, type: 'Oil Tanker', from: null, to: null },
    ]);
  });

  it('maps parties, the address entity, and every link schema to a relation', async () => {
    const [company] = await t.db.read<Record<string, unknown>>(
      `MATCH (c:Company {id: 'company:ftm-test-ftm2-company'})
       RETURN c.name AS name, c.countryCode AS country, c.imoCompanyNumber AS imo, c.address AS address, c.evidenceNote AS note`,
    );
    expect(company).toEqual({
      name: 'Test Shipping Holding Ltd',
      country: 'KP',
      imo: '1000060',
      address: '9 Test Quay, Example Port Town',
      note: 'a synthetic company',
    });
    const rels = await t.db.read<{ r: string }>(
      `MATCH (a)-[r:OWNS|OPERATES|CONTROLS|ASSOCIATED_WITH]->(b) WHERE r.id STARTS WITH 'rel:ftm-test-ftm2'
       RETURN type(r) + ' ' + a.id + ' -> ' + b.id + ' (' + r.role + ')' AS r ORDER BY r`,
    );
    expect(rels.map((x) => x.r)).toEqual([
      'ASSOCIATED_WITH company:ftm-test-ftm2-le -> company:ftm-test-ftm2-company (registered agent)',
      'ASSOCIATED_WITH company:ftm-test-ftm2-org -> vessel:ftm-test-ftm2-vessel-kilo (ship manager)',
      'ASSOCIATED_WITH person:ftm-test-ftm2-person-1 -> person:ftm-test-ftm2-person-2 (associate: business partner)',
      'ASSOCIATED_WITH person:ftm-test-ftm2-person-1 -> person:ftm-test-ftm2-person-2 (family: brother)',
      'CONTROLS person:ftm-test-ftm2-person-1 -> company:ftm-test-ftm2-company (director)',
      'OPERATES person:ftm-test-ftm2-person-1 -> vessel:ftm-test-ftm2-vessel-kilo (operator)',
      'OWNS company:ftm-test-ftm2-company -> vessel:ftm-test-ftm2-vessel-kilo (owner (51%))',
      'OWNS company:ftm-test-ftm2-company -> vessel:ftm-test-ftm2-vessel-kilo (owner)',
    ]);
    const [d] = await t.db.read<Record<string, unknown>>(
      `MATCH (:Vessel {id: 'vessel:ftm-test-ftm2-vessel-kilo'})-[:DESIGNATED]->(d)
       RETURN d.authority AS authority, d.reference AS reference, d.dateFrom AS date`,
    );
    expect(d).toEqual({ authority: 'UN_1718_COMMITTEE', reference: 'KPe.TEST9', date: '2020-03-30' });
  });

  it('keeps the undated past flags of a vessel out (reported) rather than let one pass for its flag', async () => {
    const [v] = await t.db.read<{ flag: string; claims: number }>(
      `MATCH (v:Vessel {id: 'vessel:ftm-test-ftm2-vessel-mike'}) RETURN v.flagCode AS flag, COUNT { (v)-[:CLAIMED]->() } AS claims`,
    );
    expect(v).toEqual({ flag: 'SL', claims: 0 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const again = await importLines(t.db, () => lines, { format: 'ftm', actor: 'cli:test' });
    expect({ created: again.created, updated: again.updated, rejected: again.rejected }).toEqual({
      created: 0,
      updated: 0,
      rejected: 0,
    });
  });
});
