/**
 * Investigations and timelines on the demo graph in a real Neo4j: an editor keeps a vessel with a note
 * and a trace from Nampho; a reader reads them back (the trace re-run, unchanged) but may not add;
 * every change is in the audit trail; bad input writes nothing; timelines of a designated company, a
 * vessel and a port come in date order with their sources.
 */
import { graphCounts, startTestService, TestService } from './harness';

const KEYS = {
  reader: 'reader-key-for-investigation-01',
  editor: 'editor-key-for-investigation-01',
  editor2: 'editor-key-for-investigation-02',
};
const API_KEYS = `reader:inv-r:${KEYS.reader},editor:inv-e:${KEYS.editor},editor:inv-e2:${KEYS.editor2}`;
type Caller = keyof typeof KEYS | null;

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

let t: TestService;

async function gql(query: string, variables: Record<string, unknown> = {}, caller: Caller = null): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller) headers.authorization = `Bearer ${KEYS[caller]}`;
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as Answer;
}

const CREATE = `mutation($i: CreateInvestigationInput!) { createInvestigation(input: $i) { id title summary owner itemCount } }`;
const ADD = `mutation($id: ID!, $item: InvestigationItemInput!) {
  addToInvestigation(id: $id, item: $item) { id position kind note author addedAt entityId trace { savedRouteCount savedFingerprint } }
}`;
const READ = `query($id: ID!) { investigation(id: $id) {
  id title itemCount
  items { id position kind note author addedAt entity { id ... on Vessel { name } }
          trace { parameters { origin maxHops limit } savedRouteCount savedFingerprint changed fingerprint routeCount
                  addedRouteIds removedRouteIds routes { id finalCountry { code } } }
          query { text variables } }
} }`;

async function createInvestigation(title: string, caller: Caller = 'editor'): Promise<string> {
  const r = await gql(CREATE, { i: { title, summary: 'Where the Nampho coal went' } }, caller);
  expect(r.errors).toBeUndefined();
  return r.data!.createInvestigation.id as string;
}

// the demo graph is loaded fresh: minutes on a loaded machine
beforeAll(async () => {
  t = await startTestService({ env: { COLLIER_API_KEYS: API_KEYS } });
}, 600_000);

afterAll(async () => {
  await t.close();
});

