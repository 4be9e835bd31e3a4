/**
 * Export: npm run export -- [--format jsonl|ftm] [--out file] [--ids id,id,…] [--depth N]
 *
 * Writes the facts of the Neo4j the service uses (NEO4J_URI, or the local runtime on NEO4J_BOLT_PORT)
 * as Collier JSON Lines (the import format: importing the file into an empty database gives the same
 * graph, into this one changes nothing) or as FollowTheMoney entities (valid FtM schemata and property
 * types; they import back through `--format ftm`). Without --ids, the whole database; with --ids, the
 * neighbourhood of those entities (--depth hops, default 1, at most 3) and every fact and source it
 * needs to import on its own. The file goes to --out (or stdout), the summary to stderr.
 * Exit status: 0 written, 2 bad arguments or configuration, 1 failure.
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { ConfigError, loadConfig } from '../src/config';
import { createDriver, Database } from '../src/db/database';
import { exportFacts, EXPORT_FORMATS, ExportFileFormat } from '../src/db/exportFile';
import { MAX_NEIGHBORHOOD_DEPTH } from '../src/db/neighborhood';

interface Args {
  format: ExportFileFormat;
  out: string | null;
  ids: string[] | null;
  depth: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'jsonl', out: null, ids: null, depth: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v == null) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format') {
      const f = value();
      if (!(EXPORT_FORMATS as readonly string[]).includes(f))
        throw new UsageError(`--format must be ${EXPORT_FORMATS.join(' or ')} (got "${f}")`);
      args.format = f as ExportFileFormat;
    } else if (a === '--out') args.out = value();
    else if (a === '--ids') {
      const ids = value()
        .split(/[,\s]+/)
        .filter(Boolean);
      if (ids.length === 0) throw new UsageError('--ids needs at least one id');
      args.ids = [...(args.ids ?? []), ...ids];
    } else if (a === '--depth') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > MAX_NEIGHBORHOOD_DEPTH)
        throw new UsageError(`--depth must be a whole number from 0 to ${MAX_NEIGHBORHOOD_DEPTH}`);
      args.depth = n;
    } else throw new UsageError(`unknown argument ${a}`);
  }
  return args;
}

async function main(): Promise<number> {
  let args: Args;
  let config;
  try {
    args = parseArgs(process.argv.slice(2));
    config = loadConfig();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(
        `export: ${error.message}\nusage: npm run export -- [--format jsonl|ftm] [--out file] [--ids id,id,…] [--depth N]\n`,
      );
      return 2;
    }
    throw error;
  }
  const uri = config.neo4j.uri ?? `bolt://127.0.0.1:${config.localNeo4j.boltPort}`;
  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password, config.neo4j.connectionTimeoutMs);
  const db = new Database(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
  const started = Date.now();
  try {
    await db.ping();
    const result = await exportFacts(db, { format: args.format, ids: args.ids, depth: args.depth });
    if (result.missing.length > 0) {
      process.stderr.write(`export: no entity with id ${result.missing.join(', ')}\n`);
      return 2;
    }
    const out = args.out ? createWriteStream(args.out, { encoding: 'utf8' }) : process.stdout;
    for (const line of result.lines) out.write(`${line}\n`);
    if (args.out)
      await new Promise<void>((resolve, reject) =>
        (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const left = Object.entries(result.notExported).map(([k, n]) => `${n} × ${k}`);
    process.stderr.write(
      `exported ${result.lines.length} lines (${args.format}${args.ids ? `, ${args.ids.length} ids, depth ${args.depth}` : ', whole database'}) in ${secs} s${args.out ? ` to ${args.out}` : ''}\n` +
        (left.length ? `  not in this format: ${left.join(', ')}\n` : ''),
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
