import { warmNeo4j } from '../../../bench/neo4jWarmUp';

/** A clock that each run advances by `ms`, and a JVM whose compilation grows by `rate(t)` ms a second. */
function fakeJvm(ms: number, rate: (t: number) => number) {
  let t = 0;
  let compiled = 0;
  const runs: number[] = [];
  return {
    now: () => t,
    runs,
    side: () => () => {
      compiled += (rate(t) * ms) / 1000;
      t += ms;
      runs.push(t);
      return Promise.resolve();
    },
    compilationMs: () => Promise.resolve(compiled),
  };
}

describe('bench: Neo4j warmed until its JIT is quiet', () => {
  const opts = { capMs: 60_000, windowMs: 5_000, quietMsPerS: 100 };

  it('stops at the first window in which the JVM compiled less than the quiet pace', async () => {
    // 800 ms of compilation a second for the first 20 s, then 50
    const jvm = fakeJvm(10, (t) => (t < 20_000 ? 800 : 50));
    const w = await warmNeo4j([jvm.side(), jvm.side()], jvm.compilationMs, opts, jvm.now);
    expect(w.quiet).toBe(true);
    // windows end at 5, 10, 15, 20 s (busy) and 25 s (quiet)
    expect(w.ms).toBe(25_000);
    expect(w.turns).toBe(1250);
    expect(w.lastRateMsPerS).toBe(50);
    expect(w.compilationMsAfter! - w.compilationMsBefore!).toBe(20 * 800 + 5 * 50);
  });

  it('stops at the cap when the JIT never goes quiet', async () => {
    const jvm = fakeJvm(10, () => 500);
    const w = await warmNeo4j([jvm.side()], jvm.compilationMs, { ...opts, capMs: 12_000 }, jvm.now);
    expect(w).toMatchObject({ quiet: false, ms: 12_000, lastRateMsPerS: 500 });
  });

  it('runs for the cap without a reading of the JIT (no JMX), and not at all without sides', async () => {
    const jvm = fakeJvm(10, () => 0);
    const none = () => Promise.resolve(null);
    expect(await warmNeo4j([jvm.side()], none, { ...opts, capMs: 7_000 }, jvm.now)).toMatchObject({
      quiet: false,
      ms: 7_000,
      turns: 700,
      lastRateMsPerS: null,
    });
    expect(await warmNeo4j([], jvm.compilationMs, opts, jvm.now)).toMatchObject({ turns: 0, ms: 0 });
  });
});
