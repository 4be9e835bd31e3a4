/**
 * What `timeline` costs on a hub (measured, not a timed test). Starts its own local Neo4j
 * (BENCH_BOLT_PORT, a temporary data folder), imports the synthetic hub (bench/syntheticHub.ts: one
 * port that `--ships` carriers leave and reach, transfers there, one shell company owning every
 * carrier), serves the service in-process and asks over HTTP, `--runs` times each (after a warm-up):
 *
 *   - the hub port's first page, a page in the middle, and a one-month window (paged in Neo4j);
 *   - the shell company's first page (every ownership period read, paged in the service);
 *
 * printing per question the Cypher statements (x-collier-statements), the answer's totalCount and
 * the latency (median, p90).
 *
 *   npm run build:ts && BENCH_BOLT_PORT=7764 node dist/bench/timelineHub.js [--ships 1000] [--runs 20]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { createDriver, Database } from '../src/db/database';
import { migrate } from '../src/db/upgrade/migrations';
import { startLocalNeo4j } from '../src/db/runtime/localNeo4j';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createService } from '../src/server';
import { HUB_OWNER, HUB_PORT_ID, importHub } from './syntheticHub';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SHIPS = arg('ships', 1000);
const RUNS = arg('runs', 20);
const BOLT = Number(process.env.BENCH_BOLT_PORT ?? 7774);
const OWNER_ID = `company:${HUB_OWNER.toLowerCase().replace(/ /g, '-')}`;

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function measure(url: string, label: string, query: string, variables: Record<string, unknown>) {
  const ask = async () => {
    const t0 = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data?: { timeline: { totalCount: number; edges: unknown[] } };
      errors?: unknown;
    };
    if (body.errors || !body.data) throw new Error(`${label}: ${JSON.stringify(body.errors)}`);
    return {
      ms: performance.now() - t0,
      statements: Number(res.headers.get('x-collier-statements')),
      total: body.data.timeline.totalCount,
      page: body.data.timeline.edges.length,
    };
  };
  await ask();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await ask());
  const ms = runs.map((r) => r.ms);
  process.stdout.write(
    `${label}: ${runs[0].statements} statements, totalCount ${runs[0].total}, page ${runs[0].page}; median ${quantile(ms, 0.5).toFixed(1)} ms, p90 ${quantile(ms, 0.9).toFixed(1)} ms\n`,
  );
}

const Q = `query($id: ID!, $first: Int, $after: String, $w: DateWindowInput) {
  timeline(id: $id, first: $first, after: $after, window: $w) { totalCount edges { node { kind date { from to } summary refId relatedIds sources { url } } } } }`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'collier-timeline-bench-'));
  const neo = await startLocalNeo4j({
    boltPort: BOLT,
    dataDir,
    heap: '1g',
    pageCache: '256m',
    startTimeoutMs: 600_000,
  });
  const db = new Database(createDriver(neo.uri, 'neo4j', '', 5000), { timeoutMs: 60_000 });
  try {
    await migrate(db);
    await importHub(db, SHIPS);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const service = await createService({ config, db, logger: createLogger('silent') });
    await new Promise<void>((r) => service.httpServer.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(service.httpServer.address() as AddressInfo).port}`;
    const middle = Buffer.from(`offset:${SHIPS - 1}`, 'utf8').toString('base64url');
    process.stdout.write(`synthetic hub: ${SHIPS} carriers, ${RUNS} runs each after a warm-up\n`);
    await measure(url, 'port, first page of 100', Q, { id: HUB_PORT_ID, first: 100 });
    await measure(url, 'port, a page of 100 in the middle', Q, { id: HUB_PORT_ID, first: 100, after: middle });
    await measure(url, 'port, window of one month', Q, {
      id: HUB_PORT_ID,
      first: 100,
      w: { from: '2019-02-01', to: '2019-02-28' },
    });
    await measure(url, 'company owning every carrier, first page of 100', Q, { id: OWNER_ID, first: 100 });
    await service.apollo.stop();
  } finally {
    await db.close();
    await neo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
