/**
 * What the data layer tells observers (metrics, traces) about its work, without knowing who listens:
 * each Cypher statement (a bounded name, never its text or parameters, and its row count), trace
 * walks and imports. `src/ops` subscribes; with nobody subscribed every call is a no-op.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { captureStack, statementName } from './statementName';

export type StatementMode = 'READ' | 'WRITE';

export interface StatementEnd {
  rows?: number;
  error?: unknown;
}

export interface TraceWalkEvent {
  /** `bestFirst` (ranked) or `enumerate` (every route up to the cap). */
  kind: 'bestFirst' | 'enumerate';
  /** Legs expanded, rounds, routes found, and whether a safety cap stopped it. */
  expanded: number;
  rounds: number;
  routes: number;
  capped: boolean;
}

export interface ImportEvent {
  format: string;
  dryRun: boolean;
  lines: number;
  written: number;
  rejected: number;
}

export interface DbObserver {
  /** A statement starts; the answer is called once when it ends (with its rows, or its error). */
  statement?: (name: string, mode: StatementMode) => (end: StatementEnd) => void;
  traceWalk?: (event: TraceWalkEvent) => void;
  imported?: (event: ImportEvent) => void;
}

const observers: DbObserver[] = [];

/** Adds an observer; the answer removes it. */
export function observeDb(observer: DbObserver): () => void {
  observers.push(observer);
  return () => {
    const i = observers.indexOf(observer);
    if (i >= 0) observers.splice(i, 1);
  };
}

const NOTHING = (): void => undefined;

/** Called by Database as a statement starts (the statement's name is found from its call site). */
export function statementStarted(cypher: string, mode: StatementMode, site?: string): (end: StatementEnd) => void {
  if (!observers.some((o) => o.statement)) return NOTHING;
  const name = statementName(cypher, site);
  const ends = observers.flatMap((o) => (o.statement ? [o.statement(name, mode)] : []));
  return (end) => {
    for (const e of ends) e(end);
  };
}

export function traceWalked(event: TraceWalkEvent): void {
  for (const o of observers) o.traceWalk?.(event);
}

export function importFinished(event: ImportEvent): void {
  for (const o of observers) o.imported?.(event);
}

/** Where the caller stands, for statements sent later from inside the data layer (undefined when nobody observes). */
export function callSite(): string | undefined {
  return observers.some((o) => o.statement) ? captureStack() : undefined;
}

/**
 * A transaction whose statements are observed like single ones (Database.transaction and writeAll);
 * `site` (from `callSite()`) names the statements the data layer sends itself.
 */
export function observedTx(tx: Pick<ManagedTransaction, 'run'>, site?: string): Pick<ManagedTransaction, 'run'> {
  if (!observers.some((o) => o.statement)) return tx;
  const run = (cypher: string, params?: Record<string, unknown>) => {
    const ended = statementStarted(cypher, 'WRITE', site);
    const result = tx.run(cypher, params);
    result.then(
      (r) => ended({ rows: r.records.length }),
      (error: unknown) => ended({ error }),
    );
    return result;
  };
  return { run: run as ManagedTransaction['run'] };
}
