/**
 * Screening on the demo graph and on synthetic entities imported through the import path: names as
 * lists write them, identifiers that win and never cross kinds, dirty queries that never fail the
 * batch, the order of results, the bounded number of statements, and the W3C reconciliation API.
 */
import { startTestService, TestService } from './harness';
import { importLines } from '../../src/import/pipeline';
import { syntheticImo } from './importData';

let t: TestService;

const SRC = 'https://example.org/lists/screening-test-list';
const SEAGLASS_IMO = syntheticImo(4207);
/** The same seven digits as a company's IMO number: a ship's number must never find the company. */
const SHELL_NUMBER = syntheticImo(4208);

const SYNTHETIC = [
  { type: 'source', url: SRC, publisher: 'Example Sanctions Authority', kind: 'OFFICIAL', tier: 'HIGH' },
  { type: 'vessel', name: 'SEAGLASS NO. 7', imo: SEAGLASS_IMO, sources: [SRC] },
  {
    type: 'identityClaim',
    vessel: `imo:${SEAGLASS_IMO}`,
    kind: 'FORMER_NAME',
    name: 'Carrier 0182',
    status: 'ASSERTED',
    sources: [SRC],
  },
  { type: 'company', name: 'Test Shell 0042 Co., Ltd.', country: 'HK', imoCompanyNumber: SHELL_NUMBER, sources: [SRC] },
].map((o) => JSON.stringify(o));

const SCREEN = `query($q: [ScreenQueryInput!]!, $threshold: Float, $limit: Int) {
  screen(queries: $q, threshold: $threshold, limit: $limit) {
    index
    problems { field message }
    candidates { score matchedName entity { __typename id } features { field match effect value }
                 designations { authority } }
  }
}`;

interface Result {
  index: number;
  problems: { field: string; message: string }[];
  candidates: {
    score: number;
    matchedName: string | null;
    entity: { __typename: string; id: string };
    features: { field: string; match: string; effect: string; value: string | null }[];
    designations: { authority: string }[];
  }[];
}

async function screen(q: Record<string, unknown>[], extra: { threshold?: number; limit?: number } = {}) {
  const res = await t.gql<{ screen: Result[] }>(SCREEN, { q, ...extra });
  expect(res.errors).toBeUndefined();
  return { results: res.data!.screen, statements: Number(res.headers.get('x-collier-statements')) };
}

beforeAll(async () => {
  t = await startTestService();
  const report = await importLines(t.db, () => SYNTHETIC, { format: 'jsonl', actor: 'cli:test' });
  expect(report.rejected).toBe(0);
});

afterAll(async () => {
  await t?.close();
});

