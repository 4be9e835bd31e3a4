/**
 * POST /graphql without Express (src/http/directGraphql.ts) against the same service through Express
 * (HTTP_DIRECT_GRAPHQL=false): every response, status line, headers (names, order, values) and body,
 * must be the same bytes, but for the Date header and the ids the service draws at random.
 */
import net from 'node:net';
import zlib from 'node:zlib';
import { startTestService, TestService } from './harness';

const ENV = { NODE_ENV: 'production', BODY_LIMIT: '20kb', RESPONSE_MAX_BYTES: '1000' };
let direct: TestService;
let viaExpress: TestService;
beforeAll(async () => {
  direct = await startTestService({ env: ENV });
  viaExpress = await startTestService({ seed: 'keep', env: { ...ENV, HTTP_DIRECT_GRAPHQL: 'false' } });
}, 120_000);
afterAll(async () => {
  await direct?.close();
  await viaExpress?.close();
});

/** One request on its own connection; the whole response as sent, the Date and drawn ids masked. */
function exchange(url: string, head: string, body?: Buffer): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () =>
      resolve(
        Buffer.concat(chunks)
          .toString('latin1')
          .replace(/\r\nDate: [^\r]*/, '\r\nDate: -')
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>'),
      ),
    );
    socket.on('error', reject);
    socket.write(head);
    if (body) socket.write(body);
  });
}

function request(method: string, path: string, headers: Record<string, string>, body?: string | Buffer) {
  const bytes = body == null ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const all: Record<string, string> = { Host: 'collier', Connection: 'close', ...headers };
  if (bytes && all['Transfer-Encoding'] == null) all['Content-Length'] = String(bytes.length);
  const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return { head, bytes };
}

const JSON_TYPE = { 'Content-Type': 'application/json', 'x-request-id': 'direct-1' };
const query = (q: string, variables?: unknown) => JSON.stringify({ query: q, variables });
const TYPENAME = query('{ __typename }');
const ENTITY = query('{ vessel(imo: "9114555") { id name imo flag { code } } }');
const BIG = query(
  '{ vessel(imo: "9114555") { id name imo flag { code name } designations { authority measure status sources { url } } sources { url publisher tier } } }',
);

const CASES: [string, ReturnType<typeof request>][] = [
  ['an entity', request('POST', '/graphql', JSON_TYPE, ENTITY)],
  ['no request id', request('POST', '/graphql', { 'Content-Type': 'application/json' }, TYPENAME)],
  ['a request id refused', request('POST', '/graphql', { ...JSON_TYPE, 'x-request-id': 'a b' }, TYPENAME)],
  [
    'charset utf-8',
    request('POST', '/graphql', { ...JSON_TYPE, 'Content-Type': 'application/json; charset=UTF-8' }, TYPENAME),
  ],
  [
    'charset latin1',
    request('POST', '/graphql', { ...JSON_TYPE, 'Content-Type': 'application/json; charset=latin1' }, TYPENAME),
  ],
  ['text/plain', request('POST', '/graphql', { ...JSON_TYPE, 'Content-Type': 'text/plain' }, TYPENAME)],
  ['malformed JSON', request('POST', '/graphql', JSON_TYPE, '{"query": ')],
  ['a JSON string', request('POST', '/graphql', JSON_TYPE, '"x"')],
  ['a batch', request('POST', '/graphql', JSON_TYPE, `[${TYPENAME}]`)],
  ['an empty body', request('POST', '/graphql', JSON_TYPE, '')],
  [
    'a byte-order mark',
    request('POST', '/graphql', JSON_TYPE, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TYPENAME)])),
  ],
  [
    'a body over BODY_LIMIT',
    request('POST', '/graphql', JSON_TYPE, query('{ __typename }', { x: 'y'.repeat(30_000) })),
  ],
  ['gzip', request('POST', '/graphql', { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, zlib.gzipSync(TYPENAME))],
  ['an answer over RESPONSE_MAX_BYTES', request('POST', '/graphql', JSON_TYPE, BIG)],
  ['a syntax error', request('POST', '/graphql', JSON_TYPE, query('{ __typename '))],
  ['an unknown field', request('POST', '/graphql', JSON_TYPE, query('{ nope }'))],
  ['no query', request('POST', '/graphql', JSON_TYPE, '{}')],
  ['a bad key', request('POST', '/graphql', { ...JSON_TYPE, Authorization: 'Bearer nope' }, TYPENAME)],
  ['a mutation without a key', request('POST', '/graphql', JSON_TYPE, query('mutation { __typename }'))],
  [
    'graphql-response+json',
    request('POST', '/graphql', { ...JSON_TYPE, Accept: 'application/graphql-response+json' }, query('{ nope }')),
  ],
  ['not acceptable', request('POST', '/graphql', { ...JSON_TYPE, Accept: 'text/html' }, TYPENAME)],
  [
    'a forged rate-limit caller',
    request('POST', '/graphql', { ...JSON_TYPE, 'x-collier-rate-caller': 'me' }, TYPENAME),
  ],
  ['a query string', request('POST', '/graphql?a=1', JSON_TYPE, TYPENAME)],
  ['GET', request('GET', '/graphql?query=%7B__typename%7D', { 'x-request-id': 'g', 'apollo-require-preflight': '1' })],
];

describe('POST /graphql without Express answers what Express answered, byte for byte', () => {
  it.each(CASES)('%s', async (_name, { head, bytes }) => {
    const expected = await exchange(viaExpress.url, head, bytes);
    expect(expected).toMatch(/^HTTP\/1\.1 \d{3} /);
    expect(await exchange(direct.url, head, bytes)).toBe(expected);
  });

  it('the cases cover the answers that matter: a datum, the budget, a parse error, a body limit', async () => {
    const answers = await Promise.all(CASES.map(([, { head, bytes }]) => exchange(direct.url, head, bytes)));
    const text = answers.join('\n');
    expect(text).toContain('"Ul Ji Bong 6"');
    for (const code of ['RESPONSE_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST'])
      expect(text).toContain(code);
    expect(text).toContain('x-request-id: direct-1');
  });
});
