/**
 * How the bench takes its latency samples (bench/README.md "The instrument"):
 * - a warm-up by time on every side of a comparison (the service's code is optimised by V8 after some
 *   hundreds of requests: after 4 requests a fresh service answered the neighbourhood in twice the time
 *   it takes after 400);
 * - the sides of a ratio (GraphQL, raw Cypher, the service's own Cypher) sampled in the same rounds,
 *   one request of each a round, in an order that rotates, so that the load of a minute lands on every
 *   side alike instead of on whichever block of samples it met.
 */

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/** Where the warm-ups read the time, in milliseconds (a test gives one that its runs advance). */
export type Clock = () => number;

const monotonic: Clock = () => performance.now();

/** Milliseconds one call takes. */
export async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function timeSequential(n: number, run: () => Promise<unknown>): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await timeOnce(run));
  return latency(samples);
}

/**
 * The rounds of an interleaved measurement: for sides wanting `counts[k]` samples each, the sides that
 * run in each round, in the order they run. A side with fewer samples than the largest is spread evenly
 * over the rounds (a raw baseline of 2 samples among 25 runs in rounds 12 and 24, not 1 and 2); the
 * order of a round rotates by one each round, so no side always goes first.
 */
export function interleavedRounds(counts: number[]): number[][] {
  const rounds = Math.max(0, ...counts);
  const out: number[][] = [];
  for (let i = 0; i < rounds; i++) {
    // side k has its m-th sample in round floor((m + 1) · rounds / n) − 1: in this one if that lands here
    const due = counts.flatMap((n, k) =>
      Math.floor(((i + 1) * n) / rounds) > Math.floor((i * n) / rounds) ? [k] : [],
    );
    const first = due.length > 0 ? i % due.length : 0;
    out.push([...due.slice(first), ...due.slice(0, first)]);
  }
  return out;
}

export interface Side {
  /** Samples wanted (0: none). */
  n: number;
  run: () => Promise<unknown>;
}

/** Latencies of the sides sampled in the same rounds (see interleavedRounds); null for a side of no samples. */
export async function timeInterleaved(sides: Side[]): Promise<(Latency | null)[]> {
  const samples: number[][] = sides.map(() => []);
  for (const round of interleavedRounds(sides.map((s) => s.n)))
    for (const k of round) samples[k].push(await timeOnce(sides[k].run));
  return samples.map((s) => (s.length > 0 ? latency(s) : null));
}

export interface WarmUp {
  run: () => Promise<unknown>;
  /** Runs at least this many times, whatever the time. */
  min: number;
  /** Runs at most this many times. */
  max: number;
}

/**
 * Warms the sides up in turns: each first runs its `min` times (the cold runs: Neo4j plans the
 * statement, graphql-jit compiles the query — a second or more a side on a busy machine), then all go on
 * in turns for `budgetMs`, each at most `max` times: a 4 ms request gets hundreds of runs, a 30 s
 * exhaustive baseline only its `min` (a side whose last run took more than ten times the whole budget takes
 * no turns: a 10-minute raw is not run again because the 3 s budget had not run out when it started;
 * a cold run of a second or two, a plan being compiled, still leaves the side its turns).
 * Answers how many times each side ran.
 */
export async function warmUp(sides: WarmUp[], budgetMs: number, now: Clock = monotonic): Promise<number[]> {
  const ran = sides.map(() => 0);
  const lastMs = sides.map(() => 0);
  let until: number | null = null;
  for (;;) {
    if (until == null && sides.every((s, k) => ran[k] >= Math.min(s.min, s.max))) until = now() + budgetMs;
    const late = until != null && now() >= until;
    // cold runs first (each side up to its min), then turns until the budget is spent
    const due = sides.map(
      (s, k) => ran[k] < s.max && (ran[k] < s.min || (until != null && !late && lastMs[k] <= 10 * budgetMs)),
    );
    if (!due.some(Boolean)) return ran;
    for (let k = 0; k < sides.length; k++) {
      if (!due[k]) continue;
      const t = now();
      await sides[k].run();
      lastMs[k] = now() - t;
      ran[k]++;
    }
  }
}

/**
 * Tops a warm-up up to `floor` runs of the first side (the service), the other sides in the same
 * turns, for at most `capMs`; after `probe` turns, only if their pace says the rest fits in `capMs`
 * (a slow operation keeps its budget of time). A budget of time gives a 4 ms request hundreds of
 * runs on a quiet machine but a few dozen on a loaded one (20–34 for the neighbourhood at S at load
 * 10–17), and V8 was still compiling the service's code after 500 requests (≈ 1 ms of a helper
 * thread's CPU a request on a 2-core machine: the neighbourhood's GraphQL/raw ratio 1.45–1.53 after
 * 150 requests, 1.26–1.27 after 3,000; docs/performance.md "Session fixed9"). Answers how many more
 * times each side ran.
 */
export async function topUpWarmUp(
  sides: WarmUp[],
  ran: number[],
  floor: number,
  capMs: number,
  probe = 10,
  now: Clock = monotonic,
): Promise<number[]> {
  const more = sides.map(() => 0);
  const started = now();
  for (let turn = 1; ran[0] + more[0] < floor; turn++) {
    for (let k = 0; k < sides.length; k++) {
      if (ran[k] + more[k] >= floor) continue;
      await sides[k].run();
      more[k]++;
    }
    const spent = now() - started;
    if (spent >= capMs || (turn === probe && (spent / probe) * (floor - ran[0] - more[0]) > capMs - spent)) break;
  }
  return more;
}
