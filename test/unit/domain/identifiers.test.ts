import {
  isValidCountryCode,
  isValidImo,
  isValidLocode,
  isValidMmsi,
  normalizeImo,
  normalizeLocode,
} from '../../../src/domain/identifiers';

describe('IMO numbers', () => {
  it.each(['9114555', '9020534', '8905490', '9562233', 'IMO 9114555', ' 9004700 '])(
    'accepts %s (check digit right)',
    (imo) => {
      expect(isValidImo(imo)).toBe(true);
    },
  );

  it.each(['9114556', '9114554', '911455', '91145555', 'abcdefg', '', 'IMO'])('rejects %s', (imo) => {
    expect(isValidImo(imo)).toBe(false);
  });

  it('computes the check digit from weights 7..2 (9114555: 9·7+1·6+1·5+4·4+5·3+5·2 = 115 → 5)', () => {
    expect(isValidImo('9114555')).toBe(true);
    for (let d = 0; d <= 9; d++) if (d !== 5) expect(isValidImo(`911455${d}`)).toBe(false);
  });

  it('strips an "IMO" prefix', () => {
    expect(normalizeImo('IMO9114555')).toBe('9114555');
  });
});

describe('MMSI', () => {
  it('accepts nine digits starting 2-7 (ship stations)', () => {
    expect(isValidMmsi('445123456')).toBe(true);
    expect(isValidMmsi('273345000')).toBe(true);
  });
  it.each(['44512345', '4451234567', '045123456', '970123456', '44512345a', ''])('rejects %s', (m) => {
    expect(isValidMmsi(m)).toBe(false);
  });
});

describe('UN/LOCODE', () => {
  it.each(['KPNAM', 'CNLYG', 'KR INC', 'krpus', 'CNJTG'])('accepts %s', (c) => {
    expect(isValidLocode(c)).toBe(true);
  });
  it.each(['KPNA', 'KPNAMP', 'XXNAM', 'KP-NAM', '12345', 'KPNA1'])('rejects %s', (c) => {
    expect(isValidLocode(c)).toBe(false);
  });
  it('normalizes case and the space after the country', () => {
    expect(normalizeLocode(' kr inc ')).toBe('KRINC');
  });
});

describe('ISO 3166-1 alpha-2', () => {
  it.each(['KP', 'kr', 'CN', 'VN', 'MY', 'RU', 'HK', 'TW'])('accepts %s', (c) => {
    expect(isValidCountryCode(c)).toBe(true);
  });
  it.each(['XX', 'PRK', 'K', '', 'UK', '12'])('rejects %s', (c) => {
    expect(isValidCountryCode(c)).toBe(false);
  });
});
