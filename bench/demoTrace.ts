/**
 * The demo graph's trace from Nampho (issue 13 target: < 10 ms p50):
 * `node dist/bench/demoTrace.js --bolt bolt://127.0.0.1:7687 [--port 4340] [--samples 200]`.
 *
 * Against a running Neo4j (e.g. `npm run neo4j:start`, or a test instance: never the bench stores),
 * creates the constraints and indexes the service creates at its start (`migrate`: without them every
 * lookup of the trace is a label scan) and loads the demo graph (both idempotent), then times, sequentially after a warm-up: the engine called
 * directly (`trace`, the resolver's defaults: forward, coal, maxHops 4, limit 50), and the same trace
 * through the service (its own process, bench/serve.ts) as a client asks it, with the statements it sent.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { createDriver, Database } from '../src/db/database';
import { trace } from '../src/db/trace';
import { DEMO_TRACE, DEMO_TRACE_QUERY } from './demoTraceQuery';
import { loadDemoData } from '../seed/load';
import { migrate } from '../src/db/upgrade/migrations';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const bolt = arg('bolt', `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`);
const port = Number(arg('port', '4340'));
const samples = Number(arg('samples', '200'));

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99) };
}

async function timed(n: number, run: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return percentiles(ms);
}

async function main(): Promise<void> {
  const driver = createDriver(bolt, 'neo4j', '', 10_000);
  const db = new Database(driver, { timeoutMs: 60_000 });
  await migrate(db);
  await loadDemoData(db);
  const q = DEMO_TRACE;
  const once = await trace(db, q);
  const direct = { routes: once!.routes.length, statements: once!.rounds + 1 };
  for (let i = 0; i < 20; i++) await trace(db, q);
  const engine = await timed(samples, () => trace(db, q));

  const proc = spawn(process.execPath, [path.join(__dirname, 'serve.js'), 'collier', String(port), bolt], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    readline
      .createInterface({ input: proc.stdout })
      .on('line', (l) => l.startsWith('BENCH_SERVICE_READY') && resolve()),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  let statements: string | null = null;
  const ask = async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DEMO_TRACE_QUERY }),
    });
    statements = res.headers.get('x-collier-statements');
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  try {
    for (let i = 0; i < 20; i++) await ask();
    const service = await timed(samples, ask);
    process.stdout.write(
      `${JSON.stringify({ bolt, samples, direct, engine, service, serviceStatements: Number(statements) }, null, 1)}\n`,
    );
  } finally {
    proc.kill('SIGTERM');
    await driver.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
