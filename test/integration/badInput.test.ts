/**
 * Bad input: malformed and hostile requests against the running HTTP service (production mode, so
 * internals are masked as in production). Every request gets a clear client-side answer — never a
 * 500, never a stack trace, a Cypher fragment or a driver error — and the graph is left untouched.
 */
import path from 'node:path';
import { graphCounts, startTestService, TestService } from './harness';

const EDITOR_KEY = 'test-editor-key-0123456789';
const ALLOWED_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'OPERATION_TOO_COSTLY',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OPERATION_RESOLUTION_FAILURE', // Apollo's code for an operationName the document does not define
];
/** Where the service is installed, and absolute paths in general: no answer may name a file on disk. */
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ABSOLUTE_PATH = /(^|[\s"'(=:])\/(home|root|usr|opt|var|tmp|srv|work|app|etc)\/|node_modules|file:\/\/|[A-Z]:\\\\/;
const LEAKS = [/\n\s+at /, /\bat .*\.(js|ts):\d+/, /MATCH \(/, /RETURN /, /UNWIND /, /Neo4jError/i, ABSOLUTE_PATH];

let t: TestService;
let before: { nodes: number; relationships: number };
beforeAll(async () => {
  t = await startTestService({
    env: { NODE_ENV: 'production', COLLIER_API_KEYS: `editor:test-editor:${EDITOR_KEY}` },
  });
  before = await graphCounts(t.db);
});
afterAll(async () => {
  await t?.close();
});

interface Answer {
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
}

async function send(
  body: string | undefined,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  method = 'POST',
): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, {
    method,
    headers: { ...headers, authorization: `Bearer ${EDITOR_KEY}` },
    body,
  });
  const text = await res.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text, body: parsed };
}

const post = (query: string, variables?: Record<string, unknown>) => send(JSON.stringify({ query, variables }));

