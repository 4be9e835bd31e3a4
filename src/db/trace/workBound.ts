/**
 * The work bound of a trace walk (docs/trace-engine.md, "The work bound"): how much a walk may do in
 * memory before it stops and answers with what it has, and how it lets other requests run meanwhile.
 *
 * The exact best-first walk (walk.ts) must grow every partial route that ranks above the last answer
 * it returns. At a hub that is millions: 300 departures, each followed by any of 300 others, gives
 * 300 × 300 × … partial routes of nearly equal score before the first route of `maxHops` legs ranks
 * first. Without a bound the walk held the event loop for 46 s there (issue 13). So:
 *
 * - `maxStates`: the most partial routes a walk may grow (each push onto its queue, the unit of its
 *   memory and time). Deterministic: the same question on the same graph stops at the same place.
 * - `budgetMs`: the most CPU time the walk may spend in JavaScript (its own loop, not the time it waits
 *   for Neo4j, which NEO4J_QUERY_TIMEOUT_MS bounds per statement; CPU time, so that a machine busy
 *   with other work does not cut a walk short): a safety net for slower machines.
 *
 * Either ends the exact part of the walk; walk.ts then completes the answer from the best pending
 * routes (complete.ts) and reports it (`workLimit`), and the resolver sends TRACE_WORK_LIMIT.
 *
 * The bound and its defaults are src/domain/trace/workBound.ts; here the meter that counts a walk's work.
 *
 * Whatever the bound, the walk yields to the event loop every `SLICE_MS` of work, so that /healthz and
 * other requests are answered while a trace runs.
 */

import { UNBOUNDED, WorkBound, WorkLimitReason } from '../../domain/trace/workBound';

export { DEFAULT_WORK_BOUND, UNBOUNDED } from '../../domain/trace/workBound';
export type { WorkBound, WorkLimit, WorkLimitReason } from '../../domain/trace/workBound';

/** The longest the walk holds the event loop before it yields (ms). */
export const SLICE_MS = 10;
/** Looks at the clock are this many steps (or routes grown) apart: each costs a few microseconds. */
const CHECK_EVERY = 256;

/** CPU time the process used since `from` (ms): the walk's own work, not the time the machine gave others. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/** Counts a walk's work against its bound and yields to the event loop. */
export class WorkMeter {
  states = 0;
  reason: WorkLimitReason | null = null;
  /** CPU time of the walk's slices before the current one (ms). */
  private spentMs = 0;
  private sliceStart = performance.now();
  private sliceCpu = process.cpuUsage();
  private steps = 0;
  private nextCheck = CHECK_EVERY;
  private overTime = false;

  constructor(readonly bound: WorkBound = UNBOUNDED) {}

  /** Counts `n` partial routes grown. */
  grow(n: number): void {
    this.states += n;
  }

  /** True once the walk is over its bound (and stays so). Cheap enough to call at every step. */
  exhausted(): boolean {
    if (this.reason) return true;
    if (this.states > this.bound.maxStates) this.reason = 'STATES';
    else if (this.overTime) this.reason = 'TIME';
    return this.reason != null;
  }

  /**
   * Call at every step of a loop: once the steps and routes grown since the last look at the clock
   * reach CHECK_EVERY, it looks, and after SLICE_MS of work it waits for the event loop's next turn, so
   * that other requests run. Resolves at once otherwise.
   */
  async breathe(): Promise<void> {
    const work = ++this.steps + this.states;
    if (work < this.nextCheck) return;
    this.nextCheck = work + CHECK_EVERY;
    if (this.spentMs + cpuMs(this.sliceCpu) > this.bound.budgetMs) this.overTime = true;
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await this.away(() => new Promise<void>((r) => setImmediate(r)));
  }

  /** Runs `wait` (a statement, a yield) without counting its time as the walk's. */
  async away<T>(wait: () => Promise<T>): Promise<T> {
    this.spentMs += cpuMs(this.sliceCpu);
    try {
      return await wait();
    } finally {
      this.sliceStart = performance.now();
      this.sliceCpu = process.cpuUsage();
    }
  }
}
