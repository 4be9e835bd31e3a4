/**
 * `npm run bench [-- --size S|M|L] [--duration <s>] [--samples <n>] [--raw-samples <n>] [--no-profile] [--load-only]`
 * [--only <name part,…>] [--loader bulk|unwind] [--keep-csv] [--profile-js] [--warmup <ms>] [--warmup-requests <n>] [--raw-timeout <s>]
 * [--neo4j-warmup <s>] [--peer-rounds <n>]
 * (BENCH_BOLT_PORT overrides the Bolt port 7704,
 * BENCH_HTTP_PORT the first of the HTTP ports 4204–4209)
 * (`--profile-js`: a CPU profile of the service for each operation, summarised by bench/cpuProfile.ts)
 * (`--only recordLeg`: the recordLeg writes at the busiest port against a quiet one, bench/recordLeg.ts)
 * (`--neo4j-warmup <s>`: before any operation, the light operations in turns until Neo4j's JIT is quiet, at most
 * that long; default 60, 0: none; bench/neo4jWarmUp.ts)
 * (`--peer-rounds <n>`: Collier and @neo4j/graphql in n rounds of alternating throughput windows per concurrency;
 * default 5; bench/throughput.ts)
 * (`--raw-timeout <s>`: the budget of one raw baseline run, a Neo4j transaction timeout; default 300 s at S,
 * 600 s at M and L; a raw that hits it reads "> budget" and its ratio is an upper bound, bench/rawBudget.ts)
 *
 * Starts its own Neo4j (Bolt 7704, data folder .data/bench-<size>; never the demo database), loads the
 * synthetic world of that size if the folder does not hold it yet (size L, or `--loader bulk`: offline,
 * CSV files + neo4j-admin import before Neo4j starts; S and M by default through the batch writer), starts the services under test as
 * child processes (Collier; Collier with DataLoader batching off; @neo4j/graphql; a second Collier
 * replica), warms up (by time, `--warmup`), and measures the fixed mix of bench/ops.ts: latency percentiles (sequential
 * requests through node:http, GraphQL and raw Cypher in the same rounds: bench/sampling.ts), throughput at concurrency 1, 8 and 32 (autocannon), Cypher statements per request, and the
 * same answers by hand-written Cypher through the bare driver — each as a ratio. Then query plans
 * (PROFILE of every statement each operation sends), scale-out (two replicas against one) and memory.
 * Prints a table and writes bench/results.json.
 */
import 'reflect-metadata';
import { spawn, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { AddressInfo } from 'node:net';
import neo4j, { Driver } from 'neo4j-driver';
import { findRepoRoot } from '../src/db/runtime/build';
import { startLocalNeo4j, LocalNeo4j } from '../src/db/runtime/localNeo4j';
import { createDriver, Database, toPlain } from '../src/db/database';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createService } from '../src/server';
import { loadSynthetic, LoadReport, SyntheticMarker } from '../seed/synthetic/load';
import { BulkLoad, bulkImportSynthetic, finishBulkLoad } from '../seed/synthetic/bulk';
import { benchAnchors, planWorld } from '../seed/synthetic/generate';
import { DEFAULT_SEED, isSizeName, SizeName } from '../seed/synthetic/spec';
import { Anchors, NESTED_QUERY, nestedSummaryFromGraphql, operations } from './ops';
import { NESTED_BENCH_MAX_COST, PEER_NESTED_QUERY, SERVICE_NODE_FLAGS } from './serve';
import { ProfilingDatabase, RecordingDatabase, StatementProfile } from './profile';
import { CpuSummary, formatCpuSummary, summarizeCpuProfile, toggleCpuProfile } from './cpuProfile';
import { BENCH_WRITER_KEY_NAME, measureRecordLeg } from './recordLeg';
import { randomBytes } from 'node:crypto';
import { closeClient, header, postJson } from './httpClient';
import {
  Latency,
  latency,
  RatioInterval,
  ratioP50Interval,
  sampleInterleaved,
  taken,
  timeSequential,
  topUpWarmUp,
  warmUpPaced,
} from './sampling';
import { jvmCompilationMs, warmNeo4j } from './neo4jWarmUp';
import { load, Throughput, throughputInterleaved } from './throughput';
import {
  answersCompared,
  BoundedRaw,
  boundedFigures,
  DEFAULT_RAW_TIMEOUT_S,
  formatRatio,
  formatRaw,
} from './rawBudget';

const BOLT_PORT = Number(process.env.BENCH_BOLT_PORT ?? 7704);
/** The services' HTTP ports: BENCH_HTTP_PORT and the five above it (4204–4209 by default), so two benches can run side by side. */
const HTTP_BASE = Number(process.env.BENCH_HTTP_PORT ?? 4204);
const HTTP_PORTS = { collier: HTTP_BASE, nobatch: HTTP_BASE + 1, peer: HTTP_BASE + 2, replica: HTTP_BASE + 3 };
/** Memory of the benchmark's Neo4j per size (documented in bench/README.md). */
const NEO4J_MEMORY: Record<SizeName, { heap: string; pageCache: string }> = {
  S: { heap: '1g', pageCache: '512m' },
  M: { heap: '2g', pageCache: '2g' },
  L: { heap: '4g', pageCache: '6g' },
};

interface Args {
  size: SizeName;
  duration: number;
  samples: number;
  /** Samples of the raw (hand-written Cypher) baselines (`--raw-samples`, default `samples`; the exhaustive trace walks take minutes at M). */
  rawSamples: number | null;
  /** The budget of one raw run in seconds (`--raw-timeout`; a Neo4j transaction timeout; bench/rawBudget.ts). */
  rawTimeoutS: number;
  profile: boolean;
  loadOnly: boolean;
  keepCsv: boolean;
  loader: 'bulk' | 'unwind';
  /** A CPU profile of the service per operation (`--profile-js`, bench/cpuProfile.ts). */
  profileJs: boolean;
  /** Only the operations whose names contain one of these (comma-separated `--only`); results under `<size>-partial`. */
  only: string[] | null;
  /** Warm-up of each operation before its samples, in ms (`--warmup`, default 3000; bench/sampling.ts). */
  warmupMs: number;
  /**
   * Requests of the service's warm-up at least, where they take at most WARMUP_TOP_UP_MS more
   * (`--warmup-requests`, default 1000; 0: the time alone; bench/sampling.ts topUpWarmUp).
   */
  warmupRequests: number;
  /** The longest warm-up of Neo4j itself before the first operation, in s (`--neo4j-warmup`, default 60; 0: none). */
  neo4jWarmupS: number;
  /** Rounds of alternating Collier / peer throughput windows per concurrency (`--peer-rounds`, default 5; bench/throughput.ts). */
  peerRounds: number;
}

