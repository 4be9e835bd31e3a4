/**
 * npm run backup -- <file>     a consistent dump of the local Neo4j (NEO4J_DATA_DIR, default .data/neo4j)
 * npm run restore -- [--replace] <file>   loads one into the local data folder (empty unless --replace)
 * A Neo4j started apart (npm run neo4j:start) is stopped for the copy and started again; one held by a
 * running service is refused with what to do. With NEO4J_URI (a remote Neo4j or Aura) use its own tools:
 * see docs/operations.md.
 */
import * as path from 'node:path';
import { backupLocalNeo4j, DatabaseInUseError, restoreLocalNeo4j } from '../src/db/runtime/backup';
import { findRepoRoot } from '../src/db/runtime/build';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(command: 'backup' | 'restore', args: string[]): Promise<void> {
  const replace = args.includes('--replace');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--replace')) {
    throw new Error(
      command === 'backup' ? 'usage: npm run backup -- <file>' : 'usage: npm run restore -- [--replace] <file>',
    );
  }
  if (process.env.NEO4J_URI?.trim()) {
    throw new Error(
      'NEO4J_URI is set: this command backs up the local Neo4j only. Back up a remote Neo4j with neo4j-admin database dump on its server, Aura with its snapshots (docs/operations.md).',
    );
  }
  const dataDir = path.resolve(findRepoRoot(), process.env.NEO4J_DATA_DIR ?? '.data/neo4j');
  const file = path.resolve(files[0]);
  if (command === 'backup') {
    say(`Backing up the Neo4j database in ${dataDir} to ${file}`);
    const { bytes, ms } = await backupLocalNeo4j({ dataDir, file, say });
    say(`Backup written: ${file} (${bytes} bytes, ${ms} ms). Restore it with: npm run restore -- ${files[0]}`);
  } else {
    say(`Restoring ${file} into ${dataDir}`);
    const { ms } = await restoreLocalNeo4j({ dataDir, file, replace, say });
    say(`Restored in ${ms} ms. The next start checks its schema version and runs any newer migrations.`);
  }
}

const [command, ...args] = process.argv.slice(2);
main(command === 'restore' ? 'restore' : 'backup', args).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof DatabaseInUseError ? 3 : 1);
});
