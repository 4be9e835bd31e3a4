/**
 * The official-list adapters (OFAC sdn.csv, UN SC consolidated XML) and the rules that match their
 * parties with the graph's: pure, on rows written the way the publishers write them.
 */
import {
  compareParties,
  MatchParty,
  nameWords,
  normalisedName,
  personKey,
  planMatches,
} from '../../../src/domain/entityMatch';
import { parseOfacSdn } from '../../../src/import/ofacSdn';
import { remarkLabel, remarkPhrases } from '../../../src/import/ofacRemarks';
import { imoCompanyNumberIn, parseUnSc } from '../../../src/import/unSc';
import { listCountryCode, parsePrograms } from '../../../src/import/officialList';

const party = (over: Partial<MatchParty> & { id: string; name: string }): MatchParty => ({
  label: 'Company',
  aliases: [],
  country: null,
  sourceIds: ['source:a'],
  ...over,
});

describe('matching rules', () => {
  it('normalises punctuation, bracketed acronyms and legal forms', () => {
    expect(normalisedName('OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)')).toBe(
      normalisedName('OCEAN MARITIME MANAGEMENT COMPANY LIMITED'),
    );
    expect(normalisedName('Paekma Shipping Co')).toBe('PAEKMA SHIPPING COMPANY');
    expect(nameWords("Ch'oe Song Il")).toEqual(['CHOE', 'SONG', 'IL']);
    expect(personKey('KIM, Yong Chol')).toBe(personKey('KIM YONG CHOL'));
  });

  it('merges companies of one normalised name across lists unless their countries conflict', () => {
    const ofac = party({
      id: 'company:ofac-1',
      name: 'OCEAN MARITIME MANAGEMENT COMPANY LIMITED',
      sourceIds: ['source:ofac'],
    });
    const un = party({
      id: 'company:un-kpe-020',
      name: 'OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)',
      country: 'KP',
      sourceIds: ['source:un'],
    });
    expect(compareParties(ofac, un).kind).toBe('AUTO');
    expect(compareParties(party({ ...ofac, country: 'CN' }), un).kind).toBe('CANDIDATE');
  });

  it('never pairs two entries of the same list, nor a company with a person', () => {
    const a = party({ id: 'company:ofac-1', name: 'KORYO BANK', sourceIds: ['source:ofac'] });
    expect(
      compareParties(a, party({ id: 'company:ofac-2', name: 'KORYO BANK', sourceIds: ['source:ofac'] })).kind,
    ).toBeNull();
    expect(
      compareParties(a, party({ id: 'person:x', label: 'Person', name: 'KORYO BANK', sourceIds: ['source:un'] })).kind,
    ).toBeNull();
  });

  it('merges a person only when both state the same country; otherwise proposes a candidate', () => {
    const ofac = party({
      id: 'person:ofac-1',
      label: 'Person',
      name: 'KIM, Yong Chol',
      country: 'KP',
      sourceIds: ['s:o'],
    });
    const un = party({
      id: 'person:un-kpi-024',
      label: 'Person',
      name: 'KIM YONG CHOL',
      country: 'KP',
      sourceIds: ['s:u'],
    });
    expect(compareParties(ofac, un).kind).toBe('AUTO');
    expect(compareParties({ ...ofac, country: null }, un).kind).toBe('CANDIDATE');
  });

  it('proposes alias hits and mostly shared words as candidates only', () => {
    const a = party({ id: 'company:a', name: 'KOREA SONGI GENERAL TRADING CORPORATION', sourceIds: ['s:a'] });
    const b = party({
      id: 'company:b',
      name: 'SONGI TRADING',
      aliases: ['KOREA SONGI GENERAL TRADING CORP'],
      sourceIds: ['s:b'],
    });
    expect(compareParties(a, b).kind).toBe('CANDIDATE');
    const c = party({ id: 'company:c', name: 'WEIHAI WORLD SHIPPING FREIGHT', sourceIds: ['s:c'] });
    const d = party({ id: 'company:d', name: 'WEIHAI WORLD SHIPPING FREIGHT AGENCY', sourceIds: ['s:d'] });
    expect(compareParties(c, d)).toMatchObject({ kind: 'CANDIDATE', score: 0.75 });
    expect(compareParties(c, party({ id: 'company:e', name: 'OTHER FREIGHT', sourceIds: ['s:e'] })).kind).toBeNull();
  });

  it('demotes an automatic pair when the name fits more than one party', () => {
    const existing = [
      party({ id: 'company:x1', name: 'KORYO BANK', sourceIds: ['s:1'] }),
      party({ id: 'company:x2', name: 'Koryo Bank', sourceIds: ['s:2'] }),
    ];
    const pairs = planMatches(existing, [party({ id: 'company:new', name: 'KORYO BANK', sourceIds: ['s:3'] })]);
    expect(pairs.map((p) => p.kind)).toEqual(['CANDIDATE', 'CANDIDATE']);
    expect(pairs[0].reason).toContain('more than one party');
  });

  it('finds the same pairs whichever side is the list just loaded', () => {
    const a = [party({ id: 'company:a', name: 'HAPJANGGANG SHIPPING CORP', sourceIds: ['s:a'] })];
    const b = [party({ id: 'company:b', name: 'Hapjanggang Shipping Corporation', country: 'KP', sourceIds: ['s:b'] })];
    const ab = planMatches(a, b).map((p) => [p.kind, [p.keepId, p.removeId].sort().join()]);
    const ba = planMatches(b, a).map((p) => [p.kind, [p.keepId, p.removeId].sort().join()]);
    expect(ab).toEqual(ba);
    expect(ab).toHaveLength(1);
  });
});

