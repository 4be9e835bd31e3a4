import {
  answersCompared,
  BoundedRaw,
  boundedFigures,
  formatRatio,
  formatRaw,
  isTransactionTimeout,
} from '../../../bench/rawBudget';
import { latency } from '../../../bench/sampling';

/** An error as neo4j-driver raises it when the transaction's timeout stops a statement. */
const timedOut = () =>
  Object.assign(new Error('The transaction has been terminated.'), {
    code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  });

describe('bench raw budget: a raw baseline that does not finish within --raw-timeout', () => {
  it('recognises Neo4j transaction timeouts and nothing else', () => {
    expect(isTransactionTimeout(timedOut())).toBe(true);
    expect(isTransactionTimeout({ code: 'Neo.ClientError.Transaction.TransactionTimedOut' })).toBe(true);
    expect(isTransactionTimeout({ code: 'Neo.ClientError.Statement.SyntaxError' })).toBe(false);
    expect(isTransactionTimeout(new Error('boom'))).toBe(false);
    expect(isTransactionTimeout(null)).toBe(false);
  });

  it('sends the budget as the timeout, records a timed-out run as the budget and never runs it again', async () => {
    const timeouts: number[] = [];
    const raw = new BoundedRaw(600_000, (t) => {
      timeouts.push(t);
      return Promise.reject(timedOut());
    });
    await raw.run();
    await raw.run();
    await raw.run();
    expect(timeouts).toEqual([600_000]);
    expect(raw.runs).toEqual([{ ms: 600_000, timedOut: true }]);
    expect(raw.timedOut).toBe(true);
    expect(raw.answered).toBe(false);
  });

  it('lets any other error through', async () => {
    const raw = new BoundedRaw(1000, () => Promise.reject(new Error('syntax')));
    await expect(raw.run()).rejects.toThrow('syntax');
    expect(raw.runs).toEqual([]);
  });

  it('keeps the answer of a run that finished', async () => {
    const raw = new BoundedRaw(1000, () => Promise.resolve({ groups: 3 }));
    await raw.run();
    expect(raw.answered).toBe(true);
    expect(raw.answer).toEqual({ groups: 3 });
    expect(raw.runs).toHaveLength(1);
    expect(raw.runs[0].timedOut).toBe(false);
  });

  it('reads a raw that timed out in the warm-up as "> budget", its ratios as upper bounds (rounded up)', () => {
    const graphql = latency([3000, 3200, 3400]);
    const f = boundedFigures(graphql, [], [{ ms: 600_000, timedOut: true }], 600_000);
    expect(f.rawTimedOut).toBe(true);
    expect(f.rawTimedOutRuns).toBe(1);
    expect(f.raw).toEqual({ n: 1, p50: 600_000, p95: 600_000, p99: 600_000, mean: 600_000 });
    expect(f.rawP50Bound).toBe('lower');
    expect(f.ratioP50Bound).toBe('upper');
    expect(f.ratioP95Bound).toBe('upper');
    // 3200 / 600,000 = 0.0053: an upper bound rounds up, never to 0
    expect(f.ratioP50).toBe(0.01);
    expect(formatRaw(f.raw!.p50, f.rawP50Bound)).toBe('> 600 s');
    expect(formatRatio(f.ratioP50, f.ratioP50Bound, f.raw!.p50)).toBe('< 0.01 (raw > 600 s)');
  });

  it('reads every run when the raw timed out before the samples: one finished, one not', () => {
    const graphql = latency([10_000, 12_000]);
    const all = [
      { ms: 480_000, timedOut: false },
      { ms: 600_000, timedOut: true },
    ];
    const f = boundedFigures(graphql, [], all, 600_000);
    expect(f.raw?.n).toBe(2);
    expect(f.raw?.p50).toBe(480_000);
    expect(f.rawP50Bound).toBeNull();
    expect(f.ratioP50).toBe(0.02);
    expect(f.ratioP50Bound).toBeNull();
    expect(f.rawP95Bound).toBe('lower');
    expect(f.ratioP95Bound).toBe('upper');
  });

  it('gives exact figures where the percentile is a finished run, bounds where it is a timed-out one', () => {
    const graphql = latency([100, 100, 100, 100]);
    const runs = [
      { ms: 200, timedOut: false },
      { ms: 400, timedOut: false },
      { ms: 300, timedOut: false },
      { ms: 1000, timedOut: true },
    ];
    const f = boundedFigures(graphql, runs, runs, 1000);
    expect(f.raw?.p50).toBe(300);
    expect(f.rawP50Bound).toBeNull();
    expect(f.ratioP50).toBe(0.33);
    expect(f.ratioP50Bound).toBeNull();
    expect(f.raw?.p95).toBe(1000);
    expect(f.rawP95Bound).toBe('lower');
    expect(f.ratioP95).toBe(0.1);
    expect(f.ratioP95Bound).toBe('upper');
    expect(formatRatio(f.ratioP50, f.ratioP50Bound, f.raw?.p50)).toBe('0.33');
  });

  it('changes nothing for a raw that always finished', () => {
    const graphql = latency([10, 12, 14]);
    const runs = [5, 6, 7].map((ms) => ({ ms, timedOut: false }));
    const f = boundedFigures(graphql, runs, runs, 300_000);
    expect(f).toMatchObject({ rawTimedOut: false, rawTimedOutRuns: 0, ratioP50: 2, ratioP50Bound: null });
    expect(f.raw).toEqual(latency([5, 6, 7]));
    expect(formatRaw(f.raw!.p50, f.rawP50Bound)).toBe('6');
  });

  it('does not compare answers with a raw that timed out, and says so', () => {
    expect(answersCompared({ groups: 3 }, { answered: false, timedOut: true, answer: undefined })).toEqual({
      answersMatch: null,
      answersNote: 'not compared (raw timed out)',
    });
    expect(answersCompared({ groups: 3 }, { answered: true, timedOut: false, answer: { groups: 3 } })).toEqual({
      answersMatch: true,
    });
    expect(answersCompared({ groups: 3 }, { answered: true, timedOut: true, answer: { groups: 4 } })).toEqual({
      answersMatch: false,
    });
    expect(answersCompared(undefined, { answered: true, timedOut: false, answer: 1 })).toEqual({ answersMatch: null });
  });
});
