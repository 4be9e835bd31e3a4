/**
 * Authenticated writes on a real service: every mutation refuses callers without the role it needs
 * (and writes nothing), writes the second time change nothing, legs and transfers keep the NEXT links
 * exact (a trace follows them), a merge keeps the removed id resolving, and every write is in the
 * audit trail. All names are synthetic.
 */
import { spawn, ChildProcess } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync, KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import { graphCounts, startTestService, testNeo4jUri, TestService } from './harness';
import { maintainNextLinks } from '../../src/db/trace';

const KEYS = {
  reader: 'reader-key-for-tests-0001',
  editor: 'editor-key-for-tests-0001',
  admin: 'admin-key-for-tests-0001',
};
const API_KEYS = `reader:analyst-r:${KEYS.reader},editor:analyst-e:${KEYS.editor},admin:lead:${KEYS.admin}`;
type Caller = keyof typeof KEYS | null;

let t: TestService;

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
  statements: number;
}

async function call(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = null,
  token?: string,
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller) headers.authorization = `Bearer ${KEYS[caller]}`;
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: Answer['errors'] };
  return {
    status: res.status,
    data: body.data,
    errors: body.errors,
    statements: Number(res.headers.get('x-collier-statements') ?? 0),
  };
}

const gql = (query: string, variables: Record<string, unknown> = {}, caller: Caller = null) =>
  call(t.url, query, variables, caller);

async function auditCount(): Promise<number> {
  const [row] = await t.db.read<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n');
  return row.n;
}

async function nextLinks(): Promise<string[]> {
  const rows = await t.db.read<{ l: string }>(
    'MATCH (:Leg)-[n:NEXT]->(:Leg) RETURN n.id + " " + n.kind + " " + n.certainty + " " + coalesce(toString(n.waitMinDays), "-") + " " + coalesce(n.transferId, "-") AS l ORDER BY l',
  );
  return rows.map((r) => r.l);
}

const SOURCE_URL = 'https://example.org/reports/test-writes';
const SRC = [
  { id: null, url: SOURCE_URL, publisher: 'Example Monitoring Group', kind: 'INVESTIGATIVE', tier: 'MEDIUM_HIGH' },
];
const CITE = [{ url: SOURCE_URL, publisher: 'Example Monitoring Group', kind: 'INVESTIGATIVE', tier: 'MEDIUM_HIGH' }];
const RESULT = '{ id status changed changeIds }';

const VESSEL_ALPHA = 'vessel:test-vessel-alpha-1000019';
const LEG_A = 'leg:test-vessel-alpha:2024-01';

beforeAll(async () => {
  t = await startTestService({ env: { COLLIER_API_KEYS: API_KEYS } });
  // Places and ships the table's facts refer to (written by an admin, checked by the tests below).
  for (const [name, country, kind] of [
    ['Test Anchorage Bravo', 'CN', 'STS_AREA'],
    ['Test Terminal Charlie', 'VN', 'PORT'],
    ['Test Terminal Delta', 'MY', 'PORT'],
  ]) {
    const r = await gql(
      `mutation($i: PortInput!) { upsertPort(input: $i) ${RESULT} }`,
      { i: { name, country, kind, sources: CITE } },
      'admin',
    );
    expect(r.errors).toBeUndefined();
  }
  for (const [name, imo] of [
    ['Test Vessel Bravo', '1000021'],
    ['Test Vessel Charlie', '1000033'],
  ]) {
    const r = await gql(
      `mutation($i: VesselInput!) { upsertVessel(input: $i) ${RESULT} }`,
      { i: { name, imo, sources: CITE } },
      'admin',
    );
    expect(r.errors).toBeUndefined();
  }
  const dup = await gql(
    `mutation($i: VesselInput!) { upsertVessel(input: $i) ${RESULT} }`,
    { i: { name: 'Test Vessel Alpha Duplicate', description: 'a duplicate record from an older list', sources: CITE } },
    'admin',
  );
  expect(dup.data!.upsertVessel.id).toBe('vessel:test-vessel-alpha-duplicate');
});

afterAll(async () => {
  await t.close();
});

/* ----------------------------------------------------------------------------------------------
 * Every mutation: the role it needs, nothing written without it, and idempotent with it
 * -------------------------------------------------------------------------------------------- */

