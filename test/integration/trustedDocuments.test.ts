/** Trusted documents (GRAPHQL_TRUSTED_DOCUMENTS) and Apollo's automatic persisted queries otherwise. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDriver, Database } from '../../src/db/database';
import { buildManifest, sha256 } from '../../src/ops/trustedDocuments';
import { frontEndDocuments } from '../../scripts/trustedDocuments';
import { startTestService, testNeo4jUri, TestService } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

function patientDatabase(): Database {
  return new Database(createDriver(testNeo4jUri(), 'neo4j', '', 30_000), { timeoutMs: 300_000 });
}

async function post(url: string, body: object) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe('the manifest', () => {
  it('holds every playground example and explorer request, each under its SHA-256', () => {
    const manifest = buildManifest(frontEndDocuments());
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    const names = manifest.operations.map((o) => o.name);
    for (const name of [
      'TraceFromNampho',
      'ExplorerTrace',
      'ExplorerSearch',
      'ExplorerNeighborhood',
      'ExplorerExport',
    ]) {
      expect(names).toContain(name);
    }
    for (const op of manifest.operations) expect(op.id).toBe(sha256(op.body));
  });

  it('is written by the build (npm run build:ts runs scripts/trustedDocuments)', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'collier-manifest-')), 'm.json');
    execFileSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'trustedDocuments.js'), out]);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as { operations: unknown[] };
    expect(written).toEqual(buildManifest(frontEndDocuments()));
  });
});

describe('GRAPHQL_TRUSTED_DOCUMENTS=true', () => {
  let t: TestService;
  let manifestFile: string;
  const docs = buildManifest(frontEndDocuments()).operations;
  const trace = docs.find((o) => o.name === 'TraceFromNampho')!;

  beforeAll(async () => {
    manifestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'collier-manifest-')), 'trusted.json');
    fs.writeFileSync(manifestFile, JSON.stringify(buildManifest(frontEndDocuments())));
    t = await startTestService({
      seed: 'demo',
      db: patientDatabase(),
      env: { GRAPHQL_TRUSTED_DOCUMENTS: 'true', GRAPHQL_TRUSTED_DOCUMENTS_MANIFEST: manifestFile },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a manifest operation sent by its hash alone', async () => {
    const r = await post(t.url, { operationName: 'TraceFromNampho', ...persisted(trace.id) });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(Array.isArray(r.body.data.traceCargo)).toBe(true);
  });

  it('runs a manifest operation sent as its exact text', async () => {
    const r = await post(t.url, { query: trace.body, operationName: 'TraceFromNampho' });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });

  it('refuses any other text, and an unknown hash, with a clear error', async () => {
    const other = await post(t.url, { query: '{ __typename }' });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    expect(other.body.errors[0].message).toMatch(/runs only the operations its front-ends were built with/);
    const unknown = await post(t.url, persisted('0'.repeat(64)));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.body.errors[0].message).toMatch(/No trusted operation has the hash 0{64}/);
  });
});

describe('without trusted documents: automatic persisted queries', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ seed: 'demo', db: patientDatabase() });
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks for the text of an unknown hash once, then runs it by hash', async () => {
    const query = '{ search(text: "Nampo", first: 1) { totalCount } }';
    const first = await post(t.url, persisted(sha256(query)));
    expect(first.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(t.url, { query, ...persisted(sha256(query)) });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post(t.url, persisted(sha256(query)));
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(registered.body.data);
  });
});
