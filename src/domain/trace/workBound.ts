/**
 * The work bound of a trace walk (docs/trace-engine.md, "The work bound"): how much a walk may do in
 * memory before it stops and answers with what it has, the service's defaults, and what a walk that
 * reached it reports. The meter that counts it is src/db/trace/workBound.ts.
 */

export interface WorkBound {
  /** Most partial routes a walk may grow. */
  maxStates: number;
  /** Most milliseconds of CPU a walk may spend in its own loop. */
  budgetMs: number;
}

/** The service's defaults (TRACE_MAX_STATES, TRACE_WALK_BUDGET_MS); docs/trace-engine.md says how they were chosen. */
export const DEFAULT_WORK_BOUND: WorkBound = { maxStates: 120_000, budgetMs: 2_000 };
/** No bound (direct calls: the bench, the property tests); the walk still yields. */
export const UNBOUNDED: WorkBound = { maxStates: Infinity, budgetMs: Infinity };

export type WorkLimitReason = 'STATES' | 'TIME';

/** What a walk that reached its bound reports. */
export interface WorkLimit {
  reason: WorkLimitReason;
  /** Partial routes grown when it stopped. */
  states: number;
  /** The first `exact` routes of the answer are the exact best; the others the best found from what was pending. */
  exact: number;
}
