/**
 * `npm run load [-- --seconds 60 --connections 8 --reads-only]`: a soak test on loopback. Starts its
 * own Neo4j and the service as a separate process (ports 7710 and 4310, data in a fresh
 * .data/load-<bolt port> — never the demo database), then drives a mixed workload with autocannon:
 * ten read operations and three writes through an editor API key (a new synthetic vessel each time,
 * an update of one synthetic vessel each time, and an idempotent source). Reports throughput,
 * p50/p90/p99 latency, errors (HTTP and GraphQL), and the service's RSS at the start, middle and end,
 * sampled every 10 s in between. Exits non-zero if any request failed. A benchmark, not a test: it
 * prints what it measured.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';

const root = path.resolve(__dirname, '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 60);
const connections = arg('connections', 8);
const httpPort = arg('port', 4310);
const boltPort = arg('bolt-port', 7710);
/** `--reads-only`: leave the writes out (to see what they cost). */
const readsOnly = process.argv.includes('--reads-only');
/** Fresh for every run, so that figures do not depend on what earlier runs wrote. */
const dataDir = path.join('.data', `load-${boltPort}`);
const EDITOR_KEY = 'load-test-editor-key-0123456789abcdef';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

let stopping = false;

function startService(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      GRAPHQL_INTROSPECTION: 'true', // to discover which mutations the schema offers
      PORT: String(httpPort),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_DATA_DIR: dataDir,
      COLLIER_API_KEYS: `editor:load:${EDITOR_KEY}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
  readline.createInterface({ input: child.stderr }).on('line', (l) => lines.push(l));
  const url = `http://127.0.0.1:${httpPort}`;
  return new Promise((resolve, reject) => {
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`service exited (${code}):\n${lines.join('\n')}`));
    });
    const until = Date.now() + 180_000;
    const poll = async () => {
      if (exited) return;
      try {
        if ((await fetch(`${url}/readyz`)).status === 200) {
          child.once('exit', (code) => {
            if (stopping) return;
            process.stderr.write(
              `load: the service exited (${code}) during the run:\n${lines.slice(-40).join('\n')}\n`,
            );
            process.exit(1);
          });
          return resolve({ child, url });
        }
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) {
        child.kill('SIGTERM');
        return reject(new Error(`service not ready in 180 s:\n${lines.join('\n')}`));
      }
      setTimeout(() => void poll(), 500);
    };
    void poll();
  });
}

const READS = [
  '{ search(text: "Nampo", first: 5) { edges { node { id } } } }',
  '{ vessel(imo: "9114555") { name flag { name } designations { authority date { from } } sources { url } } }',
  '{ vessels(first: 20, filter: { flag: "KP" }) { totalCount edges { node { name owners { party { name } } } } } }',
  '{ traceCargo(origin: "Nampho", maxHops: 4) { id confidence finalCountry { code } vessels { name } } }',
  '{ traceCargo(origin: "Wonsan", maxHops: 4) { id steps { kind leg { id } } } }',
  '{ destinations(origin: "Nampho") { key routeCount tonnage { min max } } }',
  '{ traceBack(destination: "Pohang") { origin { name } } }',
  '{ vesselTimeline(id: "vessel:wise-honest") { kind summary } }',
  '{ port(locode: "KPNAM") { name departures { id vessel { name } } } }',
  '{ companies(first: 10) { edges { node { name holdings { type } } } } }',
];

async function mutationNames(url: string): Promise<string[]> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { mutationType { fields { name } } } }' }),
  });
  const body = (await res.json()) as { data?: { __schema: { mutationType: { fields: { name: string }[] } | null } } };
  return body.data?.__schema.mutationType?.fields.map((f) => f.name) ?? [];
}

interface Body {
  query: string;
  write: boolean;
  /** Variables built afresh each time the request is sent (writes that change something every time). */
  fresh?: () => Record<string, unknown>;
}

/** A tag of this run, so that the vessels it creates are new even on a database kept from another run. */
const RUN = Date.now().toString(36);
let sequence = 0;
/** Create-vessel requests built (warm-up included); each should leave one vessel. */
let createsSent = 0;

/**
 * Writes through the editor key, when the schema offers them: a new synthetic vessel each time
 * (CREATED: a node, its evidence and an audit entry), an update of one synthetic vessel each time
 * (UPDATED: a changed property and an audit entry), and a source added again and again (UNCHANGED
 * after the first: the idempotent path, which reads and writes nothing). What changes travels in
 * variables, as a client would send it: the operation text stays the same.
 */
function writeRequests(mutations: string[]): Body[] {
  const out: Body[] = [];
  const source = {
    url: 'https://example.org/collier-load-test',
    publisher: 'Collier load test',
    kind: 'REFERENCE',
    tier: 'LOW',
  };
  if (mutations.includes('upsertVessel')) {
    const upsert = 'mutation ($input: VesselInput!) { upsertVessel(input: $input) { id status } }';
    out.push(
      {
        query: upsert,
        write: true,
        fresh: () => (
          createsSent++,
          { input: { name: `Load Test Vessel ${RUN}-${++sequence}`, vesselType: 'bulk carrier', sources: [source] } }
        ),
      },
      {
        query: upsert,
        write: true,
        fresh: () => ({
          input: {
            name: `Load Test Vessel Fixed ${RUN}`,
            description: `load test write ${++sequence}`,
            sources: [source],
          },
        }),
      },
    );
  }
  if (mutations.includes('addSource')) {
    out.push({
      query: 'mutation ($input: SourceInput!) { addSource(input: $input) { id } }',
      write: true,
      fresh: () => ({ input: source }),
    });
  }
  return out;
}

