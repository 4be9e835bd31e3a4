/**
 * How the bench takes its latency samples (bench/README.md "The instrument"):
 * - a warm-up by time on every side of a comparison (the service's code is optimised by V8 after some
 *   hundreds of requests: after 4 requests a fresh service answered the neighbourhood in twice the time
 *   it takes after 400);
 * - the sides of a ratio (GraphQL, raw Cypher, the service's own Cypher) sampled in the same rounds,
 *   one request of each a round, in an order that rotates, so that the load of a minute lands on every
 *   side alike instead of on whichever block of samples it met;
 * - how firm a ratio of p50s is, from the rounds of one run (ratioP50Interval, session bench13).
 */

import { Rng } from '../seed/synthetic/prng';

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

/**
 * The samples of the sides taken in the same rounds (see interleavedRounds): `[k][i]` is side k's
 * milliseconds in round i, null where it did not run in that round.
 */
export async function sampleInterleaved(sides: Side[]): Promise<(number | null)[][]> {
  const rounds = interleavedRounds(sides.map((s) => s.n));
  const samples: (number | null)[][] = sides.map(() => rounds.map(() => null));
  for (const [i, round] of rounds.entries()) for (const k of round) samples[k][i] = await timeOnce(sides[k].run);
  return samples;
}

/** The samples of one side, without its empty rounds. */
export const taken = (rounds: (number | null)[]): number[] => rounds.filter((x): x is number => x != null);

/** Latencies of the sides sampled in the same rounds (see interleavedRounds); null for a side of no samples. */
export async function timeInterleaved(sides: Side[]): Promise<(Latency | null)[]> {
  return (await sampleInterleaved(sides)).map((s) => (taken(s).length > 0 ? latency(taken(s)) : null));
}

/** How firm a ratio of p50s is: a bootstrap interval (see ratioP50Interval). */
export interface RatioInterval {
  low: number;
  high: number;
  /** The share of resampled ratios between low and high (0.9: the 5th to the 95th percentile). */
  level: number;
  resamples: number;
  /** Rounds drawn together (a moving block), so that a slow minute is drawn whole. */
  block: number;
}

/**
 * How firm the ratio p50(num) / p50(den) of one run is: a moving-block bootstrap over the interleaved
 * rounds (`num[i]`, `den[i]`: the two sides' milliseconds in round i, null where a side did not run).
 * Each resample draws blocks of `block` consecutive rounds with replacement until it has as many rounds
 * as the run, and takes the ratio of the p50s of what it drew; the interval holds the middle `level` of
 * those ratios. Drawing whole rounds keeps the two sides of a round together (they met the same load),
 * and drawing blocks keeps a slow minute together (the default block, √rounds, is 6 rounds of 40).
 * It says how much the ratio would move if the same run were taken again under the same conditions,
 * not how a cold Neo4j or another minute's load would move it. Null when a side has fewer than
 * `minSamples` samples (a ratio of one or two samples has no interval worth giving).
 */
export function ratioP50Interval(
  num: (number | null)[],
  den: (number | null)[],
  opts: { level?: number; resamples?: number; block?: number; seed?: number; minSamples?: number } = {},
): RatioInterval | null {
  const rounds = Math.min(num.length, den.length);
  const { level = 0.9, resamples = 2000, seed = 1, minSamples = 5 } = opts;
  if (taken(num.slice(0, rounds)).length < minSamples || taken(den.slice(0, rounds)).length < minSamples) return null;
  const block = Math.max(1, Math.min(rounds, opts.block ?? Math.round(Math.sqrt(rounds))));
  // seeded (the synthetic world's generator): the same samples give the same interval
  const rng = new Rng(seed);
  const p50 = (xs: number[]) =>
    percentile(
      xs.sort((a, b) => a - b),
      50,
    );
  const ratios: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const a: number[] = [];
    const d: number[] = [];
    for (let drawn = 0; drawn < rounds;) {
      const start = rng.int(rounds - block + 1);
      for (let i = start; i < start + block && drawn < rounds; i++, drawn++) {
        if (num[i] != null) a.push(num[i]!);
        if (den[i] != null) d.push(den[i]!);
      }
    }
    if (a.length > 0 && d.length > 0) ratios.push(p50(a) / p50(d));
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    low: r(ratios[Math.floor(tail * (ratios.length - 1))]),
    high: r(ratios[Math.ceil((1 - tail) * (ratios.length - 1))]),
    level,
    resamples: ratios.length,
    block,
  };
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
  return (await warmUpPaced(sides, budgetMs, now)).ran;
}

/**
 * warmUp, and the pace of its turns once the cold runs were done (`turnMs`: ms a turn of the first
 * side; null if the budget gave it no turn, or gave none to a side that could run more: a raw of
 * minutes left out of the turns is not in their pace). The pace with the cold runs in it says little of a warm
 * request's: on a Neo4j just started the neighbourhood's first runs took seconds (its JVM compiling),
 * which made 1,000 requests look like minutes, and its warm-up was left at 34 requests (bench13).
 */
export async function warmUpPaced(
  sides: WarmUp[],
  budgetMs: number,
  now: Clock = monotonic,
): Promise<{ ran: number[]; turnMs: number | null }> {
  const ran = sides.map(() => 0);
  const lastMs = sides.map(() => 0);
  let until: number | null = null;
  let coldRuns: number[] = [];
  for (;;) {
    if (until == null && sides.every((s, k) => ran[k] >= Math.min(s.min, s.max))) {
      until = now() + budgetMs;
      coldRuns = [...ran];
    }
    const late = until != null && now() >= until;
    // cold runs first (each side up to its min), then turns until the budget is spent
    const due = sides.map(
      (s, k) => ran[k] < s.max && (ran[k] < s.min || (until != null && !late && lastMs[k] <= 10 * budgetMs)),
    );
    if (!due.some(Boolean)) {
      const turns = ran[0] - (coldRuns[0] ?? 0);
      const spent = until == null ? 0 : now() - (until - budgetMs);
      // a side left out of the turns (a run of over ten budgets) is not in the pace: then there is none
      const allTurned = sides.every((s, k) => ran[k] >= s.max || ran[k] > (coldRuns[k] ?? 0));
      return { ran, turnMs: turns > 0 && allTurned ? spent / turns : null };
    }
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
