/**
 * The official-list side of `npm run import` (scripts/import.ts dispatches here for
 * `--format ofac-sdn|un-sc`): reads the file, loads it through import/lists.ts and prints the report.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Database } from '../src/db/database';
import { importOfficialList, ListFormat, ListImportReport } from '../src/import/lists';
import { ImportProgress } from '../src/import/pipeline';

export interface ListArgs {
  format: ListFormat;
  file: string;
  dryRun: boolean;
  batchSize: number;
  json: boolean;
  programs?: string;
  snapshot?: string;
  match: boolean;
}

export function listSummary(r: ListImportReport): string {
  const secs = r.durationMs / 1000;
  const rate = (n: number) => (secs > 0 ? Math.round(n / secs) : n);
  const lines = [
    `${r.dryRun ? 'dry run (nothing written): ' : ''}${r.rowsSelected} of ${r.rowsRead} rows (programmes: ${r.programs}) in ${secs.toFixed(1)} s (${r.format}, run ${r.runId}, source ${r.sourceId})`,
    `  facts: created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}`,
    `  ${r.stats.nodesCreated} nodes and ${r.stats.relationshipsCreated} relationships created, ${r.stats.relationshipsDeleted} relationships deleted, ${r.batches} batches, ${r.stats.statements} statements`,
    `  throughput: ${rate(r.rowsSelected)} rows/s (${rate(r.rowsRead)} rows of the file read per second), ${rate(r.stats.relationshipsCreated)} relationships/s`,
  ];
  if (r.matching) {
    lines.push(
      `  matching: ${r.matching.compared} parties compared, ${r.matching.automaticMerges} merged automatically, ${r.matching.newCandidates} new merge candidates`,
    );
    for (const e of r.matching.examples.slice(0, 10))
      lines.push(`    ${e.kind} ${e.removeId} → ${e.keepId}: ${e.reason}`);
  }
  const skipped = Object.entries(r.skippedByColumn).sort((a, b) => b[1] - a[1]);
  if (skipped.length) lines.push('  stated in the list, no place in Collier (reported, not stored):');
  for (const [column, n] of skipped) lines.push(`    ${column}: ${n}`);
  for (const x of r.notStored) lines.push(`  row ${x.line} (loaded; value not stored): ${x.reason}`);
  for (const x of r.rejections) lines.push(`  row ${x.line}: ${x.reason}`);
  if (r.rejected > r.rejections.length) lines.push(`  … and ${r.rejected - r.rejections.length} more rejected`);
  return lines.join('\n');
}

export async function runListImport(db: Database, args: ListArgs, actor: string): Promise<ListImportReport> {
  return importOfficialList(db, readFileSync(args.file), {
    format: args.format,
    fileName: basename(args.file),
    programs: args.programs,
    snapshot: args.snapshot,
    dryRun: args.dryRun,
    batchSize: args.batchSize,
    match: args.match,
    actor,
    dryRunTimeoutMs: 3_600_000,
    onBatch: (p: ImportProgress) => {
      if (!args.json)
        process.stderr.write(
          `phase ${p.phase} batch ${p.batches}: ${p.linesDone} facts (created ${p.created}, updated ${p.updated}, unchanged ${p.unchanged}, rejected ${p.rejected})\n`,
        );
    },
  });
}
