/**
 * The local Neo4j runtime: builds the Maven project in `neo4j/` when needed, starts the embedded
 * Neo4j launcher as a child process on a loopback Bolt port, waits for its ready line and a driver
 * probe, and stops it. The child also exits by itself when its stdin closes, so it cannot outlive a
 * parent that died without calling stop().
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as readline from 'readline';
import neo4j from 'neo4j-driver';

export type LocalNeo4jLog = (event: string, fields?: Record<string, unknown>) => void;

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
const STDERR_TAIL_LINES = 40;

/** Flags embedded Neo4j needs on Java 17 (see DESIGN §7); never -XX:+TrustFinalNonStaticFields. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

const noLog: LocalNeo4jLog = () => undefined;

/** The repository root: the nearest directory above this file (src/db or dist/src/db) holding neo4j/pom.xml. */
export function findRepoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      if (fs.existsSync(path.join(dir, 'neo4j', 'pom.xml'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find neo4j/pom.xml in any directory above ${__dirname} or ${process.cwd()}`);
}

function runtimePaths(root = findRepoRoot()) {
  const project = path.join(root, 'neo4j');
  const target = path.join(project, 'target');
  return {
    root,
    pom: path.join(project, 'pom.xml'),
    sources: path.join(project, 'src', 'main'),
    classes: path.join(target, 'classes'),
    launcherClass: path.join(target, 'classes', 'collier', 'Launcher.class'),
    lib: path.join(target, 'lib'),
    plugins: path.join(target, 'plugins'),
    stamp: path.join(target, '.collier-build-stamp'),
  };
}

/** A hash of everything the build reads: pom.xml and the Java sources. */
function sourceStamp(paths: ReturnType<typeof runtimePaths>): string {
  const hash = createHash('sha256');
  const files = [paths.pom, ...listFiles(paths.sources)].sort();
  for (const file of files) {
    hash.update(path.relative(paths.root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function hasJars(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).some((name) => name.endsWith('.jar'));
}

/** True when target/ holds a build of the current pom.xml and launcher sources. */
export function neo4jRuntimeBuilt(): boolean {
  const paths = runtimePaths();
  if (!fs.existsSync(paths.launcherClass) || !hasJars(paths.lib) || !hasJars(paths.plugins)) return false;
  if (!fs.existsSync(paths.stamp)) return false;
  return fs.readFileSync(paths.stamp, 'utf8').trim() === sourceStamp(paths);
}

function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

function missingToolsError(problems: string[]): Error {
  return new Error(
    `The local Neo4j runtime cannot be built: ${problems.join('; ')}. ` +
      'Install Java 17 (or newer) and Maven 3.8+ (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), ' +
      'or set NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) to an existing Neo4j 5, ' +
      'or run `docker compose up` to start Neo4j and the service in containers.',
  );
}

/** Java ≥ 17 and Maven must both answer; otherwise the error says what to install or use instead. */
function checkBuildTools(): void {
  const problems: string[] = [];
  const java = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    problems.push(`\`${javaCommand()} -version\` failed (${java.error?.message ?? `exit ${java.status}`})`);
  } else {
    const match = /version "(\d+)(?:\.(\d+))?/.exec(`${java.stderr}${java.stdout}`);
    const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
    if (!(major >= 17)) problems.push(`Java 17 or newer is required, found ${match ? match[0] : 'an unknown version'}`);
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) problems.push(`\`mvn -v\` failed (${mvn.error?.message ?? `exit ${mvn.status}`})`);
  if (problems.length > 0) throw missingToolsError(problems);
}

/**
 * Runs `mvn package` in neo4j/ unless target/ already holds a build of the current sources.
 * The first run downloads Neo4j, APOC and GDS from Maven Central; later runs work offline.
 */
export async function buildNeo4jRuntime(log: LocalNeo4jLog = noLog): Promise<void> {
  if (neo4jRuntimeBuilt()) return;
  checkBuildTools();
  const paths = runtimePaths();
  await withBuildLock(paths, log, async () => {
    if (!neo4jRuntimeBuilt()) await runMaven(paths, log); // another process may have built it meanwhile
  });
}

/**
 * One Maven build at a time (a test run and a dev server may both find the build stale): the build
 * empties target/lib, which must not happen under another build. A lock left by a dead process is taken over.
 */
