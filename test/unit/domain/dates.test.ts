import { covers, dateWindowProblem, daysBetween, isIsoDate, overlaps } from '../../../src/domain/dates';

describe('date ranges', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDate('2017-09-05')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-2-3')).toBe(false);
    expect(isIsoDate('05/09/2017')).toBe(false);
  });

  it('reports a window whose start is after its end, or a malformed side', () => {
    expect(dateWindowProblem({ from: '2017-01-01', to: '2017-12-31' })).toBeNull();
    expect(dateWindowProblem({ from: null, to: '2017-12-31' })).toBeNull();
    expect(dateWindowProblem({ from: '2018-01-01', to: '2017-12-31' })).toMatch(/after/);
    expect(dateWindowProblem({ from: '2018-13-01', to: null })).toMatch(/from must be a calendar date/);
  });

  it('counts days between two days', () => {
    expect(daysBetween('2017-09-05', '2017-10-02')).toBe(27);
    expect(daysBetween('2017-10-02', '2017-09-05')).toBe(-27);
    // read digit by digit, as Date.parse reads them: every day of four centuries, the far ends, and no day
    const parsed = (a: string, b: string) =>
      Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
    for (let t = Date.UTC(1850, 0, 1); t <= Date.UTC(2250, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (daysBetween('2017-09-05', day) !== parsed('2017-09-05', day)) expect(day).toBe('a day read as Date does');
    }
    for (const [a, b] of [
      ['0001-01-02', '9999-12-31'],
      ['0001-01-01', '2000-02-29'],
      ['2019-02-28', '2019-02-30'],
      ['2019-2-3', '2019-02-03'],
      ['2019-13-01', '2019-12-01'],
      ['2a19-01-01', '2019-01-01'],
      ['', '2019-01-01'],
    ])
      expect([a, b, daysBetween(a, b)]).toEqual([a, b, parsed(a, b)]);
  });

  it('treats unknown sides as open when testing overlap', () => {
    expect(overlaps({ from: '2017-08-01', to: '2017-09-30' }, { from: '2017-09-15', to: null })).toBe(true);
    expect(overlaps({ from: '2017-08-01', to: '2017-09-30' }, { from: '2017-10-01', to: null })).toBe(false);
    expect(overlaps({ from: null, to: null }, { from: '2017-10-01', to: '2017-10-02' })).toBe(true);
  });

  it('knows whether a span covers a day', () => {
    expect(covers({ from: '2018-03-30', to: null }, '2019-01-01')).toBe(true);
    expect(covers({ from: '2018-03-30', to: null }, '2018-01-01')).toBe(false);
  });
});
