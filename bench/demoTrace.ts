/**
 * The demo graph's trace from Nampho (issue 13 target: < 10 ms p50):
 * `node dist/bench/demoTrace.js --bolt bolt://127.0.0.1:7687 [--port 4340] [--samples 200] [--warmup <ms>]`.
 *
 * Against a running Neo4j (e.g. `npm run neo4j:start`, or a test instance: never the bench stores),
 * creates the constraints and indexes the service creates at its start (`migrate`: without them every
 * lookup of the trace is a label scan) and loads the demo graph (both idempotent), then times, after a
 * warm-up of both by time (`--warmup`, default 30000 ms: Neo4j's JVM compiles the statement's code over
 * tens of seconds — a freshly started Neo4j answered the demo trace in 12 ms at first, 3 ms warm:
 * docs/performance.md "Session demo10"): the engine called directly (`trace`, the
 * resolver's defaults: forward, coal, maxHops 4, limit 50), and the same trace through the service (its
 * own process, bench/serve.ts) as a client asks it (node:http kept alive, bench/httpClient.ts), with the
 * statements it sent — one of each a round, in turns (bench/sampling.ts).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createDriver, Database } from '../src/db/database';
import { trace } from '../src/db/trace';
import { DEMO_TRACE, DEMO_TRACE_QUERY } from './demoTraceQuery';
import { loadDemoData } from '../seed/load';
import { migrate } from '../src/db/upgrade/migrations';
import { closeClient, header, postJson } from './httpClient';
import { timeInterleaved, warmUp } from './sampling';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const bolt = arg('bolt', `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`);
const port = Number(arg('port', '4340'));
const samples = Number(arg('samples', '200'));
const warmupMs = Number(arg('warmup', '30000'));

const USAGE = `node dist/bench/demoTrace.js [--bolt <uri>] [--port <http port>] [--samples <n>] [--warmup <ms>]
  --bolt     a running Neo4j that may hold the demo graph (default bolt://127.0.0.1:$NEO4J_BOLT_PORT, else 7687)
  --port     the HTTP port of the service it starts (default 4340)
  --samples  samples of the engine and of the service, taken in turns (default 200)
  --warmup   warm-up of both before the samples, in ms (default 30000: Neo4j's JIT warms up over tens of seconds)
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(USAGE);
    return;
  }
  const driver = createDriver(bolt, 'neo4j', '', 10_000);
  const db = new Database(driver, { timeoutMs: 60_000 });
  await migrate(db);
  await loadDemoData(db);
  const q = DEMO_TRACE;
  const once = await trace(db, q);
  const shape = { routes: once!.routes.length, statements: once!.rounds + 1 };
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
    const res = await postJson(url, JSON.stringify({ query: DEMO_TRACE_QUERY }));
    statements = header(res, 'x-collier-statements');
    const body = JSON.parse(res.text) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const direct = () => trace(db, q);
  try {
    // both warmed up by time, then sampled in the same rounds (bench/sampling.ts)
    await warmUp(
      [
        { run: direct, min: 20, max: 5000 },
        { run: ask, min: 20, max: 5000 },
      ],
      warmupMs,
    );
    const [engine, service] = await timeInterleaved([
      { n: samples, run: direct },
      { n: samples, run: ask },
    ]);
    process.stdout.write(
      `${JSON.stringify({ bolt, samples, direct: shape, engine, service, serviceStatements: Number(statements), load: os.loadavg() }, null, 1)}\n`,
    );
  } finally {
    closeClient();
    proc.kill('SIGTERM');
    await driver.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
