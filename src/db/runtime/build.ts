/**
 * The local Neo4j runtime's build: where the Maven project and its jars are, whether target/ holds a
 * build of the current sources, the Java command and flags, and the build itself (under a lock).
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export type LocalNeo4jLog = (event: string, fields?: Record<string, unknown>) => void;

export const STDERR_TAIL_LINES = 40;

/** Flags embedded Neo4j needs on Java 17 (see DESIGN §7); never -XX:+TrustFinalNonStaticFields. */
export const JVM_FLAGS = [
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

export const noLog: LocalNeo4jLog = () => undefined;

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

export function runtimePaths(root = findRepoRoot()) {
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

export function javaCommand(): string {
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

function processAlive(pid: number): boolean {
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
