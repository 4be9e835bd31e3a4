/**
 * Loading an official sanctions list (OFAC sdn.csv, UN SC consolidated XML) through the same write
 * path as every other import (import/pipeline.ts writeInPhases: batches, audit trail, idempotent MERGEs,
 * dry run), then matching the parties it brought with those already in the graph (db/lists/listMatch.ts).
 */
import { Database } from '../db/database';
import {
  DEFAULT_BATCH_SIZE,
  emptyImportReport,
  ImportOptions,
  ImportReport,
  PhasedFact,
  rejecter,
  writeInPhases,
} from './pipeline';
import { matchListParties, MatchReport } from '../db/lists/listMatch';
import { FACT_PHASE } from '../domain/facts';
import { sourceId } from '../domain/sources';
import { ListParse, ListParseError, parsePrograms, snapshotFromName } from './officialList';
import { OFAC_DPRK_PROGRAMS, parseOfacSdn } from './ofacSdn';
import { parseUnSc, UN_DPRK_PROGRAMS } from './unSc';

export const LIST_FORMATS = ['ofac-sdn', 'un-sc'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface ListImportOptions extends Pick<ImportOptions, 'actor' | 'onBatch' | 'dryRunTimeoutMs' | 'requestId'> {
  format: ListFormat;
  /** Comma-separated programmes (OFAC Program, UN UN_LIST_TYPE), or "all"; default the DPRK ones. */
  programs?: string;
  /** OFAC: the day the file was published; default the day in its file name. */
  snapshot?: string;
  /** The file's name (for the snapshot day). */
  fileName?: string;
  dryRun?: boolean;
  batchSize?: number;
  /** Match the list's parties with the graph's after loading (default true; never in a dry run). */
  match?: boolean;
}

export interface ListImportReport extends Omit<ImportReport, 'format'> {
  format: ListFormat;
  /** Rows (OFAC) or entries (UN) in the file, and those of the selected programmes. */
  rowsRead: number;
  rowsSelected: number;
  programs: string;
  sourceId: string;
  /** What the rows state that Collier has no place for, by column (or Remarks phrase), with counts. */
  skippedByColumn: Record<string, number>;
  /** Values loaded rows state that fail their check (IMO check digit, MMSI, …): reported, not stored. */
  notStored: { line: number; reason: string }[];
  matching: MatchReport | null;
}

export function parseList(
  bytes: Buffer,
  o: Pick<ListImportOptions, 'format' | 'programs' | 'snapshot' | 'fileName'>,
): ListParse {
  if (o.format === 'ofac-sdn') {
    const snapshot = o.snapshot ?? (o.fileName ? snapshotFromName(o.fileName) : null);
    if (!snapshot || !/^\d{4}-\d{2}-\d{2}$/.test(snapshot))
      throw new ListParseError(
        'an OFAC sdn.csv carries no date: give --snapshot YYYY-MM-DD (or a file name with the day, e.g. sdn-2024-05-03.csv)',
      );
    return parseOfacSdn(bytes, { programs: parsePrograms(o.programs, OFAC_DPRK_PROGRAMS), snapshot });
  }
  return parseUnSc(bytes, { programs: parsePrograms(o.programs, UN_DPRK_PROGRAMS) });
}

export async function importOfficialList(db: Database, bytes: Buffer, o: ListImportOptions): Promise<ListImportReport> {
  const started = Date.now();
  const parsed = parseList(bytes, o);
  const report: ListImportReport = {
    ...emptyImportReport(o.dryRun ?? false),
    format: o.format,
    lines: parsed.rowsSelected,
    rowsRead: parsed.rowsRead,
    rowsSelected: parsed.rowsSelected,
    programs: o.programs ?? 'DPRK programmes',
    sourceId: sourceId(parsed.source.url),
    skippedByColumn: parsed.skippedByColumn,
    notStored: parsed.notStored,
    matching: null,
  };
  const { reject } = rejecter(report, 1000);
  for (const p of parsed.problems) reject(p.line, p.reason);
  const byPhase = new Map<number, PhasedFact[]>();
  for (const r of parsed.records)
    for (const fact of r.facts) {
      const phase = FACT_PHASE[fact.type];
      const list = byPhase.get(phase) ?? [];
      list.push({ fact, line: r.line });
      byPhase.set(phase, list);
    }
  await writeInPhases(
    db,
    report,
    { ...o, operation: `import:${o.format}` },
    Math.max(1, Math.min(o.batchSize ?? DEFAULT_BATCH_SIZE, 10_000)),
    (phase) => byPhase.get(phase) ?? [],
    reject,
  );
  if (!report.dryRun && (o.match ?? true)) {
    report.matching = await matchListParties(db, report.sourceId, {
      actor: o.actor,
      operation: `import:${o.format}:match`,
      requestId: o.requestId ?? null,
      runId: report.runId,
      lines: [],
    });
  }
  report.rejections.sort((a, b) => a.line - b.line);
  report.durationMs = Date.now() - started;
  return report;
}
