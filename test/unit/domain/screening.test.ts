/** Screening rules without a database: name normalisation, query checks, scoring and ranking. */
import { normalizeName, nameVariants, romanWord } from '../../../src/domain/screenNames';
import { checkScreenQuery, screenBatchProblem } from '../../../src/domain/screenQuery';
import {
  compareNames,
  QueryNames,
  rankCandidates,
  scoreSubject,
  ScreenSubject,
  SCREEN_WEIGHTS,
} from '../../../src/domain/screenScore';

const vessel = (over: Partial<ScreenSubject> = {}): ScreenSubject => ({
  id: 'vessel:x',
  kind: 'VESSEL',
  names: [{ name: 'Chong Chon Gang', origin: 'NAME' }],
  imos: [{ value: '7937317', falseClaim: false }],
  companyImo: null,
  mmsis: [],
  callSigns: [],
  flags: ['KP'],
  country: null,
  owners: [],
  birthDate: null,
  ...over,
});

function score(q: Parameters<typeof checkScreenQuery>[0], subject: ScreenSubject) {
  const checked = checkScreenQuery(q);
  return scoreSubject(checked, new QueryNames(checked.name, checked.kind), subject);
}

describe('name normalisation', () => {
  it('folds case, punctuation and spacing: CHONGCHONGANG = Chong Chon Gang', () => {
    expect(normalizeName('CHONGCHONGANG', 'VESSEL').compact).toBe(normalizeName('Chong Chon Gang', 'VESSEL').compact);
    expect(normalizeName('Chong-Chon  Gang.', 'VESSEL').tokens).toEqual(['chong', 'chon', 'gang']);
  });

  it('reads numbering: "No. 6" = "6", "No.7", "#7", "07", Roman numerals after the first word', () => {
    expect(normalizeName('Ul Ji Bong No. 6', 'VESSEL').tokens).toEqual(['ul', 'ji', 'bong', '6']);
    expect(normalizeName('SEAGLASS NO.7', 'VESSEL').tokens).toEqual(['seaglass', '7']);
    expect(normalizeName('Seaglass #07', 'VESSEL').tokens).toEqual(['seaglass', '7']);
    expect(normalizeName('Seaglass VII', 'VESSEL').tokens).toEqual(['seaglass', '7']);
    expect(normalizeName('Star18', 'VESSEL').tokens).toEqual(['star', '18']);
    expect(normalizeName('No Name Bay', 'VESSEL').tokens).toEqual(['no', 'name', 'bay']);
  });

  it("folds Korean and Chinese romanisations: Nampo / Nampho / Namp'o, Pusan / Busan, Hsin / Xin", () => {
    const keys = ['Nampo', 'Nampho', "Namp'o", 'NAMPʼO'].map((n) => normalizeName(n, 'PORT').roman);
    expect(new Set(keys).size).toBe(1);
    expect(normalizeName('Pusan', 'PORT').roman).toBe(normalizeName('Busan', 'PORT').roman);
    expect(romanWord('hsin')).toBe(romanWord('xin'));
    expect(normalizeName('Chongjin', 'PORT').roman).toBe(normalizeName("Ch'ŏngjin", 'PORT').roman);
  });

  it('reads Ri / Rhee / Lee as one surname for persons only', () => {
    const person = (n: string) => normalizeName(n, 'PERSON').roman;
    expect(person('Ri Song Chol')).toBe(person('Rhee Song Chol'));
    expect(person('Lee Song Chol')).toBe(person('Ri Song Chol'));
    const ship = (n: string) => normalizeName(n, 'VESSEL').roman;
    expect(ship('Ri Song')).not.toBe(ship('Lee Song'));
  });

  it('reads company legal forms: "Co., Ltd." = "Company Limited"', () => {
    expect(normalizeName('Weihai Shipping Co., Ltd.', 'COMPANY').tokens).toEqual(
      normalizeName('Weihai Shipping Company Limited', 'COMPANY').tokens,
    );
    expect(normalizeName('Ocean Maritime Management Company, Limited', 'COMPANY').core).toEqual([
      'ocean',
      'maritime',
      'management',
    ]);
  });

  it('splits parenthesised parts off as their own variants', () => {
    expect(nameVariants('OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)')).toEqual([
      'OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)',
      'OCEAN MARITIME MANAGEMENT COMPANY, LIMITED',
      'OMM',
    ]);
  });
});

