/**
 * OpenTelemetry: a span per Cypher statement (name, mode, rows; never text or values), in process with
 * an in-memory exporter; and the service process exporting HTTP, Express, GraphQL and Cypher spans over
 * OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (to a receiver this test runs).
 */
import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createDriver, Database } from '../../src/db/database';
import { startTracing, Tracing } from '../../src/ops/tracing';
import { startTestService, testNeo4jUri, TestService } from './harness';

const IMO = '9114555';
const QUERY = 'query ByImo($imo: String!) { vessel(imo: $imo) { name owners { party { name } } } }';

describe('Cypher spans (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let t: TestService;
  beforeAll(async () => {
    tracing = startTracing({}, [new SimpleSpanProcessor(exporter)])!;
    t = await startTestService({
      seed: 'demo',
      db: new Database(createDriver(testNeo4jUri(), 'neo4j', '', 30_000), { timeoutMs: 300_000 }),
    });
  });
  afterAll(async () => {
    await t.close();
    await tracing.stop();
  });

  it('records one span per statement with its name, mode and rows, and no statement text or value', async () => {
    exporter.reset();
    const r = await t.gql(QUERY, { imo: IMO });
    expect(r.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans().filter((s) => s.name.startsWith('cypher '));
    expect(spans.length).toBe(Number(r.headers.get('x-collier-statements')));
    const byImo = spans.find((s) => s.name === 'cypher db/read/vessel:findVesselByImo');
    expect(byImo).toBeDefined();
    expect(byImo!.attributes).toMatchObject({
      'db.system.name': 'neo4j',
      'db.operation.name': 'READ',
      'collier.statement': 'db/read/vessel:findVesselByImo',
      'db.response.returned_rows': 1,
    });
    const everything = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
    expect(everything).not.toContain(IMO);
    expect(everything).not.toMatch(/MATCH |RETURN /);
  });
});

describe('the service process with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let receiver: http.Server;
  const bodies: string[] = [];
  let child: ChildProcess;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.url === '/v1/traces') bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    if (child.exitCode == null) child.kill('SIGKILL');
    await new Promise((r) => receiver.close(r));
  });

  it('exports HTTP, Express, GraphQL and Cypher spans of one trace, without variable values', async () => {
    const { port } = receiver.address() as AddressInfo;
    child = spawn(process.execPath, [path.resolve(__dirname, '..', '..', 'dist', 'src', 'main.js')], {
      env: {
        ...process.env,
        NEO4J_URI: testNeo4jUri(),
        NEO4J_QUERY_TIMEOUT_MS: '120000',
        PORT: '0',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'info',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.includes('"Collier is ready"')) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { imo: IMO }, operationName: 'ByImo' }),
    });
    expect(res.status).toBe(200);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM'); // the SDK flushes on stop
    await exited;

    const spans = bodies.flatMap((b) =>
      (
        JSON.parse(b) as { resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[] }
      ).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)),
    );
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['cypher db/read/vessel:findVesselByImo']));
    expect(names.some((n) => /^POST/.test(n))).toBe(true); // http
    expect(names.some((n) => /request handler|middleware/.test(n))).toBe(true); // express
    expect(names.some((n) => /^(query|graphql\.)/.test(n))).toBe(true); // graphql
    // the Cypher span belongs to the same trace as the HTTP request
    const cypher = spans.find((s) => s.name === 'cypher db/read/vessel:findVesselByImo')!;
    const post = spans.find((s) => /^POST/.test(s.name))!;
    expect(cypher.traceId).toBe(post.traceId);
    expect(bodies.join('\n')).not.toContain(IMO);
  });
});