/** The longest a warm-up is topped up to `--warmup-requests` (a slow operation keeps its budget of time). */
const WARMUP_TOP_UP_MS = 120_000;
/** Neo4j's warm-up reads the JIT's pace over windows of this length, and stops when it is below the quiet pace. */
const NEO4J_WARMUP_WINDOW_MS = 5_000;
const NEO4J_QUIET_MS_PER_S = 100;

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = (get('size') ?? 'S').toUpperCase();
  if (!isSizeName(size)) throw new Error(`--size must be S, M or L (got ${size})`);
  const rawTimeout = get('raw-timeout');
  if (rawTimeout != null && !(Number(rawTimeout) > 0))
    throw new Error(`--raw-timeout must be a number of seconds (got ${rawTimeout})`);
  const peerRounds = Number(get('peer-rounds') ?? 5);
  if (!Number.isInteger(peerRounds) || peerRounds < 1)
    throw new Error(`--peer-rounds must be a whole number of rounds, 1 or more (got ${get('peer-rounds')})`);
  return {
    size,
    duration: Number(get('duration') ?? (size === 'S' ? 5 : 8)),
    samples: Number(get('samples') ?? (size === 'S' ? 40 : 25)),
    rawSamples: get('raw-samples') != null ? Number(get('raw-samples')) : null,
    rawTimeoutS: Number(get('raw-timeout') ?? DEFAULT_RAW_TIMEOUT_S[size]),
    profile: !argv.includes('--no-profile'),
    profileJs: argv.includes('--profile-js'),
    warmupMs: Number(get('warmup') ?? 3000),
    warmupRequests: Number(get('warmup-requests') ?? 1000),
    neo4jWarmupS: Number(get('neo4j-warmup') ?? 60),
    peerRounds,
    loadOnly: argv.includes('--load-only'),
    keepCsv: argv.includes('--keep-csv'),
    // How an absent size is loaded: `bulk` (CSV + neo4j-admin import, the default for L) or `unwind` (the batch writer).
    loader: (get('loader') ?? (size === 'L' ? 'bulk' : 'unwind')) as 'bulk' | 'unwind',
    only:
      get('only')
        ?.split(',')
        .map((x) => x.trim())
        .filter(Boolean) ?? null,
  };
}

const log = (msg: string, fields?: Record<string, unknown>) =>
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${msg}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`,
  );

/* ---------------------------------------------------------------------------------------------- */

interface GqlAnswer {
  data: any;
  errors?: unknown[];
  /** extensions.warnings codes (PATH_CAP_REACHED: the trace stopped at a safety cap). */
  warnings: string[];
  statements: number | null;
  bytes: number;
}

async function gql(url: string, query: string, variables: Record<string, unknown>): Promise<GqlAnswer> {
  const res = await postJson(url, JSON.stringify({ query, variables }));
  const body = JSON.parse(res.text) as {
    data?: any;
    errors?: unknown[];
    extensions?: { warnings?: { code: string }[] };
  };
  const statements = header(res, 'x-collier-statements');
  return {
    data: body.data,
    errors: body.errors,
    warnings: (body.extensions?.warnings ?? []).map((w) => w.code),
    statements: statements == null ? null : Number(statements),
    bytes: res.text.length,
  };
}

/** Waits until Neo4j runs nothing but this check (requests a load run left behind are finished), at most 3 minutes. */
async function quiesce(driver: Driver): Promise<void> {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    const { records } = await driver.executeQuery(
      'SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n',
      {},
      { routing: neo4j.routing.READ },
    );
    if (Number(records[0].get('n')) <= 1) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/* ---------------------------------------------------------------------------------------------- */

interface Child {
  proc: ChildProcess;
  url: string;
  port: number;
  maxRssMb: number;
  sampler?: NodeJS.Timeout;
}

function rssMb(pid: number | undefined): number {
  if (pid == null) return 0;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function startService(kind: string, port: number, uri: string, env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const script = path.join(__dirname, 'serve.js');
  // Collier's services as `npm start` runs the service (its Node flags); the peer with Node's defaults
  const flags = kind.startsWith('collier') ? SERVICE_NODE_FLAGS : [];
  const proc = spawn(process.execPath, [...flags, script, kind, String(port), uri], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const errors: string[] = [];
  proc.stderr.on('data', (c: Buffer) => errors.push(c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start: ${errors.join('')}`)), 120_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited (${code}): ${errors.join('')}`));
    });
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      if (line.startsWith('BENCH_SERVICE_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  proc.removeAllListeners('exit');
  const child: Child = { proc, port, url: `http://127.0.0.1:${port}/graphql`, maxRssMb: rssMb(proc.pid) };
  child.sampler = setInterval(() => (child.maxRssMb = Math.max(child.maxRssMb, rssMb(proc.pid))), 500);
  return child;
}

