/**
 * The order of routes (src/db/trace/rank.ts): score first, then the anchor leg's day (unknown first),
 * then the leg ids in walk order with a route before the routes that extend it; rankRoutes filters by
 * the minimum confidence and cuts at the limit in that order.
 */
import { compareWalked, rankRoutes, RankedRecord } from '../../../../src/db/trace/rank';

const route = (score: number, rankDay: string | null, walkLegIds: string[]): RankedRecord => ({
  score,
  rankDay,
  walkLegIds,
  confidence: Math.round(score * 1000) / 1000,
});

describe('compareWalked', () => {
  it('puts the higher score first, whatever the day and the legs', () => {
    const a = { score: 0.9, day: '2020-01-09', legIds: ['leg:b'] };
    const b = { score: 0.5, day: '2019-01-01', legIds: ['leg:a'] };
    expect(compareWalked(a, b)).toBeLessThan(0);
    expect(compareWalked(b, a)).toBeGreaterThan(0);
  });

  it('breaks a tie in score by the earlier day, an unknown day before any known one', () => {
    const known = { score: 0.5, day: '2019-03-01', legIds: ['leg:a'] };
    const later = { score: 0.5, day: '2019-04-01', legIds: ['leg:a'] };
    const unknown = { score: 0.5, day: null, legIds: ['leg:z'] };
    expect(compareWalked(known, later)).toBeLessThan(0);
    expect(compareWalked(unknown, known)).toBeLessThan(0);
  });

  it('then by leg ids in walk order, a route before the routes that extend it', () => {
    const short = { score: 0.5, day: null, legIds: ['leg:a'] };
    const longer = { score: 0.5, day: null, legIds: ['leg:a', 'leg:b'] };
    const other = { score: 0.5, day: null, legIds: ['leg:a', 'leg:c'] };
    expect(compareWalked(short, longer)).toBeLessThan(0);
    expect(compareWalked(longer, other)).toBeLessThan(0);
    expect(compareWalked(other, other)).toBe(0);
  });
});

describe('rankRoutes', () => {
  const routes = [
    route(0.3, '2019-05-01', ['leg:c']),
    route(0.9, '2019-06-01', ['leg:b']),
    route(0.9, '2019-02-01', ['leg:d']),
    route(0.05, null, ['leg:a']),
    route(0.9, '2019-02-01', ['leg:d', 'leg:e']),
  ];

  it('orders by the ranking and cuts at the limit', () => {
    const ranked = rankRoutes([...routes], 3);
    expect(ranked.map((r) => r.walkLegIds.join('>'))).toEqual(['leg:d', 'leg:d>leg:e', 'leg:b']);
  });

  it('drops routes under the minimum confidence before cutting', () => {
    const ranked = rankRoutes([...routes], 10, 0.1);
    expect(ranked.map((r) => r.score)).toEqual([0.9, 0.9, 0.9, 0.3]);
    expect(rankRoutes([...routes], 10, null)).toHaveLength(5);
  });
});
