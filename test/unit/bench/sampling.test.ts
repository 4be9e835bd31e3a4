import {
  interleavedRounds,
  latency,
  ratioP50Interval,
  sampleInterleaved,
  taken,
  timeInterleaved,
  topUpWarmUp,
  warmUp,
  warmUpPaced,
} from '../../../bench/sampling';

describe('bench sampling: the sides of a ratio in the same rounds', () => {
  it('runs every side once a round when they want the same count, rotating who goes first', () => {
    expect(interleavedRounds([3, 3])).toEqual([
      [0, 1],
      [1, 0],
      [0, 1],
    ]);
    expect(interleavedRounds([2, 2, 2])).toEqual([
      [0, 1, 2],
      [1, 2, 0],
    ]);
  });

  it('spreads a side of fewer samples evenly over the rounds, never more than it wants', () => {
    const rounds = interleavedRounds([25, 2]);
    expect(rounds).toHaveLength(25);
    const raw = rounds.flatMap((r, i) => (r.includes(1) ? [i] : []));
    expect(raw).toEqual([12, 24]);
    expect(rounds.every((r) => r.includes(0))).toBe(true);
  });

  it('leaves out a side of no samples, and has no rounds when nothing is wanted', () => {
    expect(interleavedRounds([2, 0])).toEqual([[0], [0]]);
    expect(interleavedRounds([0, 0])).toEqual([]);
  });

  it('measures each side in its own latency, the calls alternating', async () => {
    const calls: string[] = [];
    const [a, b, none] = await timeInterleaved([
      { n: 4, run: () => Promise.resolve(calls.push('a')) },
      { n: 4, run: () => Promise.resolve(calls.push('b')) },
      { n: 0, run: () => Promise.resolve(calls.push('c')) },
    ]);
    expect(calls.join('')).toBe('abbaabba');
    expect(a?.n).toBe(4);
    expect(b?.n).toBe(4);
    expect(none).toBeNull();
  });

  it('gives percentiles of the samples', () => {
    expect(latency([5, 1, 4, 2, 3])).toEqual({ n: 5, p50: 3, p95: 5, p99: 5, mean: 3 });
  });
});

/**
 * A clock the runs advance: each run "takes" the milliseconds it is given, so the warm-ups' decisions
 * are checked exactly, whatever the machine's load (no timer is waited for).
 */
function fakeClock() {
  let t = 0;
  const calls: string[] = [];
  return {
    now: () => t,
    calls,
    /** A run that takes `ms` (or what `ms()` answers, call by call) and records `name`. */
    run: (name: string, ms: number | (() => number)) => () => {
      calls.push(name);
      t += typeof ms === 'number' ? ms : ms();
      return Promise.resolve();
    },
  };
}

describe('bench warm-up by time', () => {
  it('gives no turns to a side whose run takes over ten times the whole budget (only its minimum)', async () => {
    const clock = fakeClock();
    const ran = await warmUp(
      [
        { run: clock.run('fast', 1), min: 1, max: 1000 },
        { run: clock.run('slow', 60), min: 1, max: 1000 },
      ],
      5,
      clock.now,
    );
    // the budget starts after the cold runs (t = 61) and ends at 66: five more runs of the fast side
    expect(ran).toEqual([6, 1]);
  });

  it('runs each side its minimum even when the budget is spent', async () => {
    const clock = fakeClock();
    const ran = await warmUp(
      [
        { run: clock.run('a', 10), min: 3, max: 100 },
        { run: clock.run('b', 10), min: 1, max: 100 },
      ],
      0,
      clock.now,
    );
    expect(ran).toEqual([3, 1]);
  });

  it('starts the budget once every side had its minimum (the cold runs do not spend it)', async () => {
    const clock = fakeClock();
    let first = true;
    const cold = () => {
      const ms = first ? 80 : 1;
      first = false;
      return ms;
    };
    const ran = await warmUp(
      [
        { run: clock.run('cold', cold), min: 1, max: 1000 },
        { run: clock.run('warm', 1), min: 1, max: 1000 },
      ],
      40,
      clock.now,
    );
    // the cold run took twice the budget; the 40 ms after it are shared in turns: 20 more runs each
    expect(ran).toEqual([21, 21]);
    expect(clock.calls.slice(0, 4)).toEqual(['cold', 'warm', 'cold', 'warm']);
  });

  it('keeps going until the budget is spent, each side within its maximum', async () => {
    const clock = fakeClock();
    const ran = await warmUp(
      [
        { run: clock.run('a', 1), min: 1, max: 5 },
        { run: clock.run('b', 1), min: 1, max: 1000 },
      ],
      60,
      clock.now,
    );
    expect(ran[0]).toBe(5);
    // 60 ms of turns after the cold runs: 4 more of a (its maximum), the rest to b
    expect(ran[1]).toBe(57);
    expect(clock.calls).toHaveLength(ran[0] + ran[1]);
  });
});

