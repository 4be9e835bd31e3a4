/**
 * A warm-up of Neo4j itself before the bench measures any operation (`--neo4j-warmup <s>`,
 * bench/README.md "A cold Neo4j"). A Neo4j just started spends minutes compiling its own code: its
 * JVM's JIT compiler threads took 21 s of CPU during the 47 s in which the neighbourhood at depth 1
 * was measured first thing after start (S, a 2-core machine: almost half a core taken from the
 * service, the bench and Neo4j's query threads), where in the whole mix the traces before it had let
 * the JIT finish. The operations' own warm-ups (bench/sampling.ts) warm their statements' plans and the
 * service's code, not the JVM's. This one runs the light operations in turns until the JVM's
 * compilation time (JMX `java.lang:type=Compilation`, TotalCompilationTime) grows by less than
 * `quietMsPerS` a second over a window, or until the cap.
 */
import neo4j, { Driver } from 'neo4j-driver';

/** The JVM's accumulated compilation time in ms (JMX), null where Neo4j does not expose it. */
export async function jvmCompilationMs(driver: Driver): Promise<number | null> {
  try {
    const { records } = await driver.executeQuery(
      `CALL dbms.queryJmx('java.lang:type=Compilation') YIELD attributes RETURN attributes.TotalCompilationTime.value AS ms`,
      {},
      { routing: neo4j.routing.READ },
    );
    const ms = records[0]?.get('ms');
    return ms == null ? null : Number(ms);
  } catch {
    return null;
  }
}

export interface Neo4jWarmUpOptions {
  /** The longest the warm-up runs (ms). */
  capMs: number;
  /** The window over which the compilation rate is read (ms). */
  windowMs: number;
  /** Quiet: the JVM compiled less than this many ms a second over the last window. */
  quietMsPerS: number;
  /** Told the pace of each window (compilation ms a second) and the time since the start. */
  onWindow?: (rateMsPerS: number, elapsedMs: number) => void;
}

export interface Neo4jWarmUp {
  ms: number;
  /** Turns run (one run of every side a turn). */
  turns: number;
  /** The JVM's compilation time when the warm-up began and ended (ms; null: not readable). */
  compilationMsBefore: number | null;
  compilationMsAfter: number | null;
  /** Compilation ms a second over the last window. */
  lastRateMsPerS: number | null;
  /** Whether the JIT went quiet before the cap. */
  quiet: boolean;
}

/**
 * Runs `sides` in turns (one run each a turn) until the JVM's compilation, read by `compilationMs`
 * after each window of `windowMs`, grew by less than `quietMsPerS` a second over that window, at most
 * for `capMs`. Without a reading (no JMX) it runs for the cap.
 */
export async function warmNeo4j(
  sides: (() => Promise<unknown>)[],
  compilationMs: () => Promise<number | null>,
  opts: Neo4jWarmUpOptions,
  now: () => number = () => performance.now(),
): Promise<Neo4jWarmUp> {
  const started = now();
  const before = await compilationMs();
  let windowStart = started;
  let windowMs = before;
  let rate: number | null = null;
  let turns = 0;
  let quiet = false;
  while (sides.length > 0 && now() - started < opts.capMs) {
    for (const run of sides) await run();
    turns++;
    const t = now();
    if (t - windowStart < opts.windowMs) continue;
    const c = await compilationMs();
    if (c != null && windowMs != null) {
      rate = ((c - windowMs) / (t - windowStart)) * 1000;
      opts.onWindow?.(Math.round(rate), Math.round(t - started));
      if (rate < opts.quietMsPerS) {
        quiet = true;
        break;
      }
    }
    windowStart = t;
    windowMs = c;
  }
  const after = await compilationMs();
  const round = (x: number | null) => (x == null ? null : Math.round(x));
  return {
    ms: Math.round(now() - started),
    turns,
    compilationMsBefore: before,
    compilationMsAfter: after,
    lastRateMsPerS: round(rate),
    quiet,
  };
}
