/**
 * Backup and restore of the local Neo4j (the runtime of neo4j/, data in NEO4J_DATA_DIR): a consistent
 * dump with `neo4j-admin database dump` of the database `neo4j`, and `database load` from one. Neo4j
 * Community dumps a stopped database only, so a Neo4j running from the folder is paused: one started
 * apart (`npm run neo4j:start`, which leaves a pid file) is stopped, dumped and started again; one held by
 * a running service (`npm start`) is refused with what to do. A remote Neo4j or Aura is backed up with
 * its own tools (docs/operations.md).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findRepoRoot, processAlive as alive } from './build';
import { runAdminTool } from './adminTool';

export type Say = (line: string) => void;

/** The folder is held by a Neo4j this process cannot pause (a running service's own). */
export class DatabaseInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The Neo4j in ${dataDir} is running inside a service (npm start): Neo4j Community dumps and loads a stopped database only. ` +
        'Stop the service (SIGTERM drains it), run this again, and start the service again; or run Neo4j apart ' +
        '(npm run neo4j:start, with NEO4J_URI pointing the service at it) and backups pause and resume it for you.',
    );
    this.name = 'DatabaseInUseError';
  }
}

interface PidFile {
  managerPid: number;
  javaPid: number;
  uri: string;
}

function pidFileOf(dataDir: string): string {
  return path.join(dataDir, 'collier-neo4j.pid');
}

function runningApart(dataDir: string): PidFile | null {
  try {
    const record = JSON.parse(fs.readFileSync(pidFileOf(dataDir), 'utf8')) as PidFile;
    return alive(record.managerPid) || alive(record.javaPid) ? record : null;
  } catch {
    return null;
  }
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const LOCKED = /in use|lock|FileLockException|another process/i;

/**
 * Runs `work` on the stopped folder: a Neo4j started apart is stopped first and started again after
 * (saying so); one held by a service makes `work` fail with DatabaseInUseError.
 */
async function withStoppedNeo4j<T>(dataDir: string, say: Say, work: () => Promise<T>): Promise<T> {
  const running = runningApart(dataDir);
  if (running == null) {
    try {
      return await work();
    } catch (error) {
      if (LOCKED.test((error as Error).message)) throw new DatabaseInUseError(dataDir);
      throw error;
    }
  }
  const port = new URL(running.uri.replace(/^bolt/, 'http')).port;
  say(
    `Stopping the local Neo4j (${running.uri}, pid ${running.managerPid}) for a consistent copy: until it resumes, the service answers SERVICE_UNAVAILABLE and writes nothing.`,
  );
  process.kill(alive(running.managerPid) ? running.managerPid : running.javaPid, 'SIGTERM');
  await waitFor(() => !alive(running.managerPid) && !alive(running.javaPid), 120_000, 'Neo4j to stop');
  try {
    return await work();
  } finally {
    say(`Starting the local Neo4j again on port ${port}.`);
    const logFile = path.join(dataDir, 'logs', 'neo4j-start.log');
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, [path.join(findRepoRoot(), 'dist', 'scripts', 'neo4j.js'), 'start'], {
      env: { ...process.env, NEO4J_BOLT_PORT: port, NEO4J_DATA_DIR: dataDir },
      detached: true,
      stdio: ['ignore', out, out],
    });
    child.unref();
    await waitFor(() => runningApart(dataDir)?.managerPid === child.pid, 900_000, `Neo4j to start (see ${logFile})`);
    say(`Resumed: Neo4j serves ${running.uri} again.`);
  }
}

function databaseDir(dataDir: string): string {
  return path.join(dataDir, 'data', 'databases', 'neo4j');
}

/** Dumps the database `neo4j` of a local data folder into `file`. */
export async function backupLocalNeo4j(opts: {
  dataDir: string;
  file: string;
  say: Say;
}): Promise<{ bytes: number; ms: number }> {
  const dataDir = path.resolve(opts.dataDir);
  const file = path.resolve(opts.file);
  if (!fs.existsSync(databaseDir(dataDir))) throw new Error(`${dataDir} holds no Neo4j database to back up`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'collier-backup-'));
  try {
    const { ms } = await withStoppedNeo4j(dataDir, opts.say, () =>
      runAdminTool(dataDir, ['database', 'dump', 'neo4j', `--to-path=${tmp}`, '--overwrite-destination=true']),
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(tmp, 'neo4j.dump'), file);
    return { bytes: fs.statSync(file).size, ms };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Loads `file` (a dump) as the database `neo4j` of a local data folder; one already there needs `replace`. */
export async function restoreLocalNeo4j(opts: {
  dataDir: string;
  file: string;
  replace: boolean;
  say: Say;
}): Promise<{ ms: number }> {
  const dataDir = path.resolve(opts.dataDir);
  const file = path.resolve(opts.file);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const existing = databaseDir(dataDir);
  if (!opts.replace && fs.existsSync(existing) && fs.readdirSync(existing).length > 0) {
    throw new Error(
      `${dataDir} already holds a database: restore into an empty data folder, or add --replace to overwrite it (back it up first).`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'collier-restore-'));
  try {
    fs.copyFileSync(file, path.join(tmp, 'neo4j.dump'));
    return await withStoppedNeo4j(dataDir, opts.say, () =>
      runAdminTool(dataDir, ['database', 'load', 'neo4j', `--from-path=${tmp}`, '--overwrite-destination=true']),
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
