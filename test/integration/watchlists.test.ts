/**
 * Watchlists and live alerts on a real service and Neo4j: editors create watchlists (readers may not),
 * every committed write that touches one leaves an alert in the write's transaction, a write that
 * changes nothing leaves none, and alerts reach graphql-ws subscribers — on another replica too, and
 * after a reconnect with `since`, each exactly once. All names are synthetic.
 */
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import { graphCounts, startTestService, TestService } from './harness';

const KEYS = {
  reader: 'reader-key-for-watch-tests-01',
  editor: 'editor-key-for-watch-tests-01',
  editor2: 'editor-key-for-watch-tests-02',
  admin: 'admin-key-for-watch-tests-0001',
};
const API_KEYS = `reader:watch-r:${KEYS.reader},editor:watch-e:${KEYS.editor},editor:watch-e2:${KEYS.editor2},admin:watch-a:${KEYS.admin}`;
const ENV = { COLLIER_API_KEYS: API_KEYS, GRAPHQL_MAX_SUBSCRIPTIONS_PER_KEY: '3', ALERT_POLL_INTERVAL_MS: '100' };
type Caller = keyof typeof KEYS | null;

let a: TestService;
let b: TestService;

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

async function call(t: TestService, query: string, variables: Record<string, unknown> = {}, caller: Caller = null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller) headers.authorization = `Bearer ${KEYS[caller]}`;
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as Answer;
}
const gql = (query: string, variables: Record<string, unknown> = {}, caller: Caller = null) =>
  call(a, query, variables, caller);

const CITE = [
  {
    url: 'https://example.org/reports/test-watch',
    publisher: 'Example Monitoring Group',
    kind: 'INVESTIGATIVE',
    tier: 'MEDIUM_HIGH',
  },
];
const VESSEL = 'vessel:test-vessel-kilo-1000045';
const OTHER_VESSEL = 'vessel:test-vessel-lima-1000057';
const KP_PORT = 'port:test-harbour-kilo';
const VN_PORT = 'port:test-terminal-lima';
const CN_PORT = 'port:test-anchorage-mike';

const ALERT = 'id watchlistId at kind entityId factId factType changeIds summary actor operation read';
const SUBSCRIBE = `subscription($w: ID!, $since: String) { alerts(watchlistId: $w, since: $since) { ${ALERT} } }`;

function recordLeg(vessel: string, from: string, to: string, day: string, caller: Caller = 'editor') {
  return gql(
    `mutation($i: LegInput!) { recordLeg(input: $i) { id status changeIds } }`,
    {
      i: { vessel, from: [from], to: [to], departure: { from: day, to: day, precision: 'DAY' }, sources: CITE },
    },
    caller,
  );
}

async function upsertVessel(name: string, imo: string): Promise<string> {
  const r = await gql(
    `mutation($i: VesselInput!) { upsertVessel(input: $i) { id } }`,
    { i: { name, imo, sources: CITE } },
    'admin',
  );
  expect(r.errors).toBeUndefined();
  return r.data!.upsertVessel.id as string;
}

async function createWatchlist(input: Record<string, unknown>, caller: Caller = 'editor'): Promise<Answer> {
  return gql(
    `mutation($i: CreateWatchlistInput!) { createWatchlist(input: $i) { id name owner entityIds ports countries } }`,
    { i: input },
    caller,
  );
}

async function alertCount(): Promise<number> {
  const [row] = await a.db.read<{ n: number }>('MATCH (x:Alert) RETURN count(x) AS n');
  return row.n;
}

