/** Entity queries on the demo graph, through HTTP, against a real Neo4j. */
import { graphCounts, startTestService, TestService } from './harness';
import { loadDemoData } from '../../seed/load';

let t: TestService;

beforeAll(async () => {
  t = await startTestService();
});

afterAll(async () => {
  await t.close();
});

describe('search', () => {
  it('finds Nampho when the user types "Nampo"', async () => {
    const r = await t.gql(
      `{ search(text: "Nampo") { totalCount edges { node { id ... on Port { name aliases } } matchedName } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.search.edges[0].node).toMatchObject({ id: 'port:nampho', name: 'Nampho' });
  });

  it('finds Glory Hope 1 by its former name "Orient Shenyu"', async () => {
    const r = await t.gql(
      `{ search(text: "Orient Shenyu") { edges { node { id ... on Vessel { name otherNames } } matchedName } } }`,
    );
    expect(r.errors).toBeUndefined();
    const first = r.data!.search.edges[0];
    expect(first.node.name).toBe('Glory Hope 1');
    expect(first.matchedName).toBe('Orient Shenyu');
  });

  it('finds a vessel by a spoofed identity it broadcast ("Krysper Singa" → Tae Yang)', async () => {
    const r = await t.gql(`{ search(text: "Krysper Singa") { edges { node { ... on Vessel { name } } } } }`);
    expect(r.data!.search.edges[0].node.name).toBe('Tae Yang');
  });

  it('treats Lucene syntax as plain text', async () => {
    const r = await t.gql(`{ search(text: "Nampo) OR *:* AND") { totalCount } }`);
    expect(r.errors).toBeUndefined();
  });

  it('rejects empty text with BAD_USER_INPUT', async () => {
    const r = await t.gql(`{ search(text: "  ") { totalCount } }`);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'text' });
  });
});

describe('vessel by IMO', () => {
  it('returns Ul Ji Bong 6 with its flag, UN designation of 28 Dec 2017 and its sources', async () => {
    const r = await t.gql(`{
      vessel(imo: "9114555") {
        id name imo flag { code name }
        designations { authority measure status date { from to precision } sources { url } }
        sources { url publisher tier }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const v = r.data!.vessel;
    expect(v).toMatchObject({ name: 'Ul Ji Bong 6', imo: '9114555', flag: { code: 'KP' } });
    const un = v.designations.find((d: any) => d.authority === 'UN_1718_COMMITTEE');
    expect(un.date).toMatchObject({ from: '2017-12-28', to: '2017-12-28', precision: 'DAY' });
    expect(un.sources.length).toBeGreaterThan(0);
    expect(v.sources.length).toBeGreaterThan(0);
    expect(v.sources[0].url).toMatch(/^https?:\/\//);
  });

  it('rejects a wrong check digit with BAD_USER_INPUT naming the argument, and changes nothing', async () => {
    const before = await graphCounts(t.db);
    const r = await t.gql(`{ vessel(imo: "9114556") { id } }`);
    expect(r.data?.vessel ?? null).toBeNull();
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'imo' });
    expect(r.errors![0].message).toMatch(/check digit/);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('returns null for a valid IMO the graph does not hold', async () => {
    const r = await t.gql(`{ vessel(imo: "9074729") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.vessel).toBeNull();
  });
});

describe('identity history, conflicts and clearances', () => {
  it('keeps renames and false identities (Tae Yang as "Krysper Singa" is FALSE)', async () => {
    const r = await t.gql(`{
      a: vessel(id: "vessel:glory-hope-1") { identityHistory { name kind status } }
      b: vessel(id: "vessel:tae-yang") { identityHistory { name kind status } }
    }`);
    expect(r.data!.a.identityHistory).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Orient Shenyu', kind: 'FORMER_NAME' })]),
    );
    expect(r.data!.b.identityHistory).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Krysper Singa', status: 'FALSE' })]),
    );
  });

  it('keeps conflicting tonnage side by side, each with its sources (Rich Glory 5,000 t vs >5,500 t)', async () => {
    const r = await t.gql(`{ vessel(id: "vessel:rich-glory") { legs { tonnage { min max text sources { url } } } } }`);
    const tonnage = r.data!.vessel.legs.flatMap((l: any) => l.tonnage);
    expect(tonnage.length).toBeGreaterThanOrEqual(2);
    expect(tonnage.some((q: any) => q.min === 5000 || q.max === 5000)).toBe(true);
    expect(tonnage.some((q: any) => q.min === 5500)).toBe(true);
    for (const q of tonnage) expect(q.sources.length).toBeGreaterThan(0);
  });

  it('marks Ocean Skipper cleared and its Russian coal not a violation', async () => {
    const r = await t.gql(`{ vessel(id: "vessel:ocean-skipper") { status legs { cargoOrigin legality } } }`);
    expect(r.data!.vessel.status).toBe('CLEARED');
    expect(r.data!.vessel.legs[0]).toMatchObject({ cargoOrigin: 'RUSSIA', legality: 'NOT_A_VIOLATION' });
  });
});

describe('owners and managers', () => {
  it('shows Xin Guang Hai owned by Ascending Enterprise Ltd (UK) and managed by a UN-designated agency', async () => {
    const r = await t.gql(`{
      vessel(id: "vessel:xin-guang-hai") {
        owners { type role party { name country { code } } }
        managers { type party { name designations { authority date { from } } } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const v = r.data!.vessel;
    expect(v.owners[0].party).toMatchObject({ name: 'Ascending Enterprise Ltd', country: { code: 'GB' } });
    const manager = v.managers.find((m: any) => /Weihai World-Shipping/.test(m.party.name));
    expect(manager.party.designations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ authority: 'UN_1718_COMMITTEE', date: { from: '2018-03-30' } }),
      ]),
    );
  });
});

describe('lists, paging and lookups', () => {
  it('pages through vessels with stable cursors and a total', async () => {
    const p1 = await t.gql(
      `{ vessels(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
    );
    const c = p1.data!.vessels;
    expect(c.totalCount).toBe(47);
    expect(c.edges).toHaveLength(5);
    const p2 = await t.gql(
      `query($after: String) { vessels(first: 5, after: $after) { pageInfo { hasPreviousPage } edges { node { id } } } }`,
      {
        after: c.pageInfo.endCursor,
      },
    );
    const ids1 = c.edges.map((e: any) => e.node.id);
    const ids2 = p2.data!.vessels.edges.map((e: any) => e.node.id);
    expect(ids2).toHaveLength(5);
    expect(ids1.filter((id: string) => ids2.includes(id))).toEqual([]);
    expect(p2.data!.vessels.pageInfo.hasPreviousPage).toBe(true);
  });

  it('filters vessels by flag and designation', async () => {
    const r = await t.gql(
      `{ vessels(filter: { flag: "KP", designated: true }, first: 50) { edges { node { name flag { code } } } } }`,
    );
    const names = r.data!.vessels.edges.map((e: any) => e.node.name);
    expect(names).toContain('Ul Ji Bong 6');
    for (const e of r.data!.vessels.edges) expect(e.node.flag.code).toBe('KP');
  });

  it('rejects a bad page size, cursor and country code with BAD_USER_INPUT', async () => {
    const r1 = await t.gql(`{ vessels(first: 1000) { totalCount } }`);
    expect(r1.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const r2 = await t.gql(`{ vessels(after: "nonsense") { totalCount } }`);
    expect(r2.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const r3 = await t.gql(`{ vessels(filter: { flag: "XX" }) { totalCount } }`);
    expect(r3.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.flag' });
  });

  it('finds a port by UN/LOCODE and rejects a malformed one', async () => {
    const ok = await t.gql(`{ port(locode: "KPNAM") { id name country { name } departures { id } } }`);
    expect(ok.data!.port).toMatchObject({ id: 'port:nampho', country: { name: 'North Korea' } });
    expect(ok.data!.port.departures.length).toBeGreaterThan(0);
    const bad = await t.gql(`{ port(locode: "NAMPHO") { id } }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'locode' });
  });

  it('refetches any entity by node(id) and rejects ids that are not Collier ids', async () => {
    const r = await t.gql(`{
      v: node(id: "vessel:wise-honest") { __typename id }
      p: node(id: "port:kholmsk") { __typename id }
      c: node(id: "country:VN") { __typename ... on Country { name } }
      missing: node(id: "vessel:no-such-ship") { id }
    }`);
    expect(r.data).toMatchObject({
      v: { __typename: 'Vessel' },
      p: { __typename: 'Port' },
      c: { __typename: 'Country', name: 'Vietnam' },
      missing: null,
    });
    const bad = await t.gql(`{ node(id: "MATCH (n) DETACH DELETE n") { id } }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('lists companies and persons with their holdings', async () => {
    const r = await t.gql(
      `{ companies(filter: { name: "Weihai Huijiang" }) { totalCount edges { node { name holdings { type target { id } } } } } }`,
    );
    const targets = r.data!.companies.edges[0].node.holdings.map((h: any) => h.target.id);
    expect(targets).toEqual(expect.arrayContaining(['vessel:lucky-star', 'vessel:asia-bridge']));
  });

  it('answers country(code) with its ports', async () => {
    const r = await t.gql(`{ country(code: "kr") { code name ports { name } } }`);
    expect(r.data!.country.code).toBe('KR');
    expect(r.data!.country.ports.map((p: any) => p.name)).toEqual(expect.arrayContaining(['Incheon', 'Pohang']));
  });
});

describe('cost per request', () => {
  it('resolves nested fields through DataLoaders: the number of Cypher statements does not grow with the page size', async () => {
    const q = (n: number) =>
      `{ vessels(first: ${n}) { edges { node { name flag { name } owners { party { name designations { authority } } } legs { from { name } to { name } } designations { authority } sources { url } } } } }`;
    const small = await t.gql(q(2));
    const large = await t.gql(q(47));
    expect(large.errors).toBeUndefined();
    expect(large.data!.vessels.edges).toHaveLength(47);
    const s = Number(small.headers.get('x-collier-statements'));
    const l = Number(large.headers.get('x-collier-statements'));
    // One statement for the list, then one per loader per level of the answer (7 here), whatever the page size.
    expect(s).toBeGreaterThan(0);
    expect(l).toBe(s);
    expect(l).toBeLessThanOrEqual(9);
  });
});

describe('demo data', () => {
  it('loads idempotently: loading twice changes no count', async () => {
    const before = await graphCounts(t.db);
    await loadDemoData(t.db);
    expect(await graphCounts(t.db)).toEqual(before);
  });
});

describe('probes', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
