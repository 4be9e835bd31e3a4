/**
 * Neo4j going away under a running service: requests fail fast with SERVICE_UNAVAILABLE, /readyz
 * fails, and the service recovers by itself when Neo4j is back. Runs its own Neo4j (not the shared
 * test one), on NEO4J_FAULT_BOLT_PORT (default 7696).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalNeo4j, startLocalNeo4j } from '../../src/db/runtime/localNeo4j';
import { startTestService, TestService } from './harness';

const port = Number(process.env.NEO4J_FAULT_BOLT_PORT ?? 7696);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collier-faults-'));
let neo4j: LocalNeo4j;
let t: TestService;

const start = () => startLocalNeo4j({ boltPort: port, dataDir, heap: '512m', pageCache: '64m' });

beforeAll(async () => {
  neo4j = await start();
  t = await startTestService({
    uri: neo4j.uri,
    env: { NEO4J_CONNECTION_TIMEOUT_MS: '2000', NEO4J_QUERY_TIMEOUT_MS: '5000' },
  });
});

afterAll(async () => {
  await t?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const query = '{ vessel(imo: "9114555") { name } }';

describe('when Neo4j stops and comes back', () => {
  it('answers SERVICE_UNAVAILABLE quickly, fails /readyz, and recovers on its own', async () => {
    expect((await t.gql(query)).data!.vessel.name).toBe('Ul Ji Bong 6');

    await neo4j.stop();
    const started = Date.now();
    const down = await t.gql(query);
    const waited = Date.now() - started;
    expect(down.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors![0].message).toMatch(/not reachable/);
    expect(JSON.stringify(down.errors)).not.toMatch(/MATCH|bolt:\/\//);
    expect(waited).toBeLessThan(15_000);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    neo4j = await start();
    let recovered = false;
    for (let i = 0; i < 30 && !recovered; i++) {
      const r = await t.gql(query);
      recovered = r.data?.vessel?.name === 'Ul Ji Bong 6';
      if (!recovered) await new Promise((res) => setTimeout(res, 1000));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
});
