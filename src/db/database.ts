/**
 * The one door to Neo4j. Every read runs in a read-mode session (first as an auto-commit transaction,
 * then, on an error the driver would retry, in `executeRead`) and every write in `executeWrite`, so a
 * cluster (neo4j:// routing) spreads reads over its members; every transaction has a timeout; values
 * come back as plain JavaScript (numbers, ISO date strings, property maps), never driver types.
 */
import neo4j, {
  Driver,
  isDate,
  isDateTime,
  isInt,
  isLocalDateTime,
  ManagedTransaction,
  Neo4jError,
} from 'neo4j-driver';
import { callSite, observedTx, statementStarted } from './observe/events';

export interface DatabaseOptions {
  database?: string;
  /** Upper bound for every transaction, in milliseconds. */
  timeoutMs: number;
}

/** Counts the Cypher statements one GraphQL request sends (a request-scoped instance lives in the context). */
export class StatementCounter {
  count = 0;
}

/** Neo4j cannot be reached (stopped, restarting, network): the request should fail fast, not hang. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The graph database is not reachable right now. Try again shortly.');
    this.name = 'DatabaseUnavailableError';
    this.cause = cause;
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (error instanceof Neo4jError) {
    return UNAVAILABLE_CODES.has(error.code) || /connect|ECONNREFUSED|socket/i.test(error.message);
  }
  return false;
}

/**
 * The query needed more memory than Neo4j grants one transaction (or the heap had left). Raised in
 * place of the driver's error, which is marked transient and would be retried: the same query would
 * only fail again, and meanwhile slow every other request.
 */
export class QueryTooLargeError extends Error {
  constructor(cause: unknown) {
    super('The query needed more memory than the database grants one request.');
    this.name = 'QueryTooLargeError';
    this.cause = cause;
  }
}

/** The transaction ran past its timeout (NEO4J_QUERY_TIMEOUT_MS) and Neo4j stopped it. */
export class QueryTimeoutError extends Error {
  constructor(
    cause: unknown,
    readonly timeoutMs: number,
  ) {
    super(`The query ran longer than the database allows (${timeoutMs} ms).`);
    this.name = 'QueryTimeoutError';
    this.cause = cause;
  }
}

const MEMORY_CODES = /MemoryPoolOutOfMemoryError|TransactionMemoryLimit|OutOfMemoryError|MemoryLimitExceeded/;
const TIMEOUT_CODES = /TransactionTimedOut/;

/** A driver error that must not be retried, as the error the service answers with; anything else unchanged. */
export function classifyQueryError(error: unknown, timeoutMs: number): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = String(error.code ?? '');
  if (MEMORY_CODES.test(code) || (/ProcedureCallFailed/.test(code) && /OutOfMemory|memory limit/i.test(error.message)))
    return new QueryTooLargeError(error);
  if (TIMEOUT_CODES.test(code)) return new QueryTimeoutError(error, timeoutMs);
  return error;
}

export type Row = Record<string, unknown>;
/** What a transaction function may do: run statements (see Database.transaction). */
export type TxRunner = Pick<ManagedTransaction, 'run'>;
export type Params = Record<string, unknown>;

export class Database {
  /** Statements (read, write) this service has sent and not yet seen answered. */
  private running = 0;
  /** GraphQL operations this service is answering (`requestStarted`). */
  private requests = 0;

  constructor(
    readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {}

  /**
   * Counts one GraphQL operation from its start to its answer (server.ts, operationLogPlugin); the
   * call returned ends it (once; a second call does nothing).
   */
  requestStarted(): () => void {
    this.requests++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.requests--;
    };
  }

  /**
   * Whether the caller has Neo4j to itself: at most one operation in flight (its own) and no statement
   * running. db/read/page.ts reads a large page in halves only then: a request between two statements
   * still has its share of the machine, so under overlapping requests a second statement would only add
   * its own cost (docs/performance.md "Session nested11" and the lead's section after it).
   */
  get alone(): boolean {
    return this.requests <= 1 && this.running === 0;
  }

