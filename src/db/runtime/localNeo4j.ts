/**
 * The local Neo4j runtime: builds the Maven project in `neo4j/` when needed, starts the embedded
 * Neo4j launcher as a child process on a loopback Bolt port, waits for its ready line and a driver
 * probe, and stops it. The child also exits by itself when its stdin closes, so it cannot outlive a
 * parent that died without calling stop().
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as readline from 'readline';
import neo4j from 'neo4j-driver';
import {
  LocalNeo4jLog,
  JVM_FLAGS,
  noLog,
  runtimePaths,
  javaCommand,
  STDERR_TAIL_LINES,
  buildNeo4jRuntime,
} from './build';
export type { LocalNeo4jLog } from './build';

export interface LocalNeo4jOptions {
  boltPort: number;
  dataDir: string;
  /** JVM -Xmx, default 1g. */
  heap?: string;
  /** server.memory.pagecache.size, default 256m. */
  pageCache?: string;
  /** db.transaction.timeout in seconds, default 30. */
  txTimeoutSeconds?: number;
  /** Deadline for the ready line and the driver probe, default 120 000 ms. */
  startTimeoutMs?: number;
  log?: LocalNeo4jLog;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** Settles when the Java process has exited, whether through stop() or not. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const READY_PREFIX = 'COLLIER_NEO4J_READY ';
const STOP_GRACE_MS = 30_000;

/** Fails with a message naming the port when something already listens on 127.0.0.1:<port>. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(
          new Error(
            `Bolt port ${port} on 127.0.0.1 is not available (${error.code}): another Neo4j (or another program) is using it. ` +
              'Stop it, choose another port, or point NEO4J_URI at the running Neo4j.',
          ),
        );
      } else {
        reject(error);
      }
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

/** Starts embedded Neo4j on 127.0.0.1:<boltPort>, resolving once Bolt answers a driver probe. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? noLog;
  const deadlineMs = opts.startTimeoutMs ?? 120_000;
  await buildNeo4jRuntime(log);
  await assertPortFree(opts.boltPort);

  const paths = runtimePaths();
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    ...JVM_FLAGS,
    '-cp',
    `${paths.classes}${path.delimiter}${path.join(paths.lib, '*')}`,
    'collier.Launcher',
    `--bolt-port=${opts.boltPort}`,
    `--data-dir=${dataDir}`,
    `--plugins-dir=${paths.plugins}`,
    `--page-cache=${opts.pageCache ?? '256m'}`,
    `--tx-timeout=${opts.txTimeoutSeconds ?? 30}s`,
  ];
  const started = Date.now();
  const child = spawn(javaCommand(), args, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => {
      if (child.pid === undefined) resolve({ code: null, signal: null }); // never started (java not found)
    });
  });
  child.stdin?.on('error', () => undefined); // EPIPE once the child is gone
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    log('neo4j.stderr', { line });
  });
  log('neo4j.spawn', { pid: child.pid, boltPort: opts.boltPort, dataDir });

  const failure = (reason: string) =>
    new Error(
      `Local Neo4j on port ${opts.boltPort} ${reason}.` +
        (stderrTail.length > 0 ? `\nLast lines of its stderr:\n${stderrTail.join('\n')}` : '') +
        `\nNeo4j's own log: ${path.join(dataDir, 'logs', 'debug.log')}`,
    );

  try {
    const uri = await waitForReadyLine(child, exited, deadlineMs, failure, log);
    log('neo4j.ready-line', { uri, ms: Date.now() - started });
    await probe(uri, started + deadlineMs, exited, failure);
    log('neo4j.ready', { uri, pid: child.pid, ms: Date.now() - started });
    void exited.then(({ code, signal }) => log('neo4j.exit', { pid: child.pid, code, signal }));
    let stopping: Promise<void> | null = null;
    return {
      uri,
      pid: child.pid!,
      exited,
      stop: () => (stopping ??= stopChild(child, exited, log)),
    };
  } catch (error) {
    await stopChild(child, exited, log, 5_000);
    throw error;
  }
}

function waitForReadyLine(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  deadlineMs: number,
  failure: (reason: string) => Error,
  log: LocalNeo4jLog,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(failure(`printed no ready line within ${deadlineMs} ms`)), deadlineMs);
    const settle = () => clearTimeout(timer);
    child.once('error', (error) => {
      settle();
      reject(failure(`could not be started (${error.message})`));
    });
    void exited.then(({ code, signal }) => {
      settle();
      reject(failure(`exited (${signal ?? `code ${code}`}) before it was ready`));
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) {
        settle();
        resolve(line.slice(READY_PREFIX.length).trim());
      } else {
        log('neo4j.stdout', { line });
      }
    });
  });
}

/** The ready line means Bolt is bound; a driver round trip confirms it serves requests. */
async function probe(
  uri: string,
  deadline: number,
  exited: Promise<unknown>,
  failure: (reason: string) => Error,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  let lastError: unknown;
  while (Date.now() < deadline && !gone) {
    const driver = neo4j.driver(uri, undefined, { connectionTimeout: 5_000 }); // auth is off on loopback;
    try {
      await driver.getServerInfo();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await driver.close();
    }
  }
  const detail = lastError instanceof Error ? lastError.message : String(lastError);
  throw failure(gone ? 'exited during the driver probe' : `did not answer a driver probe (${detail})`);
}

/** SIGTERM (Neo4j's shutdown hook checkpoints and closes the store), then SIGKILL after the grace period. */
async function stopChild(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  log: LocalNeo4jLog,
  graceMs = STOP_GRACE_MS,
): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const started = Date.now();
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    log('neo4j.kill', { pid: child.pid, afterMs: graceMs });
    child.kill('SIGKILL');
    await exited;
  }
  log('neo4j.stopped', { pid: child.pid, ms: Date.now() - started });
}
