/**
 * A time budget for the raw (hand-written Cypher) baselines (`--raw-timeout <s>`, bench/README.md
 * "Session dest9"). The exhaustive walks of the trace and of `destinations` take minutes at M and more
 * (the M `destinations` statement ran 29.5 min without finishing): each raw run is sent with a Neo4j
 * transaction timeout of the budget, so that the server really stops it, and a run that hits it is
 * recorded as "more than the budget" — never as a figure it did not reach, never silently dropped.
 *
 * - A raw that timed out is not run again for that operation (each further try costs the budget).
 * - Its samples count a timed-out run as the budget: a percentile that lands on one is a lower bound
 *   ("> budget"), and the ratio GraphQL / raw at it an upper bound (`ratioP50Bound: 'upper'`).
 * - Its answer is not compared with the service's: "not compared (raw timed out)".
 */
import { SizeName } from '../seed/synthetic/spec';
import { latency, Latency } from './sampling';

/** The default budget of one raw run, in seconds, per size (`--raw-timeout` overrides it). */
export const DEFAULT_RAW_TIMEOUT_S: Record<SizeName, number> = { S: 300, M: 600, L: 600 };

/** Whether a driver error is Neo4j's transaction timeout (the client's `timeout` or the server's default). */
export function isTransactionTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.includes('TransactionTimedOut');
}

export interface RawRun {
  /** Milliseconds the run took; the budget for a run that timed out (it took at least that). */
  ms: number;
  timedOut: boolean;
}

/** One raw baseline run under the budget: its runs, the answer of the last that finished. */
export class BoundedRaw<T> {
  readonly runs: RawRun[] = [];
  answer: T | undefined;
  private finished = false;

  constructor(
    readonly budgetMs: number,
    private readonly exec: (timeoutMs: number) => Promise<T>,
  ) {}

  get timedOut(): boolean {
    return this.runs.some((r) => r.timedOut);
  }

  /** Runs the raw once within the budget; after a timeout it does nothing (the raw is not run again). */
  async run(): Promise<void> {
    if (this.timedOut) return;
    const t = performance.now();
    try {
      this.answer = await this.exec(this.budgetMs);
      this.finished = true;
      this.runs.push({ ms: performance.now() - t, timedOut: false });
    } catch (error) {
      if (!isTransactionTimeout(error)) throw error;
      this.runs.push({ ms: this.budgetMs, timedOut: true });
    }
  }

  /** Whether some run finished (its answer is in `answer`). */
  get answered(): boolean {
    return this.finished;
  }
}

/** A raw latency under a budget, and how the ratios against it are to be read. */
export interface BoundedFigures {
  /** The raw's latency, a timed-out run counted as the budget (null: no run). */
  raw: Latency | null;
  rawTimedOut: boolean;
  rawTimedOutRuns: number;
  /** 'lower' where that percentile of the raw is a timed-out run: the raw took more ("> budget"). */
  rawP50Bound: 'lower' | null;
  rawP95Bound: 'lower' | null;
  ratioP50: number | null;
  ratioP95: number | null;
  /** 'upper' where the ratio is over a raw lower bound: the true ratio is below it. */
  ratioP50Bound: 'upper' | null;
  ratioP95Bound: 'upper' | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** Rounded up, so that an upper bound stays one (0.004 is "< 0.01", not "< 0"). */
const ceil2 = (x: number) => Math.ceil(x * 100 - 1e-9) / 100;

/**
 * The raw's figures from its runs: `sampled` are the runs of the measurement (in the interleaved
 * rounds); when the raw timed out before any of them (in the warm-up or the answer check), all its
 * runs stand for them (a finished one as measured, the timed-out one as "> budget"), so that the raw
 * reads what it did rather than nothing.
 */
export function boundedFigures(graphql: Latency, sampled: RawRun[], all: RawRun[], budgetMs: number): BoundedFigures {
  const timedOutRuns = all.filter((r) => r.timedOut).length;
  const runs = sampled.length > 0 ? sampled : all;
  const raw = runs.length > 0 ? latency(runs.map((r) => r.ms)) : null;
  // a percentile lands on a timed-out run when it equals the budget (a finished run took less)
  const censored = (p: number | undefined) => timedOutRuns > 0 && p != null && p >= budgetMs;
  const bound = (g: number, p: number | undefined) => {
    if (p == null || p <= 0) return { ratio: null, bound: null };
    return censored(p) ? { ratio: ceil2(g / p), bound: 'upper' as const } : { ratio: round2(g / p), bound: null };
  };
  const r50 = bound(graphql.p50, raw?.p50);
  const r95 = bound(graphql.p95, raw?.p95);
  return {
    raw,
    rawTimedOut: timedOutRuns > 0,
    rawTimedOutRuns: timedOutRuns,
    rawP50Bound: censored(raw?.p50) ? 'lower' : null,
    rawP95Bound: censored(raw?.p95) ? 'lower' : null,
    ratioP50: r50.ratio,
    ratioP95: r95.ratio,
    ratioP50Bound: r50.bound,
    ratioP95Bound: r95.bound,
  };
}

/** A raw percentile for the table: "> 600 s" where it is a lower bound. */
export function formatRaw(ms: number | undefined, bound: 'lower' | null | undefined): string {
  if (ms == null) return '-';
  return bound === 'lower' ? `> ${round2(ms / 1000)} s` : String(ms);
}

/** A ratio for the table: "< 0.01 (raw > 600 s)" where it is an upper bound. */
export function formatRatio(
  ratio: number | null | undefined,
  bound: 'upper' | null | undefined,
  rawMs: number | undefined,
): string {
  if (ratio == null) return '-';
  return bound === 'upper' && rawMs != null ? `< ${ratio} (raw > ${round2(rawMs / 1000)} s)` : String(ratio);
}

/** What the answers-match check says: compared (true/false), not compared (raw timed out), or no raw. */
export function answersCompared(
  graphqlSummary: unknown,
  raw: { answered: boolean; timedOut: boolean; answer: unknown } | null,
): { answersMatch: boolean | null; answersNote?: string } {
  if (raw == null || graphqlSummary === undefined) return { answersMatch: null };
  if (!raw.answered) return { answersMatch: null, answersNote: 'not compared (raw timed out)' };
  return { answersMatch: JSON.stringify(graphqlSummary) === JSON.stringify(raw.answer) };
}
