/**
 * API keys are never logged: a service logging at debug level into memory takes requests with a valid
 * editor key (a write), a wrong key, a malformed Authorization header, a key sent where it does not
 * belong (in a query's text and variables), and failing requests; no log line holds any key.
 */
import { Writable } from 'node:stream';
import { AddressInfo } from 'node:net';
import { createService, Service } from '../../src/server';
import { createLogger } from '../../src/logger';
import { loadConfig } from '../../src/config';
import { migrate } from '../../src/db/upgrade/migrations';
import { connectTestDatabase, resetDatabase } from './harness';
import { loadDemoData } from '../../seed/load';
import { Database } from '../../src/db/database';

const EDITOR_KEY = 'secret-editor-key-0123456789abcdefXYZ';
const WRONG_KEY = 'wrong-key-9876543210fedcbaQRS';
const lines: string[] = [];
let service: Service;
let db: Database;
let url: string;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'debug',
    COLLIER_API_KEYS: `editor:analyst:${EDITOR_KEY}`,
  });
  db = connectTestDatabase(undefined, config.neo4j.connectionTimeoutMs);
  await migrate(db);
  await resetDatabase(db);
  await loadDemoData(db);
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  service = await createService({ config, db, logger: createLogger('debug', sink) });
  await new Promise<void>((r) => service.httpServer.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(service.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await service.apollo.stop();
  await new Promise((r) => service.httpServer.close(r));
  await db.close();
});

async function post(body: unknown, authorization?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

describe('API keys in logs', () => {
  it('logs requests, writes and failures without ever writing a key', async () => {
    const write = `mutation($v: VesselInput!) { upsertVessel(input: $v) { id status } }`;
    const vessel = {
      name: 'Test Vessel Secrets',
      sources: [
        {
          url: 'https://example.org/test-secrets',
          publisher: 'Example Group',
          kind: 'INVESTIGATIVE',
          tier: 'MEDIUM_HIGH',
        },
      ],
    };
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
      body: JSON.stringify({ query: write, variables: { v: vessel } }),
    });
    expect(((await res.json()) as { data: { upsertVessel: { status: string } } }).data.upsertVessel.status).toBe(
      'CREATED',
    ); // the key worked
    await post({ query: write, variables: { v: vessel } }, `Bearer ${WRONG_KEY}`);
    await post({ query: '{ vessels(first: 1) { totalCount } }' }, `Basic ${EDITOR_KEY}`);
    await post({ query: `{ search(text: "${EDITOR_KEY}") { totalCount } }` }, `Bearer ${EDITOR_KEY}`);
    await post({ query: '{ vessel(id: $k) { id } }', variables: { k: EDITOR_KEY } }, `Bearer ${EDITOR_KEY}`);
    await post({ query: '{ nope }' }, `Bearer ${EDITOR_KEY}`);
    expect(lines.length).toBeGreaterThan(3); // the service did log these requests
    const leaks = lines.filter((l) => l.includes(EDITOR_KEY) || l.includes(WRONG_KEY));
    expect(leaks).toEqual([]);
  });
});
