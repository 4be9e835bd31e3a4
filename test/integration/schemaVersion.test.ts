/** Upgrades: the database's schema version, steps in order at start, and refusal of a newer database. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { testNeo4jUri } from './harness';
import { createDriver, Database } from '../../src/db/database';
import { migrate } from '../../src/db/upgrade/migrations';
import {
  SCHEMA_VERSION,
  SchemaTooNewError,
  schemaVersion,
  UpgradeStep,
  upgradeSchema,
} from '../../src/db/upgrade/schemaVersion';

let db: Database;
beforeAll(async () => {
  db = new Database(createDriver(testNeo4jUri(), 'neo4j', '', 30_000), { timeoutMs: 300_000 });
  await migrate(db);
});
afterAll(async () => {
  // leave the version as a start of this service sets it
  await db.write('MATCH (s:CollierSchema) DETACH DELETE s');
  await db.write('MATCH (m:UpgradeTestMark) DETACH DELETE m');
  await migrate(db);
  await db.close();
});

it('a started database holds the service schema version', async () => {
  expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
  const [node] = await db.read<{ n: number }>('MATCH (s:CollierSchema) RETURN count(s) AS n');
  expect(node.n).toBe(1);
});

it('runs the steps above the database version in order, once, recording each', async () => {
  const mark = (version: number): UpgradeStep => ({
    version,
    description: `test step ${version}`,
    run: async (d) => {
      await d.write('CREATE (:UpgradeTestMark {version: $version, at: timestamp()})', { version });
    },
  });
  const steps = [
    ...Array.from({ length: SCHEMA_VERSION }, (_, i) => mark(i + 1)),
    mark(SCHEMA_VERSION + 1),
    mark(SCHEMA_VERSION + 2),
  ];
  expect(await upgradeSchema(db, steps)).toEqual([SCHEMA_VERSION + 1, SCHEMA_VERSION + 2]);
  expect(await schemaVersion(db)).toBe(SCHEMA_VERSION + 2);
  const marks = await db.read<{ version: number }>(
    'MATCH (m:UpgradeTestMark) RETURN m.version AS version ORDER BY m.at, m.version',
  );
  expect(marks.map((m) => m.version)).toEqual([SCHEMA_VERSION + 1, SCHEMA_VERSION + 2]);
  // a second start runs nothing
  expect(await upgradeSchema(db, steps)).toEqual([]);
});

it('refuses to migrate a database newer than the service, with a message saying what to do', async () => {
  await db.write("MERGE (s:CollierSchema {name: 'collier'}) SET s.version = $v", { v: SCHEMA_VERSION + 5 });
  const refused = migrate(db);
  await expect(refused).rejects.toBeInstanceOf(SchemaTooNewError);
  await expect(refused).rejects.toThrow(
    `The database's schema version is ${SCHEMA_VERSION + 5}, newer than this service's ${SCHEMA_VERSION}`,
  );
  expect(await schemaVersion(db)).toBe(SCHEMA_VERSION + 5);
});

it('the service process stops at start on such a database and says why', async () => {
  await db.write("MERGE (s:CollierSchema {name: 'collier'}) SET s.version = $v", { v: SCHEMA_VERSION + 5 });
  const main = path.resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, NEO4J_URI: testNeo4jUri(), PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(1);
  expect(stderr).toMatch(/Collier could not start: The database's schema version is \d+, newer than this service's/);
  expect(stderr).toMatch(/npm run restore/);
});