async function withBuildLock(
  paths: ReturnType<typeof runtimePaths>,
  log: LocalNeo4jLog,
  build: () => Promise<void>,
): Promise<void> {
  const lock = path.join(path.dirname(paths.classes), '.build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readIfExists(path.join(lock, 'pid')));
    if (owner > 0 && !processAlive(owner)) {
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for another build of neo4j/ to finish (lock ${lock})`);
    if (!announced) log('neo4j.build.waiting', { lock, owner });
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    await build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Whether a process of this id exists (one of another user counts too). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function runMaven(paths: ReturnType<typeof runtimePaths>, log: LocalNeo4jLog): Promise<void> {
  const args = ['-B', '-q', '-Dstyle.color=never', '-f', paths.pom, 'package'];
  log('neo4j.build.start', { command: `mvn ${args.join(' ')}` });
  const started = Date.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn('mvn', args, { cwd: paths.root, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      output.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim() !== ''),
      );
      if (output.length > 200) output.splice(0, output.length - 200);
    };
    mvn.stdout.on('data', collect);
    mvn.stderr.on('data', collect);
    mvn.once('error', reject);
    mvn.once('close', resolve);
  });
  if (code !== 0 || !fs.existsSync(paths.launcherClass) || !hasJars(paths.lib) || !hasJars(paths.plugins)) {
    throw new Error(
      `mvn package in neo4j/ failed (exit ${code}). The first build needs Maven Central; later ones run offline.\n` +
        output.slice(-40).join('\n'),
    );
  }
  fs.writeFileSync(paths.stamp, `${sourceStamp(paths)}\n`);
  log('neo4j.build.done', { ms: Date.now() - started });
}

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

/**
 * Neo4j's offline bulk importer (`neo4j-admin database import full`, from the runtime's own jars) into
 * the database `neo4j` of a data folder that `startLocalNeo4j` will then serve: the embedded launcher
 * keeps its store under `<dataDir>/data`, the same layout neo4j-admin writes with NEO4J_HOME=dataDir.
 * Any store already there is replaced. `files` are CSV files, each with its own header line.
 */
export async function importCsvIntoLocalNeo4j(opts: {
  dataDir: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  arrayDelimiter: string;
  heap?: string;
  maxOffHeap?: string;
  log?: LocalNeo4jLog;
}): Promise<{ ms: number }> {
  const log = opts.log ?? noLog;
  await buildNeo4jRuntime(log);
  const home = path.resolve(opts.dataDir);
  // picocli reads the long list of files from an argument file.
  const argFile = path.join(home, 'import.args');
  const quote = (a: string) => `"${a.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  fs.writeFileSync(
    argFile,
    [
      '--id-type=string',
      `--array-delimiter=${opts.arrayDelimiter}`,
      '--overwrite-destination=true',
      `--max-off-heap-memory=${opts.maxOffHeap ?? '4g'}`,
      `--report-file=${path.join(home, 'logs', 'import.report')}`,
      ...opts.nodeFiles.map((f) => `--nodes=${f}`),
      ...opts.relationshipFiles.map((f) => `--relationships=${f}`),
    ]
      .map(quote)
      .join('\n'),
  );
  fs.mkdirSync(path.join(home, 'logs'), { recursive: true });
  // the database, before the file lists (which take every word after them)
  return runAdminTool(home, ['database', 'import', 'full', 'neo4j', `@${argFile}`], {
    heap: opts.heap ?? '2g',
    log: (line) => log('neo4j.import', { line }),
  });
}

/**
 * Runs `neo4j-admin` (org.neo4j.cli.AdminTool, from the runtime's own jars) with NEO4J_HOME = a local
 * data folder (a stub `conf/neo4j.conf` is written when there is none); throws with the tool's last
 * lines when it fails.
 */
export async function runAdminTool(
  home: string,
  commandArgs: string[],
  opts: { heap?: string; log?: (line: string) => void } = {},
): Promise<{ ms: number; output: string[] }> {
  const paths = runtimePaths();
  const conf = path.join(home, 'conf');
  fs.mkdirSync(conf, { recursive: true });
  const confFile = path.join(conf, 'neo4j.conf');
  if (!fs.existsSync(confFile)) {
    fs.writeFileSync(confFile, '# written by Collier for neo4j-admin; the launcher does not read it\n');
  }
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    ...JVM_FLAGS,
    '-cp',
    path.join(paths.lib, '*'),
    'org.neo4j.cli.AdminTool',
    ...commandArgs,
  ];
  const started = Date.now();
  const child = spawn(javaCommand(), args, {
    cwd: home,
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > STDERR_TAIL_LINES) tail.shift();
      opts.log?.(line);
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0)
    throw new Error(`neo4j-admin ${commandArgs.slice(0, 2).join(' ')} failed (exit ${code}):\n${tail.join('\n')}`);
  return { ms: Date.now() - started, output: tail };
}
