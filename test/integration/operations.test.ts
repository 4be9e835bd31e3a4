/** Operations: Prometheus metrics at /metrics and rate limits per caller, on the demo graph in a real Neo4j. */
import { createDriver, Database } from '../../src/db/database';
import { loadDemoData } from '../../seed/load';
import { resetDatabase, startTestService, testNeo4jUri, TestService } from './harness';

/** A generous transaction timeout: these tests assert behaviour, not speed, on a possibly busy machine. */
function patientDatabase(): Database {
  return new Database(createDriver(testNeo4jUri(), 'neo4j', '', 30_000), { timeoutMs: 300_000 });
}

/** The service over the demo graph, loaded only when it is not there already. */
async function serviceOverDemo(env: Record<string, string> = {}): Promise<TestService> {
  const t = await startTestService({ seed: 'keep', db: patientDatabase(), env });
  const [wiseHonest] = await t.db.read("MATCH (v:Vessel {id: 'vessel:wise-honest'}) RETURN v.id AS id");
  if (wiseHonest == null) {
    await resetDatabase(t.db);
    await loadDemoData(t.db);
  }
  return t;
}

const KEY_A = 'alpha-key-0123456789abcdef';
const KEY_B = 'bravo-key-0123456789abcdef';
const METRICS_KEY = 'metrics-key-0123456789abcdef';