describe('screen', () => {
  it('finds Nampho for { name: "Nampo", kind: PORT }', async () => {
    const { results } = await screen([{ name: 'Nampo', kind: 'PORT' }]);
    expect(results[0].candidates[0].entity.id).toBe('port:nampho');
    expect(results[0].candidates[0].score).toBeGreaterThanOrEqual(0.9);
    expect(results[0].candidates.every((c) => c.entity.__typename === 'Port')).toBe(true);
  });

  it('answers a clear "no" for a name nobody has: nothing above 0.7 for "Atlantic Sunrise Trader"', async () => {
    const { results } = await screen([{ name: 'Atlantic Sunrise Trader' }]);
    expect(results[0].candidates).toEqual([]);
    expect(results[0].problems).toEqual([]);
    // below the threshold there are candidates, so the empty answer is the threshold's doing
    const low = await screen([{ name: 'Atlantic Sunrise Trader' }], { threshold: 0.3 });
    expect(low.results[0].candidates.every((c) => c.score < 0.7)).toBe(true);
  });

  it("scores a vessel's IMO number 1.0 whatever the name, with the reason", async () => {
    const { results } = await screen([{ imo: '9114555' }, { name: 'Quite Another Name', imo: 'IMO 9114555' }]);
    for (const r of results) {
      expect(r.candidates[0]).toMatchObject({ score: 1, entity: { id: 'vessel:ul-ji-bong-6' } });
      expect(r.candidates[0].features[0]).toMatchObject({ field: 'imo', match: 'IDENTIFIER_EXACT' });
    }
  });

  it('reports a malformed IMO number on its query and still runs the rest of it and the batch', async () => {
    const { results } = await screen([{ name: 'Wise Honest', imo: '8905491' }, { name: 'Nampo' }]);
    expect(results[0].problems).toEqual([expect.objectContaining({ field: 'imo' })]);
    expect(results[0].problems[0].message).toMatch(/check digit/);
    expect(results[0].candidates[0].entity.id).toBe('vessel:wise-honest');
    expect(results[1].problems).toEqual([]);
    expect(results[1].candidates[0].entity.id).toBe('port:nampho');
  });

  it('answers 100 queries with 100 results in order, in a bounded number of statements', async () => {
    const names = ['Wise Honest', 'Nampo', 'Ul Ji Bong 6', 'Atlantic Sunrise Trader', 'Korea Songi Shipping Company'];
    const q = Array.from({ length: 100 }, (_, i) => ({ name: names[i % names.length] }));
    const { results, statements } = await screen(q);
    expect(results).toHaveLength(100);
    expect(results.map((r) => r.index)).toEqual(q.map((_, i) => i));
    results.forEach((r, i) => {
      const expected = [
        'vessel:wise-honest',
        'port:nampho',
        'vessel:ul-ji-bong-6',
        null,
        'company:korea-songi-shipping',
      ][i % 5];
      expect(r.candidates[0]?.entity.id ?? null).toBe(expected);
    });
    // three screening statements, one for designations: never one per query
    expect(statements).toBeLessThanOrEqual(5);
  });

  it('refuses more than 500 queries with BAD_USER_INPUT', async () => {
    const res = await t.gql(SCREEN, { q: Array.from({ length: 501 }, () => ({ name: 'x' })) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'queries' });
  });

  it('matches the synthetic "SEAGLASS NO. 7" written "Seaglass 7", and its former name', async () => {
    const [{ id }] = await t.db.read<{ id: string }>('MATCH (v:Vessel {imo: $imo}) RETURN v.id AS id', {
      imo: SEAGLASS_IMO,
    });
    const { results } = await screen([{ name: 'Seaglass 7' }, { name: 'SEAGLASS7' }, { name: 'carrier 182' }]);
    for (const r of results) expect(r.candidates[0].entity.id).toBe(id);
    expect(results[0].candidates[0].score).toBeGreaterThanOrEqual(0.9);
    expect(results[2].candidates[0].features[0].value).toMatch(/former name/);
  });

  it('never lets a ship IMO number find a company with the same digits, nor the other way', async () => {
    const asShip = await screen([{ imo: SHELL_NUMBER }]);
    expect(asShip.results[0].candidates.filter((c) => c.entity.__typename === 'Company')).toEqual([]);
    const asCompany = await screen([
      { kind: 'COMPANY', imo: SHELL_NUMBER },
      { kind: 'COMPANY', imo: SEAGLASS_IMO },
    ]);
    expect(asCompany.results[0].candidates[0]).toMatchObject({ score: 1, entity: { __typename: 'Company' } });
    expect(asCompany.results[1].candidates).toEqual([]);
  });

  it('lowers the score of the same name with a contradicting IMO number, and says so', async () => {
    const { results } = await screen([{ name: 'Wise Honest', imo: '9114555' }], { threshold: 0 });
    const wise = results[0].candidates.find((c) => c.entity.id === 'vessel:wise-honest')!;
    expect(wise.score).toBeLessThan(0.7);
    expect(wise.features.map((f) => f.match)).toContain('IDENTIFIER_CONTRADICTS');
  });

  it('reads legal forms and lists designations', async () => {
    const { results } = await screen([{ name: 'Test Shell 0042 Company Limited', kind: 'COMPANY', country: 'HK' }]);
    expect(results[0].candidates[0].entity.__typename).toBe('Company');
    expect(results[0].candidates[0].features.map((f) => f.match)).toEqual(expect.arrayContaining(['COUNTRY_MATCH']));
  });
});

describe('/reconcile (W3C Entity Reconciliation)', () => {
  it('GET answers the service manifest', async () => {
    const res = await fetch(`${t.url}/reconcile`);
    expect(res.status).toBe(200);
    const m = (await res.json()) as Record<string, unknown>;
    for (const key of ['name', 'identifierSpace', 'schemaSpace']) expect(typeof m[key]).toBe('string');
    expect(m.versions).toContain('0.2');
    expect((m.defaultTypes as { id: string }[]).map((d) => d.id)).toEqual(['Vessel', 'Company', 'Person', 'Port']);
  });

  it('POST queries={"q0":{"query":"Wise Honest"}} answers q0 with the vessel first', async () => {
    const res = await fetch(`${t.url}/reconcile`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ queries: JSON.stringify({ q0: { query: 'Wise Honest' } }) }).toString(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, { result: Record<string, unknown>[] }>;
    expect(body.q0.result[0]).toMatchObject({
      id: 'vessel:wise-honest',
      name: 'Wise Honest',
      match: true,
      type: [{ id: 'Vessel', name: 'Vessel' }],
    });
    expect(body.q0.result[0].score).toBeGreaterThan(90);
  });

  it('takes JSON too, with a type and the IMO property; refuses an unknown type', async () => {
    const post = (queries: unknown) =>
      fetch(`${t.url}/reconcile`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries }),
      });
    const res = await post({ a: { query: 'x', type: 'Vessel', properties: [{ pid: 'IMO', v: '9114555' }] } });
    const body = (await res.json()) as Record<string, { result: { id: string; score: number }[] }>;
    expect(body.a.result[0]).toMatchObject({ id: 'vessel:ul-ji-bong-6', score: 100 });
    const bad = await post({ a: { query: 'x', type: 'Spaceship' } });
    expect(bad.status).toBe(400);
  });

  it('follows the read rules of GraphQL: with COLLIER_READS_NEED_KEY a request without a key is refused', async () => {
    const locked = await startTestService({
      seed: 'keep',
      env: { COLLIER_READS_NEED_KEY: 'true', COLLIER_API_KEYS: 'reader:screen-test:reader-key-0123456789' },
    });
    try {
      expect((await fetch(`${locked.url}/reconcile`)).status).toBe(401);
      const ok = await fetch(`${locked.url}/reconcile`, { headers: { authorization: 'Bearer reader-key-0123456789' } });
      expect(ok.status).toBe(200);
    } finally {
      await locked.close();
    }
  });
});
