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

describe('bench warm-up by time', () => {
  it('gives no turns to a side whose run takes over ten times the whole budget (only its minimum)', async () => {
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 60));
    const fast = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
    const ran = await warmUp(
      [
        { run: fast, min: 1, max: 1000 },
        { run: slow, min: 1, max: 1000 },
      ],
      5,
    );
    expect(ran[1]).toBe(1);
    expect(ran[0]).toBeGreaterThan(1);
  });

  it('runs each side its minimum even when the budget is spent', async () => {
    const ran = await warmUp(
      [
        { run: () => Promise.resolve(), min: 3, max: 100 },
        { run: () => Promise.resolve(), min: 1, max: 100 },
      ],
      0,
    );
    expect(ran).toEqual([3, 1]);
  });

  it('starts the budget once every side had its minimum (the cold runs do not spend it)', async () => {
    let first = true;
    const cold = () =>
      new Promise<void>((resolve) => {
        setTimeout(resolve, first ? 80 : 1);
        first = false;
      });
    const ran = await warmUp(
      [
        { run: cold, min: 1, max: 1000 },
        { run: () => new Promise<void>((resolve) => setTimeout(resolve, 1)), min: 1, max: 1000 },
      ],
      40,
    );
    expect(ran[0]).toBeGreaterThan(3);
    expect(ran[1]).toBeGreaterThan(3);
  });

  it('keeps going until the budget is spent, each side within its maximum', async () => {
    let calls = 0;
    const tick = () => new Promise<void>((resolve) => setTimeout(() => resolve(void calls++), 1));
    const ran = await warmUp(
      [
        { run: tick, min: 1, max: 5 },
        { run: tick, min: 1, max: 1000 },
      ],
      60,
    );
    expect(ran[0]).toBe(5);
    expect(ran[1]).toBeGreaterThan(5);
    expect(calls).toBe(ran[0] + ran[1]);
  });
});

describe('bench warm-up topped up to a floor of requests', () => {
  const counter = (ms = 0) => {
    const calls: number[] = [];
    const side = (k: number) => ({
      run: () => new Promise<void>((resolve) => setTimeout(() => resolve(void calls.push(k)), ms)),
      min: 1,
      max: 1000,
    });
    return { calls, side };
  };

  it('runs every side until the service has its floor, in turns, never a side past the floor', async () => {
    const { calls, side } = counter();
    const more = await topUpWarmUp([side(0), side(1), side(2)], [40, 40, 995], 100, 60_000);
    expect(more).toEqual([60, 60, 0]);
    expect(calls.slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(calls.length).toBe(120);
    expect(await topUpWarmUp([side(0)], [100], 100, 60_000)).toEqual([0]);
  });

  it('stops after its probe turns when their pace says the rest would take longer than the cap', async () => {
    const { calls, side } = counter(5);
    // 5 ms a turn: 990 more would take ≈ 5 s, over the cap of 1 s
    expect(await topUpWarmUp([side(0), side(1)], [10, 10], 1000, 1000, 4)).toEqual([4, 4]);
    expect(calls.length).toBe(8);
  });
});
