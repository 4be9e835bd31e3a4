/**
 * A read over Neo4j's transaction memory limit, on a real Neo4j: the service answers QUERY_TOO_LARGE
 * (HTTP 422) with a message saying how to narrow the request, the driver does not retry it (Neo4j
 * marks the error transient), and the service goes on answering other requests.
 *
 * Runs its own Neo4j (not the shared test one) on NEO4J_FAULT_BOLT_PORT (default 7696) with a small
 * heap: Neo4j grants all transactions together 70 % of the heap (dbms.memory.transaction.total.max),
 * here about 358 MB. The local runtime's launcher sets no per-transaction limit and Community has no
 * dbms.setConfigValue, so the test reaches this global limit instead: a hundred synthetic vessels
 * ("Test Bulky Carrier …", names nobody could take for real ones) each carry a 4 MB note, and one page
 * of them (vessels(first: 100)) would collect 400 MB in one transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver, Session } from 'neo4j-driver';
import { createDriver, Database } from '../../src/db/database';
import { loadConfig } from '../../src/config';
import { LocalNeo4j, startLocalNeo4j } from '../../src/db/runtime/localNeo4j';
import { startTestService, TestService } from './harness';

const port = Number(process.env.NEO4J_FAULT_BOLT_PORT ?? 7696);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collier-memory-'));
const BULKY = 100;
const NOTE_BYTES = 4 * 1024 * 1024;

let neo4j: LocalNeo4j;
let t: TestService;
/**
 * Times a read was sent: as an auto-commit `run` (Database sends a read so first) or as a read
 * transaction's work function (the driver runs it again when it retries).
 */
let readAttempts = 0;

/** The driver, with every session's auto-commit runs and executeRead work counted. */
function countingDriver(driver: Driver): Driver {
  const countReads = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'run') {
          return (...args: Parameters<Session['run']>) => {
            readAttempts += 1;
            return target.run(...args);
          };
        }
        if (prop === 'executeRead') {
          return (work: (tx: unknown) => unknown, config?: unknown) =>
            target.executeRead((tx) => {
              readAttempts += 1;
              return work(tx);
            }, config as never);
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') return (...args: Parameters<Driver['session']>) => countReads(target.session(...args));
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

beforeAll(async () => {
  neo4j = await startLocalNeo4j({ boltPort: port, dataDir, heap: '512m', pageCache: '32m' });
  const config = loadConfig({ NODE_ENV: 'production' });
  const db = new Database(countingDriver(createDriver(neo4j.uri, 'neo4j', '', 5000)), {
    timeoutMs: config.neo4j.queryTimeoutMs,
  });
  t = await startTestService({ db, env: { NODE_ENV: 'production' } });
  // A hundred vessels with a 4 MB note each, ten to a transaction (each well within the limit).
  const note = 'x'.repeat(NOTE_BYTES);
  for (let from = 1; from <= BULKY; from += 10) {
    await t.db.write(
      `UNWIND range($from, $from + 9) AS i
       CREATE (:Vessel {id: 'vessel:test-bulky-carrier-' + i, name: 'Test Bulky Carrier ' + i, status: 'IMPLICATED', note: $note})`,
      { from, note },
    );
  }
}, 600_000);

afterAll(async () => {
  await t?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a read over the database memory limit', () => {
  it('answers QUERY_TOO_LARGE (422) once, not retried, and the service answers other requests', async () => {
    // within the limit: a few of them
    const few = await t.gql('{ vessels(first: 5, filter: {name: "Test Bulky"}) { totalCount edges { node { id } } } }');
    expect(few.errors).toBeUndefined();
    expect(few.data!.vessels.totalCount).toBe(BULKY);

    readAttempts = 0;
    const all = await t.gql(
      `{ vessels(first: ${BULKY}, filter: {name: "Test Bulky"}) { totalCount edges { node { id } } } }`,
    );
    expect(all.status).toBe(422);
    expect(all.data?.vessels ?? null).toBeNull();
    expect(all.errors).toHaveLength(1);
    const [error] = all.errors!;
    expect(error.extensions?.code).toBe('QUERY_TOO_LARGE');
    expect(error.message).toMatch(/more memory than the database grants/);
    expect(error.message).toMatch(/Narrow it: .*smaller limit or first/);
    expect(JSON.stringify(all.errors)).not.toMatch(/Neo4jError|MemoryPool|\bat .*\.(js|ts):\d+|\/work\/|MATCH \(/);
    // the vessels page is one statement: it ran once, the driver did not retry it
    expect(readAttempts).toBe(1);

    // and the service (and Neo4j) go on answering
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const after = await t.gql('{ vessel(id: "vessel:test-bulky-carrier-7") { id name } }');
    expect(after.errors).toBeUndefined();
    expect(after.data!.vessel).toEqual({ id: 'vessel:test-bulky-carrier-7', name: 'Test Bulky Carrier 7' });
  });
});