/** Resident set size of the service every 10 s. */
function sampleRss(pid: number, samples: { s: number; mb: number }[], started: number): NodeJS.Timeout {
  return setInterval(() => samples.push({ s: Math.round((Date.now() - started) / 1000), mb: rssMb(pid) }), 10_000);
}

async function main(): Promise<void> {
  say(
    `load: ${seconds} s, ${connections} connections, service on :${httpPort}, Neo4j on :${boltPort} (data in ${dataDir})`,
  );
  fs.rmSync(path.join(root, dataDir), { recursive: true, force: true });
  const { child, url } = await startService();
  const pid = child.pid!;
  try {
    const writes = readsOnly ? [] : writeRequests(await mutationNames(url));
    const bodies: Body[] = [...READS.map((query) => ({ query, write: false })), ...writes];
    say(
      `mix: ${READS.length} read operations + ${writes.length} writes through an editor API key, in turn on each connection`,
    );
    // Warm up.
    await autocannon({
      url: `${url}/graphql`,
      connections: 2,
      duration: 5,
      requests: requestsFor(bodies),
      verifyBody: noGraphQLErrors,
    });
    const started = Date.now();
    const rss = { start: rssMb(pid), middle: 0, end: 0 };
    const samples: { s: number; mb: number }[] = [{ s: 0, mb: rss.start }];
    const middle = setTimeout(() => (rss.middle = rssMb(pid)), (seconds * 1000) / 2);
    const sampler = sampleRss(pid, samples, started);
    const result = await autocannon({
      url: `${url}/graphql`,
      connections,
      duration: seconds,
      requests: requestsFor(bodies),
      verifyBody: noGraphQLErrors,
    });
    clearTimeout(middle);
    clearInterval(sampler);
    rss.end = rssMb(pid);
    samples.push({ s: Math.round((Date.now() - started) / 1000), mb: rss.end });
    const written = await countWrites();
    const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
    say('');
    say(`requests: ${result.requests.total} in ${result.duration} s (${result.requests.average} req/s average)`);
    say(
      `latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`,
    );
    say(
      `errors: ${result.errors}  timeouts: ${result.timeouts}  non-2xx: ${result.non2xx}  GraphQL errors: ${result.mismatches}`,
    );
    say(
      `writes: ${createsSent} create-vessel requests sent (warm-up included), ${written.vessels} vessels in the graph; ${written.changes} audit entries`,
    );
    say(`service RSS MB: start ${rss.start}  middle ${rss.middle}  end ${rss.end}`);
    say(`service RSS MB every 10 s: ${samples.map((x) => x.mb).join(' ')}`);
    fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench', 'load-results.json'),
      JSON.stringify(
        {
          seconds,
          connections,
          mix: bodies.map((b) => b.query),
          result: {
            requests: result.requests,
            latency: result.latency,
            errors: result.errors,
            timeouts: result.timeouts,
            non2xx: result.non2xx,
            graphqlErrors: result.mismatches,
          },
          writes: { createsSent, ...written },
          rssMb: rss,
          rssSamplesMb: samples,
        },
        null,
        2,
      ),
    );
    if (failures > 0) process.exitCode = 1;
  } finally {
    stopping = true;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** autocannon's verifyBody: a 200 answer that carries GraphQL errors counts as a failure too. */
function noGraphQLErrors(body: string | Buffer | undefined): boolean {
  return body == null || !body.toString().includes('"errors"');
}

/** What the writes left, counted in Neo4j itself: the synthetic vessels of this run and the audit entries. */
async function countWrites(): Promise<{ vessels: number; changes: number }> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`);
  try {
    const { records } = await driver.executeQuery(
      'CALL () { MATCH (v:Vessel) WHERE v.name STARTS WITH $prefix RETURN count(v) AS vessels } CALL () { MATCH (c:Change) RETURN count(c) AS changes } RETURN vessels, changes',
      { prefix: `Load Test Vessel ${RUN}-` },
    );
    return { vessels: records[0].get('vessels').toNumber(), changes: records[0].get('changes').toNumber() };
  } finally {
    await driver.close();
  }
}

function requestsFor(bodies: Body[]): autocannon.Request[] {
  return bodies.map((b) => {
    const request: autocannon.Request = {
      method: 'POST' as const,
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(b.write ? { authorization: `Bearer ${EDITOR_KEY}` } : {}),
      },
      body: JSON.stringify({ query: b.query }),
    };
    if (b.fresh) {
      const fresh = b.fresh;
      request.setupRequest = (req) => ({ ...req, body: JSON.stringify({ query: b.query, variables: fresh() }) });
    }
    return request;
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