interface MutationCase {
  name: string;
  needs: 'editor' | 'admin';
  query: string;
  variables: Record<string, unknown>;
  /** What the allowed call answers, and what the same call answers again. */
  first: (data: any) => void;
  again: (data: any) => void;
}

const created = (field: string) => (d: any) => expect(d[field]).toMatchObject({ status: 'CREATED' });
const unchanged = (field: string) => (d: any) =>
  expect(d[field]).toMatchObject({ status: 'UNCHANGED', changed: [], changeIds: [] });

const CASES: MutationCase[] = [
  {
    name: 'addSource',
    needs: 'editor',
    query: `mutation($i: SourceInput!) { addSource(input: $i) ${RESULT} }`,
    variables: {
      i: {
        url: 'https://example.org/lists/test-sanctions-list',
        publisher: 'Example Sanctions Authority',
        kind: 'OFFICIAL',
        tier: 'HIGH',
        date: '2024-04-15',
      },
    },
    first: created('addSource'),
    again: unchanged('addSource'),
  },
  {
    name: 'upsertPort',
    needs: 'editor',
    query: `mutation($i: PortInput!) { upsertPort(input: $i) { id status node { ... on Port { name locode countryCode kind } } } }`,
    variables: { i: { name: 'Test Harbour Alpha', locode: 'KPZ92', lat: 38.5, lon: 125.0, sources: SRC } },
    first: (d) =>
      expect(d.upsertPort).toMatchObject({
        id: 'port:test-harbour-alpha-kpz92',
        status: 'CREATED',
        node: { name: 'Test Harbour Alpha', locode: 'KPZ92', countryCode: 'KP', kind: 'PORT' },
      }),
    again: (d) => expect(d.upsertPort.status).toBe('UNCHANGED'),
  },
  {
    name: 'upsertVessel',
    needs: 'editor',
    query: `mutation($i: VesselInput!) { upsertVessel(input: $i) { id status node { ... on Vessel { name imo status sources { url } } } } }`,
    variables: {
      i: {
        name: 'Test Vessel Alpha',
        imo: '1000019',
        vesselType: 'bulk carrier',
        buildYear: 1990,
        status: 'IMPLICATED',
        sources: SRC,
      },
    },
    first: (d) =>
      expect(d.upsertVessel).toMatchObject({
        id: VESSEL_ALPHA,
        status: 'CREATED',
        node: { name: 'Test Vessel Alpha', imo: '1000019', status: 'IMPLICATED', sources: [{ url: SOURCE_URL }] },
      }),
    again: (d) => expect(d.upsertVessel.status).toBe('UNCHANGED'),
  },
  {
    name: 'upsertCompany',
    needs: 'editor',
    query: `mutation($i: CompanyInput!) { upsertCompany(input: $i) ${RESULT} }`,
    variables: { i: { name: 'Example Holdings Ltd', country: 'HK', imoCompanyNumber: '1000123', sources: SRC } },
    first: created('upsertCompany'),
    again: unchanged('upsertCompany'),
  },
  {
    name: 'upsertPerson',
    needs: 'editor',
    query: `mutation($i: PersonInput!) { upsertPerson(input: $i) ${RESULT} }`,
    variables: { i: { name: 'Example Person One', country: 'KP', sources: SRC } },
    first: created('upsertPerson'),
    again: unchanged('upsertPerson'),
  },
  {
    name: 'addIdentityClaim',
    needs: 'editor',
    query: `mutation($i: IdentityClaimInput!) { addIdentityClaim(input: $i) ${RESULT} }`,
    variables: {
      i: {
        vessel: 'imo:1000019',
        kind: 'REGISTRATION',
        name: 'Test Vessel Alpha',
        flag: 'SL',
        period: { from: '2023-01-01', to: '2024-12-31', precision: 'YEAR', text: '2023-2024' },
        sources: SRC,
      },
    },
    first: created('addIdentityClaim'),
    again: unchanged('addIdentityClaim'),
  },
  {
    name: 'linkParty',
    needs: 'editor',
    query: `mutation($i: PartyLinkInput!) { linkParty(input: $i) { id status relation { type role period { from } party { name } target { ... on Vessel { name } } } } }`,
    variables: {
      i: {
        relation: 'OWNS',
        from: 'company-imo:1000123',
        to: 'imo:1000019',
        role: 'registered owner',
        period: { from: '2022-06-01', text: 'since June 2022' },
        sources: SRC,
      },
    },
    first: (d) =>
      expect(d.linkParty).toMatchObject({
        id: 'rel:owns:company-imo-1000123:imo-1000019:registered-owner',
        status: 'CREATED',
        relation: {
          type: 'OWNS',
          role: 'registered owner',
          period: { from: '2022-06-01' },
          party: { name: 'Example Holdings Ltd' },
          target: { name: 'Test Vessel Alpha' },
        },
      }),
    again: (d) => expect(d.linkParty.status).toBe('UNCHANGED'),
  },
  {
    name: 'addDesignation',
    needs: 'editor',
    query: `mutation($i: DesignationInput!) { addDesignation(input: $i) ${RESULT} }`,
    variables: {
      i: {
        target: 'imo:1000019',
        authority: 'OTHER',
        measure: 'port-entry ban (test list)',
        date: { from: '2024-04-15', to: '2024-04-15' },
        reference: 'TEST-001',
        sources: [{ url: 'https://example.org/lists/test-sanctions-list' }],
      },
    },
    first: created('addDesignation'),
    again: unchanged('addDesignation'),
  },
  {
    name: 'recordLeg',
    needs: 'editor',
    query: `mutation($i: LegInput!) { recordLeg(input: $i) ${RESULT} }`,
    variables: {
      i: {
        id: LEG_A,
        vessel: 'imo:1000019',
        from: ['locode:KPZ92'],
        to: ['port:test-anchorage-bravo'],
        departure: { from: '2024-01-10', to: '2024-01-10', precision: 'DAY' },
        arrival: { from: '2024-01-12', to: '2024-01-14', precision: 'OPEN', text: 'by mid-January 2024' },
        cargoOrigin: 'DPRK',
        legality: 'SUSPECTED_VIOLATION',
        discharged: true,
        tonnage: [{ min: 5000, max: 6000, text: '5,000-6,000 t' }],
        tactics: ['AIS_DARK'],
        sources: SRC,
      },
    },
    first: created('recordLeg'),
    again: unchanged('recordLeg'),
  },
  {
    name: 'recordTransfer',
    needs: 'editor',
    query: `mutation($i: TransferInput!) { recordTransfer(input: $i) ${RESULT} }`,
    variables: {
      i: {
        fromVessel: 'imo:1000019',
        toVesselDescription: 'an unnamed barge',
        port: 'port:test-anchorage-bravo',
        when: { from: '2024-01-13', to: '2024-01-14' },
        kind: 'TO_BARGES',
        sources: SRC,
      },
    },
    first: created('recordTransfer'),
    again: unchanged('recordTransfer'),
  },
  {
    name: 'mergeEntities',
    needs: 'admin',
    query: `mutation($k: ID!, $r: ID!) { mergeEntities(keep: $k, remove: $r) { status keptId removedId movedRelationships changeIds kept { id } } }`,
    variables: { k: VESSEL_ALPHA, r: 'vessel:test-vessel-alpha-duplicate' },
    first: (d) =>
      expect(d.mergeEntities).toMatchObject({ status: 'MERGED', keptId: VESSEL_ALPHA, kept: { id: VESSEL_ALPHA } }),
    again: (d) => expect(d.mergeEntities).toMatchObject({ status: 'UNCHANGED', changeIds: [] }),
  },
  {
    name: 'importFacts',
    needs: 'admin',
    query: `mutation($p: String!) { importFacts(format: JSONL, payload: $p) { lines created updated unchanged rejected rejections { line reason } } }`,
    variables: {
      p: [
        JSON.stringify({ type: 'vessel', name: 'Test Vessel Echo', imo: '1000045', sources: [SOURCE_URL] }),
        '',
        JSON.stringify({ type: 'person', name: 'Example Person Two', sources: [SOURCE_URL] }),
      ].join('\n'),
    },
    first: (d) => expect(d.importFacts).toMatchObject({ lines: 2, created: 2, rejected: 0 }),
    again: (d) => expect(d.importFacts).toMatchObject({ lines: 2, created: 0, updated: 0, unchanged: 2, rejected: 0 }),
  },
];