const ROW = (cells: string[]) => cells.map((c) => (c === '-0-' ? '-0- ' : `"${c}"`)).join(',');
const OFAC_FILE = Buffer.from(
  [
    ROW([
      '1001',
      'TEST SHIPPING COMPANY LIMITED',
      '-0-',
      'DPRK',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      "Secondary sanctions risk: test; Identification Number IMO 1000123; a.k.a. 'TSC'.",
    ]),
    ROW([
      '1002',
      'TEST CARRIER ONE',
      'vessel',
      'DPRK3] [DPRK4',
      '-0-',
      'HMXY2',
      'General Cargo',
      '10,030',
      '6,120',
      'Korea, North',
      '-0-',
      "Vessel Registration Identification IMO 1000019; MMSI 445000001; f.k.a. 'OLD CARRIER'; Linked To: TEST SHIPPING COMPANY LIMITED.",
    ]),
    ROW([
      '1003',
      'TEST CARRIER TWO',
      'vessel',
      'DPRK',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      '-0-',
      'Vessel Registration Identification IMO 1000018; DOB 01 Jan 1960.',
    ]),
    ROW(['1004', 'TEST AIRCRAFT', 'aircraft', 'DPRK', '-0-', '-0-', '-0-', '-0-', '-0-', '-0-', '-0-', '-0-']),
    ROW(['1005', 'ELSEWHERE TRADING', '-0-', 'SDGT', '-0-', '-0-', '-0-', '-0-', '-0-', '-0-', '-0-', '-0-']),
  ].join('\r\n') + '\r\n\x1a\r\n',
  'latin1',
);

describe('OFAC sdn.csv', () => {
  const parsed = parseOfacSdn(OFAC_FILE, {
    programs: parsePrograms(undefined, ['DPRK', 'DPRK3', 'DPRK4']),
    snapshot: '2024-05-03',
  });
  const facts = parsed.records.flatMap((r) => r.facts);

  it('reads the rows of the selected programmes; an aircraft is reported, not stored', () => {
    expect(parsed.rowsRead).toBe(5);
    expect(parsed.rowsSelected).toBe(4);
    expect(parsed.skippedByColumn['SDN_Type aircraft (row)']).toBe(1);
    expect(parsed.problems).toEqual([]);
  });

  it('maps a vessel: IMO, MMSI, call sign, type, flag, Tonnage and GRT; a former name as an identity claim', () => {
    const v = facts.find((f) => f.type === 'vessel' && f.name === 'TEST CARRIER ONE');
    expect(v).toMatchObject({
      imo: '1000019',
      mmsi: '445000001',
      callSign: 'HMXY2',
      vesselType: 'General Cargo',
      flagCode: 'KP',
      externalId: 'vessel:ofac-1002',
      mode: 'fill',
      grossTonnage: [
        { min: 10030, max: 10030, unit: 'GT', text: 'OFAC Tonnage (which tonnage the list does not say) 10,030' },
        { min: 6120, max: 6120, unit: 'GT', text: 'OFAC GRT 6,120' },
      ],
    });
    expect(facts).toContainEqual(
      expect.objectContaining({ type: 'identityClaim', kind: 'FORMER_NAME', name: 'OLD CARRIER' }),
    );
    expect(parsed.skippedByColumn.Tonnage).toBeUndefined();
    expect(parsed.skippedByColumn.GRT).toBeUndefined();
  });

  it('keeps a vessel whose IMO number fails its check digit, without the number, and says so', () => {
    const v = facts.find((f) => f.type === 'vessel' && f.name === 'TEST CARRIER TWO');
    expect(v).toBeDefined();
    expect((v as { imo?: string }).imo).toBeUndefined();
    expect(parsed.notStored[0].reason).toContain('IMO "1000018" fails its check digit');
    expect(parsed.skippedByColumn['Remarks: DOB']).toBe(1);
  });

  it('makes one designation per programme, listed as of the snapshot, citing the ent_num', () => {
    const ds = facts.filter((f) => f.type === 'designation' && f.id?.startsWith('designation:ofac-1002'));
    expect(ds.map((d) => (d as { reference?: string }).reference)).toEqual([
      'OFAC SDN ent_num 1002, programme DPRK3',
      'OFAC SDN ent_num 1002, programme DPRK4',
    ]);
    expect(ds[0]).toMatchObject({ authority: 'US_OFAC', date: { from: null, to: '2024-05-03', precision: 'OPEN' } });
  });

  it('maps Linked To as a relation from the company to the vessel, and the company IMO number', () => {
    expect(facts).toContainEqual(
      expect.objectContaining({
        type: 'relation',
        relation: 'ASSOCIATED_WITH',
        from: { by: 'id', id: 'company:ofac-1001' },
        to: { by: 'id', id: 'vessel:ofac-1002' },
      }),
    );
    expect(facts).toContainEqual(
      expect.objectContaining({ type: 'company', imoCompanyNumber: '1000123', aliases: ['TSC'] }),
    );
  });

  it('splits Remarks into phrases and labels the ones Collier has no place for', () => {
    expect(remarkPhrases("a.k.a. 'A; B'; DOB 1960.")).toEqual(["a.k.a. 'A; B'", 'DOB 1960']);
    expect(remarkLabel('alt. Passport 123')).toBe('Passport');
    expect(remarkLabel('something else')).toBe('free text');
  });
});