describe('investigations', () => {
  let id: string;
  let vesselItem: string;

  beforeAll(async () => {
    id = await createInvestigation('Wise Honest case');
  });

  it('an editor adds a vessel with a note and a trace from Nampho; a reader reads both back, the trace re-run and unchanged', async () => {
    const v = await gql(
      ADD,
      { id, item: { entityId: 'vessel:wise-honest', note: 'Seized 2019; carried coal from Nampho' } },
      'editor',
    );
    expect(v.errors).toBeUndefined();
    expect(v.data!.addToInvestigation).toMatchObject({
      position: 0,
      kind: 'ENTITY',
      author: 'key:inv-e',
      entityId: 'vessel:wise-honest',
    });
    vesselItem = v.data!.addToInvestigation.id;
    const tr = await gql(
      ADD,
      { id, item: { trace: { origin: 'Nampho', maxHops: 4 }, note: 'All routes out of Nampho' } },
      'editor',
    );
    expect(tr.errors).toBeUndefined();
    expect(tr.data!.addToInvestigation).toMatchObject({ position: 1, kind: 'TRACE' });
    expect(tr.data!.addToInvestigation.trace.savedRouteCount).toBeGreaterThan(0);

    const r = await gql(READ, { id }, 'reader');
    expect(r.errors).toBeUndefined();
    const inv = r.data!.investigation;
    expect(inv.itemCount).toBe(2);
    expect(inv.items.map((i: any) => [i.position, i.kind, i.note])).toEqual([
      [0, 'ENTITY', 'Seized 2019; carried coal from Nampho'],
      [1, 'TRACE', 'All routes out of Nampho'],
    ]);
    expect(inv.items[0].entity).toEqual({ id: 'vessel:wise-honest', name: 'Wise Honest' });
    expect(inv.items[0].author).toBe('key:inv-e');
    expect(Date.parse(inv.items[0].addedAt)).not.toBeNaN();
    const trace = inv.items[1].trace;
    expect(trace.parameters).toEqual({ origin: 'Nampho', maxHops: 4, limit: 50 });
    expect(trace.changed).toBe(false);
    expect(trace.fingerprint).toBe(trace.savedFingerprint);
    expect(trace.routeCount).toBe(trace.savedRouteCount);
    expect(trace.addedRouteIds).toEqual([]);
    expect(trace.removedRouteIds).toEqual([]);
    expect(trace.routes.map((x: any) => x.finalCountry.code)).toContain('VN');
  });

  it('a reader may not add: FORBIDDEN, and nothing is written; anonymous: UNAUTHENTICATED', async () => {
    const before = await graphCounts(t.db);
    const r = await gql(ADD, { id, item: { entityId: 'vessel:wise-honest', note: 'reader note' } }, 'reader');
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anon = await gql(ADD, { id, item: { entityId: 'vessel:wise-honest' } }, null);
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const create = await gql(CREATE, { i: { title: 'Reader case' } }, 'reader');
    expect(create.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await graphCounts(t.db)).toEqual(before);
    const read = await gql(`query($id: ID!) { investigation(id: $id) { itemCount } }`, { id }, 'reader');
    expect(read.data!.investigation.itemCount).toBe(2);
  });

  it.each([
    [{ note: 'nothing to keep' }, 'item'],
    [{ entityId: 'vessel:wise-honest', query: { text: '{ ports { totalCount } }' } }, 'item'],
    [{ entityId: 'vessel:no-such-vessel-anywhere' }, 'item.entityId'],
    [{ entityId: 'not an id' }, 'item.entityId'],
    [{ trace: { origin: 'Nowhere Harbour Of Tests' } }, 'item.trace.origin'],
    [{ trace: { origin: 'Nampho', maxHops: 99 } }, 'item.trace.maxHops'],
    [{ trace: { origin: 'Nampho', destination: 'Cam Pha' } }, 'item.trace.destination'],
    [{ trace: { origin: 'Nampho', window: { from: '2019-02-30' } } }, 'item.trace.window'],
    [{ query: { text: '{ nope' } }, 'item.query.text'],
    [{ query: { text: '{ noSuchField }' } }, 'item.query.text'],
    [{ query: { text: 'mutation { createInvestigation(input: { title: "x" }) { id } }' } }, 'item.query.text'],
    [{ query: { text: '{ ports { totalCount } }', variables: '[1]' } }, 'item.query.variables'],
    [{ entityId: 'vessel:wise-honest', note: 'x'.repeat(5001) }, 'item.note'],
  ])('refuses item %j naming %s, and writes nothing', async (item, argument) => {
    const before = await graphCounts(t.db);
    const r = await gql(ADD, { id, item }, 'editor');
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('refuses a bad title, a bad id and an unknown investigation, writing nothing', async () => {
    const before = await graphCounts(t.db);
    const blank = await gql(CREATE, { i: { title: '   ' } }, 'editor');
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.title' });
    const badId = await gql(ADD, { id: 'watchlist:1', item: { entityId: 'vessel:wise-honest' } }, 'editor');
    expect(badId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    const unknown = await gql(
      ADD,
      { id: 'investigation:00000000-0000-0000-0000-000000000000', item: { entityId: 'vessel:wise-honest' } },
      'editor',
    );
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('keeps a query, changes the title, removes an item, lists investigations; every change is audited', async () => {
    const q = await gql(
      ADD,
      {
        id,
        item: {
          query: { text: 'query($o: String!) { destinations(origin: $o) { key } }', variables: '{"o": "Nampho"}' },
        },
      },
      'editor2',
    );
    expect(q.errors).toBeUndefined();
    expect(q.data!.addToInvestigation).toMatchObject({ position: 2, kind: 'QUERY', author: 'key:inv-e2' });
    const upd = await gql(
      `mutation($id: ID!) { updateInvestigation(id: $id, input: { title: "Wise Honest and Dong Thanh" }) { title } }`,
      { id },
      'editor2',
    );
    expect(upd.data!.updateInvestigation.title).toBe('Wise Honest and Dong Thanh');
    const rm = await gql(
      `mutation($id: ID!, $item: ID!) { removeFromInvestigation(id: $id, itemId: $item) { itemCount items { position kind } } }`,
      { id, item: vesselItem },
      'editor',
    );
    expect(rm.errors).toBeUndefined();
    expect(rm.data!.removeFromInvestigation).toEqual({
      itemCount: 2,
      items: [
        { position: 1, kind: 'TRACE' },
        { position: 2, kind: 'QUERY' },
      ],
    });
    const again = await gql(
      `mutation($id: ID!, $item: ID!) { removeFromInvestigation(id: $id, itemId: $item) { id } }`,
      { id, item: vesselItem },
      'editor',
    );
    expect(again.errors![0].extensions!.code).toBe('NOT_FOUND');
    const list = await gql(`{ investigations(first: 10) { totalCount edges { node { id title } } } }`, {}, 'reader');
    expect(list.data!.investigations.edges.map((e: any) => e.node.id)).toContain(id);
    const audit = await t.db.read<{ op: string; action: string; actor: string }>(
      'MATCH (c:Change {entityId: $id}) RETURN c.operation AS op, c.action AS action, c.actor AS actor ORDER BY c.at, c.id',
      { id },
    );
    expect(audit.map((a) => a.op)).toEqual([
      'createInvestigation',
      'addToInvestigation',
      'addToInvestigation',
      'addToInvestigation',
      'updateInvestigation',
      'removeFromInvestigation',
    ]);
    expect(audit.find((a) => a.op === 'updateInvestigation')!.actor).toBe('key:inv-e2');
  });
});

describe('investigation report', () => {
  it('writes the items in order with notes, the trace re-run with its routes, and the sources, in Markdown and HTML', async () => {
    const id = await createInvestigation('Report <case>');
    await gql(
      ADD,
      { id, item: { entityId: 'company:weihai-world-shipping-freight-agency', note: 'Manager of Xin Guang Hai' } },
      'editor',
    );
    await gql(ADD, { id, item: { trace: { origin: 'Nampho' }, note: 'Routes out of Nampho' } }, 'editor');
    const REPORT = `query($id: ID!, $f: ReportFormat) { investigationReport(id: $id, format: $f) { format fileName mediaType content } }`;
    const md = await gql(REPORT, { id }, 'reader');
    expect(md.errors).toBeUndefined();
    const report = md.data!.investigationReport;
    expect(report).toMatchObject({
      format: 'MARKDOWN',
      fileName: 'Report-case.md',
      mediaType: 'text/markdown; charset=utf-8',
    });
    const text: string = report.content;
    expect(text).toContain('# Report \\<case\\>');
    expect(text.indexOf('Manager of Xin Guang Hai')).toBeLessThan(text.indexOf('Routes out of Nampho'));
    expect(text).toContain('Designated: US_OFAC');
    expect(text).toContain('the same answer as when saved');
    expect(text).toMatch(/Nampho → .* \(VN\): confidence/);
    expect(text).toMatch(/## Sources\n\n1\. .* — <https?:\/\//);
    const html = await gql(REPORT, { id, f: 'HTML' }, 'reader');
    expect(html.data!.investigationReport.content).toContain('<h1>Report &lt;case&gt;</h1>');
    expect(html.data!.investigationReport.content).not.toMatch(/<script/i);
    const anon = await gql(REPORT, { id }, null);
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('timeline', () => {
  const EVENT = 'kind date { from to precision text } summary refId relatedIds sources { url }';
  const dayOf = (e: any) => e.date?.from ?? e.date?.to ?? '9999-12-31';

  it('of a designated company: its designations and management period, in date order, each with sources', async () => {
    const r = await gql(
      `{ timeline(id: "company:weihai-world-shipping-freight-agency") { totalCount edges { node { ${EVENT} } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const events = r.data!.timeline.edges.map((e: any) => e.node);
    const kinds = events.map((e: any) => e.kind);
    expect(kinds.filter((k: string) => k === 'DESIGNATION')).toHaveLength(2);
    expect(
      events.find((e: any) => e.kind === 'RELATION' && e.relatedIds.includes('vessel:xin-guang-hai')).summary,
    ).toBe('manages Xin Guang Hai (manager)');
    const days = events.map(dayOf);
    expect(days).toEqual([...days].sort());
    expect(events[0]).toMatchObject({ kind: 'DESIGNATION', date: { from: '2018-02-23', precision: 'DAY' } });
    for (const e of events) expect(e.sources.length).toBeGreaterThan(0);
  });

  it("of a vessel: vesselTimeline's events and its owners' and managers' periods", async () => {
    const r = await gql(
      `{ timeline(id: "vessel:wise-honest", first: 500) { totalCount edges { node { kind refId } } }
         vesselTimeline(id: "vessel:wise-honest") { kind refId } }`,
    );
    expect(r.errors).toBeUndefined();
    const events = r.data!.timeline.edges.map((e: any) => e.node);
    const relations = events.filter((e: any) => e.kind === 'RELATION');
    expect(relations.map((e: any) => e.refId)).toContain('rel:owns:korea-songi-shipping:wise-honest');
    expect(events.filter((e: any) => e.kind !== 'RELATION')).toEqual(r.data!.vesselTimeline);
  });

  it('of a port: its port calls and transfers in date order, paged, and within a window', async () => {
    const all = await gql(`{ timeline(id: "port:nampho", first: 500) { totalCount edges { node { ${EVENT} } } } }`);
    expect(all.errors).toBeUndefined();
    const events = all.data!.timeline.edges.map((e: any) => e.node);
    expect(all.data!.timeline.totalCount).toBe(events.length);
    expect(events.some((e: any) => e.kind === 'LEG_DEPARTURE' && e.summary.startsWith('Wise Honest left for'))).toBe(
      true,
    );
    const days = events.map(dayOf);
    expect(days).toEqual([...days].sort());
    const page1 = await gql(
      `{ timeline(id: "port:nampho", first: 2) { pageInfo { endCursor hasNextPage } edges { node { refId kind } } } }`,
    );
    const cursor = page1.data!.timeline.pageInfo.endCursor;
    const page2 = await gql(
      `query($c: String) { timeline(id: "port:nampho", first: 2, after: $c) { edges { node { refId kind } } } }`,
      {
        c: cursor,
      },
    );
    expect([...page1.data!.timeline.edges, ...page2.data!.timeline.edges].map((e: any) => e.node.refId)).toEqual(
      events.slice(0, 4).map((e: any) => e.refId),
    );
    const windowed = await gql(
      `{ timeline(id: "port:nampho", window: { from: "2018-01-01", to: "2018-12-31" }, first: 500) { edges { node { date { from to } } } } }`,
    );
    const inside = windowed.data!.timeline.edges.map((e: any) => e.node.date);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(events.length);
    for (const d of inside) expect((d.to ?? d.from) >= '2018-01-01' && (d.from ?? d.to) <= '2018-12-31').toBe(true);
  });

  it.each([
    ['{ timeline(id: "leg:x") { totalCount } }', 'BAD_USER_INPUT', 'id'],
    ['{ timeline(id: "nonsense") { totalCount } }', 'BAD_USER_INPUT', 'id'],
    ['{ timeline(id: "company:no-such-company-here") { totalCount } }', 'NOT_FOUND', undefined],
    ['{ timeline(id: "port:nampho", first: 501) { totalCount } }', 'BAD_USER_INPUT', 'first'],
    [
      '{ timeline(id: "port:nampho", window: { from: "2019-05-01", to: "2018-01-01" }) { totalCount } }',
      'BAD_USER_INPUT',
      'window',
    ],
    ['{ timeline(id: "port:nampho", after: "garbage") { totalCount } }', 'BAD_USER_INPUT', 'after'],
  ])('%s is %s', async (query, code, argumentName) => {
    const r = await gql(query);
    expect(r.errors![0].extensions!.code).toBe(code);
    if (argumentName) expect(r.errors![0].extensions!.argumentName).toBe(argumentName);
  });
});
