/**
 * The local Neo4j for developers:
 *   node dist/scripts/neo4j.js build   compile neo4j/ (Maven) if its sources changed
 *   node dist/scripts/neo4j.js start   run Neo4j in the foreground until Ctrl-C
 *   node dist/scripts/neo4j.js stop    stop the one `start` left running (via its pid file)
 * Environment: NEO4J_BOLT_PORT (7687), NEO4J_DATA_DIR (.data/neo4j), NEO4J_HEAP (1g), NEO4J_PAGE_CACHE (256m).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildNeo4jRuntime, findRepoRoot } from '../src/db/runtime/build';
import { startLocalNeo4j } from '../src/db/runtime/localNeo4j';

interface PidFile {
  managerPid: number;
  javaPid: number;
  uri: string;
}

const root = findRepoRoot();
const dataDir = path.resolve(root, process.env.NEO4J_DATA_DIR ?? '.data/neo4j');
const pidFile = path.join(dataDir, 'collier-neo4j.pid');

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function log(event: string, fields?: Record<string, unknown>): void {
  if (event === 'neo4j.stdout' || event === 'neo4j.stderr') {
    process.stderr.write(`${String(fields?.line)}\n`);
    return;
  }
  const detail = Object.entries(fields ?? {})
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  say(`${event} ${detail}`.trim());
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPidFile(): PidFile | null {
  try {
    return JSON.parse(fs.readFileSync(pidFile, 'utf8')) as PidFile;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const running = readPidFile();
  if (running && (alive(running.managerPid) || alive(running.javaPid))) {
    throw new Error(`Neo4j from ${dataDir} is already running (pid ${running.managerPid}, ${running.uri})`);
  }
  const boltPort = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  if (!Number.isInteger(boltPort) || boltPort <= 0 || boltPort > 65535) {
    throw new Error(`NEO4J_BOLT_PORT must be a port number, got ${process.env.NEO4J_BOLT_PORT}`);
  }
  const neo4j = await startLocalNeo4j({
    boltPort,
    dataDir,
    heap: process.env.NEO4J_HEAP,
    pageCache: process.env.NEO4J_PAGE_CACHE,
    log,
  });
  const record: PidFile = { managerPid: process.pid, javaPid: neo4j.pid, uri: neo4j.uri };
  fs.writeFileSync(pidFile, `${JSON.stringify(record)}\n`);
  say(`Neo4j is ready at ${neo4j.uri} (data in ${dataDir}). Ctrl-C or \`node dist/scripts/neo4j.js stop\` stops it.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping Neo4j`);
    await neo4j.stop();
    fs.rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const { code, signal } = await neo4j.exited;
  if (!stopping) {
    fs.rmSync(pidFile, { force: true });
    say(`Neo4j exited unexpectedly (${signal ?? `code ${code}`}); see ${path.join(dataDir, 'logs', 'debug.log')}`);
    process.exit(1);
  }
}

async function stop(): Promise<void> {
  const running = readPidFile();
  if (!running || !(alive(running.managerPid) || alive(running.javaPid))) {
    fs.rmSync(pidFile, { force: true });
    say(`Neo4j from ${dataDir} is not running`);
    return;
  }
  // The manager stops Neo4j cleanly on SIGTERM; if the manager is gone, signal Java directly.
  process.kill(alive(running.managerPid) ? running.managerPid : running.javaPid, 'SIGTERM');
  const deadline = Date.now() + 40_000;
  while ((alive(running.managerPid) || alive(running.javaPid)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (alive(running.javaPid)) {
    process.kill(running.javaPid, 'SIGKILL');
    say(`Neo4j (pid ${running.javaPid}) did not stop in 40 s and was killed`);
  } else {
    say(`Neo4j (${running.uri}) stopped`);
  }
  fs.rmSync(pidFile, { force: true });
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'build':
      await buildNeo4jRuntime(log);
      say('neo4j/ runtime is built (neo4j/target/lib, neo4j/target/plugins)');
      return;
    case 'start':
      return start();
    case 'stop':
      return stop();
    default:
      throw new Error('usage: node dist/scripts/neo4j.js build|start|stop');
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