/** The value of one sample line (`name{labels} value`), summed over every line that matches. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

async function post(url: string, body: object, key?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

// sources: read through the node loader (the start statement of a small trace primes only the legs,
// ports, countries and vessels it shows), so the loaders' metrics move too
const TRACE =
  'query DemoTrace { traceCargo(origin: "Nampo") { finalPort { name } vessels { name } sources { publisher } } }';

describe('GET /metrics', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await serviceOverDemo();
  });
  afterAll(async () => {
    await t.close();
  });

  async function scrape(): Promise<string> {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  }

  it('answers Prometheus text whose request histogram and Cypher counter grow after a trace', async () => {
    const before = await scrape();
    const r = await post(t.url, { query: TRACE, operationName: 'DemoTrace' });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const after = await scrape();

    const count = 'collier_http_request_duration_seconds_count';
    const op = { operation: 'DemoTrace', type: 'query', outcome: 'ok' };
    expect(sample(after, count, op)).toBe(sample(before, count, op) + 1);
    const statements = Number(r.headers.get('x-collier-statements'));
    expect(statements).toBeGreaterThan(0);
    expect(sample(after, 'collier_cypher_statements_total')).toBeGreaterThanOrEqual(
      sample(before, 'collier_cypher_statements_total') + statements,
    );
    expect(sample(after, 'collier_cypher_statement_duration_seconds_count')).toBeGreaterThan(
      sample(before, 'collier_cypher_statement_duration_seconds_count'),
    );
    // the trace's walk and its loaders are measured too
    expect(sample(after, 'collier_trace_walk_legs_expanded_count')).toBeGreaterThan(
      sample(before, 'collier_trace_walk_legs_expanded_count'),
    );
    expect(sample(after, 'collier_dataloader_batch_size_count')).toBeGreaterThan(
      sample(before, 'collier_dataloader_batch_size_count'),
    );
    // pool and process metrics
    expect(after).toMatch(/^collier_neo4j_pool_connections\{state="idle"\} \d+/m);
    expect(after).toMatch(/^collier_neo4j_pool_waiting \d+/m);
    expect(after).toMatch(/^collier_process_resident_memory_bytes \d+/m);
  });

  it('names statements by their place in the code, never by their text, values or ids', async () => {
    await post(t.url, { query: '{ vessel(imo: "9114555") { name owners { party { name } } } }' });
    const text = await scrape();
    const names = [...text.matchAll(/^collier_cypher_statements_total\{statement="([^"]+)"/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z0-9_$./]*:[A-Za-z0-9_$.]+$/);
    expect(names.some((n) => n.startsWith('db/trace'))).toBe(true);
    // the data layer's own plumbing is skipped: a name is where a statement is sent from
    expect(names.filter((n) => /^db\/(database|observe\/)/.test(n))).toEqual([]);
    expect(text).not.toMatch(/MATCH |RETURN |9114555|"vessel:/);
  });

  it('counts GraphQL errors by code', async () => {
    const before = await scrape();
    const r = await post(t.url, { query: '{ vessel(imo: "1234568") { name } }' });
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const after = await scrape();
    expect(sample(after, 'collier_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(
      sample(before, 'collier_graphql_errors_total', { code: 'BAD_USER_INPUT' }) + 1,
    );
  });

  it('keeps operation names bounded: a name that is not an identifier counts as "other"', async () => {
    await post(t.url, { query: 'query Weird { __typename }', operationName: 'Weird' });
    await post(t.url, { query: '{ __typename }' });
    const text = await scrape();
    expect(text).toMatch(/operation="Weird"/);
    expect(text).toMatch(/operation="anonymous"/);
  });
});

describe('GET /metrics with METRICS_KEY', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await serviceOverDemo({ METRICS_KEY });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 404 without the key, and the metrics with it', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    expect(
      (await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong-key-0123456789' } })).status,
    ).toBe(404);
    const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('collier_http_request_duration_seconds');
  });
});

describe('rate limits per caller', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await serviceOverDemo({
      COLLIER_API_KEYS: `reader:alpha:${KEY_A},reader:bravo:${KEY_B}`,
      RATE_LIMIT_REQUESTS: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the 6th request of a key in a minute with 429 and Retry-After; another key is not affected', async () => {
    const query = { query: '{ vessel(imo: "9114555") { name } }' };
    for (let i = 0; i < 5; i++) {
      const r = await post(t.url, query, KEY_A);
      expect(r.status).toBe(200);
      expect(r.body.data.vessel.name).toEqual(expect.any(String));
    }
    const sixth = await post(t.url, query, KEY_A);
    expect(sixth.status).toBe(429);
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(sixth.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests' });
    expect(sixth.body.errors[0].message).toMatch(/at most 5 every 60 s/);

    const other = await post(t.url, query, KEY_B);
    expect(other.status).toBe(200);
    expect(other.body.data.vessel.name).toEqual(expect.any(String));
    const scraped = await (await fetch(`${t.url}/metrics`)).text();
    expect(sample(scraped, 'collier_rate_limited_total', { limit: 'requests' })).toBeGreaterThanOrEqual(1);
  });

  it('counts anonymous callers by their address', async () => {
    const query = { query: '{ __typename }' };
    for (let i = 0; i < 5; i++) expect((await post(t.url, query)).status).toBe(200);
    expect((await post(t.url, query)).status).toBe(429);
    expect((await post(t.url, query, KEY_B)).status).toBe(200);
  });
});

describe('rate limit by cost', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await serviceOverDemo({
      COLLIER_API_KEYS: `reader:alpha:${KEY_A},reader:bravo:${KEY_B}`,
      RATE_LIMIT_COST: '1000',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an operation whose cost no longer fits the window with 429, before it runs', async () => {
    const query = { query: '{ search(text: "Wise Honest", first: 100) { totalCount } }' };
    const first = await post(t.url, query, KEY_A);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const cost = Number(first.headers.get('x-collier-cost'));
    expect(cost).toBeGreaterThan(1);
    const fits = Math.floor(1000 / cost);
    for (let i = 1; i < fits; i++) expect((await post(t.url, query, KEY_A)).status).toBe(200);
    const over = await post(t.url, query, KEY_A);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'cost' });
    expect(over.body.errors[0].message).toMatch(/at most 1000 cost units/);
    expect(over.body.data).toBeUndefined();
    expect((await post(t.url, query, KEY_B)).status).toBe(200);
  });
});
