import { interleavedRounds, latency, timeInterleaved, topUpWarmUp, warmUp } from '../../../bench/sampling';

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
