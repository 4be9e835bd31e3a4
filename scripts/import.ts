/**
 * Bulk import: npm run import -- [--format jsonl|ftm|ofac-sdn|un-sc] [--programs P,Q|all] [--snapshot YYYY-MM-DD] [--dry-run] [--batch-size N] [--json] <file>
 *
 * Loads a file of facts into the Neo4j the service uses (NEO4J_URI, or the local runtime on
 * NEO4J_BOLT_PORT, default 7687 — start it with `npm start` or `npm run neo4j:start`). Batches are
 * transactions; the run is idempotent and may be killed and started again (see src/import/pipeline.ts).
 * Progress goes to stderr, the report to stdout. Exit status: 0 all lines loaded, 3 some lines
 * rejected, 2 bad arguments or configuration, 1 failure.
 *
 *   --format jsonl|ftm    Collier JSON Lines (default) or FollowTheMoney entities (OpenSanctions)
 *   --format ofac-sdn|un-sc  an official list: OFAC sdn.csv, UN SC consolidated XML (scripts/importList.ts)
 *   --programs P,Q|all    official lists: programmes to load (default the DPRK ones)
 *   --snapshot YYYY-MM-DD OFAC: the day the file was published (default: the day in the file name)
 *   --no-match            official lists: do not match the list's parties with the graph's
 *   --dry-run             check and count everything, write nothing
 *   --batch-size N        facts per transaction (default 500)
 *   --ftm-kind KIND       source kind for FtM datasets (default OFFICIAL)
 *   --ftm-tier TIER       reliability tier for FtM datasets (default HIGH)
 *   --json                print the report as JSON
 */
import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { openDatabase, runCli, startCli, UsageError } from './cli';
import { migrate } from '../src/db/upgrade/migrations';
import { DEFAULT_BATCH_SIZE, IMPORT_FORMATS, ImportFormat, importLines, ImportReport } from '../src/import/pipeline';
import { ConfidenceTier, SourceKind } from '../src/domain/enums';
import { LIST_FORMATS, ListFormat } from '../src/import/lists';
import { ListParseError } from '../src/import/officialList';
import { listSummary, runListImport } from './importList';

interface Args {
  format: ImportFormat | ListFormat;
  programs?: string;
  snapshot?: string;
  match: boolean;
  dryRun: boolean;
  batchSize: number;
  json: boolean;
  ftmKind: SourceKind;
  ftmTier: ConfidenceTier;
  file: string;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {
    format: 'jsonl',
    match: true,
    dryRun: false,
    batchSize: DEFAULT_BATCH_SIZE,
    json: false,
    ftmKind: SourceKind.OFFICIAL,
    ftmTier: ConfidenceTier.HIGH,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v == null) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format') {
      const f = value();
      const formats: readonly string[] = [...IMPORT_FORMATS, ...LIST_FORMATS];
      if (!formats.includes(f)) throw new UsageError(`--format must be ${formats.join(', ')} (got "${f}")`);
      args.format = f as ImportFormat | ListFormat;
    } else if (a === '--programs') args.programs = value();
    else if (a === '--snapshot') {
      const d = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError('--snapshot must be a day written YYYY-MM-DD');
      args.snapshot = d;
    } else if (a === '--no-match') args.match = false;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--batch-size') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 10_000)
        throw new UsageError('--batch-size must be a whole number from 1 to 10000');
      args.batchSize = n;
    } else if (a === '--ftm-kind') {
      const k = value().toUpperCase();
      if (!(Object.values(SourceKind) as string[]).includes(k))
        throw new UsageError(`--ftm-kind must be one of ${Object.values(SourceKind).join(', ')}`);
      args.ftmKind = k as SourceKind;
    } else if (a === '--ftm-tier') {
      const t = value().toUpperCase();
      if (!(Object.values(ConfidenceTier) as string[]).includes(t))
        throw new UsageError(`--ftm-tier must be one of ${Object.values(ConfidenceTier).join(', ')}`);
      args.ftmTier = t as ConfidenceTier;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (args.file == null) args.file = a;
    else throw new UsageError(`one file at a time (got "${args.file}" and "${a}")`);
  }
  if (!args.file) throw new UsageError('name the file to import');
  if (!existsSync(args.file)) throw new UsageError(`no such file: ${args.file}`);
  return args as Args;
}