describe.each(CASES)('$name (needs $needs)', (c) => {
  const denied = async (caller: Caller, code: string) => {
    const before = await graphCounts(t.db);
    const r = await gql(c.query, c.variables, caller);
    expect(r.errors?.[0].extensions?.code).toBe(code);
    expect(r.data?.[c.name] ?? null).toBeNull();
    expect(await graphCounts(t.db)).toEqual(before);
  };

  it('without a key → UNAUTHENTICATED, nothing written', () => denied(null, 'UNAUTHENTICATED'));
  it('as a reader → FORBIDDEN, nothing written', () => denied('reader', 'FORBIDDEN'));
  if (c.needs === 'admin') it('as an editor → FORBIDDEN, nothing written', () => denied('editor', 'FORBIDDEN'));

  it(`as ${c.needs === 'admin' ? 'an admin' : 'an editor'} → written, in one transaction with a bounded number of statements`, async () => {
    const r = await gql(c.query, c.variables, c.needs);
    expect(r.errors).toBeUndefined();
    c.first(r.data);
    if (c.name !== 'importFacts') expect(r.statements).toBeLessThanOrEqual(16);
  });

  it('the same call again changes nothing: same counts, no new audit entry', async () => {
    const counts = await graphCounts(t.db);
    const audit = await auditCount();
    const r = await gql(c.query, c.variables, c.needs);
    expect(r.errors).toBeUndefined();
    c.again(r.data);
    expect(await graphCounts(t.db)).toEqual(counts);
    expect(await auditCount()).toBe(audit);
  });
});