  async read<T = Row>(cypher: string, params: Params = {}, counter?: StatementCounter): Promise<T[]> {
    return this.run<T>('READ', cypher, params, counter);
  }

  async write<T = Row>(cypher: string, params: Params = {}, counter?: StatementCounter): Promise<T[]> {
    return this.run<T>('WRITE', cypher, params, counter);
  }

  /** Several write statements in one transaction: all applied or none. */
  async writeAll(statements: { cypher: string; params?: Params }[]): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    const site = callSite(); // the statements below are sent from here: name them by the caller
    try {
      await session.executeWrite(
        async (tx) => {
          for (const s of statements) await observedTx(tx, site).run(s.cypher, s.params ?? {});
        },
        { timeout: this.options.timeoutMs * 4 },
      );
    } catch (error) {
      throw isUnavailable(error) ? new DatabaseUnavailableError(error) : error;
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: all it writes is applied or none of it. The driver retries
   * it as a whole on transient errors, so `work` keeps no state outside. `rollback` runs it and then
   * rolls everything back (a dry run that sees exactly what a real run would).
   */
  async transaction<T>(
    work: (tx: TxRunner) => Promise<T>,
    options: { rollback?: boolean; timeoutMs?: number } = {},
  ): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    const timeout = options.timeoutMs ?? this.options.timeoutMs * 4;
    try {
      if (!options.rollback) return await session.executeWrite((tx) => work(observedTx(tx)), { timeout });
      const tx = session.beginTransaction({ timeout });
      try {
        return await work(observedTx(tx));
      } finally {
        if (tx.isOpen()) await tx.rollback();
      }
    } catch (error) {
      throw isUnavailable(error) ? new DatabaseUnavailableError(error) : error;
    } finally {
      await session.close();
    }
  }

  /** Resolves when the database answers a trivial query. */
  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<T>(
    mode: 'READ' | 'WRITE',
    cypher: string,
    params: Params,
    counter?: StatementCounter,
  ): Promise<T[]> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    if (counter) counter.count++;
    const ended = statementStarted(cypher, mode);
    this.running++;
    try {
      const timeoutMs = this.options.timeoutMs;
      // Memory and timeout errors are turned into the service's own inside the work, so the driver's
      // retry loop (which retries anything marked transient, memory errors included) lets them through.
      const work = async (tx: { run: (q: string, p: Params) => Promise<{ records: { toObject(): Row }[] }> }) => {
        try {
          return await tx.run(cypher, params);
        } catch (error) {
          throw classifyQueryError(error, timeoutMs);
        }
      };
      const config = { timeout: timeoutMs };
      const result =
        mode === 'READ'
          ? ((await firstTry(session, cypher, params, config, timeoutMs)) ?? (await session.executeRead(work, config)))
          : await session.executeWrite(work, config);
      ended({ rows: result.records.length });
      return await plainRows<T>(result.records);
    } catch (error) {
      ended({ error });
      if (isUnavailable(error)) throw new DatabaseUnavailableError(error);
      throw classifyQueryError(error, this.options.timeoutMs);
    } finally {
      this.running--;
      await session.close();
    }
  }
}

/**
 * A read sent first as an auto-commit transaction: the driver sends a managed transaction as BEGIN
 * (flushed on its own), RUN + PULL, then COMMIT — three socket writes and two round trips — where an
 * auto-commit read is one write and one round trip (issue 14: ≈ 0.5 ms of CPU and 1 ms of wall time a
 * statement here; the socket writes were the largest cost of a light request). A read changes
 * nothing, so nothing is lost by sending it again: an error the driver would retry (a cluster member
 * gone, a transient error) answers undefined and the caller runs it in `executeRead`, with the
 * driver's retries, as before; any other error (memory, timeout, syntax …) is thrown as it would be.
 */
