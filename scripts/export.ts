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
import { parseArgs as parseCliArgs } from 'node:util';
import { openDatabase, runCli, startCli, UsageError } from './cli';
import { exportFacts, EXPORT_FORMATS, ExportFileFormat } from '../src/db/export/exportFile';
import { MAX_NEIGHBORHOOD_DEPTH } from '../src/db/read/neighborhood';

interface Args {
  format: ExportFileFormat;
  out: string | null;
  ids: string[] | null;
  depth: number;
}

function parseArgs(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseCliArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'jsonl' },
        out: { type: 'string' },
        ids: { type: 'string', multiple: true },
        depth: { type: 'string', default: '1' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { format, out, ids, depth } = parsed.values;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be ${EXPORT_FORMATS.join(' or ')} (got "${format}")`);
  const n = Number(depth);
  if (!Number.isInteger(n) || n < 0 || n > MAX_NEIGHBORHOOD_DEPTH)
    throw new UsageError(`--depth must be a whole number from 0 to ${MAX_NEIGHBORHOOD_DEPTH}`);
  const idList = ids?.flatMap((v) => v.split(/[,\s]+/)).filter(Boolean);
  if (ids && idList!.length === 0) throw new UsageError('--ids needs at least one id');
  return { format: format as ExportFileFormat, out: out ?? null, ids: idList ?? null, depth: n };
}

const USAGE = 'npm run export -- [--format jsonl|ftm] [--out file] [--ids id,id,…] [--depth N]';

async function main(): Promise<number> {
  const cli = startCli('export', USAGE, parseArgs);
  if (!cli) return 2;
  const { args, config } = cli;
  const db = openDatabase(config);
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

runCli('export', main);
