/**
 * `npm run load [-- --seconds 60 --connections 8]`: a soak test on loopback. Starts its own Neo4j and
 * the service as a separate process (ports 7710 and 4310, data in .data/load — never the demo
 * database), then drives a mixed read workload, plus writes when the schema has mutations, with
 * autocannon. Reports p50/p99 latency, throughput, errors, and the service's RSS at the start, middle
 * and end. Exits non-zero if any request failed. A benchmark, not a test: it prints what it measured.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';

const root = path.resolve(__dirname, '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 60);
const connections = arg('connections', 8);
const httpPort = arg('port', 4310);
const boltPort = arg('bolt-port', 7710);
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
      NEO4J_DATA_DIR: '.data/load',
      COLLIER_API_KEYS: `editor:load:${EDITOR_KEY}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  readline.createInterface({ input: child.stderr! }).on('line', (l) => lines.push(l));
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
            process.stderr.write(`load: the service exited (${code}) during the run:\n${lines.slice(-40).join('\n')}\n`);
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
      setTimeout(poll, 500);
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

/** A write that is idempotent (the same synthetic source, added again and again), when the schema offers one. */
function writeRequest(mutations: string[]): string | null {
  if (!mutations.includes('addSource')) return null;
  return `mutation { addSource(input: { url: "https://example.org/collier-load-test", publisher: "Collier load test", kind: REFERENCE, tier: LOW }) { id } }`;
}

async function main(): Promise<void> {
  say(`load: ${seconds} s, ${connections} connections, service on :${httpPort}, Neo4j on :${boltPort}`);
  const { child, url } = await startService();
  const pid = child.pid!;
  try {
    const write = writeRequest(await mutationNames(url));
    const bodies = [...READS.map((query) => ({ query, write: false })), ...(write ? [{ query: write, write: true }] : [])];
    say(`mix: ${READS.length} read operations${write ? ' + 1 idempotent write' : ' (no mutations in the schema: reads only)'}`);
    // Warm up.
    await autocannon({ url: `${url}/graphql`, connections: 2, duration: 5, requests: requestsFor(bodies) });
    const rss = { start: rssMb(pid), middle: 0, end: 0 };
    const middle = setTimeout(() => (rss.middle = rssMb(pid)), (seconds * 1000) / 2);
    const result = await autocannon({ url: `${url}/graphql`, connections, duration: seconds, requests: requestsFor(bodies) });
    clearTimeout(middle);
    rss.end = rssMb(pid);
    const failures = result.errors + result.timeouts + result.non2xx;
    say('');
    say(`requests: ${result.requests.total} in ${result.duration} s (${result.requests.average} req/s average)`);
    say(`latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`);
    say(`errors: ${result.errors}  timeouts: ${result.timeouts}  non-2xx: ${result.non2xx}`);
    say(`service RSS MB: start ${rss.start}  middle ${rss.middle}  end ${rss.end}`);
    fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench', 'load-results.json'),
      JSON.stringify({ seconds, connections, mix: bodies.map((b) => b.query), result: { requests: result.requests, latency: result.latency, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }, rssMb: rss }, null, 2),
    );
    if (failures > 0) process.exitCode = 1;
  } finally {
    stopping = true;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function requestsFor(bodies: { query: string; write: boolean }[]): autocannon.Request[] {
  return bodies.map((b) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(b.write ? { authorization: `Bearer ${EDITOR_KEY}` } : {}),
    },
    body: JSON.stringify({ query: b.query }),
  }));
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