describe('bench warm-up: the pace of its warm turns', () => {
  it('leaves the cold runs out of the pace (a plan compiled on a cold Neo4j is not a request)', async () => {
    const clock = fakeClock();
    let cold = 2;
    const slowFirst = () => (cold-- > 0 ? 2000 : 2);
    const { ran, turnMs } = await warmUpPaced(
      [
        { run: clock.run('gql', slowFirst), min: 2, max: 1000 },
        { run: clock.run('raw', 3), min: 2, max: 1000 },
      ],
      500,
      clock.now,
    );
    // 4,006 ms of cold runs, then turns of 5 ms for the 500 ms of the budget
    expect(ran).toEqual([102, 102]);
    expect(turnMs).toBe(5);
  });

  it("has no pace when a side was left out of the turns (a raw of minutes: its pace is not the turns')", async () => {
    const clock = fakeClock();
    const paced = await warmUpPaced(
      [
        { run: clock.run('gql', 5), min: 2, max: 1000 },
        { run: clock.run('raw', 60_000), min: 2, max: 1000 },
      ],
      3000,
      clock.now,
    );
    expect(paced.ran[1]).toBe(2);
    expect(paced.turnMs).toBeNull();
  });

  it('has no pace when the budget gave no turn', async () => {
    const clock = fakeClock();
    expect(await warmUpPaced([{ run: clock.run('a', 10), min: 1, max: 1 }], 100, clock.now)).toEqual({
      ran: [1],
      turnMs: null,
    });
  });
});

describe('bench warm-up topped up to a floor of requests', () => {
  it('runs every side until the service has its floor, in turns, never a side past the floor', async () => {
    const clock = fakeClock();
    const side = (name: string) => ({ run: clock.run(name, 1), min: 1, max: 1000 });
    const more = await topUpWarmUp([side('a'), side('b'), side('c')], [40, 40, 995], 100, 60_000, 10, clock.now);
    expect(more).toEqual([60, 60, 0]);
    expect(clock.calls.slice(0, 4)).toEqual(['a', 'b', 'a', 'b']);
    expect(clock.calls).toHaveLength(120);
    expect(await topUpWarmUp([side('a')], [100], 100, 60_000, 10, clock.now)).toEqual([0]);
  });

  it('stops after its probe turns when their pace says the rest would take longer than the cap', async () => {
    const clock = fakeClock();
    const side = (name: string) => ({ run: clock.run(name, 5), min: 1, max: 1000 });
    // 10 ms a turn: 986 more would take ≈ 10 s, over the cap of 1 s
    expect(await topUpWarmUp([side('a'), side('b')], [10, 10], 1000, 1000, 4, clock.now)).toEqual([4, 4]);
    expect(clock.calls).toHaveLength(8);
  });

  it('goes on after its probe turns when their pace says the rest fits, and stops at the cap', async () => {
    const clock = fakeClock();
    const side = (name: string) => ({ run: clock.run(name, 1), min: 1, max: 1000 });
    // 2 ms a turn: 90 more fit in 1 s
    expect(await topUpWarmUp([side('a'), side('b')], [10, 10], 100, 1000, 4, clock.now)).toEqual([90, 90]);
    // 2 ms a turn: 990 more would take ≈ 2 s; the probe says no after 4 turns
    expect(await topUpWarmUp([side('a'), side('b')], [10, 10], 1000, 1000, 4, clock.now)).toEqual([4, 4]);
    // a probe later than the cap: the cap stops it (500 turns of 2 ms)
    expect(await topUpWarmUp([side('a'), side('b')], [10, 10], 1000, 1000, 10_000, clock.now)).toEqual([500, 500]);
  });
});

