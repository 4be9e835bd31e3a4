/** Operation limits: depth, aliases, tokens, cost weighed by caps; errors say what to change. */
import { graphCounts, startTestService, TestService } from './harness';

let t: TestService;
beforeAll(async () => {
  t = await startTestService({ env: { GRAPHQL_MAX_COST: '20000', CORS_ORIGINS: 'https://analysts.example.org' } });
});
afterAll(async () => {
  await t.close();
});

const nest = (depth: number) => {
  let q = 'id';
  for (let i = 0; i < depth; i++) q = `legs { vessel { ${q} } }`;
  return `{ vessel(id: "vessel:wise-honest") { ${q} } }`;
};

describe('operation limits', () => {
  it('rejects a query nested deeper than the limit', async () => {
    const r = await t.gql(nest(8));
    expect(r.status).toBe(400);
    expect(r.errors![0].message).toMatch(/depth/i);
  });

  it('rejects an alias bomb', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: vessel(id: "vessel:wise-honest") { name }`).join(' ');
    const r = await t.gql(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.errors![0].message).toMatch(/alias/i);
  });

  it('rejects a query whose cost, weighed by page sizes and caps, is over the limit — before touching Neo4j', async () => {
    const before = await graphCounts(t.db);
    const r = await t.gql(
      `{ vessels(first: 100) { edges { node { legs { tactics { tactic { name } } from { departures { vessel { name } } } } } } } }`,
    );
    expect(r.errors![0].extensions).toMatchObject({ code: 'OPERATION_TOO_COSTLY', maxCost: 20000 });
    expect(r.errors![0].message).toMatch(/ask for fewer items/);
    expect(r.headers.get('x-collier-statements')).toBe('0');
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('lets an ordinary nested query through and reports its cost', async () => {
    const r = await t.gql(`{ vessels(first: 20) { edges { node { name owners { party { name } } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(Number(r.headers.get('x-collier-cost'))).toBeGreaterThan(20);
  });

  it('weighs a trace by its route limit and what each route asks for', async () => {
    const cheap = await t.gql(`{ traceCargo(origin: "Nampho", limit: 5, maxHops: 2) { id } }`);
    const dear = await t.gql(
      `{ traceCargo(origin: "Nampho", limit: 500, maxHops: 8) { steps { leg { tactics { tactic { code } } } } } }`,
    );
    expect(cheap.errors).toBeUndefined();
    expect(dear.errors![0].extensions!.code).toBe('OPERATION_TOO_COSTLY');
  });

  it('refuses batched HTTP requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('refuses a body over the size limit with a JSON error', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ search(text: "${'x'.repeat(2_000_000)}") { totalCount } }` }),
    });
    expect(res.status).toBe(413);
    const [error] = ((await res.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors;
    expect(error.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/BODY_LIMIT 1mb.*npm run import/);
  });

  it('answers CORS only for the origins in the allow-list', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://analysts.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://analysts.example.org');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers variables of the wrong type with BAD_USER_INPUT, not an internal error', async () => {
    const r = await t.gql('query($n: Int) { vessels(first: $n) { totalCount } }', { n: 'many' });
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