async function stopService(child: Child): Promise<void> {
  if (child.sampler) clearInterval(child.sampler);
  if (child.proc.exitCode != null) return;
  const exited = new Promise((resolve) => child.proc.once('exit', resolve));
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/* ---------------------------------------------------------------------------------------------- */

interface OpResult {
  name: string;
  skipped?: string;
  statements?: number | null;
  responseBytes?: number;
  answersMatch?: boolean | null;
  /** Why answersMatch is null where a raw exists: "not compared (raw timed out)", or the raw's `rawInexact` reason. */
  answersNote?: string;
  warnings?: string[];
  graphqlSummary?: unknown;
  rawSummary?: unknown;
  graphql?: Latency;
  raw?: Latency;
  /** The raw statement before session light8 (ids, lengths or counts only; bench/ops.ts `rawIdsOnly`), same rounds. */
  rawIdsOnly?: Latency;
  /** GraphQL p50 over rawIdsOnly p50: the ratio `ratioP50` was before session light8. */
  ratioIdsOnlyP50?: number | null;
  /** The statements the service sent for one request, sent again in order through the bare driver. */
  ownCypher?: Latency | null;
  /** Requests of the warm-up before the samples (`--warmup <ms>` of each side, bench/sampling.ts). */
  warmUp?: { graphql: number; raw: number; ms: number };
  ratioP50?: number | null;
  /** GraphQL p50 over ownCypher p50: what the GraphQL layer adds to the Cypher it runs. */
  ratioOwnP50?: number | null;
  ratioP95?: number | null;
  /**
   * How firm ratioP50 is: the middle 90 % of the p50 ratios of resampled blocks of the same rounds
   * (bench/sampling.ts ratioP50Interval); null with fewer than 5 raw samples or a raw that timed out.
   */
  ratioP50Interval?: RatioInterval | null;
  /** The GraphQL and raw samples round by round (ms; null: no sample that round), for recomputing the interval. */
  rounds?: { graphql: (number | null)[]; raw: (number | null)[] };
  /** What Neo4j's JIT compiled during the sampled rounds (ms of compilation, JMX; bench/neo4jWarmUp.ts). */
  neo4jCompilationMs?: number | null;
  /** The budget of one raw run (`--raw-timeout`), ms; bench/rawBudget.ts. */
  rawTimeoutMs?: number;
  /** The raw hit its budget (then it is not run again): `raw` counts that run as the budget. */
  rawTimedOut?: boolean;
  rawTimedOutRuns?: number;
  /** Every raw run of the operation in order (ms, a timed-out one as the budget; `sampled`: one of the measured rounds, else the warm-up or the answer check). */
  rawRuns?: { ms: number; timedOut: boolean; sampled: boolean }[];
  /** 'lower': that raw percentile is a timed-out run, the raw took more ("> budget"). */
  rawP50Bound?: 'lower' | null;
  rawP95Bound?: 'lower' | null;
  /** 'upper': ratioP50 (ratioP95) is over a raw lower bound, the true ratio is below it. */
  ratioP50Bound?: 'upper' | null;
  ratioP95Bound?: 'upper' | null;
  /** The same for rawIdsOnly. */
  rawIdsOnlyTimedOut?: boolean;
  ratioIdsOnlyP50Bound?: 'upper' | null;
  throughput?: Throughput[];
  profile?: StatementProfile[];
  note?: string;
  error?: string;
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a != null && b != null && b > 0 ? Math.round((a / b) * 100) / 100 : null;

async function queryFields(url: string): Promise<Set<string>> {
  const r = await gql(url, '{ __schema { queryType { fields { name } } } }', {});
  return new Set((r.data?.__schema?.queryType?.fields ?? []).map((f: { name: string }) => f.name));
}

async function neo4jMemory(driver: Driver, local: LocalNeo4j): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { javaRssMb: rssMb(local.pid) };
  try {
    const { records } = await driver.executeQuery(
      `CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes`,
      {},
      { routing: neo4j.routing.READ },
    );
    const heap =
      records[0]?.get<any>('attributes')?.HeapMemoryUsage?.value?.properties ??
      records[0]?.get<any>('attributes')?.HeapMemoryUsage?.value;
    if (heap) out.heapUsedMb = Math.round(Number(heap.used) / 1048576);
    if (heap) out.heapCommittedMb = Math.round(Number(heap.committed) / 1048576);
    if (heap) out.heapMaxMb = Math.round(Number(heap.max) / 1048576);
  } catch (error) {
    out.jmx = `unavailable: ${(error as Error).message.slice(0, 120)}`;
  }
  return out;
}

function dirSizeMb(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else total += fs.statSync(p).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return Math.round(total / 1048576);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = findRepoRoot();
  const dataDir = path.join(root, '.data', `bench-${args.size.toLowerCase()}`);
  const memory = NEO4J_MEMORY[args.size];
  if (args.loader !== 'bulk' && args.loader !== 'unwind')
    throw new Error(`--loader must be bulk or unwind (got ${String(args.loader)})`);
  // The bulk loader writes a new store offline, before Neo4j starts; only into a folder that holds none.
  let bulk: BulkLoad | null = null;
  if (args.loader === 'bulk' && !fs.existsSync(path.join(dataDir, 'data', 'databases', 'neo4j'))) {
    log('bulk load', { size: args.size, dataDir });
    bulk = await bulkImportSynthetic(
      planWorld(args.size, DEFAULT_SEED),
      args.size,
      DEFAULT_SEED,
      dataDir,
      `${dataDir}-csv`,
      (event, fields) => log(event, fields),
    );
    if (!args.keepCsv) fs.rmSync(`${dataDir}-csv`, { recursive: true, force: true });
  }
  log('starting Neo4j', { boltPort: BOLT_PORT, dataDir, ...memory });
  const local = await startLocalNeo4j({
    boltPort: BOLT_PORT,
    dataDir,
    heap: memory.heap,
    pageCache: memory.pageCache,
    txTimeoutSeconds: 1800,
    startTimeoutMs: 600_000,
  });
  const children: Child[] = [];
  // Ctrl-C or a timeout: stop what this run started (services, then Neo4j), then leave.
  const onSignal = () => {
    void Promise.all(children.map((c) => stopService(c).catch(() => undefined)))
      .then(() => local.stop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const driver = createDriver(local.uri, 'neo4j', '', 10_000);
  const db = new Database(driver, { timeoutMs: 900_000 });
  const results: Record<string, unknown> = {
    size: args.size,
    seed: DEFAULT_SEED,
    startedAt: new Date().toISOString(),
    settings: { ...args, boltPort: BOLT_PORT, neo4j: memory },
  };
  try {
    /* Data */
    const bulkReport = bulk ? await finishBulkLoad(db, bulk, (event, fields) => log(event, fields)) : undefined;
    const loaded = await loadSynthetic(db, args.size, { log: (event, fields) => log(event, fields) });
    const marker: SyntheticMarker = loaded.marker;
    const report: LoadReport | undefined = bulkReport ?? loaded.report;
    results.dataset = {
      marker,
      loadedNow: loaded.loaded || bulk != null,
      report,
      storeMb: dirSizeMb(path.join(dataDir, 'data')),
    };
    log('dataset', { ...marker, loadedNow: loaded.loaded || bulk != null });
    // What the trace stores: documented NEXT links only (inferred ones are found when a trace asks, through
    // the departure index keys on FROM/TO, which add no relationship).
    const [stored] = await db.read<{ legs: number; next: number; inferred: number; rels: number }>(
      `CALL () { MATCH (l:Leg) RETURN count(l) AS legs }
       CALL () { MATCH (:Leg)-[n:NEXT]->(:Leg) RETURN count(n) AS next, count(CASE WHEN n.kind = 'INFERRED' THEN 1 END) AS inferred }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
       RETURN legs, next, inferred, rels`,
    );
    (results.dataset as Record<string, unknown>).traceStorage = {
      ...stored,
      traceStructuresPerLeg: Math.round((stored.next / Math.max(1, stored.legs)) * 1000) / 1000,
      relationshipsPerLeg: Math.round((stored.rels / Math.max(1, stored.legs)) * 100) / 100,
    };
    log('trace storage', (results.dataset as Record<string, unknown>).traceStorage as Record<string, unknown>);
    if (args.loadOnly) {
      if (report) writeResults(root, `load-${args.size}`, results.dataset as Record<string, unknown>);
      return;
    }
    const anchors: Anchors = benchAnchors(planWorld(args.size, DEFAULT_SEED));
    results.anchors = anchors;

    /* Services */
    // an editor key for this run only, for the recordLeg measurement
    const writerKey = randomBytes(24).toString('hex');
    process.env.BENCH_API_KEYS = `editor:${BENCH_WRITER_KEY_NAME}:${writerKey}`;
    const collier = await startService('collier', HTTP_PORTS.collier, local.uri);
    children.push(collier);
    const nobatch = await startService('collier-nobatch', HTTP_PORTS.nobatch, local.uri);
    children.push(nobatch);
    const fields = await queryFields(collier.url);
    // An in-process service over a recording Database: the statements one request sends, for ownCypher
    const recording = new RecordingDatabase(driver, { timeoutMs: 900_000 });
    const recorder = await createService({
      config: loadConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        GRAPHQL_MAX_COST: String(NESTED_BENCH_MAX_COST),
        GRAPHQL_MAX_RESPONSE_OBJECTS: String(NESTED_BENCH_MAX_COST),
      }),
      db: recording,
      logger: createLogger('silent'),
    });
    await new Promise<void>((resolve) => recorder.httpServer.listen(0, '127.0.0.1', resolve));
    const recorderUrl = `http://127.0.0.1:${(recorder.httpServer.address() as AddressInfo).port}/graphql`;
    const ops = operations(anchors);
    const opResults: OpResult[] = [];
    const selected = (name: string) => !args.only || args.only.some((o) => name.includes(o));

    /* Neo4j itself warmed before any operation is measured (bench/neo4jWarmUp.ts) */
    if (args.neo4jWarmupS > 0) {
      // the light operations of the run (a second run of each side under a second), GraphQL and raw in
      // turns; a raw's first run (its plan compiled by a cold JVM) is stopped by Neo4j after 10 s, the
      // next after 2 s, so that an exhaustive walk of minutes is not waited for
      const sides: (() => Promise<unknown>)[] = [];
      const warmedOps: string[] = [];
      for (const op of ops) {
        if (!selected(op.name) || op.needs.some((f) => !fields.has(f))) continue;
        const ask = () => gql(collier.url, op.query, op.variables);
        const raw = op.raw ? () => op.raw!(driver, 2_000) : null;
        try {
          const light = async (run: () => Promise<unknown>) => {
            await (run === raw ? op.raw!(driver, 10_000) : run());
            return (await timeSequential(1, run)).p50 < 1000;
          };
          if ((await light(ask)) && (!raw || (await light(raw)))) {
            sides.push(ask, ...(raw ? [raw] : []));
            warmedOps.push(op.name);
          }
        } catch {
          // a raw over its 2 s (or failing) is left to the operation's own measurement
        }
      }
      log('warming Neo4j', { operations: warmedOps, capS: args.neo4jWarmupS });
      results.neo4jWarmUp = {
        operations: warmedOps,
        ...(await warmNeo4j(sides, () => jvmCompilationMs(driver), {
          capMs: args.neo4jWarmupS * 1000,
          windowMs: NEO4J_WARMUP_WINDOW_MS,
          quietMsPerS: NEO4J_QUIET_MS_PER_S,
          onWindow: (rate, ms) => log('Neo4j JIT', { compilationMsPerS: rate, afterS: Math.round(ms / 1000) }),
        })),
      };
      log('Neo4j warmed', results.neo4jWarmUp as Record<string, unknown>);
    }

    for (const op of ops) {
      if (!selected(op.name)) continue;
      const missing = op.needs.filter((f) => !fields.has(f));
      if (missing.length > 0) {
        log(`skipping ${op.name}: the schema has no ${missing.join(', ')} yet`);
        opResults.push({ name: op.name, skipped: `schema has no ${missing.join(', ')}` });
        continue;
      }
      const r: OpResult = { name: op.name, note: op.note };
      opResults.push(r);
      try {
        log(`measuring ${op.name}`);
        const ask = () => gql(collier.url, op.query, op.variables);
        // Each raw run under the budget (a Neo4j transaction timeout): one that hits it is not run again
        const budgetMs = args.rawTimeoutS * 1000;
        const raw = op.raw ? new BoundedRaw(budgetMs, (t) => op.raw!(driver, t)) : null;
        const idsOnly = op.rawIdsOnly ? new BoundedRaw(budgetMs, (t) => op.rawIdsOnly!(driver, t)) : null;
        // Warm up both paths (plans cached, pages in memory, the service's code optimised): by time, so
        // that a request of a few ms runs hundreds of times and a raw baseline of seconds only twice.
        const rawWarm = Math.min(2, args.rawSamples ?? 2);
        const warmSides = [
          { run: ask, min: 2, max: 1000 },
          ...(raw && rawWarm > 0 ? [{ run: () => raw.run(), min: rawWarm, max: 1000 }] : []),
          ...(idsOnly && rawWarm > 0 ? [{ run: () => idsOnly.run(), min: rawWarm, max: 1000 }] : []),
        ];
        const warmStart = performance.now();
        const paced = await warmUpPaced(warmSides, args.warmupMs);
        const warmed = paced.ran;
        // a fast request also runs until the service's code is optimised (every side in the same turns);
        // not an operation whose warm-up turns say the rest would not fit (a raw of minutes runs no more);
        // the pace of the turns after the cold runs (a plan compiled on a cold Neo4j is not the pace)
        const turnMs = paced.turnMs ?? (performance.now() - warmStart) / Math.max(1, warmed[0]);
        const fits = turnMs * Math.max(0, args.warmupRequests - warmed[0]) <= WARMUP_TOP_UP_MS;
        const toppedUp = fits
          ? await topUpWarmUp(warmSides, warmed, args.warmupRequests, WARMUP_TOP_UP_MS)
          : warmSides.map(() => 0);
        toppedUp.forEach((n, k) => (warmed[k] += n));
        const rawWarmRuns = raw?.runs.length ?? 0;
        const answer = await ask();
        if (answer.errors) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors).slice(0, 400)}`);
        r.statements = answer.statements;
        r.warnings = answer.warnings;
        r.responseBytes = answer.bytes;
        if (op.summarize) r.graphqlSummary = op.summarize(answer.data);
        // the raw's answer: from its warm-up (the same statement), or one run now
        if (raw && !raw.answered && !raw.timedOut) await raw.run();
        if (raw?.answered) r.rawSummary = raw.answer;
        Object.assign(r, answersCompared(op.summarize ? r.graphqlSummary : undefined, raw));
        // answers that differ because the raw's is not exact this time (a cap it met) are not compared
        const inexact = r.answersMatch === false && op.rawInexact ? await op.rawInexact(driver, budgetMs) : null;
        if (inexact) Object.assign(r, { answersMatch: null, answersNote: inexact });
        // The statements the service sent for one request (ownCypher), sent again one after the other
        // through the bare driver (a request may overlap some): an upper bound of the Cypher's time.
        recording.take();
        const sent = await gql(recorderUrl, op.query, op.variables);
        const own = recording.take();
        const runOwn =
          sent.statements === own.length
            ? async () => {
                for (const s of own)
                  (await driver.executeQuery(s.cypher, s.params, { routing: neo4j.routing.READ })).records.map((x) =>
                    toPlain(x.toObject()),
                  );
              }
            : null;
        // Slow operations (seconds a request) get fewer samples and no concurrency-32 run: the figures
        // they would add are the same saturation, at the cost of minutes.
        const probe = await timeSequential(2, ask);
        const slow = probe.mean > 1500;
        const samples = slow ? Math.min(args.samples, 6) : args.samples;
        // GraphQL, raw and own Cypher in the same rounds (bench/sampling.ts), so the minute's load lands on
        // all three; a raw that timed out does nothing in its turns (its figure: "> budget")
        const rawFrom = raw?.runs.length ?? 0;
        const idsFrom = idsOnly?.runs.length ?? 0;
        const rawN = (b: BoundedRaw<unknown> | null) => (b && !b.timedOut ? (args.rawSamples ?? samples) : 0);
        const compiledBefore = await jvmCompilationMs(driver);
        const rounds = await sampleInterleaved([
          { n: samples, run: ask },
          { n: rawN(raw), run: () => raw!.run() },
          { n: runOwn ? samples : 0, run: runOwn ?? (() => Promise.resolve()) },
          { n: rawN(idsOnly), run: () => idsOnly!.run() },
        ]);
        const compiledAfter = await jvmCompilationMs(driver);
        r.neo4jCompilationMs =
          compiledBefore != null && compiledAfter != null ? Math.round(compiledAfter - compiledBefore) : null;
        r.graphql = latency(taken(rounds[0]));
        const ms2 = (xs: (number | null)[]) => xs.map((x) => (x == null ? null : Math.round(x * 100) / 100));
        const ownCypher = taken(rounds[2]).length > 0 ? latency(taken(rounds[2])) : null;
        if (raw) {
          const f = boundedFigures(r.graphql, raw.runs.slice(rawFrom), raw.runs, budgetMs);
          if (f.raw) r.raw = f.raw;
          r.ratioP50 = f.ratioP50;
          // the raw's own timings (those of ratioP50) in the rounds it ran
          const rawMs = raw.runs.slice(rawFrom).map((x) => x.ms);
          let m = 0;
          const rawRounds = rounds[1].map((x) => (x == null ? null : (rawMs[m++] ?? null)));
          r.ratioP50Interval = f.rawTimedOut ? null : ratioP50Interval(rounds[0], rawRounds);
          r.rounds = { graphql: ms2(rounds[0]), raw: ms2(rawRounds) };
          r.ratioP95 = f.ratioP95;
          r.rawTimeoutMs = budgetMs;
          r.rawTimedOut = f.rawTimedOut;
          r.rawTimedOutRuns = f.rawTimedOutRuns;
          r.rawRuns = raw.runs.map((x, i) => ({ ms: Math.round(x.ms), timedOut: x.timedOut, sampled: i >= rawFrom }));
          r.rawP50Bound = f.rawP50Bound;
          r.rawP95Bound = f.rawP95Bound;
          r.ratioP50Bound = f.ratioP50Bound;
          r.ratioP95Bound = f.ratioP95Bound;
        } else {
          r.ratioP50 = null;
          r.ratioP95 = null;
        }
        if (idsOnly) {
          const f = boundedFigures(r.graphql, idsOnly.runs.slice(idsFrom), idsOnly.runs, budgetMs);
          if (f.raw) r.rawIdsOnly = f.raw;
          r.ratioIdsOnlyP50 = f.ratioP50;
          r.rawIdsOnlyTimedOut = f.rawTimedOut;
          r.ratioIdsOnlyP50Bound = f.ratioP50Bound;
        }
        r.ownCypher = ownCypher;
        r.ratioOwnP50 = ratio(r.graphql.p50, r.ownCypher?.p50);
        r.warmUp = { graphql: warmed[0], raw: rawWarmRuns, ms: args.warmupMs };
        r.throughput = [];
        for (const c of slow ? [1, 8] : [1, 8, 32]) {
          r.throughput.push(
            await load(
              [collier.url],
              c,
              slow ? Math.max(args.duration, Math.ceil((3 * probe.mean) / 1000)) : args.duration,
              op.query,
              op.variables,
            ),
          );
          await quiesce(driver);
        }
        log(`done ${op.name}`, {
          statements: r.statements,
          p50: r.graphql.p50,
          rawP50: r.raw?.p50,
          ratioP50: r.ratioP50,
          ratioP50Interval: r.ratioP50Interval && `${r.ratioP50Interval.low}–${r.ratioP50Interval.high}`,
          neo4jCompilationMs: r.neo4jCompilationMs,
          ...(r.rawTimedOut ? { rawTimedOut: true, rawTimeoutMs: r.rawTimeoutMs, ratioP50Bound: r.ratioP50Bound } : {}),
          rawIdsOnlyP50: r.rawIdsOnly?.p50,
          ratioIdsOnlyP50: r.ratioIdsOnlyP50,
          ownCypherP50: r.ownCypher?.p50,
          ratioOwnP50: r.ratioOwnP50,
          rps8: r.throughput[1]?.requestsPerSecond,
          match: r.answersNote ?? r.answersMatch,
        });
      } catch (error) {
        r.error = (error as Error).message;
        log(`failed ${op.name}`, { error: r.error });
      }
    }
    results.operations = opResults;
    await recorder.apollo.stop();

    /* Where the service's time goes: a CPU profile per operation (`--profile-js`) */
    if (args.profileJs) {
      const file = path.join(benchOutputDir(root), 'cpu.cpuprofile');
      const profiled = await startService('collier', HTTP_PORTS.replica + 2, local.uri, { BENCH_CPU_PROFILE: file });
      children.push(profiled);
      const summaries: Record<string, CpuSummary> = {};
      for (const op of ops) {
        if (!opResults.find((r) => r.name === op.name && r.graphql)) continue;
        for (let i = 0; i < 3; i++) await gql(profiled.url, op.query, op.variables);
        await toggleCpuProfile(profiled.proc.pid!, file, false);
        const n = Math.max(5, Math.min(args.samples, opResults.find((r) => r.name === op.name)!.graphql!.n));
        for (let i = 0; i < n; i++) await gql(profiled.url, op.query, op.variables);
        const profile = await toggleCpuProfile(profiled.proc.pid!, file, true);
        summaries[op.name] = summarizeCpuProfile(profile!, n);
        // kept for a closer look (git-ignored): `node dist/bench/cpuProfile.js <file> <requests> top`
        fs.copyFileSync(
          file,
          path.join(benchOutputDir(root), `cpu-${op.name.replace(/[^A-Za-z0-9]+/g, '-')}.cpuprofile`),
        );
        process.stderr.write(`${formatCpuSummary(`CPU profile of ${op.name}`, summaries[op.name])}\n`);
      }
      results.jsProfile = summaries;
      await stopService(profiled);
    }

    /* recordLeg at the busiest port against a quiet one (issue 13 target: p50 within 3×) */
    if (!args.only || args.only.some((o) => 'recordLeg'.includes(o))) {
      log('measuring recordLeg at the busiest port and at a quiet one');
      try {
        const writes = await measureRecordLeg(collier.url, writerKey, driver, db, anchors.vesselId, args.samples);
        results.recordLeg = writes;
        log('recordLeg', writes as unknown as Record<string, unknown>);
        if (writes.nextLinksAfter !== writes.nextLinksBefore)
          log('WARNING: the NEXT links after the recordLeg writes differ from before', {
            before: writes.nextLinksBefore,
            after: writes.nextLinksAfter,
          });
      } catch (error) {
        results.recordLeg = { error: (error as Error).message };
        log('failed recordLeg', { error: (error as Error).message });
      }
    }

    /* Statements per request against result size */
    const growth: Record<string, unknown>[] = [];
    for (const first of [5, 20, 50, 100]) {
      const a = await gql(collier.url, NESTED_QUERY, { first });
      growth.push({
        operation: `nested first ${first}`,
        statements: a.statements,
        ...(a.data ? nestedSummaryFromGraphql(a.data) : {}),
        bytes: a.bytes,
      });
    }
    for (const op of opResults.filter((o) => o.name.startsWith('traceCargo') && o.statements != null)) {
      growth.push({
        operation: op.name,
        statements: op.statements,
        result: op.graphqlSummary && (op.graphqlSummary as { routes: number }).routes,
        bytes: op.responseBytes,
      });
    }
    results.statementsVsResultSize = growth;
    // The trace walks one statement per round: a start, then about one round per hop (a round reads up
    // to 1,000 legs; a hop whose routes end at more legs than that takes a second). The bench asserts
    // 2 × (hops + 1), and reports whether a trace of the mix stopped at a cap.
    const traceChecks = opResults
      .filter((o) => o.name.startsWith('traceCargo') && o.statements != null)
      .map((o) => {
        const hops = Number(o.name.replace(/\D+/g, ''));
        return {
          operation: o.name,
          statements: o.statements,
          bound: 2 * (hops + 1),
          bounded: (o.statements ?? 0) <= 2 * (hops + 1),
          capped: (o.warnings ?? []).includes('PATH_CAP_REACHED'),
        };
      });
    results.traceChecks = traceChecks;
    log('trace checks', { traceChecks });
    for (const c of traceChecks)
      if (!c.bounded) {
        log(`ASSERTION FAILED: ${c.operation} sent ${c.statements} statements, over its bound ${c.bound}`);
        process.exitCode = 1;
      }

    /* N+1 baseline: nested with DataLoader batching off */
    const nested = opResults.find((o) => o.name.startsWith('nested') && o.graphql);
    const full = !args.only || nested != null;
    if (full) {
      log('measuring nested without DataLoader batching');
      await gql(nobatch.url, NESTED_QUERY, { first: 50 });
      const a = await gql(nobatch.url, NESTED_QUERY, { first: 50 });
      const lat = await timeSequential(Math.max(5, Math.round(args.samples / 3)), () =>
        gql(nobatch.url, NESTED_QUERY, { first: 50 }),
      );
      const tp = [await load([nobatch.url], 8, args.duration, NESTED_QUERY, { first: 50 })];
      await quiesce(driver);
      results.nPlusOne = {
        statements: a.statements,
        summary: a.data ? nestedSummaryFromGraphql(a.data) : a.errors,
        latency: lat,
        throughput: tp,
        statementsRatio: ratio(a.statements ?? undefined, nested?.statements ?? undefined),
        latencyRatioP50: ratio(lat.p50, nested?.graphql?.p50),
        throughputRatioC8: ratio(nested?.throughput?.[1]?.requestsPerSecond, tp[0].requestsPerSecond),
      };
      log('N+1 baseline', results.nPlusOne as Record<string, unknown>);
    }
    await stopService(nobatch);

    /* The peer: @neo4j/graphql over the same database */
    if (full) {
      log('measuring @neo4j/graphql');
      const peer = await startService('peer', HTTP_PORTS.peer, local.uri);
      children.push(peer);
      for (let i = 0; i < 3; i++) await gql(peer.url, PEER_NESTED_QUERY, { first: 50 });
      const a = await gql(peer.url, PEER_NESTED_QUERY, { first: 50 });
      const summary = a.data
        ? {
            vessels: a.data.vessels.length,
            legs: a.data.vessels.reduce(
              (s: number, v: any) =>
                s +
                v.owners.reduce(
                  (t: number, o: any) => t + o.holdings.reduce((u: number, h: any) => u + h.legs.length, 0),
                  0,
                ),
              0,
            ),
          }
        : a.errors;
      const lat = await timeSequential(args.samples, () => gql(peer.url, PEER_NESTED_QUERY, { first: 50 }));
      // The throughput comparison: Collier and the peer in alternating windows at each concurrency
      // (bench/throughput.ts: both meet the same minutes of the machine), after a window that warms the
      // peer as Collier's operation turn warmed Collier; the ratio is that of the two medians.
      await load([peer.url], 8, args.duration, PEER_NESTED_QUERY, { first: 50 });
      await quiesce(driver);
      const compared = await throughputInterleaved(
        [
          { url: collier.url, query: NESTED_QUERY, variables: { first: 50 } },
          { url: peer.url, query: PEER_NESTED_QUERY, variables: { first: 50 } },
        ],
        [1, 8, 32],
        args.peerRounds,
        args.duration,
        () => quiesce(driver),
      );
      const tp: Throughput[] = compared.map((c) => c.sides[1].median);
      results.peer = {
        library: '@neo4j/graphql 7',
        statements: 1,
        summary,
        answersMatch: JSON.stringify(summary) === JSON.stringify(nested?.graphqlSummary),
        latency: lat,
        throughput: tp,
        rssMb: peer.maxRssMb,
        throughputRatio: compared.map((c) => ({
          connections: c.connections,
          collierOverPeer: ratio(c.sides[0].median.requestsPerSecond, c.sides[1].median.requestsPerSecond),
          collierRequestsPerSecond: c.sides[0].median.requestsPerSecond,
          peerRequestsPerSecond: c.sides[1].median.requestsPerSecond,
        })),
        throughputMethod: `${args.peerRounds} rounds of alternating ${args.duration}-s windows per concurrency (Collier first in even rounds, the peer in odd ones); the ratio of the medians`,
        throughputWindows: compared.map((c) => ({
          connections: c.connections,
          collier: c.sides[0].windows.map((w) => w.requestsPerSecond),
          peer: c.sides[1].windows.map((w) => w.requestsPerSecond),
        })),
        // Collier's windows in its operation's turn (minutes before the peer's) over the peer's medians: the
        // way this bench compared them before the interleaved windows
        collierOverPeerSeparateWindows: tp.map((t, i) => ({
          connections: t.connections,
          collierOverPeer: ratio(nested?.throughput?.[i]?.requestsPerSecond, t.requestsPerSecond),
        })),
        latencyRatioP50: ratio(nested?.graphql?.p50, lat.p50),
      };
      log('peer', results.peer as Record<string, unknown>);
      await stopService(peer);
    }

    /* Scale-out: two replicas behind a (client-side) balancer against one */
    {
      log('measuring scale-out');
      const replica = await startService('collier', HTTP_PORTS.replica, local.uri);
      children.push(replica);
      const scale: Record<string, unknown>[] = [];
      for (const op of ops.filter(
        (o) =>
          ['traceCargo maxHops 2', 'paths k 3', 'neighborhood depth 1'].includes(o.name) || o.name.startsWith('nested'),
      )) {
        if (!opResults.find((r) => r.name === op.name && r.graphql)) continue;
        await gql(replica.url, op.query, op.variables);
        const one = await load([collier.url], 32, args.duration, op.query, op.variables);
        await quiesce(driver);
        const two = await load([collier.url, replica.url], 32, args.duration, op.query, op.variables);
        await quiesce(driver);
        scale.push({
          operation: op.name,
          oneReplica: one,
          twoReplicas: two,
          ratio: ratio(two.requestsPerSecond, one.requestsPerSecond),
        });
      }
      results.scaleOut = {
        note: 'both replicas and Neo4j share one 2-core machine',
        runs: scale,
        replicaRssMb: replica.maxRssMb,
      };
      log('scale-out', { runs: scale.map((s) => ({ op: s.operation, ratio: s.ratio })) });
      await stopService(replica);
    }

    results.memory = {
      collierServiceMaxRssMb: collier.maxRssMb,
      neo4j: await neo4jMemory(driver, local),
      neo4jSettings: { heap: memory.heap, pageCache: memory.pageCache, storeMb: dirSizeMb(path.join(dataDir, 'data')) },
    };

    /* Query plans */
    if (args.profile) {
      log('profiling');
      const pdb = new ProfilingDatabase(driver, { timeoutMs: 900_000 });
      const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
      const service = await createService({ config, db: pdb, logger: createLogger('silent') });
      await new Promise<void>((resolve) => service.httpServer.listen(HTTP_PORTS.replica + 1, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(service.httpServer.address() as AddressInfo).port}/graphql`;
      try {
        for (const op of ops) {
          const r = opResults.find((x) => x.name === op.name);
          if (!r || r.skipped || r.error) continue;
          pdb.take();
          await gql(url, op.query, op.variables);
          r.profile = pdb.take();
        }
      } finally {
        await service.apollo.stop();
      }
    }

    results.finishedAt = new Date().toISOString();
    const out = writeResults(root, args.only ? `${args.size}-partial` : args.size, results);
    printTable(results, opResults);
    log(`results written to ${out}`);
  } finally {
    closeClient();
    for (const c of children) await stopService(c).catch(() => undefined);
    await db.close().catch(() => undefined);
    await local.stop();
  }
}