describe('name comparison', () => {
  const cmp = (a: string, b: string, kind: 'VESSEL' | 'COMPANY' | 'PERSON' | 'PORT' = 'VESSEL') =>
    compareNames(normalizeName(a, kind), normalizeName(b, kind));

  it('ranks exact over normalised over transliteration over fuzzy', () => {
    expect(cmp('Wise Honest', 'WISE HONEST').match).toBe('NAME_EXACT');
    expect(cmp('SEAGLASS NO. 7', 'Seaglass 7').match).toBe('NAME_NORMALISED');
    expect(cmp('CHONGCHONGANG', 'Chong Chon Gang').score).toBeGreaterThanOrEqual(0.9);
    expect(cmp('Nampo', 'Nampho', 'PORT').match).toBe('NAME_TRANSLITERATION');
    expect(cmp('Korea Songi Shipping Company Limited', 'Korea Songi Shipping', 'COMPANY').match).toBe(
      'NAME_LEGAL_FORM',
    );
    const fuzzy = cmp('Wise Honets', 'Wise Honest');
    expect(fuzzy.score).toBeGreaterThan(0.6);
    expect(fuzzy.score).toBeLessThan(SCREEN_WEIGHTS.nameTransliteration);
  });

  it('keeps ships that differ only in number apart', () => {
    expect(cmp('Hao Fan 6', 'Hao Fan 2').score).toBeLessThan(0.5);
    expect(cmp('Asia Bridge', 'Asia Bridge 1').score).toBeLessThan(0.7);
  });

  it('finds unrelated names far apart', () => {
    expect(cmp('Atlantic Sunrise Trader', 'Trendy Sunshine').score).toBeLessThan(0.5);
    expect(cmp('Atlantic Sunrise Trader', 'Ocean Skipper').score).toBeLessThan(0.5);
  });
});

describe('query checks', () => {
  it('reports a malformed IMO number as a problem of the query, keeping the rest', () => {
    const q = checkScreenQuery({ name: 'Wise Honest', imo: '8905491' });
    expect(q.imo).toBeNull();
    expect(q.name).toBe('Wise Honest');
    expect(q.problems).toEqual([expect.objectContaining({ field: 'imo' })]);
  });

  it('takes a company IMO number only for companies', () => {
    expect(checkScreenQuery({ kind: 'COMPANY', imo: '5342883' }).companyImo).toBe('5342883');
    const any = checkScreenQuery({ imo: '5342883' });
    expect(any.imo).toBeNull();
    expect(any.problems[0].message).toMatch(/kind: COMPANY/);
  });

  it('reads flags and countries as codes or names; reports what is neither', () => {
    expect(checkScreenQuery({ name: 'x', flag: 'Sierra Leone' }).flag).toBe('SL');
    expect(checkScreenQuery({ name: 'x', country: 'kp' }).country).toBe('KP');
    expect(checkScreenQuery({ name: 'x', flag: 'Atlantis' }).problems[0].field).toBe('flag');
  });

  it('says so when nothing can be searched', () => {
    expect(checkScreenQuery({ flag: 'KP' }).problems.map((p) => p.field)).toEqual(['name']);
  });

  it('refuses batches over 500 and thresholds or limits out of range', () => {
    expect(screenBatchProblem(500, 0.7, 5)).toBeNull();
    expect(screenBatchProblem(501, 0.7, 5)?.arg).toBe('queries');
    expect(screenBatchProblem(1, 1.5, 5)?.arg).toBe('threshold');
    expect(screenBatchProblem(1, 0.7, 0)?.arg).toBe('limit');
  });
});

