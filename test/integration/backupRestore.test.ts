/**
 * Backup and restore of the local Neo4j: the demo graph in its own data folder, dumped with
 * `npm run backup`, the folder wiped, `npm run restore` into an empty one: the same node and
 * relationship counts, the same checksum of ids and properties, and the same demo trace answer.
 * Runs its own Neo4j (NEO4J_BACKUP_BOLT_PORT, default 7692: apart from the test Neo4j and the other suites' own) and the scripts from dist/.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDriver, Database } from '../../src/db/database';
import { graphChecksum, GraphChecksum } from '../../src/db/read/graphChecksum';
import { LocalNeo4j, startLocalNeo4j } from '../../src/db/runtime/localNeo4j';
import { loadDemoData } from '../../seed/load';
import { startTestService } from './harness';

jest.setTimeout(40 * 60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const PORT = Number(process.env.NEO4J_BACKUP_BOLT_PORT ?? 7692);
const TRACE =
  '{ traceCargo(origin: "Nampo") { finalPort { id } confidence vessels { name } steps { kind leg { id } } } }';

function script(command: 'backup' | 'restore', dataDir: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'backup.js'), command, ...args], {
    env: { ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function withNeo4j<T>(dataDir: string, work: (uri: string) => Promise<T>): Promise<T> {
  const neo4j: LocalNeo4j = await startLocalNeo4j({ boltPort: PORT, dataDir, startTimeoutMs: 15 * 60_000 });
  try {
    return await work(neo4j.uri);
  } finally {
    await neo4j.stop();
  }
}

async function graphAndTrace(uri: string, seed: boolean): Promise<{ sum: GraphChecksum; trace: unknown }> {
  const db = new Database(createDriver(uri, 'neo4j', '', 30_000), { timeoutMs: 600_000 });
  const t = await startTestService({ seed: 'keep', db });
  try {
    if (seed) await loadDemoData(db);
    const r = await t.gql(TRACE);
    expect(r.errors).toBeUndefined();
    expect((r.data!.traceCargo as unknown[]).length).toBeGreaterThan(0);
    return { sum: await graphChecksum(db), trace: r.data };
  } finally {
    await t.close();
  }
}

it('backup, wipe, restore into an empty data folder: the same graph and the same trace', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'collier-backup-test-'));
  const original = path.join(work, 'original');
  const restored = path.join(work, 'restored');
  const file = path.join(work, 'collier.dump');
  try {
    const before = await withNeo4j(original, async (uri) => {
      const seeded = await graphAndTrace(uri, true);
      // while Neo4j runs inside a process (not `npm run neo4j:start`) the backup refuses and says why
      const busy = script('backup', original, [file]);
      expect(busy.code).toBe(3);
      expect(busy.out).toMatch(/dumps and loads a stopped database only/);
      return seeded;
    });
    expect(before.sum.nodes).toBeGreaterThan(400);

    const backup = script('backup', original, [file]);
    expect(backup.out).toMatch(/Backup written/);
    expect(backup.code).toBe(0);
    fs.rmSync(original, { recursive: true, force: true });

    const restore = script('restore', restored, [file]);
    expect(restore.out).toMatch(/Restored in/);
    expect(restore.code).toBe(0);
    const again = script('restore', restored, [file]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already holds a database/);

    const after = await withNeo4j(restored, (uri) => graphAndTrace(uri, false));
    expect(after.sum).toEqual(before.sum);
    expect(after.trace).toEqual(before.trace);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
