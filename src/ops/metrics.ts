/**
 * Prometheus metrics (prom-client), one registry per process, served at GET /metrics
 * (src/ops/metricsRoute.ts). Every label value is bounded: operation names and error codes are kept
 * up to a fixed number of distinct values (then "other"), statements are named by their call site
 * (src/db/observe/statementName.ts); no query text, variable or id ever becomes a label.
 */
import client from 'prom-client';
import type { Driver } from 'neo4j-driver';
import { observeDb } from '../db/observe/events';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'collier_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const SIZES = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000, 50_000];

/** Values of one label, kept to `max` distinct ones; past it a new value counts as "other". */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    private readonly max: number,
    private readonly shape = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
  ) {}

  of(value: string | null | undefined, fallback: string): string {
    if (value == null || value === '') return fallback;
    if (!this.shape.test(value)) return 'other';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

/** A histogram or a counter of this process's registry. */
function histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) {
  return new client.Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
}
function counter<L extends string>(name: string, help: string, labelNames: readonly L[]) {
  return new client.Counter<L>({ name, help, labelNames, registers: [registry] });
}

export const metrics = {
  httpDuration: histogram(
    'collier_http_request_duration_seconds',
    'GraphQL requests over HTTP, from the start of the operation to the answer, by operation name and outcome (ok, error, rejected)',
    ['operation', 'type', 'outcome'] as const,
    SECONDS,
  ),
  graphqlErrors: counter('collier_graphql_errors_total', 'Errors in GraphQL answers, by extensions.code', [
    'code',
  ] as const),
  warnings: counter(
    'collier_graphql_warnings_total',
    'Warnings in GraphQL answers (extensions.warnings), by code, e.g. PATH_CAP_REACHED',
    ['code'] as const,
  ),
  cypherStatements: counter(
    'collier_cypher_statements_total',
    'Cypher statements sent to Neo4j, by statement (its call site in the code), mode and outcome',
    ['statement', 'mode', 'outcome'] as const,
  ),
  cypherDuration: histogram(
    'collier_cypher_statement_duration_seconds',
    'Time of one Cypher statement, from sending it to its last record, by statement',
    ['statement'] as const,
    SECONDS,
  ),
  cypherRows: histogram(
    'collier_cypher_statement_rows',
    'Rows one Cypher statement answered, by statement',
    ['statement'] as const,
    SIZES,
  ),
  loaderBatch: histogram(
    'collier_dataloader_batch_size',
    'Keys per DataLoader batch (one Cypher statement each), by loader',
    ['loader'] as const,
    SIZES,
  ),
  traceWalkExpanded: histogram(
    'collier_trace_walk_legs_expanded',
    'Legs one trace walk expanded, by walk kind (bestFirst, enumerate)',
    ['kind'] as const,
    SIZES,
  ),
  traceWalkRounds: histogram(
    'collier_trace_walk_rounds',
    'Rounds (one Cypher statement each) of one trace walk, by walk kind',
    ['kind'] as const,
    [1, 2, 3, 4, 6, 8, 12, 16, 32, 64],
  ),
  traceWalkCapped: counter(
    'collier_trace_walk_capped_total',
    'Trace walks stopped by a safety cap (rounds, legs expanded or routes), by walk kind',
    ['kind'] as const,
  ),
  importLines: counter(
    'collier_import_lines_total',
    'Lines of JSON Lines / FtM imports (importFacts and npm run import), by format and outcome (written, rejected, other)',
    ['format', 'outcome'] as const,
  ),
  rateLimited: counter('collier_rate_limited_total', 'Requests refused with 429, by limit (requests, cost)', [
    'limit',
  ] as const),
};

const statements = new BoundedLabel(500, /^[A-Za-z0-9_$./:-]{1,120}$/);

/** Counts the data layer's work (statements, trace walks, imports); once per process. */
let observing = false;
export function observeDbMetrics(): void {
  if (observing) return;
  observing = true;
  observeDb({
    statement(name, mode) {
      const statement = statements.of(name, 'other');
      const stop = metrics.cypherDuration.startTimer({ statement });
      return ({ rows, error }) => {
        stop();
        metrics.cypherStatements.inc({ statement, mode, outcome: error == null ? 'ok' : 'error' });
        if (rows != null) metrics.cypherRows.observe({ statement }, rows);
      };
    },
    traceWalk({ kind, expanded, rounds, capped }) {
      metrics.traceWalkExpanded.observe({ kind }, expanded);
      metrics.traceWalkRounds.observe({ kind }, rounds);
      if (capped) metrics.traceWalkCapped.inc({ kind });
    },
    imported({ format, dryRun, lines, written, rejected }) {
      if (dryRun) return;
      metrics.importLines.inc({ format, outcome: 'written' }, written);
      metrics.importLines.inc({ format, outcome: 'rejected' }, rejected);
      metrics.importLines.inc({ format, outcome: 'other' }, Math.max(0, lines - written - rejected));
    },
  });
}

/**
 * The driver's connection pool. neo4j-driver has no public pool statistics, so this reads its pool's
 * own counters (in use, idle and waiting acquisitions per server); a driver whose internals differ
 * reports nothing rather than wrong figures.
 */
interface PoolInternals {
  _activeResourceCounts?: Record<string, number>;
  /** Idle connections per server (a pool object with a `length`). */
  _pools?: Record<string, { length?: number }>;
  _acquireRequests?: Record<string, { length?: number }>;
}

const drivers = new Set<Driver>();

function pool(driver: Driver): PoolInternals | null {
  const provider = (driver as unknown as { _connectionProvider?: { _connectionPool?: PoolInternals } })
    ._connectionProvider;
  const p = provider?._connectionPool;
  return p != null && typeof p === 'object' ? p : null;
}

function sum(record: Record<string, number | { length?: number }> | undefined): number {
  let n = 0;
  for (const v of Object.values(record ?? {})) n += typeof v === 'number' ? v : Number(v?.length) || 0;
  return n;
}

new client.Gauge({
  name: 'collier_neo4j_pool_connections',
  help: 'Connections of the Neo4j driver pool, by state (in_use, idle)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    let inUse = 0;
    let idle = 0;
    for (const d of drivers) {
      const p = pool(d);
      inUse += sum(p?._activeResourceCounts);
      idle += sum(p?._pools);
    }
    this.set({ state: 'in_use' }, inUse);
    this.set({ state: 'idle' }, idle);
  },
});

new client.Gauge({
  name: 'collier_neo4j_pool_waiting',
  help: 'Requests waiting for a connection of the Neo4j driver pool (it is full)',
  registers: [registry],
  collect() {
    let waiting = 0;
    for (const d of drivers) waiting += sum(pool(d)?._acquireRequests);
    this.set(waiting);
  },
});

/** Reports this driver's pool (until it is closed: call the answer). */
export function watchDriverPool(driver: Driver): () => void {
  drivers.add(driver);
  return () => drivers.delete(driver);
}