describe('scoring', () => {
  it('a matching IMO number scores 1.0 whatever the name', () => {
    const r = score({ name: 'Something Else Entirely', imo: '7937317' }, vessel());
    expect(r.score).toBe(1);
    expect(r.features[0]).toMatchObject({ field: 'imo', match: 'IDENTIFIER_EXACT' });
  });

  it('a ship IMO number never matches a company IMO number', () => {
    const company: ScreenSubject = vessel({
      id: 'company:x',
      kind: 'COMPANY',
      names: [{ name: 'Test Shell 0042 Ltd', origin: 'NAME' }],
      imos: [],
      companyImo: '7937317',
    });
    const r = score({ imo: '7937317' }, company);
    expect(r.score).toBe(0);
    expect(r.features).toEqual([]);
  });

  it('a contradicting valid IMO number lowers the score and says so', () => {
    const r = score({ name: 'Chong Chon Gang', imo: '9114555' }, vessel());
    expect(r.score).toBeLessThan(0.7);
    expect(r.features.map((f) => f.match)).toContain('IDENTIFIER_CONTRADICTS');
  });

  it('former names and false identities match, a little below own names', () => {
    const s = vessel({
      names: [
        { name: 'Carrier 0182', origin: 'NAME' },
        { name: 'Orient Test', origin: 'FORMER_NAME' },
        { name: 'Ghost Test', origin: 'FALSE_IDENTITY' },
      ],
    });
    const former = score({ name: 'Orient Test' }, s);
    expect(former.score).toBeCloseTo(SCREEN_WEIGHTS.formerName, 3);
    expect(former.matchedName).toBe('Orient Test');
    expect(former.features[0].value).toMatch(/former name/);
    expect(score({ name: 'Ghost Test' }, s).score).toBeCloseTo(SCREEN_WEIGHTS.falseIdentity, 3);
  });

  it('flag and owner nudge the score and are listed', () => {
    const s = vessel({ owners: ['Test Shell 0042 Ltd'] });
    const r = score({ name: 'Chong Chon Gang', flag: 'KP', owner: 'Test Shell 0042 Limited' }, s);
    expect(r.features.map((f) => f.match)).toEqual(expect.arrayContaining(['FLAG_MATCH', 'OWNER_MATCH']));
    expect(r.score).toBe(SCREEN_WEIGHTS.nameOnlyCap);
    const other = score({ name: 'Chong Chon Gang', flag: 'PA' }, s);
    expect(other.score).toBeLessThan(1);
    expect(other.features.map((f) => f.match)).toContain('FLAG_MISMATCH');
  });

  it('person surnames across romanisations, and birth dates', () => {
    const person: ScreenSubject = vessel({
      id: 'person:x',
      kind: 'PERSON',
      names: [{ name: 'Ri Test Chol', origin: 'NAME' }],
      imos: [],
      flags: [],
      birthDate: '1961-05-01',
    });
    const r = score({ kind: 'PERSON', name: 'Rhee Test Chol', birthDate: '1961' }, person);
    expect(r.features.map((f) => f.match)).toEqual(['NAME_TRANSLITERATION', 'BIRTH_DATE_MATCH']);
    expect(score({ kind: 'PERSON', name: 'Rhee Test Chol', birthDate: '1970' }, person).score).toBeLessThan(0.9);
  });

  it('ranks best first, drops what is under the threshold, keeps the limit', () => {
    const ranked = rankCandidates(
      [
        { id: 'b', score: 0.8 },
        { id: 'a', score: 0.8 },
        { id: 'c', score: 0.95 },
        { id: 'd', score: 0.5 },
      ],
      0.7,
      2,
    );
    expect(ranked.map((r) => r.id)).toEqual(['c', 'a']);
  });
});