/** A graphql-ws subscription's messages, in arrival order. */
class Inbox {
  readonly items: Record<string, any>[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private wake: (() => void) | null = null;

  constructor(client: Client, variables: Record<string, unknown>, query = SUBSCRIBE) {
    this.dispose = client.subscribe(
      { query, variables },
      {
        next: (m) => {
          if (m.errors) this.errors.push(...m.errors);
          else this.items.push((m.data as Record<string, any>).alerts);
          this.poke();
        },
        error: (e) => {
          this.errors.push(e);
          this.poke();
        },
        complete: () => {
          this.completed = true;
          this.poke();
        },
      },
    );
  }

  readonly dispose: () => void;

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Waits (bounded by the test's timeout) until `n` alerts or an error or the end arrived. */
  async until(n: number): Promise<void> {
    while (this.items.length < n && this.errors.length === 0 && !this.completed) {
      await new Promise<void>((r) => (this.wake = r));
    }
  }
}

function client(t: TestService, caller: Caller): Client {
  return createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: caller ? { authorization: `Bearer ${KEYS[caller]}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Waits until the replica holds `n` open streams (the subscription is registered: later writes reach it). */
async function streamsOpen(t: TestService, n: number): Promise<void> {
  while (t.service.alertFeed.size < n) await new Promise((r) => setTimeout(r, 20));
}

const clients: Client[] = [];
function open(t: TestService, caller: Caller): Client {
  const c = client(t, caller);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  a = await startTestService({ env: ENV });
  b = await startTestService({ env: ENV, seed: 'keep' });
  for (const [name, country] of [
    ['Test Harbour Kilo', 'KP'],
    ['Test Terminal Lima', 'VN'],
    ['Test Anchorage Mike', 'CN'],
  ]) {
    const r = await gql(
      `mutation($i: PortInput!) { upsertPort(input: $i) { id } }`,
      { i: { name, country, sources: CITE } },
      'admin',
    );
    expect(r.errors).toBeUndefined();
  }
  for (const [name, imo] of [
    ['Test Vessel Kilo', '1000045'],
    ['Test Vessel Lima', '1000057'],
  ])
    await upsertVessel(name, imo);
});

afterAll(async () => {
  for (const c of clients) await c.dispose();
  await b.close();
  await a.close();
});

describe('watchlists', () => {
  it('a reader cannot create a watchlist: FORBIDDEN, nothing written', async () => {
    const before = await graphCounts(a.db);
    const r = await createWatchlist({ name: 'Reader list', entityIds: [VESSEL] }, 'reader');
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await graphCounts(a.db)).toEqual(before);
    const anon = await createWatchlist({ name: 'Anonymous list', entityIds: [VESSEL] }, null);
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await graphCounts(a.db)).toEqual(before);
  });

  it.each([
    [{ name: '  ', entityIds: [VESSEL] }, 'input.name'],
    [{ name: 'x', entityIds: ['vessel:test-no-such-vessel'] }, 'input.entityIds[0]'],
    [{ name: 'x', entityIds: [KP_PORT] }, 'input.entityIds[0]'],
    [{ name: 'x', ports: ['port:test-no-such-port'] }, 'input.ports[0]'],
    [{ name: 'x', countries: ['CN', 'XX'] }, 'input.countries[1]'],
    [{ name: 'x', entityIds: [VESSEL], minRisk: 101 }, 'input.minRisk'],
    [{ name: 'x' }, 'input'],
  ])('refuses bad input %j naming %s, and writes nothing', async (input, argument) => {
    const before = await graphCounts(a.db);
    const r = await createWatchlist(input);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    expect(await graphCounts(a.db)).toEqual(before);
  });

  it('an editor creates, reads, updates and deletes a watchlist, each audited; others may read it but not change it', async () => {
    const r = await createWatchlist({ name: 'Kilo and friends', entityIds: [VESSEL], countries: ['cn'], note: 'test' });
    expect(r.errors).toBeUndefined();
    const w = r.data!.createWatchlist;
    expect(w).toMatchObject({ owner: 'key:watch-e', entityIds: [VESSEL], ports: [], countries: ['CN'] });
    const read = await gql(
      `query($id: ID!) { watchlist(id: $id) { name watched { id } unreadCount } }`,
      { id: w.id },
      'reader',
    );
    expect(read.data!.watchlist).toEqual({ name: 'Kilo and friends', watched: [{ id: VESSEL }], unreadCount: 0 });
    const other = await gql(
      `mutation($id: ID!) { updateWatchlist(id: $id, input: { name: "Mine now" }) { name } }`,
      { id: w.id },
      'editor2',
    );
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const upd = await gql(
      `mutation($id: ID!) { updateWatchlist(id: $id, input: { ports: ["${VN_PORT}"], note: null }) { ports note } }`,
      { id: w.id },
      'editor',
    );
    expect(upd.errors).toBeUndefined();
    expect(upd.data!.updateWatchlist).toEqual({ ports: [VN_PORT], note: null });
    const del = await gql(`mutation($id: ID!) { deleteWatchlist(id: $id) }`, { id: w.id }, 'admin');
    expect(del.data!.deleteWatchlist).toBe(w.id);
    const rows = await a.db.read<{ op: string; action: string }>(
      'MATCH (c:Change {entityId: $id}) RETURN c.operation AS op, c.action AS action ORDER BY c.at',
      { id: w.id },
    );
    expect(rows).toEqual([
      { op: 'createWatchlist', action: 'CREATED' },
      { op: 'updateWatchlist', action: 'UPDATED' },
      { op: 'deleteWatchlist', action: 'DELETED' },
    ]);
    expect(
      (await gql(`query($id: ID!) { watchlist(id: $id) { id } }`, { id: w.id }, 'reader')).data!.watchlist,
    ).toBeNull();
  });
});

describe('alerts', () => {
  let watchlistId: string;

  beforeAll(async () => {
    const r = await createWatchlist({ name: 'Vessel Kilo', entityIds: [VESSEL] });
    expect(r.errors).toBeUndefined();
    watchlistId = r.data!.createWatchlist.id;
  });

  it('a leg for a watched vessel reaches a subscriber with the vessel and the change ids; the same leg again gives no alert', async () => {
    const inbox = new Inbox(open(a, 'reader'), { w: watchlistId });
    await streamsOpen(a, 1);
    const leg = await recordLeg(VESSEL, KP_PORT, VN_PORT, '2024-02-01');
    expect(leg.data!.recordLeg.status).toBe('CREATED');
    await inbox.until(1);
    expect(inbox.errors).toEqual([]);
    expect(inbox.items[0]).toMatchObject({
      watchlistId,
      kind: 'ENTITY',
      entityId: VESSEL,
      factId: leg.data!.recordLeg.id,
      factType: 'leg',
      changeIds: leg.data!.recordLeg.changeIds,
      actor: 'key:watch-e',
      operation: 'recordLeg',
      read: false,
    });
    const listed = await gql(
      `query($w: ID!) { alerts(watchlistId: $w) { totalCount edges { node { id changeIds entity { id } } } } }`,
      { w: watchlistId },
      'reader',
    );
    expect(listed.data!.alerts.totalCount).toBe(1);
    expect(listed.data!.alerts.edges[0].node).toEqual({
      id: inbox.items[0].id,
      changeIds: leg.data!.recordLeg.changeIds,
      entity: { id: VESSEL },
    });

    const count = await alertCount();
    const again = await recordLeg(VESSEL, KP_PORT, VN_PORT, '2024-02-01');
    expect(again.data!.recordLeg.status).toBe('UNCHANGED');
    expect(await alertCount()).toBe(count);
    // the next alert the subscriber gets is that of the next real change, not a repeat
    const next = await recordLeg(VESSEL, VN_PORT, CN_PORT, '2024-02-20');
    await inbox.until(2);
    expect(inbox.items.map((x) => x.factId)).toEqual([leg.data!.recordLeg.id, next.data!.recordLeg.id]);
    inbox.dispose();
  });

  it('a write touching nothing watched leaves no alert', async () => {
    const count = await alertCount();
    const r = await recordLeg(OTHER_VESSEL, VN_PORT, CN_PORT, '2024-03-01');
    expect(r.data!.recordLeg.status).toBe('CREATED');
    expect(await alertCount()).toBe(count);
  });

  it('an alert committed through one replica reaches a subscriber on another', async () => {
    const inbox = new Inbox(open(b, 'reader'), { w: watchlistId });
    await streamsOpen(b, 1);
    const leg = await recordLeg(VESSEL, CN_PORT, VN_PORT, '2024-04-01'); // through replica A
    await inbox.until(1);
    expect(inbox.errors).toEqual([]);
    expect(inbox.items[0]).toMatchObject({
      entityId: VESSEL,
      factId: leg.data!.recordLeg.id,
      changeIds: leg.data!.recordLeg.changeIds,
    });
    inbox.dispose();
  });

  it('a subscriber that reconnects with since gets what it missed, once, then live alerts', async () => {
    const first = new Inbox(open(a, 'reader'), { w: watchlistId });
    await streamsOpen(a, 1);
    await recordLeg(VESSEL, KP_PORT, CN_PORT, '2024-05-01');
    await first.until(1);
    const lastSeen = first.items[0].id as string;
    first.dispose();
    // missed while away: two alerts
    const m1 = await recordLeg(VESSEL, KP_PORT, CN_PORT, '2024-05-10');
    const m2 = await recordLeg(VESSEL, KP_PORT, CN_PORT, '2024-05-20');
    const again = new Inbox(open(a, 'reader'), { w: watchlistId, since: lastSeen });
    await again.until(2);
    await streamsOpen(a, 1);
    const live = await recordLeg(VESSEL, KP_PORT, CN_PORT, '2024-05-30');
    await again.until(3);
    expect(again.errors).toEqual([]);
    expect(again.items.map((x) => x.factId)).toEqual([m1, m2, live].map((r) => r.data!.recordLeg.id));
    again.dispose();
  });

  it('ports and destination countries: a new DPRK-cargo leg ending in a watched country, a new leg at a watched port', async () => {
    const r = await createWatchlist({ name: 'Places', ports: [VN_PORT], countries: ['CN'] });
    const w = r.data!.createWatchlist.id as string;
    const fromKp = await recordLeg(OTHER_VESSEL, KP_PORT, CN_PORT, '2024-06-01');
    const atPort = await recordLeg(OTHER_VESSEL, CN_PORT, VN_PORT, '2024-06-10');
    const notDprk = await recordLeg(OTHER_VESSEL, VN_PORT, CN_PORT, '2024-06-20'); // from VN: no COUNTRY, but PORT
    const listed = await gql(
      `query($w: ID!) { alerts(watchlistId: $w) { edges { node { kind entityId factId } } } }`,
      { w },
      'reader',
    );
    expect(listed.data!.alerts.edges.map((e: any) => e.node)).toEqual([
      { kind: 'COUNTRY', entityId: 'country:CN', factId: fromKp.data!.recordLeg.id },
      { kind: 'PORT', entityId: VN_PORT, factId: atPort.data!.recordLeg.id },
      { kind: 'PORT', entityId: VN_PORT, factId: notDprk.data!.recordLeg.id },
    ]);
  });

  it('an import batch alerts like a mutation', async () => {
    const payload = JSON.stringify({
      type: 'leg',
      vessel: VESSEL,
      from: [VN_PORT],
      to: [CN_PORT],
      departure: '2024-07-01',
      sources: ['https://example.org/reports/test-watch'],
    });
    const r = await gql(
      `mutation($p: String!) { importFacts(format: JSONL, payload: $p) { created } }`,
      { p: payload },
      'admin',
    );
    expect(r.data!.importFacts.created).toBe(1);
    const listed = await gql(
      `query($w: ID!) { alerts(watchlistId: $w, since: "2024-01-01") { edges { node { operation entityId } } } }`,
      { w: watchlistId },
      'reader',
    );
    expect(listed.data!.alerts.edges.at(-1).node).toEqual({ operation: 'importFacts', entityId: VESSEL });
  });

  it('a merge touching a watched entity, kept or removed, alerts each watchlist once with its change ids', async () => {
    const ids: string[] = [];
    for (const [name, imo] of [
      ['Test Vessel November', '1000069'],
      ['Test Vessel Oscar', '1000071'],
    ])
      ids.push(await upsertVessel(name, imo));
    const [keep, remove] = ids;
    const watchRemoved = (await createWatchlist({ name: 'Removed side', entityIds: [remove] })).data!.createWatchlist
      .id as string;
    const watchBoth = (await createWatchlist({ name: 'Both sides', entityIds: [keep, remove] })).data!.createWatchlist
      .id as string;
    const merged = await gql(
      `mutation($k: ID!, $r: ID!) { mergeEntities(keep: $k, remove: $r) { status changeIds } }`,
      { k: keep, r: remove },
      'admin',
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeEntities.status).toBe('MERGED');
    const list = async (w: string) =>
      (
        await gql(
          `query($w: ID!) { alerts(watchlistId: $w) { edges { node { kind entityId factId factType changeIds operation } } } }`,
          { w },
          'reader',
        )
      ).data!.alerts.edges.map((e: any) => e.node);
    const expected = {
      kind: 'MERGED',
      factId: keep,
      factType: 'merge',
      changeIds: merged.data!.mergeEntities.changeIds,
      operation: 'mergeEntities',
    };
    expect(await list(watchRemoved)).toEqual([{ ...expected, entityId: remove }]);
    expect(await list(watchBoth)).toEqual([{ ...expected, entityId: keep }]);
    // the watchlist that watched the removed side follows the kept one from now on
    const followed = await gql(`query($w: ID!) { watchlist(id: $w) { entityIds } }`, { w: watchRemoved }, 'reader');
    expect(followed.data!.watchlist.entityIds).toEqual([remove, keep]);
    const leg = await recordLeg(keep, KP_PORT, VN_PORT, '2024-05-01');
    expect(leg.data!.recordLeg.status).toBe('CREATED');
    expect((await list(watchRemoved)).at(-1)).toMatchObject({ kind: 'ENTITY', entityId: keep, operation: 'recordLeg' });
    // merging again changes nothing and alerts nobody
    const count = await alertCount();
    const again = await gql(
      `mutation($k: ID!, $r: ID!) { mergeEntities(keep: $k, remove: $r) { status } }`,
      { k: keep, r: remove },
      'admin',
    );
    expect(again.data!.mergeEntities.status).toBe('UNCHANGED');
    expect(await alertCount()).toBe(count);
  });

  it('minRisk: a write raising a watched vessel to the threshold alerts once (RISK), with its change ids', async () => {
    const vessel = await upsertVessel('Test Vessel Papa', '1000083');
    const w = (await createWatchlist({ name: 'Risky Papa', entityIds: [vessel], minRisk: 1 })).data!.createWatchlist
      .id as string;
    const first = await recordLeg(vessel, KP_PORT, VN_PORT, '2024-08-01');
    const second = await recordLeg(vessel, KP_PORT, CN_PORT, '2024-08-20'); // still above: no second RISK alert
    const listed = (
      await gql(
        `query($w: ID!) { alerts(watchlistId: $w) { edges { node { kind entityId factType changeIds summary } } } }`,
        { w },
        'reader',
      )
    ).data!.alerts.edges.map((e: any) => e.node);
    expect(listed.map((x: any) => [x.kind, x.entityId])).toEqual([
      ['ENTITY', vessel],
      ['RISK', vessel],
      ['ENTITY', vessel],
    ]);
    expect(listed[1]).toMatchObject({ factType: 'risk', changeIds: first.data!.recordLeg.changeIds });
    const profile = await gql(`query($v: ID!) { riskProfile(vesselId: $v) { score } }`, { v: vessel }, 'reader');
    expect(listed[1].summary).toContain(`rose from 0 to `);
    expect(profile.data!.riskProfile.score).toBeGreaterThanOrEqual(1);
    expect(second.data!.recordLeg.status).toBe('CREATED');
  });

  it('alerts are marked read per user', async () => {
    const unread = async (caller: Caller) =>
      (await gql(`query($w: ID!) { watchlist(id: $w) { unreadCount } }`, { w: watchlistId }, caller)).data!.watchlist
        .unreadCount as number;
    const total = await unread('reader');
    expect(total).toBeGreaterThan(0);
    const marked = await gql(`mutation($w: ID!) { markAlertsRead(watchlistId: $w) }`, { w: watchlistId }, 'reader');
    expect(marked.data!.markAlertsRead).toBe(total);
    expect(await unread('reader')).toBe(0);
    expect(await unread('editor')).toBe(total);
  });
});

describe('subscription limits', () => {
  it('refuses a credential that is not accepted, and queries over WebSocket', async () => {
    const bad = createClient({
      url: `${a.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer not-a-key-of-this-service' },
      retryAttempts: 0,
    });
    clients.push(bad);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      bad.on('closed', (e) => resolve(e as { code: number; reason: string })),
    );
    const inbox = new Inbox(bad, { w: 'watchlist:x' });
    const e = await closed;
    expect(e.code).toBe(4401);
    expect(e.reason).toMatch(/not accepted/);
    inbox.dispose();

    const q = new Inbox(open(a, 'reader'), {}, '{ vessels(first: 1) { totalCount } }');
    await q.until(1);
    expect(JSON.stringify(q.errors)).toMatch(/Only subscriptions/);
  });

  it('applies the operation limits and at most N subscriptions per key', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ');
    const many = new Inbox(open(a, 'reader'), {}, `subscription { alerts(watchlistId: "watchlist:x") { ${aliases} } }`);
    await many.until(1);
    expect(JSON.stringify(many.errors)).toMatch(/Aliases limit/);

    const w = (await createWatchlist({ name: 'Limit', entityIds: [VESSEL] })).data!.createWatchlist.id as string;
    const c = open(a, 'editor2');
    const open3 = [new Inbox(c, { w }), new Inbox(c, { w }), new Inbox(c, { w })];
    await streamsOpen(a, 3);
    const fourth = new Inbox(c, { w });
    await fourth.until(1);
    expect(JSON.stringify(fourth.errors)).toMatch(/TOO_MANY_SUBSCRIPTIONS/);
    for (const i of open3) i.dispose();
  });
});
