/** The watch rule (which changes touch which watchlists), watchlist input checks, and a subscriber's bounded queue. */
import { GraphQLError } from 'graphql';
import {
  ChangeFacts,
  checkWatchlistInput,
  keysTouched,
  mergeChanges,
  parseSince,
  planAlerts,
  planRiskAlerts,
  touchesOf,
  watchKey,
  WatchInputProblem,
} from '../../../src/domain/watch';
import { AlertStream } from '../../../src/http/alertFeed';
import { AlertView } from '../../../src/db/watch/alerts';

const leg = (over: Partial<ChangeFacts> = {}): ChangeFacts => ({
  changeId: 'change:t:0',
  fact: 0,
  factId: 'leg:test-1',
  factType: 'leg',
  action: 'CREATED',
  entities: ['vessel:test-kilo'],
  newPorts: ['port:test-a', 'port:test-b'],
  route: { fromCountries: ['KP'], toCountries: ['CN'], cargoOrigin: 'UNCONFIRMED' },
  ...over,
});

describe('touchesOf', () => {
  it('a new leg from a DPRK port touches its vessel, both ports and the country it ends in', () => {
    expect(touchesOf(leg()).map((t) => t.key)).toEqual([
      watchKey.entity('vessel:test-kilo'),
      watchKey.port('port:test-a'),
      watchKey.port('port:test-b'),
      watchKey.country('CN'),
    ]);
  });

  it('DPRK cargo from elsewhere also touches the destination country; other cargo does not', () => {
    const dprkCargo = leg({ route: { fromCountries: ['RU'], toCountries: ['CN'], cargoOrigin: 'DPRK' } });
    expect(keysTouched([dprkCargo])).toContain(watchKey.country('CN'));
    const other = leg({ route: { fromCountries: ['RU'], toCountries: ['CN'], cargoOrigin: 'UNCONFIRMED' } });
    expect(keysTouched([other])).not.toContain(watchKey.country('CN'));
  });

  it('only vessels, companies and persons are watched as entities', () => {
    const c = leg({ entities: ['port:test-a', 'source:abc', 'company:test-co'], newPorts: [], route: null });
    expect(touchesOf(c).map((t) => t.watchedId)).toEqual(['company:test-co']);
  });
});

describe('planAlerts', () => {
  const who = { actor: 'key:test', operation: 'recordLeg' };

  it('gives one alert per watchlist and fact, of the most direct kind, with every change id of the fact', () => {
    const changes = [
      leg(),
      leg({ changeId: 'change:t:1', factId: 'vessel:test-kilo', factType: 'vessel', route: null, newPorts: [] }),
    ];
    const watchers = new Map([
      [watchKey.entity('vessel:test-kilo'), ['watchlist:w1']],
      [watchKey.port('port:test-a'), ['watchlist:w1', 'watchlist:w2']],
      [watchKey.country('CN'), ['watchlist:w2']],
    ]);
    const alerts = planAlerts(changes, watchers, who);
    expect(alerts.map((a) => [a.watchlistId, a.kind, a.entityId, a.changeIds])).toEqual([
      ['watchlist:w1', 'ENTITY', 'vessel:test-kilo', ['change:t:0', 'change:t:1']],
      ['watchlist:w2', 'PORT', 'port:test-a', ['change:t:0', 'change:t:1']],
    ]);
    expect(alerts[0].summary).toMatch(/leg leg:test-1 created by key:test \(recordLeg\)/);
  });

  it('a merge alerts the watchers of either side once, as MERGED, with both audit entries; ports as ports', () => {
    const changes = mergeChanges('vessel:test-keep', 'vessel:test-gone', ['change:m:0', 'change:m:1']);
    const watchers = new Map([
      [watchKey.entity('vessel:test-gone'), ['watchlist:w1']],
      [watchKey.entity('vessel:test-keep'), ['watchlist:w1', 'watchlist:w2']],
    ]);
    const alerts = planAlerts(changes, watchers, { actor: 'key:test', operation: 'mergeEntities' }, 'MERGED');
    expect(alerts.map((a) => [a.watchlistId, a.kind, a.entityId, a.factId, a.changeIds])).toEqual([
      ['watchlist:w1', 'MERGED', 'vessel:test-keep', 'vessel:test-keep', ['change:m:0', 'change:m:1']],
      ['watchlist:w2', 'MERGED', 'vessel:test-keep', 'vessel:test-keep', ['change:m:0', 'change:m:1']],
    ]);
    expect(keysTouched(mergeChanges('port:test-a', 'port:test-b', ['change:m:0']))).toEqual([
      watchKey.port('port:test-a'),
      watchKey.port('port:test-b'),
    ]);
  });

  it('minRisk: alerts the watchlists whose threshold the score reached from below, once', () => {
    const lists = [
      { id: 'watchlist:w2', minRisk: 50 },
      { id: 'watchlist:w1', minRisk: 20 },
      { id: 'watchlist:w3', minRisk: 90 },
    ];
    const who = { actor: 'key:test', operation: 'recordLeg' };
    const rose = planRiskAlerts('vessel:test-kilo', null, 60, lists, ['change:t:0'], who);
    expect(rose.map((a) => [a.watchlistId, a.kind, a.changeIds])).toEqual([
      ['watchlist:w1', 'RISK', ['change:t:0']],
      ['watchlist:w2', 'RISK', ['change:t:0']],
    ]);
    expect(planRiskAlerts('vessel:test-kilo', 60, 70, lists, [], who)).toEqual([]);
    expect(planRiskAlerts('vessel:test-kilo', 60, 10, lists, [], who)).toEqual([]);
  });

  it('gives nothing when no watchlist watches what the write touched', () => {
    expect(planAlerts([leg()], new Map(), who)).toEqual([]);
  });
});