const UN_FILE = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2020-03-20T19:09:21.822-04:00"><INDIVIDUALS>
<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>TEST</FIRST_NAME><SECOND_NAME>PERSON ONE</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.900</REFERENCE_NUMBER><LISTED_ON>2016-03-02</LISTED_ON><GENDER>Male</GENDER><NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Test Person-One</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1960-01-01</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>
</INDIVIDUALS><ENTITIES>
<ENTITY><DATAID>2</DATAID><FIRST_NAME>TEST MARITIME COMPANY, LIMITED (TMC)</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER><LISTED_ON>2014-07-28</LISTED_ON><COMMENTS1>Operator of test vessels. International Maritime Organization (IMO) Number: 1000123.</COMMENTS1><ENTITY_ADDRESS><CITY>Pyongyang</CITY><COUNTRY>Democratic People's Republic of Korea</COUNTRY></ENTITY_ADDRESS></ENTITY>
<ENTITY><DATAID>3</DATAID><FIRST_NAME>ELSEWHERE GROUP</FIRST_NAME><UN_LIST_TYPE>Iraq</UN_LIST_TYPE><REFERENCE_NUMBER>IQe.900</REFERENCE_NUMBER><LISTED_ON>2004-04-26</LISTED_ON></ENTITY>
</ENTITIES></CONSOLIDATED_LIST>`);

describe('UN SC consolidated XML', () => {
  const parsed = parseUnSc(UN_FILE, { programs: parsePrograms(undefined, ['DPRK']) });
  const facts = parsed.records.flatMap((r) => r.facts);

  it('cites one Source per list snapshot', () => {
    expect(parsed.source).toMatchObject({
      url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml#2020-03-20',
      date: '2020-03-20',
      kind: 'OFFICIAL',
    });
    expect(parsed.rowsSelected).toBe(2);
  });

  it('maps an entity: name, address, country, IMO company number from the comment; LISTED_ON as the designation day', () => {
    expect(facts).toContainEqual(
      expect.objectContaining({
        type: 'company',
        name: 'TEST MARITIME COMPANY, LIMITED (TMC)',
        countryCode: 'KP',
        imoCompanyNumber: '1000123',
        address: "Pyongyang, Democratic People's Republic of Korea",
        externalId: 'company:un-kpe-900',
      }),
    );
    expect(facts).toContainEqual(
      expect.objectContaining({
        type: 'designation',
        authority: 'UN_1718_COMMITTEE',
        reference: 'KPe.900',
        date: expect.objectContaining({ from: '2014-07-28', to: '2014-07-28' }),
      }),
    );
  });

  it('maps an individual with nationality and aliases (their quality in the note); birth dates are reported as skipped', () => {
    const p = facts.find((f) => f.type === 'person');
    expect(p).toMatchObject({ name: 'TEST PERSON ONE', countryCode: 'KP', aliases: ['Test Person-One'] });
    expect(p!.type === 'person' && p.evidence.note).toContain('Test Person-One (Good)');
    expect(parsed.skippedByColumn).toMatchObject({ INDIVIDUAL_DATE_OF_BIRTH: 1, GENDER: 1 });
  });

  it('reads IMO company numbers and country names as the lists write them', () => {
    expect(imoCompanyNumberIn('IMO Number: 5342883')).toBe('5342883');
    expect(imoCompanyNumberIn('no number')).toBeUndefined();
    expect(listCountryCode('Korea, North')).toBe('KP');
    expect(listCountryCode('Sierra Leone')).toBe('SL');
    expect(listCountryCode('Atlantis')).toBeNull();
  });
});
