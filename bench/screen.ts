/**
 * `node dist/bench/screen.js [--requests N] [--batch N] [--port P]` — the screening speed goal: one
 * request of 100 queries (names as lists write them, identifiers, misses) against the demo graph,
 * latency percentiles over sequential requests, Cypher statements per request, and the same for
 * `POST /reconcile`. Uses the Neo4j at NEO4J_URI (loads the demo graph with both sanctions lists if it is empty), or
 * starts its own on BENCH_SCREEN_BOLT_PORT (default 7786) in .data/bench-screen. Loopback only; the
 * service listens on 127.0.0.1:<port> (default 4280) and stops when done.
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { findRepoRoot } from '../src/db/runtime/build';
import { startLocalNeo4j, LocalNeo4j } from '../src/db/runtime/localNeo4j';
import { createDriver, Database } from '../src/db/database';
import { migrate } from '../src/db/upgrade/migrations';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createService } from '../src/server';
import { databaseIsEmpty, loadDemoData } from '../seed/load';
import { loadSanctionsLists } from '../seed/lists';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A screening list as analysts get them: exact, re-spaced, renumbered, romanised, misspelled, identifiers, misses. */
const SAMPLE: Record<string, unknown>[] = [
  { name: 'Wise Honest' },
  { name: 'WISEHONEST' },
  { name: 'Ul Ji Bong No. 6' },
  { name: 'Nampo', kind: 'PORT' },
  { name: "Namp'o" },
  { imo: '9114555' },
  { imo: 'IMO 9004700', name: 'Xin Guang Hai' },
  { name: 'Korea Songi Shipping Company Limited', kind: 'COMPANY' },
  { name: 'Weihai World Shipping Freight Agency Co., Ltd.' },
  { name: 'Atlantic Sunrise Trader' },
  { name: 'Orient Shenyu' },
  { name: 'Asian Bridge', flag: 'PA' },
  { name: 'Rich Glory', owner: 'Good Siblings Ltd' },
  { name: 'Tsang Yung Yuan', kind: 'PERSON' },
  { name: 'Lucky Star', imo: '9015279' },
  { name: 'Petrel 8' },
  { name: 'Jin Hung 9' },
  { name: 'Kholmsk', kind: 'PORT' },
  { name: 'Test Shell 0042 Ltd' },
  { name: 'Hao Fan 6', imo: '8628597' },
  // Names as the official lists write them (OFAC SDN, UN consolidated list).
  { name: 'Chong Chon Gang' },
  { name: 'CHONGCHONGANG SHIPPING COMPANY LIMITED' },
  { name: 'Korea Mining Development Trading Corporation', kind: 'COMPANY' },
  { name: 'Ocean Maritime Management' },
  { name: 'Ri Jong Chol', kind: 'PERSON' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const requests = arg('requests', 30);
  const batch = arg('batch', 100);
  const port = arg('port', 4280);
  let local: LocalNeo4j | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    local = await startLocalNeo4j({
      boltPort: Number(process.env.BENCH_SCREEN_BOLT_PORT ?? 7786),
      dataDir: path.join(findRepoRoot(), '.data/bench-screen'),
      heap: '1g',
      pageCache: '256m',
    });
    uri = local.uri;
  }
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: String(port) });
  const db = new Database(
    createDriver(uri, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '', 5000),
    {
      timeoutMs: config.neo4j.queryTimeoutMs,
    },
  );
  try {
    await migrate(db);
    if (await databaseIsEmpty(db)) {
      // The demo graph as `npm start` loads it: the coal facts, then both official sanctions lists.
      await loadDemoData(db);
      await loadSanctionsLists(db);
    }
    const [graph] = await db.read<{ nodes: number; designations: number }>(
      'MATCH (n) WITH count(n) AS nodes CALL { MATCH (d:Designation) RETURN count(d) AS designations } RETURN nodes, designations',
    );
    process.stdout.write(`graph: ${graph.nodes} nodes, ${graph.designations} designations\n`);
    const service = await createService({ config, db, logger: createLogger('silent') });
    await new Promise<void>((r) => service.httpServer.listen(port, '127.0.0.1', r));
    const base = `http://127.0.0.1:${port}`;
    const queries = Array.from({ length: batch }, (_, i) => SAMPLE[i % SAMPLE.length]);
    const gqlBody = JSON.stringify({
      query: `query($q: [ScreenQueryInput!]!) { screen(queries: $q) { index problems { field message }
        candidates { score matchedName entity { __typename id } features { field match effect value } designations { authority } } } }`,
      variables: { q: queries },
    });
    const recQueries = Object.fromEntries(
      queries.map((q, i) => [
        `q${i}`,
        {
          query: q.name ?? '',
          ...(typeof q.kind === 'string' ? { type: q.kind.charAt(0) + q.kind.slice(1).toLowerCase() } : {}),
          ...(q.imo ? { properties: [{ pid: 'IMO', v: q.imo }] } : {}),
        },
      ]),
    );
    const recBody = new URLSearchParams({ queries: JSON.stringify(recQueries) }).toString();

    const measure = async (label: string, send: () => Promise<Response>) => {
      for (let i = 0; i < 5; i++) await (await send()).text(); // warm-up
      const times: number[] = [];
      let statements = 0;
      for (let i = 0; i < requests; i++) {
        const t0 = process.hrtime.bigint();
        const res = await send();
        const body = await res.text();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status} ${body.slice(0, 300)}`);
        statements = Number(res.headers.get('x-collier-statements'));
      }
      times.sort((a, b) => a - b);
      const f = (x: number) => `${x.toFixed(1)} ms`;
      process.stdout.write(
        `${label.padEnd(28)} ${batch} queries/request, ${requests} requests: p50 ${f(percentile(times, 50))}  p95 ${f(
          percentile(times, 95),
        )}  max ${f(times[times.length - 1])}  statements/request ${statements}\n`,
      );
    };
    await measure('GraphQL screen', () =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: gqlBody }),
    );
    await measure('POST /reconcile', () =>
      fetch(`${base}/reconcile`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: recBody,
      }),
    );
    await service.apollo.stop();
  } finally {
    await db.close();
    if (local) await local.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
