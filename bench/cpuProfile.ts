/**
 * Where a service's CPU time goes, from a V8 CPU profile (`node --cpu-prof`): self time grouped by
 * what the code is (HTTP, parsing/validation, limits and cost, graphql-js execution, type-graphql,
 * our resolvers, records, DataLoader, the driver, serialisation, logging, GC, idle), and the inclusive
 * time of the request's phases (parse, validate, cost, execute …) counted once per stack.
 *
 * `node dist/bench/cpuProfile.js <file.cpuprofile> [requests]` prints both tables; bench/run.ts
 * `--profile-js` takes one profile per operation and stores the summaries in bench/results.json.
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector/promises';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const NODE_CATEGORY = 'Node (net, streams, timers, JSON, microtasks)';

/** Self time is attributed to the first rule whose pattern matches the frame's url (or name, for V8's own frames). */
const CATEGORIES: [string, RegExp][] = [
  ['idle (waiting for Neo4j or the client)', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['V8 / native (program)', /^\((program|root)\)$/],
  ['neo4j-driver (Bolt, unpacking records)', /node_modules\/neo4j-driver/],
  ['DataLoader', /node_modules\/dataloader/],
  ['graphql-js parse', /node_modules\/graphql\/language/],
  ['graphql-js validation', /node_modules\/graphql\/validation/],
  ['graphql-js execution', /node_modules\/graphql\/(execution|jsutils)/],
  ['graphql-js types, utilities', /node_modules\/graphql\//],
  ['cost analysis (graphql-query-complexity)', /node_modules\/graphql-query-complexity/],
  ['graphql-armor', /node_modules\/@escape\.tech/],
  ['selection look-ahead (graphql-parse-resolve-info)', /node_modules\/graphql-parse-resolve-info/],
  ['type-graphql (resolver pipeline, args)', /node_modules\/type-graphql/],
  ['class-validator / class-transformer', /node_modules\/class-(validator|transformer)/],
  ['Apollo Server (request pipeline, plugins)', /node_modules\/@apollo|node_modules\/@as-integrations/],
  [
    'HTTP (express, body-parser)',
    /node_modules\/(express|body-parser|router|raw-body|iconv-lite|cors|on-finished|send|finalhandler|qs|type-is|content-type|negotiator|accepts)/,
  ],
  ['logging (pino)', /node_modules\/(pino|sonic-boom|fast-redact|quick-format)/],
  ['Collier db (records, loaders, Cypher)', /\/src\/db\//],
  ['Collier resolvers', /\/src\/resolvers\//],
  ['Collier limits, cost model', /\/src\/(operationLimits|costModel)/],
  ['Collier other', /\/src\//],
  ['other npm packages', /node_modules\//],
  [NODE_CATEGORY, /^node:/],
];

/** Phases of a request: inclusive time of the first frame on a stack whose name (and url) match. */
const PHASES: [string, string, RegExp][] = [
  ['parse', 'parse', /graphql\/language\/parser/],
  ['validate', 'validate', /graphql\/validation\/validate/],
  ['cost (checkOperation)', 'checkOperation', /operationLimits/],
  ['type-graphql createHandlerResolver', '', /type-graphql\/.*resolvers\/(create|helpers)/],
  ['Database.read (driver calls)', 'run', /\/src\/db\/database/],
  ['record conversion (toPlain)', 'toPlain', /\/src\/db\/database/],
  ['JSON.stringify of the answer', 'prettyJSONStringify', /@apollo/],
];

export interface CpuSummary {
  totalMs: number;
  requests: number | null;
  categories: { category: string; ms: number; pct: number; msPerRequest: number | null }[];
  phases: { phase: string; ms: number; pct: number; msPerRequest: number | null }[];
  topFunctions: { fn: string; ms: number }[];
}

function categoryOf(frame: CallFrame): string {
  // built-ins without a script (socket writes, JSON.stringify, microtask runs): Node's share
  if (!frame.url && !frame.functionName.startsWith('(')) return NODE_CATEGORY;
  const key = frame.url || frame.functionName;
  for (const [name, re] of CATEGORIES) if (re.test(key) || (!frame.url && re.test(frame.functionName))) return name;
  return 'other';
}

export function summarizeCpuProfile(profile: CpuProfile, requests: number | null = null): CpuSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // self time per node from the samples and their time deltas (µs)
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const cats = new Map<string, number>();
  const fns = new Map<string, number>();
  const phases = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const cat = categoryOf(node.callFrame);
    cats.set(cat, (cats.get(cat) ?? 0) + us);
    const short = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '');
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${short}:${node.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    // phases: each phase counted once on this stack (its outermost frame)
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur != null; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      for (const [phase, name, re] of PHASES)
        if (!seen.has(phase) && (name === '' || f.functionName === name) && re.test(f.url)) seen.add(phase);
    }
    for (const p of seen) phases.set(p, (phases.get(p) ?? 0) + us);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const per = (us: number) => (requests ? Math.round((us / 1000 / requests) * 100) / 100 : null);
  const pct = (us: number) => Math.round((us / Math.max(1, total)) * 1000) / 10;
  return {
    totalMs: ms(total),
    requests,
    categories: [...cats.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, ms: ms(us), pct: pct(us), msPerRequest: per(us) })),
    phases: PHASES.map(([phase]) => phase)
      .filter((p) => phases.has(p))
      .map((phase) => ({
        phase,
        ms: ms(phases.get(phase)!),
        pct: pct(phases.get(phase)!),
        msPerRequest: per(phases.get(phase)!),
      })),
    topFunctions: [...fns.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([fn, us]) => ({ fn, ms: ms(us) })),
  };
}

export function formatCpuSummary(title: string, s: CpuSummary): string {
  const lines = [`${title}: ${s.totalMs} ms sampled${s.requests ? ` over ${s.requests} requests` : ''}`];
  for (const c of s.categories.filter((c) => c.pct >= 0.5))
    lines.push(
      `  ${c.category.padEnd(52)} ${String(c.pct).padStart(5)} %  ${c.msPerRequest ?? c.ms} ms${s.requests ? '/req' : ''}`,
    );
  lines.push('  phases (inclusive):');
  for (const p of s.phases)
    lines.push(
      `    ${p.phase.padEnd(50)} ${String(p.pct).padStart(5)} %  ${p.msPerRequest ?? p.ms} ms${s.requests ? '/req' : ''}`,
    );
  return lines.join('\n');
}

if (require.main === module) {
  const [file, requests, top] = process.argv.slice(2);
  const summary = summarizeCpuProfile(
    JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile,
    requests ? Number(requests) : null,
  );
  process.stdout.write(`${formatCpuSummary(file, summary)}\n`);
  if (top) for (const f of summary.topFunctions) process.stdout.write(`    ${String(f.ms).padStart(8)} ms  ${f.fn}\n`);
}

/**
 * In a bench service: the first SIGUSR2 starts V8's sampling profiler (the one `node --cpu-prof` uses,
 * through the inspector, so that start-up and warm-up stay out of the profile), the next one stops it
 * and writes the profile to `file` (then the next starts again, overwriting it).
 */
export function cpuProfileOnSignal(file: string): void {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    void (async () => {
      if (!running) {
        running = true;
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 250 });
        await session.post('Profiler.start');
        return;
      }
      running = false;
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(profile));
      fs.renameSync(`${file}.tmp`, file);
    })();
  });
}

/** Sends the service `pid` a SIGUSR2 and, when stopping, waits for the profile file it writes. */
export async function toggleCpuProfile(pid: number, file: string, stop: boolean): Promise<CpuProfile | null> {
  if (stop) fs.rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  if (!stop) {
    await new Promise((r) => setTimeout(r, 200));
    return null;
  }
  const until = Date.now() + 60_000;
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`no CPU profile written to ${file}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}
