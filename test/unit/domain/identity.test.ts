import { currentFlag, ClaimLike } from '../../../src/domain/identity';

const claim = (over: Partial<ClaimLike>): ClaimLike => ({
  name: null,
  flagCode: null,
  flagText: null,
  status: 'ASSERTED',
  kind: 'REGISTRATION',
  periodFrom: null,
  periodTo: null,
  ...over,
});

describe('current flag from the identity history', () => {
  it('takes the latest dated registration (flag hopping: Sierra Leone, Tanzania, Comoros, then DPRK)', () => {
    const flag = currentFlag([
      claim({ flagCode: 'SL', flagText: 'Sierra Leone' }),
      claim({ flagCode: 'TZ', flagText: 'Tanzania' }),
      claim({ flagCode: 'KP', flagText: 'North Korea', periodFrom: '2019-08-01', periodTo: '2019-08-31' }),
    ]);
    expect(flag.code).toBe('KP');
  });

  it('ignores false claims (spoofed or forged)', () => {
    const flag = currentFlag([
      claim({ flagCode: 'KP', flagText: 'North Korea' }),
      claim({
        flagCode: 'SL',
        flagText: 'Sierra Leone (documents)',
        status: 'FALSE',
        kind: 'DOCUMENTS',
        periodFrom: '2018-01-01',
      }),
    ]);
    expect(flag.code).toBe('KP');
  });

  it('gives no code and names both when sources conflict at the same time', () => {
    const flag = currentFlag([
      claim({ flagCode: 'PA', flagText: 'Panama' }),
      claim({ flagCode: 'HK', flagText: 'Hong Kong' }),
    ]);
    expect(flag.code).toBeNull();
    expect(flag.text).toBe('sources conflict: Hong Kong / Panama');
  });

  it('prefers a verified claim over an asserted one of the same date', () => {
    const flag = currentFlag([claim({ flagCode: 'PA' }), claim({ flagCode: 'KP', status: 'VERIFIED' })]);
    expect(flag.code).toBe('KP');
  });

  it('is empty without claims', () => {
    expect(currentFlag([])).toEqual({ code: null, text: null });
  });
});