function linesOfFile(file: string) {
  return () => createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

function summary(r: ImportReport): string {
  const secs = r.durationMs / 1000;
  const rate = (n: number) => (secs > 0 ? Math.round(n / secs) : n);
  const lines = [
    `${r.dryRun ? 'dry run (nothing written): ' : ''}${r.lines} lines in ${secs.toFixed(1)} s (${r.format}, run ${r.runId})`,
    `  created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}, skipped ${r.skipped}`,
    `  ${r.stats.nodesCreated} nodes and ${r.stats.relationshipsCreated} relationships created, ${r.stats.relationshipsDeleted} relationships deleted, ${r.batches} batches, ${r.stats.statements} statements`,
    `  throughput: ${rate(r.lines)} lines/s, ${rate(r.stats.relationshipsCreated)} relationships/s`,
  ];
  for (const [schema, n] of Object.entries(r.skippedBySchema)) lines.push(`  skipped ${n} × ${schema}`);
  for (const [prop, n] of Object.entries(r.skippedProperties ?? {}))
    lines.push(`  property skipped ${n} × ${prop} (Collier has no place for it)`);
  for (const [prop, n] of Object.entries(r.unknownProperties ?? {}))
    lines.push(`  property skipped ${n} × ${prop} (not defined by the FtM schema)`);
  for (const x of r.rejections) lines.push(`  line ${x.line}: ${x.reason}`);
  if (r.rejected > r.rejections.length) lines.push(`  … and ${r.rejected - r.rejections.length} more rejected lines`);
  return lines.join('\n');
}

const USAGE =
  'npm run import -- [--format jsonl|ftm|ofac-sdn|un-sc] [--programs P,Q|all] [--snapshot YYYY-MM-DD] [--dry-run] [--batch-size N] [--json] <file>';

async function main(): Promise<number> {
  const cli = startCli('import', USAGE, parseArgs);
  if (!cli) return 2;
  const { args, config } = cli;
  const db = openDatabase(config);
  try {
    await db.ping();
    await migrate(db);
    const actor = `cli:${process.env.COLLIER_IMPORT_ACTOR?.trim() || userInfo().username}`;
    if (args.format === 'ofac-sdn' || args.format === 'un-sc') {
      let listReport;
      try {
        listReport = await runListImport(db, { ...args, format: args.format }, actor);
      } catch (error) {
        if (!(error instanceof ListParseError)) throw error;
        process.stderr.write(`import: ${error.message}\n`);
        return 2;
      }
      process.stdout.write(args.json ? `${JSON.stringify(listReport, null, 2)}\n` : `${listSummary(listReport)}\n`);
      return listReport.rejected > 0 ? 3 : 0;
    }
    const format = args.format;
    const report = await importLines(db, linesOfFile(args.file), {
      format,
      dryRun: args.dryRun,
      batchSize: args.batchSize,
      actor,
      ftm: { sourceKind: args.ftmKind, tier: args.ftmTier },
      dryRunTimeoutMs: 3_600_000,
      onBatch: (p) => {
        if (!args.json) {
          process.stderr.write(
            `phase ${p.phase} batch ${p.batches}: ${p.linesDone} lines (created ${p.created}, updated ${p.updated}, unchanged ${p.unchanged}, rejected ${p.rejected})\n`,
          );
        }
      },
    });
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${summary(report)}\n`);
    return report.rejected > 0 ? 3 : 0;
  } finally {
    await db.close();
  }
}

runCli('import', main);
