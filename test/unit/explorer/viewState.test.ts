/**
 * The explorer's address (explorer/viewState.ts) and its time bar's ranges (explorer/timeRange.ts):
 * pure functions, checked without a browser.
 */
import { emptyView, fromSearch, parseDuring, sameTrace, toSearch, type ViewState } from '../../../explorer/viewState';
import { dayNumber, dayString, overlaps, routesDuring, spanOf } from '../../../explorer/timeRange';
import type { RouteData } from '../../../explorer/types';

function view(over: Partial<ViewState> = {}): ViewState {
  return { ...emptyView(), ...over };
}

describe('explorer address', () => {
  it('`?origin=Nampho` is a trace from Nampho with the default legs and wait, nothing else', () => {
    const v = fromSearch('?origin=Nampho');
    expect(v.form).toEqual({ origin: 'Nampho', from: '', to: '', maxHops: 4, maxWaitDays: 60 });
    expect(v.filters).toEqual({ country: '', tactic: '', minConfidence: 0 });
    expect(v.selection).toBeNull();
    expect(v.view).toBe('graph');
    expect(toSearch(v)).toBe('?origin=Nampho');
  });

  it('writes every part of a view and reads back the same view', () => {
    const v = view({
      form: { origin: 'Nampho', from: '2018-01-01', to: '2019-12-31', maxHops: 6, maxWaitDays: 90 },
      filters: { country: 'VN', tactic: 'STS_TRANSFER', minConfidence: 0.5 },
      selection: { id: 'vessel:wise-honest', group: 'node' },
      highlightRoute: 'route:port:nampho|leg:a|leg:b',
      view: 'map',
      during: { from: '2018-03-01', to: '2018-09-30' },
      investigation: 'investigation:1234',
    });
    const search = toSearch(v);
    expect(search).toBe(
      '?origin=Nampho&from=2018-01-01&to=2019-12-31&hops=6&wait=90&country=VN&tactic=STS_TRANSFER&conf=0.5' +
        '&node=vessel%3Awise-honest&route=route%3Aport%3Anampho%7Cleg%3Aa%7Cleg%3Ab&view=map' +
        '&during=2018-03-01%7E2018-09-30&inv=investigation%3A1234',
    );
    expect(fromSearch(search)).toEqual(v);
    const edge = view({ form: { ...v.form }, selection: { id: 'load:port:nampho->leg:x', group: 'edge' } });
    expect(fromSearch(toSearch(edge)).selection).toEqual(edge.selection);
  });

  it('drops what makes no sense instead of trusting it', () => {
    const v = fromSearch(
      '?origin=Nampho&from=2018-02-30&to=yesterday&hops=99&wait=-3&country=Vietnam&tactic=drop table&conf=7&view=3d&during=2019-01-01~2018-01-01',
    );
    expect(v.form).toEqual({ origin: 'Nampho', from: '', to: '', maxHops: 4, maxWaitDays: 60 });
    expect(v.filters).toEqual({ country: '', tactic: '', minConfidence: 0 });
    expect(v.view).toBe('graph');
    expect(v.during).toBeNull();
    // A window that ends before it starts keeps its start only.
    expect(fromSearch('?origin=X&from=2019-01-01&to=2018-01-01').form).toMatchObject({ from: '2019-01-01', to: '' });
  });

  it('an investigation alone is an address; a view without an origin names nothing else', () => {
    expect(toSearch(view({ investigation: 'investigation:9' }))).toBe('?inv=investigation%3A9');
    expect(toSearch(view({ selection: { id: 'port:nampho', group: 'node' } }))).toBe('');
    expect(toSearch(emptyView())).toBe('');
  });

  it('open-ended time ranges', () => {
    expect(parseDuring('2018-01-01~')).toEqual({ from: '2018-01-01', to: null });
    expect(parseDuring('~2018-01-01')).toEqual({ from: null, to: '2018-01-01' });
    expect(parseDuring('~')).toBeNull();
  });

  it('sameTrace compares what the service traces, not what the page filters or selects', () => {
    const a = fromSearch('?origin=Nampho&tactic=STS_TRANSFER&node=port:nampho');
    expect(sameTrace(a, fromSearch('?origin=nampho'))).toBe(true);
    expect(sameTrace(a, fromSearch('?origin=Nampho&country=VN'))).toBe(false);
    expect(sameTrace(a, fromSearch('?origin=Nampho&hops=5'))).toBe(false);
  });
});

describe('explorer time bar', () => {
  it('counts days and finds the span of dated events', () => {
    expect(dayString(dayNumber('2019-03-05'))).toBe('2019-03-05');
    expect(dayNumber('1970-01-02')).toBe(1);
    const span = spanOf([
      { date: { from: '2018-05-01', to: '2018-05-03' } },
      { date: null },
      { date: { from: null, to: '2017-01-01' } },
    ]);
    expect(span).toEqual({ from: dayNumber('2017-01-01'), to: dayNumber('2018-05-03') });
    expect(spanOf([{ date: null }])).toBeNull();
  });

  it('overlap with open ends', () => {
    const r = { from: '2018-01-01', to: '2018-12-31' };
    expect(overlaps('2017-12-01', '2018-01-01', r)).toBe(true);
    expect(overlaps('2019-01-01', '2019-02-01', r)).toBe(false);
    expect(overlaps(null, '2017-06-01', r)).toBe(false);
    expect(overlaps(null, null, r)).toBe(true);
    expect(overlaps('2030-01-01', null, { from: null, to: '2018-01-01' })).toBe(false);
  });

  it('keeps the routes under way in the range', () => {
    const route = (id: string, dep: string, arr: string | null) =>
      ({
        id,
        departure: { from: dep, to: dep, text: null },
        arrival: arr ? { from: arr, to: arr, text: null } : null,
      }) as unknown as RouteData;
    const routes = [
      route('a', '2017-08-01', '2017-09-01'),
      route('b', '2018-03-01', '2018-04-10'),
      route('c', '2019-01-05', null),
    ];
    const ids = (range: { from: string | null; to: string | null } | null) =>
      routesDuring(routes, range).map((r) => r.id);
    expect(ids(null)).toEqual(['a', 'b', 'c']);
    expect(ids({ from: '2018-04-01', to: '2018-12-31' })).toEqual(['b']);
    expect(ids({ from: '2017-08-15', to: null })).toEqual(['a', 'b', 'c']);
    expect(ids({ from: null, to: '2017-07-31' })).toEqual([]);
  });
});