/* ----------------------------------------------------------------------------------------------
 * Validation
 * -------------------------------------------------------------------------------------------- */

describe('invalid writes', () => {
  it.each([
    [
      'input.imo',
      `mutation { upsertVessel(input: { name: "Test Vessel Kilo", imo: "1000018", sources: [{ id: "${'source:'}000000000000" }] }) { id } }`,
      /check digit/,
    ],
    [
      'input.sources',
      'mutation { upsertVessel(input: { name: "Test Vessel Kilo", sources: [] }) { id } }',
      /at least one source/,
    ],
    [
      'input.sources[0]',
      'mutation { upsertVessel(input: { name: "Test Vessel Kilo", sources: [{ id: "source:000000000000" }] }) { id } }',
      /no Source has id/,
    ],
    [
      'input.from[0]',
      `mutation { recordLeg(input: { vessel: "imo:1000019", from: ["port:test-nowhere"], to: ["port:test-anchorage-bravo"], sources: [{ url: "${SOURCE_URL}" }] }) { id } }`,
      /no entity with id "port:test-nowhere"/,
    ],
    [
      'input.departure',
      `mutation { recordLeg(input: { vessel: "imo:1000019", from: ["locode:KPZ92"], to: ["port:test-anchorage-bravo"], departure: { from: "2024-02-30" }, sources: [{ url: "${SOURCE_URL}" }] }) { id } }`,
      /calendar date/,
    ],
    [
      'input.imo',
      `mutation { upsertVessel(input: { id: "vessel:test-vessel-bravo-1000021", name: "Test Vessel Bravo", imo: "1000019", sources: [{ url: "${SOURCE_URL}" }] }) { id } }`,
      /belongs to vessel:test-vessel-alpha-1000019/,
    ],
  ])('%s → BAD_USER_INPUT naming it, nothing written', async (argument, query, message) => {
    const before = await graphCounts(t.db);
    const r = await gql(query, {}, 'editor');
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    expect(r.errors?.[0].message).toMatch(message);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('a key that is not configured fails even a read with 401, and is not echoed', async () => {
    const r = await call(
      t.url,
      '{ vessel(id: "vessel:wise-honest") { name } }',
      {},
      null,
      'not-a-configured-key-12345',
    );
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(r)).not.toContain('not-a-configured-key-12345');
  });

  it('reads need no key by default', async () => {
    const r = await gql('{ vessel(id: "vessel:wise-honest") { name } }');
    expect(r.data!.vessel.name).toBe('Wise Honest');
  });
});

/* ----------------------------------------------------------------------------------------------
 * NEXT links stay exact: a trace follows the legs written
 * -------------------------------------------------------------------------------------------- */

describe('legs and transfers keep NEXT links exact', () => {
  const LEG = `mutation($i: LegInput!) { recordLeg(input: $i) { id status } }`;
  const leg = (
    id: string,
    vessel: string,
    from: string,
    to: string,
    dep: string,
    arr: string,
    extra: Record<string, unknown> = {},
  ) =>
    gql(
      LEG,
      {
        i: {
          id,
          vessel,
          from: [from],
          to: [to],
          departure: { from: dep, to: dep },
          arrival: { from: arr, to: arr },
          cargoOrigin: 'DPRK_SUSPECTED',
          discharged: true,
          sources: SRC,
          ...extra,
        },
      },
      'editor',
    );
  const ROUTES = `query($o: String!) { traceCargo(origin: $o, maxHops: 4) { legs: steps { kind leg { id } transfer { id } link { kind } } finalPort { id } } }`;
  const routesFrom = async () => {
    const r = await gql(ROUTES, { o: 'Test Harbour Alpha' });
    expect(r.errors).toBeUndefined();
    return (r.data!.traceCargo as any[]).map((route) =>
      route.legs.filter((s: any) => s.kind === 'LEG').map((s: any) => s.leg.id),
    );
  };

  it('chains a leg that leaves the port after the first arrived, and not one that left before', async () => {
    expect(
      (
        await leg(
          'leg:test-vessel-bravo:2024-01',
          'imo:1000021',
          'port:test-anchorage-bravo',
          'port:test-terminal-charlie',
          '2024-01-20',
          '2024-01-25',
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await leg(
          'leg:test-vessel-charlie:2024-01',
          'imo:1000033',
          'port:test-anchorage-bravo',
          'port:test-terminal-delta',
          '2024-01-05',
          '2024-01-09',
        )
      ).errors,
    ).toBeUndefined();
    const routes = await routesFrom();
    expect(routes).toContainEqual([LEG_A, 'leg:test-vessel-bravo:2024-01']);
    expect(routes.flat()).not.toContain('leg:test-vessel-charlie:2024-01');
    const r = await gql(ROUTES, { o: 'Test Harbour Alpha' });
    const route = (r.data!.traceCargo as any[]).find((x) => x.finalPort.id === 'port:test-terminal-charlie');
    expect(route.legs[1].link.kind).toBe('INFERRED');
  });

  it('a transfer links legs however long the cargo waited, and the trace follows it', async () => {
    expect(
      (
        await leg(
          'leg:test-vessel-charlie:2024-09',
          'imo:1000033',
          'port:test-anchorage-bravo',
          'port:test-terminal-delta',
          '2024-09-01',
          '2024-09-06',
        )
      ).errors,
    ).toBeUndefined();
    // 230 days after the first leg arrived: beyond the default wait of 60 days, so no route yet.
    expect((await routesFrom()).flat()).not.toContain('leg:test-vessel-charlie:2024-09');
    const r = await gql(
      `mutation($i: TransferInput!) { recordTransfer(input: $i) { id status } }`,
      {
        i: {
          id: 'transfer:test-alpha-charlie',
          fromVessel: 'imo:1000019',
          toVessel: 'imo:1000033',
          port: 'port:test-anchorage-bravo',
          when: { from: '2024-01-14', to: '2024-01-14' },
          fromLeg: LEG_A,
          toLeg: 'leg:test-vessel-charlie:2024-09',
          sources: SRC,
        },
      },
      'editor',
    );
    expect(r.data!.recordTransfer.status).toBe('CREATED');
    const routes = await gql(ROUTES, { o: 'Test Harbour Alpha' });
    const viaTransfer = (routes.data!.traceCargo as any[]).find((x) => x.finalPort.id === 'port:test-terminal-delta');
    expect(viaTransfer.legs.map((s: any) => s.kind)).toEqual(['LEG', 'TRANSFER', 'LEG']);
    expect(viaTransfer.legs[1].transfer.id).toBe('transfer:test-alpha-charlie');
    expect(viaTransfer.legs[2].link.kind).toBe('TRANSFER');
  });

  it('correcting a leg moves its links: a departure corrected to before the arrival unchains it', async () => {
    const r = await leg(
      'leg:test-vessel-bravo:2024-01',
      'imo:1000021',
      'port:test-anchorage-bravo',
      'port:test-terminal-charlie',
      '2024-01-08',
      '2024-01-11',
    );
    expect(r.data!.recordLeg).toMatchObject({ status: 'UPDATED' });
    expect((await routesFrom()).flat()).not.toContain('leg:test-vessel-bravo:2024-01');
  });

  it('the links written with the legs are exactly those a full recomputation gives', async () => {
    const written = await nextLinks();
    expect(written.length).toBeGreaterThan(0);
    await maintainNextLinks(t.db);
    expect(await nextLinks()).toEqual(written);
  });
});

/* ----------------------------------------------------------------------------------------------
 * Merging, and the audit trail
 * -------------------------------------------------------------------------------------------- */

describe('after mergeEntities', () => {
  it('the removed id still resolves to the kept entity, through node(id) and vessel(id)', async () => {
    const r = await gql(`{
      n: node(id: "vessel:test-vessel-alpha-duplicate") { id ... on Vessel { name otherNames vesselType description } }
      v: vessel(id: "vessel:test-vessel-alpha-duplicate") { id name }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.n).toMatchObject({
      id: VESSEL_ALPHA,
      name: 'Test Vessel Alpha',
      vesselType: 'bulk carrier',
      description: 'a duplicate record from an older list',
    });
    expect(r.data!.n.otherNames).toContain('Test Vessel Alpha Duplicate');
    expect(r.data!.v).toEqual({ id: VESSEL_ALPHA, name: 'Test Vessel Alpha' });
  });

  it('a later write naming the removed id lands on the kept entity', async () => {
    const r = await gql(
      `mutation($i: VesselInput!) { upsertVessel(input: $i) { id status } }`,
      { i: { id: 'vessel:test-vessel-alpha-duplicate', name: 'Test Vessel Alpha', callSign: 'TESTA', sources: SRC } },
      'editor',
    );
    expect(r.data!.upsertVessel).toEqual({ id: VESSEL_ALPHA, status: 'UPDATED' });
  });
});

describe('the audit trail', () => {
  const CHANGES = `query($e: ID, $s: String, $f: Int) { changes(entityId: $e, since: $s, first: $f) { totalCount edges { node { at actor operation entityId action factType changes { property before after } entity { id } } } } }`;

  it('lists who changed an entity, when and what, including the facts about it and the merge', async () => {
    const r = await gql(CHANGES, { e: VESSEL_ALPHA, f: 100 }, 'reader');
    expect(r.errors).toBeUndefined();
    const changes = r.data!.changes.edges.map((e: any) => e.node);
    const create = changes.find(
      (c: any) => c.operation === 'upsertVessel' && c.action === 'CREATED' && c.entityId === VESSEL_ALPHA,
    );
    expect(create).toMatchObject({ actor: 'key:analyst-e', entityId: VESSEL_ALPHA, factType: 'vessel' });
    expect(create.changes).toContainEqual({ property: 'imo', before: 'null', after: '"1000019"' });
    expect(Date.parse(create.at)).toBeGreaterThan(Date.now() - 3_600_000);
    const ops = new Set(changes.map((c: any) => c.operation));
    for (const op of ['upsertVessel', 'addIdentityClaim', 'linkParty', 'addDesignation', 'recordLeg', 'mergeEntities'])
      expect(ops.has(op)).toBe(true);
    const merged = changes.find((c: any) => c.action === 'MERGED');
    expect(merged).toMatchObject({
      actor: 'key:lead',
      entityId: 'vessel:test-vessel-alpha-duplicate',
      entity: { id: VESSEL_ALPHA },
    });
    const update = changes.find((c: any) => c.operation === 'upsertVessel' && c.action === 'UPDATED');
    expect(update.changes).toContainEqual({ property: 'callSign', before: 'null', after: '"TESTA"' });
  });

  it('lists changes since a time; needs the audit role (reader by default)', async () => {
    const later = await gql(CHANGES, { s: '2999-01-01' }, 'reader');
    expect(later.data!.changes.totalCount).toBe(0);
    const all = await gql(CHANGES, { s: '2000-01-01T00:00:00Z', f: 1 }, 'reader');
    expect(all.data!.changes.totalCount).toBe(await auditCount());
    const anonymous = await gql(CHANGES, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(CHANGES, { s: 'yesterday' }, 'reader');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'since' });
  });
});

/* ----------------------------------------------------------------------------------------------
 * Configuration: reads that need a key; JWTs checked against a JWKS (in a real service process)
 * -------------------------------------------------------------------------------------------- */

describe('COLLIER_READS_NEED_KEY', () => {
  it('refuses anonymous reads with 401 and serves readers', async () => {
    const strict = await startTestService({
      seed: 'keep',
      env: { COLLIER_API_KEYS: API_KEYS, COLLIER_READS_NEED_KEY: 'true' },
    });
    try {
      const anonymous = await call(strict.url, '{ vessel(id: "vessel:wise-honest") { name } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const reader = await call(strict.url, '{ vessel(id: "vessel:wise-honest") { name } }', {}, 'reader');
      expect(reader.data!.vessel.name).toBe('Wise Honest');
    } finally {
      await strict.close();
    }
  });
});

describe('JWT bearer tokens (verified by jose against a JWKS, in a service process)', () => {
  let jwks: Server;
  let service: ChildProcess;
  let url: string;
  let privateKey: KeyObject;
  const ISSUER = 'https://idp.example.org/';
  const AUDIENCE = 'collier-test';

  const b64 = (v: object | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');
  function sign(claims: Record<string, unknown>, key = privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'test-key' });
    const body = b64({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 300, ...claims });
    const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key);
    return `${head}.${body}.${b64(signature)}`;
  }

  beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey;
    const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
    service = spawn(process.execPath, [resolve(__dirname, '../../dist/src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: '0',
        NEO4J_URI: testNeo4jUri(),
        SEED_ON_START: 'false',
        COLLIER_API_KEYS: API_KEYS,
        COLLIER_JWKS_URL: jwksUrl,
        COLLIER_JWT_ISSUER: ISSUER,
        COLLIER_JWT_AUDIENCE: AUDIENCE,
        COLLIER_JWT_ROLE_CLAIM: 'collier_role',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((ready, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`service did not start:\n${out}`)), 60_000);
      service.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*Collier is ready/.exec(out);
        if (m) {
          clearTimeout(timer);
          ready(m[1]);
        }
      });
      service.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      service.on('exit', (code) => fail(new Error(`service exited (${code}):\n${out}`)));
    });
  });

  afterAll(async () => {
    if (service.exitCode == null) {
      const exited = new Promise((r) => service.once('exit', r));
      service.kill('SIGTERM');
      await exited;
    }
    await new Promise((r) => jwks.close(r));
  });

  const upsert = (token: string, name: string) =>
    call(
      url,
      `mutation($i: VesselInput!) { upsertVessel(input: $i) { id status } }`,
      { i: { name, sources: SRC } },
      null,
      token,
    );

  it('a token whose role claim says editor may write, and the audit trail names its subject', async () => {
    const r = await upsert(sign({ sub: 'analyst-7', collier_role: 'editor' }), 'Test Vessel Juliett');
    expect(r.errors).toBeUndefined();
    expect(r.data!.upsertVessel).toEqual({ id: 'vessel:test-vessel-juliett', status: 'CREATED' });
    const [row] = await t.db.read<{ actor: string }>(
      `MATCH (c:Change {entityId: 'vessel:test-vessel-juliett'}) RETURN c.actor AS actor`,
    );
    expect(row.actor).toBe('jwt:analyst-7');
  });

  it('a reader token → FORBIDDEN; a token without a role → 403; expired, foreign or mis-signed → 401', async () => {
    expect(
      (await upsert(sign({ sub: 'a', collier_role: ['reader'] }), 'Test Vessel Kilo')).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const noRole = await upsert(sign({ sub: 'a' }), 'Test Vessel Kilo');
    expect(noRole.status).toBe(403);
    expect(noRole.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const expired = await upsert(
      sign({ sub: 'a', collier_role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 }),
      'Test Vessel Kilo',
    );
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0].message).toMatch(/ERR_JWT_EXPIRED/);
    expect(
      (await upsert(sign({ sub: 'a', collier_role: 'admin', aud: 'someone-else' }), 'Test Vessel Kilo')).status,
    ).toBe(401);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect((await upsert(sign({ sub: 'a', collier_role: 'admin' }, stranger), 'Test Vessel Kilo')).status).toBe(401);
    const [row] = await t.db.read<{ n: number }>(`MATCH (v:Vessel {name: 'Test Vessel Kilo'}) RETURN count(v) AS n`);
    expect(row.n).toBe(0);
  });

  it('API keys still work next to JWTs', async () => {
    const r = await call(
      url,
      `mutation($i: VesselInput!) { upsertVessel(input: $i) { id status } }`,
      { i: { name: 'Test Vessel Juliett', sources: SRC } },
      'editor',
    );
    expect(r.data!.upsertVessel.status).toBe('UNCHANGED');
  });
});