async function firstTry(
  session: { run: (q: string, p: Params, c: { timeout: number }) => PromiseLike<{ records: { toObject(): Row }[] }> },
  cypher: string,
  params: Params,
  config: { timeout: number },
  timeoutMs: number,
): Promise<{ records: { toObject(): Row }[] } | undefined> {
  try {
    return await runUncaptured(session, cypher, params, config);
  } catch (error) {
    withCallerStack(error);
    const classified = classifyQueryError(error, timeoutMs);
    if (classified === error && neo4j.isRetryableError(error)) return undefined;
    throw classified;
  }
}

/**
 * `session.run` without the stack the driver captures for every result (`new Error('').stack` in its
 * Result, kept in case the statement fails: ≈ 0.08 ms a request, issue 14): the stack-trace limit is 0
 * for this synchronous call only. A statement that fails gets its callers' stack from
 * `withCallerStack` instead.
 */
function runUncaptured<R>(
  session: { run: (q: string, p: Params, c: { timeout: number }) => R },
  cypher: string,
  params: Params,
  config: { timeout: number },
): R {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(cypher, params, config);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * An error of `runUncaptured` whose stack holds no frame gets one: captured where it is caught, after
 * the await, so V8's async stack trace names the callers that awaited the statement (Database.run,
 * the read, the resolver), as the driver's stack named them.
 */
export function withCallerStack(error: unknown): void {
  if (!(error instanceof Error) || /\n\s+at /.test(error.stack ?? '')) return;
  const here = new Error().stack ?? '';
  const newline = here.indexOf('\n');
  error.stack = `${error.toString()}${newline < 0 ? '' : here.slice(newline)}`;
}

export function createDriver(uri: string, user: string, password: string, connectionTimeoutMs: number): Driver {
  // With auth disabled (the local loopback runtime) the server ignores the credentials.
  const auth = neo4j.auth.basic(user, password);
  return neo4j.driver(uri, auth, {
    connectionTimeout: connectionTimeoutMs,
    connectionAcquisitionTimeout: connectionTimeoutMs * 2,
    maxTransactionRetryTime: connectionTimeoutMs,
    maxConnectionPoolSize: 100,
    disableLosslessIntegers: true,
  });
}

/** Records converted between two turns of the event loop (a neighbourhood's or export's 12,000 rows: ~0.1 s). */
const ROWS_PER_TURN = 1000;

/**
 * The records as plain rows, yielding to the event loop every ROWS_PER_TURN records: converting a
 * large answer in one synchronous step held /healthz and every other request meanwhile.
 */
async function plainRows<T>(records: { toObject(): Row }[]): Promise<T[]> {
  const rows = new Array<T>(records.length);
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    rows[i] = toPlain(records[i].toObject()) as T;
  }
  return rows;
}

const isPrimitive = (x: unknown): boolean =>
  x === null || (typeof x !== 'object' && typeof x !== 'bigint' && x !== undefined);

/**
 * Driver values → plain JSON-able values: integers to numbers, temporal values to ISO strings, nodes and
 * relationships to their properties. A list is converted in place (the driver's lists of a result are
 * the caller's alone): a nested answer's thousands of lists of lists are not copied.
 */
export function toPlain(value: unknown): unknown {
  if (value == null) return null;
  // Strings, numbers and booleans first: they are most of what a result holds.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  // A list of strings, numbers or booleans (most lists a result holds) is already plain: kept as it is.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      if (!isPrimitive(x)) value[i] = toPlain(x);
    }
    return value;
  }
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return (value as { toString(): string }).toString();
  const v = value as Record<string, unknown>;
  // Node or Relationship: expose its properties (the id, labels and type are in the properties/queries).
  if ('properties' in v && ('labels' in v || 'type' in v) && 'elementId' in v) return toPlain(v.properties);
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = toPlain(v[k]);
  return out;
}
