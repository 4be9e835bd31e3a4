/**
 * Jest global setup for the integration project: a real Neo4j for the whole run.
 * NEO4J_TEST_URI set → use that database as it is. Otherwise start the local runtime on
 * NEO4J_TEST_BOLT_PORT (default 7697, so a demo service on 7687 is never touched) with a fresh data
 * folder .data/test-neo4j-<pid>, removed again by globalTeardown. Tests read the address from
 * NEO4J_TEST_URI_RESOLVED (workers start after this runs and inherit process.env).
 */
import * as fs from 'fs';
import * as path from 'path';
import { findRepoRoot } from '../../src/db/runtime/build';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/runtime/localNeo4j';

export const TEST_NEO4J_HANDLE = '__collierTestNeo4j';

export interface TestNeo4jHandle {
  neo4j: LocalNeo4j;
  dataDir: string;
}

export default async function globalSetup(): Promise<void> {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    process.env.NEO4J_TEST_URI_RESOLVED = external;
    return;
  }
  const dataRoot = path.join(findRepoRoot(), '.data');
  removeStaleTestFolders(dataRoot);
  const dataDir = path.join(dataRoot, `test-neo4j-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });

  const boltPort = Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7697);
  const neo4j = await startLocalNeo4j({
    boltPort,
    dataDir,
    heap: process.env.NEO4J_TEST_HEAP ?? '1g',
    pageCache: '128m',
    log: (event, fields) => {
      if (event === 'neo4j.build.start' || event === 'neo4j.build.done' || event === 'neo4j.ready') {
        process.stderr.write(`[test neo4j] ${event} ${JSON.stringify(fields ?? {})}\n`);
      }
    },
  });
  process.env.NEO4J_TEST_URI_RESOLVED = neo4j.uri;
  const handle: TestNeo4jHandle = { neo4j, dataDir };
  (globalThis as Record<string, unknown>)[TEST_NEO4J_HANDLE] = handle;
}

/** Folders left by runs that were killed before teardown (their jest process is gone). */
function removeStaleTestFolders(dataRoot: string): void {
  if (!fs.existsSync(dataRoot)) return;
  for (const name of fs.readdirSync(dataRoot)) {
    const match = /^test-neo4j-(\d+)$/.exec(name);
    if (match && !processAlive(Number(match[1]))) {
      fs.rmSync(path.join(dataRoot, name), { recursive: true, force: true });
    }
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
