/**
 * Throughput of a service under load: autocannon windows of a fixed length at a number of connections,
 * and the comparison of two services in alternating windows (`throughputInterleaved`).
 *
 * Why alternating windows: one window of a few seconds on a 2-core machine that also runs Neo4j moves
 * by ± 20 % with what else happens in it (Neo4j's JIT compiling a plan it met a minute earlier, a full
 * collection of its heap, the load generator's own pauses). Two services measured minutes apart (Collier
 * in its operation's turn, the peer after the N+1 baseline) meet different such minutes, and their
 * ratio carries both windows' luck. Measured in turns, each side meets the same minutes; the median of
 * each side's windows drops the one a pause spoiled.
 */
import autocannon from 'autocannon';
import { interleavedRounds } from './sampling';

export interface Throughput {
  connections: number;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

/** One window of `duration` seconds at `connections` connections, spread over `urls` (a client-side balancer). */
export async function load(
  urls: string[],
  connections: number,
  duration: number,
  query: string,
  variables: Record<string, unknown>,
): Promise<Throughput> {
  const body = JSON.stringify({ query, variables });
  const per = Math.max(1, Math.round(connections / urls.length));
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: per,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        timeout: 60,
      }),
    ),
  );
  return {
    connections,
    requestsPerSecond: Math.round(results.reduce((s, r) => s + r.requests.total / duration, 0) * 100) / 100,
    latencyP50: Math.max(...results.map((r) => r.latency.p50)),
    latencyP99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((s, r) => s + r.errors, 0),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    timeouts: results.reduce((s, r) => s + r.timeouts, 0),
  };
}

/** A service as the comparison loads it: its endpoint and the query that asks it for the answer. */
export interface LoadedSide {
  url: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One side's windows at one concurrency, and the window whose requests per second is their median. */
export interface SideWindows {
  median: Throughput;
  windows: Throughput[];
}

/** The windows of every side at one concurrency, in the order of the sides. */
export interface ComparedAt {
  connections: number;
  sides: SideWindows[];
}

/**
 * The window of median requests per second (the lower middle one of an even count): a real window, so
 * its latencies and error counts stay those of one run.
 */
export function medianWindow(windows: Throughput[]): Throughput {
  if (windows.length === 0) throw new Error('medianWindow: no window');
  const sorted = [...windows].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Each side's throughput at each concurrency in `rounds` rounds of alternating windows of `duration` s;
 * the side that goes first rotates from round to round (a side that always ran second would inherit what
 * the first left: a busy JIT, a heap to collect); `settle` runs after every window (the bench waits
 * until Neo4j has finished what a window left running).
 */
export async function throughputInterleaved(
  sides: LoadedSide[],
  concurrencies: number[],
  rounds: number,
  duration: number,
  settle: () => Promise<void>,
): Promise<ComparedAt[]> {
  const out: ComparedAt[] = [];
  for (const connections of concurrencies) {
    const windows: Throughput[][] = sides.map(() => []);
    for (const order of interleavedRounds(sides.map(() => rounds)))
      for (const i of order) {
        const s = sides[i];
        windows[i].push(await load([s.url], connections, duration, s.query, s.variables));
        await settle();
      }
    out.push({ connections, sides: windows.map((w) => ({ median: medianWindow(w), windows: w })) });
  }
  return out;
}