/** No 500, and nothing internal in the answer — the client's own input, echoed in a message, aside. */
function expectNoLeak(a: Answer, sent: string[] = []): void {
  expect(a.status).not.toBe(500);
  let text = a.body ? JSON.stringify(a.body.errors ?? []) + JSON.stringify(a.body.data ?? null) : a.text;
  if (a.body) {
    const messages = (a.body.errors ?? []).map((e) => sent.reduce((m, v) => m.split(v).join(''), e.message));
    text = messages.join('\n') + JSON.stringify((a.body.errors ?? []).map((e) => e.extensions));
  }
  for (const leak of LEAKS) expect(text).not.toMatch(leak);
  expect(a.text).not.toMatch(/Neo4jError|\bat [\w.<>]+ \(/);
  expect(a.text).not.toContain(REPO_ROOT);
}

/** A clear error: the given status, a message, one of our codes (or exactly `code`). */
function expectError(a: Answer, status: number, code?: string, sent: string[] = []): void {
  expectNoLeak(a, sent);
  expect(a.status).toBe(status);
  expect(a.body?.errors?.length).toBeGreaterThan(0);
  const e = a.body!.errors![0];
  expect(e.message.length).toBeGreaterThan(0);
  expect(ALLOWED_CODES).toContain(e.extensions?.code);
  if (code) expect(e.extensions?.code).toBe(code);
}

/** Either a clear resolver-level error (200 + allowed code) or an empty-but-valid answer. */
function expectRejectedOrEmpty(a: Answer, field: string, sent: string[] = [], anyAnswer = false): void {
  expectNoLeak(a, sent);
  expect(a.status).toBe(200);
  if (a.body?.errors?.length) {
    expect(a.body.errors[0].message.length).toBeGreaterThan(0);
    expect(ALLOWED_CODES).toContain(a.body.errors[0].extensions?.code);
  } else if (!anyAnswer) {
    const v = a.body!.data![field];
    const empty =
      v === null ||
      (Array.isArray(v) && v.length === 0) ||
      (v && typeof v === 'object' && 'totalCount' in v && v.totalCount === 0);
    expect({ field, value: v, empty }).toMatchObject({ empty: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Hostile strings, tried in every string argument.
const HOSTILE: [string, string][] = [
  ['cypher injection', '") MATCH (n) DETACH DELETE n //'],
  ['sql-style tautology', "' OR 1=1 --"],
  ['parameter reference', '$param'],
  ['backticks', '`n` RETURN `x`'],
  ['json fragment', '{"id": "vessel:wise-honest", "$ne": null}'],
  ['lucene syntax', 'name:* OR id:[* TO *] AND~2 \\"'],
  ['rtl override', 'vessel:\u202ewise-honest'],
  ['zero-width joiners', 'wise\u200d\u200bhonest'],
  ['nul byte', 'KP\u0000'],
  ['lone surrogate', 'port:\ud800nampho'],
  ['very long string', 'x'.repeat(100_000)],
];

/** Every string argument of every query, with a query that takes the hostile value as a variable. */
const STRING_ARGS: { arg: string; field: string; query: string; list?: boolean; anyAnswer?: boolean }[] = [
  // Search is fuzzy: "' OR 1=1 --" may well match a name; what matters is a valid answer.
  {
    arg: 'search.text',
    field: 'search',
    anyAnswer: true,
    query: 'query($v: String!) { search(text: $v) { totalCount } }',
  },
  {
    arg: 'search.after',
    field: 'search',
    query: 'query($v: String) { search(text: "zzqqxx", after: $v) { totalCount } }',
  },
  { arg: 'vessel.imo', field: 'vessel', query: 'query($v: String) { vessel(imo: $v) { id } }' },
  { arg: 'vessel.id', field: 'vessel', query: 'query($v: ID) { vessel(id: $v) { id } }' },
  { arg: 'vessels.after', field: 'vessels', query: 'query($v: String) { vessels(after: $v) { totalCount } }' },
  { arg: 'port.locode', field: 'port', query: 'query($v: String) { port(locode: $v) { id } }' },
  { arg: 'port.id', field: 'port', query: 'query($v: ID) { port(id: $v) { id } }' },
  { arg: 'ports.name', field: 'ports', query: 'query($v: String) { ports(name: $v) { totalCount } }' },
  { arg: 'ports.country', field: 'ports', query: 'query($v: String) { ports(country: $v) { totalCount } }' },
  { arg: 'country.code', field: 'country', query: 'query($v: String!) { country(code: $v) { id } }' },
  { arg: 'company.id', field: 'company', query: 'query($v: ID!) { company(id: $v) { id } }' },
  { arg: 'node.id', field: 'node', query: 'query($v: ID!) { node(id: $v) { id } }' },
  { arg: 'traceCargo.origin', field: 'traceCargo', query: 'query($v: String!) { traceCargo(origin: $v) { id } }' },
  {
    arg: 'traceCargo.destinationCountry',
    field: 'traceCargo',
    query: 'query($v: String) { traceCargo(origin: "port:nampho", destinationCountry: $v) { id } }',
  },
  {
    arg: 'traceCargo.window.from',
    field: 'traceCargo',
    query: 'query($v: String) { traceCargo(origin: "port:nampho", window: { from: $v }) { id } }',
  },
  {
    arg: 'traceBack.destination',
    field: 'traceBack',
    query: 'query($v: String!) { traceBack(destination: $v) { id } }',
  },
  {
    arg: 'destinations.origin',
    field: 'destinations',
    query: 'query($v: String!) { destinations(origin: $v) { key } }',
  },
  { arg: 'vesselTimeline.id', field: 'vesselTimeline', query: 'query($v: ID!) { vesselTimeline(id: $v) { summary } }' },
  { arg: 'neighborhood.id', field: 'neighborhood', query: 'query($v: ID!) { neighborhood(id: $v) { truncated } }' },
  {
    arg: 'neighborhood.relationshipTypes',
    field: 'neighborhood',
    list: true,
    query: 'query($v: [String!]) { neighborhood(id: "vessel:wise-honest", relationshipTypes: $v) { truncated } }',
  },
  {
    arg: 'neighborhood.at',
    field: 'neighborhood',
    query: 'query($v: String) { neighborhood(id: "vessel:wise-honest", at: $v) { truncated } }',
  },
  {
    arg: 'paths.from',
    field: 'paths',
    query: 'query($v: ID!) { paths(from: $v, to: "vessel:wise-honest") { length } }',
  },
  { arg: 'paths.to', field: 'paths', query: 'query($v: ID!) { paths(from: "vessel:wise-honest", to: $v) { length } }' },
  {
    arg: 'commonConnections.a',
    field: 'commonConnections',
    query: 'query($v: ID!) { commonConnections(a: $v, b: "vessel:wise-honest") { distance } }',
  },
  {
    arg: 'commonConnections.b',
    field: 'commonConnections',
    query: 'query($v: ID!) { commonConnections(a: "vessel:wise-honest", b: $v) { distance } }',
  },
  { arg: 'ownership.vesselId', field: 'ownership', query: 'query($v: ID!) { ownership(vesselId: $v) { at } }' },
  {
    arg: 'ownership.at',
    field: 'ownership',
    query: 'query($v: String) { ownership(vesselId: "vessel:wise-honest", at: $v) { at } }',
  },
  {
    arg: 'riskProfile.vesselId',
    field: 'riskProfile',
    query: 'query($v: ID!) { riskProfile(vesselId: $v) { score } }',
  },
  {
    arg: 'riskProfile.at',
    field: 'riskProfile',
    query: 'query($v: String) { riskProfile(vesselId: "vessel:wise-honest", at: $v) { score } }',
  },
  {
    arg: 'exportSubgraph.ids',
    field: 'exportSubgraph',
    list: true,
    query: 'query($v: [ID!]!) { exportSubgraph(ids: $v, format: CSV) }',
  },
  {
    arg: 'centrality.labels',
    field: 'centrality',
    list: true,
    query: 'query($v: [String!]) { centrality(labels: $v) { rank } }',
  },
  {
    arg: 'centrality.relationshipTypes',
    field: 'centrality',
    list: true,
    query: 'query($v: [String!]) { centrality(relationshipTypes: $v) { rank } }',
  },
  { arg: 'changes.since', field: 'changes', query: 'query($v: String) { changes(since: $v) { totalCount } }' },
  { arg: 'changes.entityId', field: 'changes', query: 'query($v: ID) { changes(entityId: $v) { totalCount } }' },
];

describe('hostile strings in every string argument', () => {
  it.each(STRING_ARGS)(
    '$arg: every hostile string is rejected clearly or matches nothing',
    async ({ arg, field, query, list, anyAnswer }) => {
      for (const [name, value] of HOSTILE) {
        const a = await post(query, { v: list ? [value] : value });
        try {
          expectRejectedOrEmpty(a, field, [value], anyAnswer);
        } catch (err) {
          throw new Error(`${arg} with ${name}: ${(err as Error).message}\n${a.status} ${a.text.slice(0, 500)}`);
        }
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------------
// Malformed requests: one row per request, with the status and code Apollo / Express give.
const nested = (depth: number) => {
  let q = 'id';
  for (let i = 0; i < depth; i++) q = `legs { vessel { ${q} } }`;
  return `{ vessel(id: "vessel:wise-honest") { ${q} } }`;
};
const json = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
const jsonType = { 'content-type': 'application/json' };

const MALFORMED: {
  name: string;
  body?: string;
  headers?: Record<string, string>;
  method?: string;
  status: number;
  code: string;
}[] = [
  // Bodies that are not JSON at all.
  {
    name: 'invalid JSON (truncated object)',
    body: '{"query": "{ node(id: \\"x\\") { id } }"',
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'invalid JSON (single quotes)', body: "{'query': '{ __typename }'}", status: 400, code: 'BAD_REQUEST' },
  { name: 'invalid JSON (trailing comma)', body: '{"query": "{ __typename }",}', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON array batch', body: '[{"query": "{ __typename }"}]', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON string body', body: '"{ __typename }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null body', body: 'null', status: 400, code: 'BAD_REQUEST' },
  { name: 'empty body with JSON content type', body: '', status: 400, code: 'BAD_REQUEST' },
  { name: 'empty JSON object', body: '{}', status: 400, code: 'BAD_REQUEST' },
  { name: 'query is a number', body: '{"query": 42}', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables is a string',
    body: '{"query": "{ __typename }", "variables": "x"}',
    status: 400,
    code: 'BAD_REQUEST',
  },
  // Wrong content types.
  {
    name: 'text/plain body',
    body: '{ __typename }',
    headers: { 'content-type': 'text/plain' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'form-encoded body',
    body: 'query=%7B__typename%7D',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'no content type', body: '{"query": "{ __typename }"}', headers: {}, status: 400, code: 'BAD_REQUEST' },
  {
    name: 'multipart body',
    body: '--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--b--',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  // Too large.
  {
    name: 'body over BODY_LIMIT (1mb)',
    body: json(`{ search(text: "${'a'.repeat(1_100_000)}") { totalCount } }`),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  // Parse errors.
  {
    name: 'unbalanced braces',
    body: json('{ vessel(id: "vessel:wise-honest") { id '),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'garbage query text',
    body: json(') MATCH (n) DETACH DELETE n //'),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: 'empty query string', body: json(''), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'NUL in query text',
    body: json('{ node(id: "x")\u0000 { id } }'),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  // Validation: unknown fields, arguments, enum values; wrong types; limits.
  {
    name: 'unknown field',
    body: json('{ vessel(id: "vessel:wise-honest") { password } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown root field',
    body: json('{ cypher(query: "MATCH (n) RETURN n") }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown argument',
    body: json('{ vessel(id: "vessel:wise-honest", where: "1=1") { id } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown enum value',
    body: json('{ exportSubgraph(ids: ["vessel:wise-honest"], format: PDF) }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'enum value as a string literal',
    body: json('{ exportSubgraph(ids: ["vessel:wise-honest"], format: "CSV") }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown enum value in a variable',
    body: json('query($f: ExportFormat!) { exportSubgraph(ids: ["vessel:wise-honest"], format: $f) }', { f: 'PDF' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  { name: 'missing required argument', body: json('{ node { id } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'missing required variable',
    body: json('query($id: ID!) { node(id: $id) { id } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'object where a string is expected',
    body: json('query($id: ID!) { node(id: $id) { id } }', { id: { $ne: null } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'first: 2147483648 literal (beyond Int)',
    body: json('{ vessels(first: 2147483648) { totalCount } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'first: 2147483648 as a variable',
    body: json('query($n: Int) { vessels(first: $n) { totalCount } }', { n: 2147483648 }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'first: 1.5 (not an Int)',
    body: json('{ vessels(first: 1.5) { totalCount } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'query on a mutation-only name',
    body: json('{ upsertVessel(input: {}) { id } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'operationName that does not exist',
    body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'two anonymous operations',
    body: json('{ __typename } { __typename }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  // Hostile shapes: depth, aliases, fragments.
  { name: 'deep nesting', body: json(nested(30)), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'alias bomb',
    body: json(
      `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: node(id: "vessel:wise-honest") { id }`).join(' ')} }`,
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'fragment cycle',
    body: json(
      '{ vessel(id: "vessel:wise-honest") { ...A } } fragment A on Vessel { legs { vessel { ...B } } } fragment B on Vessel { legs { vessel { ...A } } }',
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'self-spreading fragment',
    body: json('{ vessel(id: "vessel:wise-honest") { ...A } } fragment A on Vessel { id ...A }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'fragment bomb (many spreads of nested fragments)',
    body: json(
      `{ vessel(id: "vessel:wise-honest") { ...F0 } } ` +
        Array.from(
          { length: 12 },
          (_, i) => `fragment F${i} on Vessel { legs { vessel { ${i < 11 ? `...F${i + 1} ...F${i + 1}` : 'id'} } } }`,
        ).join(' '),
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'directive flood',
    body: json(`{ __typename ${'@include(if: true) '.repeat(200)}}`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'token flood', body: json(`{ ${'__typename '.repeat(20_000)}}`), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
];

describe('malformed requests', () => {
  it.each(MALFORMED)('$name → $status $code', async ({ body, headers, method, status, code }) => {
    const a = await send(body, headers ?? jsonType, method);
    try {
      expectError(a, status, code);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${a.status} ${a.text.slice(0, 500)}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Outside the GraphQL endpoint: routes, assets and methods that do not exist.
describe('routes, assets and methods that do not exist', () => {
  const HTTP: { name: string; method: string; url: string; headers?: Record<string, string>; body?: string }[] = [
    { name: 'missing playground asset', method: 'GET', url: '/playground-assets/nope-0000.js' },
    { name: 'missing explorer asset', method: 'GET', url: '/explorer-assets/nope-0000.css' },
    { name: 'asset path climbing out', method: 'GET', url: '/playground-assets/..%2f..%2fpackage.json' },
    { name: 'encoded NUL in a path', method: 'GET', url: '/playground-assets/a%00b.js' },
    { name: 'malformed percent-encoding', method: 'GET', url: '/playground-assets/%E0%A4%A' },
    { name: 'unknown route', method: 'GET', url: '/admin/config' },
    { name: 'PUT on the endpoint', method: 'PUT', url: '/graphql', body: '{}' },
    { name: 'DELETE on the endpoint', method: 'DELETE', url: '/graphql' },
    {
      name: 'GET with a malformed query',
      method: 'GET',
      url: '/graphql?query=%7B',
      headers: { accept: 'application/json' },
    },
    {
      name: 'GET with malformed variables',
      method: 'GET',
      url: '/graphql?query=%7B__typename%7D&variables=%7B',
      headers: { accept: 'application/json' },
    },
    {
      name: 'JSON that is not an object',
      method: 'POST',
      url: '/graphql',
      body: '[1, 2',
      headers: { 'content-type': 'application/json' },
    },
  ];
  it.each(HTTP)('$name: a 4xx with nothing internal in it', async ({ method, url, headers, body }) => {
    const res = await fetch(`${t.url}${url}`, {
      method,
      headers: { 'apollo-require-preflight': 'true', ...headers },
      body,
    });
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
    expect(text).not.toContain(REPO_ROOT);
    expect(text).not.toMatch(/ENOENT|EISDIR|dist\//);
  });
});

// ---------------------------------------------------------------------------------------------------
// Invalid ids, IMO numbers, dates and limits: resolver-level, 200 with BAD_USER_INPUT / NOT_FOUND or empty.
const RESOLVER_LEVEL: { name: string; query: string; field: string; code?: string }[] = [
  {
    name: 'id without a kind',
    query: '{ neighborhood(id: "wise-honest") { truncated } }',
    field: 'neighborhood',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'id of an unknown kind',
    query: '{ neighborhood(id: "spaceship:x") { truncated } }',
    field: 'neighborhood',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'well-formed id of nothing',
    query: '{ neighborhood(id: "vessel:does-not-exist") { truncated } }',
    field: 'neighborhood',
    code: 'NOT_FOUND',
  },
  { name: 'node of an unknown id', query: '{ node(id: "vessel:does-not-exist") { id } }', field: 'node' },
  {
    name: 'IMO with a bad check digit',
    query: '{ vessel(imo: "9114556") { id } }',
    field: 'vessel',
    code: 'BAD_USER_INPUT',
  },
  { name: 'IMO too short', query: '{ vessel(imo: "911455") { id } }', field: 'vessel', code: 'BAD_USER_INPUT' },
  { name: 'IMO with letters', query: '{ vessel(imo: "IMO91145X5") { id } }', field: 'vessel', code: 'BAD_USER_INPUT' },
  {
    name: 'date 2019-02-30',
    query: '{ ownership(vesselId: "vessel:wise-honest", at: "2019-02-30") { at } }',
    field: 'ownership',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'date 2019-13-01',
    query: '{ riskProfile(vesselId: "vessel:wise-honest", at: "2019-13-01") { score } }',
    field: 'riskProfile',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'date "yesterday"',
    query: '{ neighborhood(id: "vessel:wise-honest", at: "yesterday") { truncated } }',
    field: 'neighborhood',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'window with from after to',
    query: '{ traceCargo(origin: "port:nampho", window: { from: "2019-05-01", to: "2018-01-01" }) { id } }',
    field: 'traceCargo',
    code: 'BAD_USER_INPUT',
  },
  { name: 'first: -1', query: '{ vessels(first: -1) { totalCount } }', field: 'vessels', code: 'BAD_USER_INPUT' },
  { name: 'first: 0', query: '{ vessels(first: 0) { totalCount } }', field: 'vessels' },
  {
    name: 'first: 1000000 (over the cost limit before any resolver runs)',
    query: '{ search(text: "wise", first: 1000000) { totalCount } }',
    field: 'search',
    code: 'OPERATION_TOO_COSTLY',
  },
  {
    name: 'first: 1000 (within cost, over the page cap)',
    query: '{ vessels(first: 1000) { totalCount } }',
    field: 'vessels',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'limit: -1 on traceCargo',
    query: '{ traceCargo(origin: "port:nampho", limit: -1) { id } }',
    field: 'traceCargo',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'depth: 1000000 on neighborhood',
    query: '{ neighborhood(id: "vessel:wise-honest", depth: 1000000) { truncated } }',
    field: 'neighborhood',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'maxHops: -5 on traceBack',
    query: '{ traceBack(destination: "port:kholmsk", maxHops: -5) { id } }',
    field: 'traceBack',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'minConfidence: 7',
    query: '{ neighborhood(id: "vessel:wise-honest", minConfidence: 7) { truncated } }',
    field: 'neighborhood',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'k: 0 on paths',
    query: '{ paths(from: "vessel:wise-honest", to: "port:nampho", k: 0) { length } }',
    field: 'paths',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'empty ids on exportSubgraph',
    query: '{ exportSubgraph(ids: [], format: CSV) }',
    field: 'exportSubgraph',
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'after cursor that is not ours',
    query: '{ vessels(after: "Zm9v") { totalCount } }',
    field: 'vessels',
    code: 'BAD_USER_INPUT',
  },
];

describe('invalid ids, IMO numbers, dates and limits', () => {
  it.each(RESOLVER_LEVEL)('$name', async ({ query, field, code }) => {
    const a = await post(query);
    try {
      if (code) expectError(a, a.status === 400 ? 400 : 200, code);
      else expectRejectedOrEmpty(a, field);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${a.status} ${a.text.slice(0, 500)}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Mutations with hostile strings: rejected before anything is written.
const SOURCE = {
  url: 'https://www.un.org/securitycouncil/sanctions/1718/panel_experts/reports',
  publisher: 'UN Panel of Experts',
  kind: 'OFFICIAL',
  tier: 'HIGH',
};
const MUTATIONS: { name: string; query: string; variables: Record<string, unknown>; sent?: string[] }[] = [
  ...HOSTILE.map(([name, value]) => ({
    sent: [value],
    name: `upsertVessel imo: ${name}`,
    query: 'mutation($i: VesselInput!) { upsertVessel(input: $i) { id } }',
    variables: { i: { name: 'Bad Input Test', imo: value, sources: [SOURCE] } },
  })),
  ...HOSTILE.map(([name, value]) => ({
    sent: [value],
    name: `upsertVessel name: ${name}, no source`,
    query: 'mutation($i: VesselInput!) { upsertVessel(input: $i) { id } }',
    variables: { i: { name: value, sources: [] } },
  })),
  ...HOSTILE.map(([name, value]) => ({
    sent: [value],
    name: `addSource url: ${name}`,
    query: 'mutation($i: SourceInput!) { addSource(input: $i) { id } }',
    variables: { i: { ...SOURCE, url: value } },
  })),
  {
    name: 'addSource date 2019-02-30',
    query: 'mutation($i: SourceInput!) { addSource(input: $i) { id } }',
    variables: { i: { ...SOURCE, date: '2019-02-30' } },
  },
  {
    name: 'upsertVessel flag that is no country',
    query: 'mutation($i: VesselInput!) { upsertVessel(input: $i) { id } }',
    variables: { i: { name: 'Bad Input Test', flag: "' OR 1=1 --", sources: [SOURCE] } },
  },
];

describe('mutations with hostile strings', () => {
  it.each(MUTATIONS)('$name', async ({ query, variables, sent }) => {
    const a = await post(query, variables);
    try {
      expectError(a, 200, 'BAD_USER_INPUT', sent ?? []);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${a.status} ${a.text.slice(0, 500)}`);
    }
  });

  it('a mutation without a key is UNAUTHENTICATED', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json('mutation($i: SourceInput!) { addSource(input: $i) { id } }', { i: SOURCE }),
    });
    const a: Answer = { status: res.status, text: await res.text(), body: undefined };
    a.body = JSON.parse(a.text);
    expectError(a, 200, 'UNAUTHENTICATED');
  });

  it('a mutation with a hostile bearer token is UNAUTHENTICATED', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: "Bearer ' OR 1=1 --" },
      body: json('mutation($i: SourceInput!) { addSource(input: $i) { id } }', { i: SOURCE }),
    });
    const a: Answer = { status: res.status, text: await res.text(), body: undefined };
    a.body = JSON.parse(a.text);
    expectNoLeak(a);
    expect(a.body?.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('after all of it', () => {
  it('the service is healthy and the graph unchanged', async () => {
    const h = await fetch(`${t.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await graphCounts(t.db)).toEqual(before);
  });
});