/**
 * Where the bench writes its results and profiles: `<root>/bench`, created when the build it runs from
 * has none (a copy of `dist/` with its package.json and neo4j/, as a frozen build for an A/B).
 */
function benchOutputDir(root: string): string {
  const dir = path.join(root, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Merges one entry into bench/results.json (git-ignored), keyed by size. */
function writeResults(root: string, key: string, value: Record<string, unknown>): string {
  const out = path.join(benchOutputDir(root), 'results.json');
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    all = {};
  }
  all[key] = value;
  fs.writeFileSync(out, `${JSON.stringify(all, null, 2)}\n`);
  return out;
}

function printTable(results: Record<string, any>, ops: OpResult[]): void {
  const lines: string[] = [];
  const d = results.dataset;
  lines.push(
    `\nCollier bench — size ${results.size} (seed ${results.seed}); dataset: ${d.marker.nodes} nodes, ${d.marker.relationships} relationships + ${d.marker.nextLinks} NEXT, loaded in ${d.marker.loadSeconds}s (NEXT ${d.marker.nextSeconds}s); store ${d.storeMb} MB`,
  );
  if (d.traceStorage)
    lines.push(
      `trace storage: ${d.traceStorage.traceStructuresPerLeg} stored trace structures (NEXT) per leg (${d.traceStorage.next} for ${d.traceStorage.legs} legs, ${d.traceStorage.inferred} inferred); ${d.traceStorage.relationshipsPerLeg} relationships per leg in all`,
    );
  if (results.traceChecks)
    lines.push(
      `trace statements (bound 2 × (hops + 1)) and caps: ${results.traceChecks.map((c: any) => `${c.operation}: ${c.statements}/${c.bound}${c.capped ? ' CAPPED' : ''}`).join('; ')}`,
    );
  const w = results.neo4jWarmUp;
  if (w)
    lines.push(
      `Neo4j warmed ${Math.round(w.ms / 1000)} s first (${w.turns} turns of the light operations; JIT ${w.quiet ? 'quiet' : 'still compiling'}: ${w.lastRateMsPerS ?? '?'} ms of compilation a second at the end)`,
    );
  const head = [
    'operation',
    'stmts',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'raw p50',
    'raw p95',
    'GQL/raw p50',
    'GQL/raw p50 90% interval',
    'p95',
    'ids-only raw p50',
    'own Cypher p50',
    'GQL/own p50',
    'rps c1',
    'rps c8',
    'rps c32',
    'same answer',
  ];
  const rows = ops.map((o) =>
    o.skipped
      ? [o.name, `skipped: ${o.skipped}`]
      : o.error
        ? [o.name, `error: ${o.error.slice(0, 80)}`]
        : [
            o.name,
            String(o.statements ?? '?'),
            String(o.graphql?.p50),
            String(o.graphql?.p95),
            String(o.graphql?.p99),
            formatRaw(o.raw?.p50, o.rawP50Bound),
            formatRaw(o.raw?.p95, o.rawP95Bound),
            formatRatio(o.ratioP50, o.ratioP50Bound, o.raw?.p50),
            o.ratioP50Interval ? `${o.ratioP50Interval.low}–${o.ratioP50Interval.high}` : '-',
            formatRatio(o.ratioP95, o.ratioP95Bound, o.raw?.p95),
            String(o.rawIdsOnly?.p50 ?? '-'),
            String(o.ownCypher?.p50 ?? '-'),
            String(o.ratioOwnP50 ?? '-'),
            ...[1, 8, 32].map((c) => String(o.throughput?.find((t) => t.connections === c)?.requestsPerSecond ?? '-')),
            o.answersNote ?? (o.answersMatch == null ? '-' : o.answersMatch ? 'yes' : 'NO'),
          ],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  lines.push(head.map((h, i) => h.padEnd(widths[i])).join(' | '));
  for (const r of rows)
    lines.push(r.map((c, i) => (i === r.length - 1 && r.length === 2 ? c : c.padEnd(widths[i]))).join(' | '));
  if (results.nPlusOne)
    lines.push(
      `N+1 baseline (DataLoader off): ${results.nPlusOne.statements} statements, p50 ${results.nPlusOne.latency.p50} ms; batching is ${results.nPlusOne.latencyRatioP50}× faster (p50), ${results.nPlusOne.throughputRatioC8}× the throughput at c8`,
    );
  if (results.peer)
    lines.push(
      `@neo4j/graphql peer (nested): p50 ${results.peer.latency.p50} ms; Collier/peer throughput (medians of alternating windows) ${results.peer.throughputRatio.map((t: any) => `c${t.connections} ${t.collierOverPeer}× (${t.collierRequestsPerSecond} / ${t.peerRequestsPerSecond} req/s)`).join(', ')}; same answer: ${results.peer.answersMatch}`,
    );
  if (results.scaleOut)
    for (const s of results.scaleOut.runs)
      lines.push(
        `scale-out ${s.operation}: 1 replica ${s.oneReplica.requestsPerSecond} rps, 2 replicas ${s.twoReplicas.requestsPerSecond} rps (×${s.ratio})`,
      );
  if (results.memory)
    lines.push(
      `memory: Collier RSS max ${results.memory.collierServiceMaxRssMb} MB; Neo4j ${JSON.stringify(results.memory.neo4j)}; settings ${JSON.stringify(results.memory.neo4jSettings)}`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
