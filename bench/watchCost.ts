/**
 * What watchlists cost the write path, and how fast an alert reaches a subscriber (measured, not a
 * timed test). Starts its own local Neo4j (BENCH_BOLT_PORT, a temporary data folder) with the demo
 * graph, then writes the same kind of fact — a new leg, one transaction each, through the ordinary
 * write path (db/write/writeFacts.ts) — in four phases:
 *
 *   1. no watchlist at all;
 *   2. 1 000 watchlists, none watching what the legs touch;
 *   3. one more watchlist watching the legs' vessel (every leg leaves an alert);
 *   4. the watch lookup alone (the statement the hook adds), as a read.
 *
 * (after a warm-up of the same writes) and prints per phase the statements per write and the write time (median and p90). Then it serves
 * the service in-process, subscribes over graphql-ws and records legs through the HTTP mutation:
 * the time from the mutation's answer to the alert's arrival (ALERT_POLL_INTERVAL_MS bounds most of it).
 *
 *   npm run build:ts && BENCH_BOLT_PORT=7774 node dist/bench/watchCost.js [--writes 200]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createDriver, Database, StatementCounter } from '../src/db/database';
import { migrate } from '../src/db/upgrade/migrations';
import { startLocalNeo4j } from '../src/db/runtime/localNeo4j';
import { writeFacts } from '../src/db/write/writeFacts';
import { createWatchlist } from '../src/db/watch/watchlists';
import { validateFact } from '../src/domain/facts';
import { keysTouched } from '../src/domain/watch';
import { describeChanges } from '../src/db/watch/changeFacts';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createService } from '../src/server';
import { loadDemoData } from '../seed/load';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WRITES = arg('writes', 200);
const BOLT = Number(process.env.BENCH_BOLT_PORT ?? 7774);
const SOURCE = 'https://example.org/reports/bench-watch';
const ctx = { actor: 'cli:bench', operation: 'bench', requestId: null, runId: null };

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p90 ${quantile(xs, 0.9).toFixed(1)} ms`;

let day = 0;
function legFact(vessel: string) {
  day++;
  const d = new Date(Date.UTC(2030, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return validateFact('leg', {
    vessel,
    from: ['port:bench-harbour-alpha'],
    to: ['port:bench-terminal-bravo'],
    departure: d,
    sources: [SOURCE],
  });
}

async function phase(db: Database, name: string, vessel: string): Promise<void> {
  const times: number[] = [];
  let statements = 0;
  let alerts = 0;
  for (let i = 0; i < WRITES; i++) {
    const counter = new StatementCounter();
    const started = process.hrtime.bigint();
    const r = await writeFacts(db, [legFact(vessel)], ctx, { counter });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    statements += r.stats.statements;
    if (r.outcomes[0].status !== 'CREATED') throw new Error(`leg not created: ${JSON.stringify(r.outcomes[0])}`);
  }
  const [row] = await db.read<{ n: number }>('MATCH (a:Alert) RETURN count(a) AS n');
  alerts = row.n;
  process.stdout.write(
    `${name}: ${WRITES} legs, ${(statements / WRITES).toFixed(1)} statements per write, ${fmt(times)}; alerts in the graph: ${alerts}\n`,
  );
}

async function lookupAlone(db: Database): Promise<void> {
  // the keys a leg write touches (its vessel, its two ports, maybe a country), looked up as the hook does
  const keys = keysTouched(
    describeChanges(
      {
        changes: [
          {
            entityId: 'leg:x',
            entityLabel: 'Leg',
            action: 'CREATED',
            factType: 'leg',
            changes: {
              'links.FROM': { before: [], after: ['port:bench-harbour-alpha'] },
              'links.TO': { before: [], after: ['port:bench-terminal-bravo'] },
            },
            subjectId: 'vessel:bench-vessel-one',
            objectId: null,
            note: null,
            factIndex: 0,
          },
        ],
        links: [],
      } as never,
      [],
      ['change:x:0'],
    ),
  );
  const times: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const started = process.hrtime.bigint();
    await db.read(
      'UNWIND $keys AS k MATCH (:WatchTarget {key: k})<-[:WATCHES]-(w:Watchlist) RETURN k AS key, collect(w.id) AS ids',
      {
        keys,
      },
    );
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  process.stdout.write(`the watch lookup alone (${keys.length} keys, its own read transaction): ${fmt(times)}\n`);
}

async function alertLatency(db: Database, watchlistId: string): Promise<void> {
  const key = 'bench-editor-key-0000000001';
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', COLLIER_API_KEYS: `editor:bench:${key}` });
  const service = await createService({ config, db, logger: createLogger('silent') });
  await new Promise<void>((r) => service.httpServer.listen(0, '127.0.0.1', r));
  const { port } = service.httpServer.address() as AddressInfo;
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
  });
  const arrived: number[] = [];
  let wake: (() => void) | null = null;
  const stop = client.subscribe(
    { query: `subscription { alerts(watchlistId: "${watchlistId}") { id } }` },
    {
      next: () => {
        arrived.push(performance.now());
        wake?.();
      },
      error: (e) => process.stderr.write(`subscription error: ${JSON.stringify(e)}\n`),
      complete: () => undefined,
    },
  );
  while (service.alertFeed.size < 1) await new Promise((r) => setTimeout(r, 20));
  const latencies: number[] = [];
  const n = Math.min(50, WRITES);
  for (let i = 0; i < n; i++) {
    day++;
    const d = new Date(Date.UTC(2030, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: `mutation { recordLeg(input: { vessel: "vessel:bench-vessel-one", from: ["port:bench-harbour-alpha"], to: ["port:bench-terminal-bravo"], departure: { from: "${d}", to: "${d}", precision: DAY }, sources: [{ url: "${SOURCE}" }] }) { status } }`,
      }),
    });
    const answered = performance.now();
    const body = (await res.json()) as { data?: { recordLeg: { status: string } } };
    if (body.data?.recordLeg.status !== 'CREATED') throw new Error(`recordLeg: ${JSON.stringify(body)}`);
    while (arrived.length <= i) await new Promise<void>((r) => (wake = r));
    latencies.push(arrived[i] - answered);
  }
  process.stdout.write(
    `alert delivery over graphql-ws (poll every ${config.subscriptions.pollIntervalMs} ms), from the mutation's answer to the alert: ${fmt(latencies)}, max ${Math.max(...latencies).toFixed(1)} ms (${n} legs)\n`,
  );
  stop();
  await client.dispose();
  await service.apollo.stop();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'collier-watch-bench-'));
  const neo = await startLocalNeo4j({ boltPort: BOLT, dataDir, heap: '1g', pageCache: '256m' });
  const db = new Database(createDriver(neo.uri, 'neo4j', '', 5000), { timeoutMs: 15_000 });
  try {
    await migrate(db);
    await loadDemoData(db);
    const setup = [
      { type: 'source', url: SOURCE, publisher: 'Bench', kind: 'INVESTIGATIVE', tier: 'MEDIUM' },
      { type: 'port', name: 'Bench Harbour Alpha', country: 'KP', sources: [SOURCE] },
      { type: 'port', name: 'Bench Terminal Bravo', country: 'CN', sources: [SOURCE] },
      { type: 'vessel', name: 'Bench Vessel One', sources: [SOURCE] },
      { type: 'vessel', name: 'Bench Vessel Two', sources: [SOURCE] },
    ];
    for (const { type, ...f } of setup) await writeFacts(db, [validateFact(type as never, f)], ctx);
    const w = { actor: 'cli:bench', operation: 'bench', requestId: null };

    await phase(db, '0. warm-up (plans cached, JIT), no watchlist', 'vessel:bench-vessel-two');
    await phase(db, '1. no watchlist', 'vessel:bench-vessel-one');
    // 1 000 watchlists on the demo graph's vessels, companies and persons, and a country nothing here reaches
    const ids = await db.read<{ id: string }>(
      'MATCH (n) WHERE n:Vessel OR n:Company OR n:Person RETURN n.id AS id LIMIT 1000',
    );
    for (let i = 0; i < 1000; i++) {
      const id = ids[i % ids.length].id;
      if (id.startsWith('vessel:bench')) continue;
      await createWatchlist(db, { name: `bench ${i}`, entityIds: [id], countries: ['JP'] }, w);
    }
    await phase(db, '2. 1 000 watchlists, none touched', 'vessel:bench-vessel-one');
    const watched = await createWatchlist(db, { name: 'bench watched', entityIds: ['vessel:bench-vessel-one'] }, w);
    await phase(db, '3. the legs\u2019 vessel watched (one alert per write)', 'vessel:bench-vessel-one');
    await lookupAlone(db);
    await alertLatency(db, watched.id);
  } finally {
    await db.close();
    await neo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