describe('bench sampling: the samples round by round', () => {
  it('gives each side its milliseconds in the rounds it ran, null in the others', async () => {
    const [a, b] = await sampleInterleaved([
      { n: 4, run: () => Promise.resolve() },
      { n: 2, run: () => Promise.resolve() },
    ]);
    expect(a.every((x) => typeof x === 'number')).toBe(true);
    expect(b.map((x) => x != null)).toEqual([false, true, false, true]);
    expect(taken(b)).toHaveLength(2);
  });
});

describe('bench sampling: how firm a ratio of p50s is (ratioP50Interval)', () => {
  const steady = (ms: number, n: number) => Array.from({ length: n }, () => ms);

  it('is a point when every round gives the same milliseconds', () => {
    expect(ratioP50Interval(steady(3, 40), steady(2, 40))).toMatchObject({ low: 1.5, high: 1.5, block: 6 });
  });

  it('holds the ratio of the p50s, and is the same for the same samples (seeded)', () => {
    // GraphQL 3 ± 1 ms, raw 2 ± 0.5 ms over 40 rounds, in a fixed pattern
    const gql = Array.from({ length: 40 }, (_, i) => 3 + ((i * 7) % 11) / 5 - 1);
    const raw = Array.from({ length: 40 }, (_, i) => 2 + ((i * 5) % 13) / 12 - 0.5);
    const p50 = (xs: number[]) => [...xs].sort((x, y) => x - y)[19];
    const point = p50(gql) / p50(raw);
    const a = ratioP50Interval(gql, raw)!;
    expect(a.low).toBeLessThan(point);
    expect(a.high).toBeGreaterThan(point);
    expect(a.level).toBe(0.9);
    expect(ratioP50Interval(gql, raw)).toEqual(a);
    // a wider level holds the narrower one
    const wide = ratioP50Interval(gql, raw, { level: 0.99 })!;
    expect(wide.low).toBeLessThanOrEqual(a.low);
    expect(wide.high).toBeGreaterThanOrEqual(a.high);
  });

  it('is wider for a side whose samples scatter more', () => {
    const raw = steady(2, 40);
    const calm = Array.from({ length: 40 }, (_, i) => 3 + ((i * 7) % 11) / 50);
    const wild = Array.from({ length: 40 }, (_, i) => 3 + ((i * 7) % 11) / 5);
    const width = (x: ReturnType<typeof ratioP50Interval>) => x!.high - x!.low;
    expect(width(ratioP50Interval(wild, raw))).toBeGreaterThan(width(ratioP50Interval(calm, raw)));
  });

  it('keeps the two sides of a round together (a slow stretch of rounds moves both alike)', () => {
    // rounds 20–39 slow on both sides (a busy stretch, half the run): the p50s of a resample are both
    // slow or both fast, so the ratio stays 1.5; drawn apart, they would give 4.5 or 0.5
    const gql = Array.from({ length: 40 }, (_, i) => (i >= 20 ? 9 : 3));
    const raw = Array.from({ length: 40 }, (_, i) => (i >= 20 ? 6 : 2));
    expect(ratioP50Interval(gql, raw, { block: 1 })).toMatchObject({ low: 1.5, high: 1.5 });
  });

  it('uses only the rounds a side ran in, and gives nothing for fewer than 5 samples a side', () => {
    const raw = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? 2 : null));
    expect(ratioP50Interval(steady(3, 40), raw)).toMatchObject({ low: 1.5, high: 1.5 });
    const two = Array.from({ length: 40 }, (_, i) => (i === 19 || i === 39 ? 2 : null));
    expect(ratioP50Interval(steady(3, 40), two)).toBeNull();
  });
});