describe('checkWatchlistInput', () => {
  it('normalises countries, trims names, drops duplicates', () => {
    expect(
      checkWatchlistInput({ name: ' Kilo ', countries: ['cn', 'CN', 'ru'], entityIds: ['vessel:a', 'vessel:a'] }, true),
    ).toEqual({
      name: 'Kilo',
      countries: ['CN', 'RU'],
      entityIds: ['vessel:a'],
    });
  });

  it.each([
    [{ name: '' }, 'input.name'],
    [{ name: 'x', entityIds: ['leg:x'] }, 'input.entityIds[0]'],
    [{ name: 'x', ports: ['vessel:x'] }, 'input.ports[0]'],
    [{ name: 'x', countries: ['ZZ'] }, 'input.countries[0]'],
    [{ name: 'x', minRisk: -1 }, 'input.minRisk'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => checkWatchlistInput(input, true)).toThrow(WatchInputProblem);
    try {
      checkWatchlistInput(input, true);
    } catch (e) {
      expect((e as WatchInputProblem).field).toBe(field);
    }
  });
});

describe('parseSince', () => {
  it('reads alert ids and ISO times', () => {
    expect(parseSince('alert:42')).toEqual({ afterSeq: 42, at: null });
    expect(parseSince('2024-05-01')).toEqual({ afterSeq: 0, at: '2024-05-01' });
    expect(parseSince('yesterday')).toBeNull();
  });
});

describe('AlertStream', () => {
  const alert = (seq: number): AlertView => ({
    id: `alert:${seq}`,
    seq,
    watchlistId: 'watchlist:w',
    at: '2024-01-01T00:00:00.000Z',
    kind: 'ENTITY',
    entityId: 'vessel:x',
    factId: 'leg:x',
    factType: 'leg',
    changeIds: [],
    summary: '',
    actor: 'key:test',
    operation: 'recordLeg',
    readBy: [],
  });

  it('delivers missed alerts first, then live ones, each once', async () => {
    let ended = false;
    const stream = new AlertStream(
      'watchlist:w',
      1,
      10,
      () => (ended = true),
      (after) => Promise.resolve([2, 3, 4].filter((s) => s > after).map(alert)),
    );
    stream.offer(alert(4)); // live, also among the missed ones
    stream.offer(alert(5));
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push((await stream.next()).value!.seq);
    expect(got).toEqual([2, 3, 4, 5]);
    await stream.return();
    expect(ended).toBe(true);
  });

  it('drops a consumer that falls queueMax alerts behind, with SLOW_CONSUMER', async () => {
    let ended = false;
    const stream = new AlertStream('watchlist:w', 0, 2, () => (ended = true), null);
    for (const s of [1, 2, 3]) stream.offer(alert(s));
    expect(ended).toBe(true);
    await expect(stream.next()).rejects.toBeInstanceOf(GraphQLError);
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true });
  });
});
