/**
 * Bulk import of a file of facts (Collier JSON Lines or FollowTheMoney entities), in batches.
 *
 * The lines are read once to learn what each holds, then once per phase (sources, entities, facts
 * about entities, transfers — domain/facts FACT_PHASE), so a line may refer to one anywhere else in
 * the file. Each batch is one transaction (db/write/writeFacts.ts): its facts, their audit entries and the NEXT
 * links of its legs are committed together or not at all. Every write is an idempotent MERGE keyed
 * on an id derived from the line itself, so re-running a file changes nothing, and a run killed at
 * any point and started again skips what was committed (it reads as unchanged) and writes the rest:
 * it ends with exactly the graph an uninterrupted run makes. No checkpoint file is needed.
 *
 * A line that fails its checks (shape, identifiers, dates, or a reference to nothing) is rejected
 * with its line number and reason; the others load. A dry run does all of it in one transaction and
 * rolls it back.
 */
import { importFinished } from '../db/observe/events';
import { randomUUID } from 'node:crypto';
import { Database } from '../db/database';
import { addStats, emptyStats, Tx, WriteContext, writeFacts, writeFactsIn, WriteStats } from '../db/write/writeFacts';
import { Fact, FACT_PHASE, FactProblem, PHASES } from '../domain/facts';
import { jsonlPhase, parseJsonlLine } from './jsonl';
import {
  DEFAULT_FTM_OPTIONS,
  FtmAddress,
  ftmPhases,
  FtmOptions,
  ftmPropertyReport,
  mapFtmEntity,
  parseFtmEntity,
} from './ftm';

export const IMPORT_FORMATS = ['jsonl', 'ftm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The lines of the input; called once per pass, so it must start from the first line every time. */
export type LineSource = () => AsyncIterable<string> | Iterable<string>;

export interface ImportOptions {
  format: ImportFormat;
  dryRun?: boolean;
  batchSize?: number;
  actor: string;
  operation?: string;
  requestId?: string | null;
  runId?: string;
  ftm?: Partial<FtmOptions>;
  /** Stop reporting individual rejections after this many (they are still counted). */
  maxRejections?: number;
  onBatch?: (progress: ImportProgress) => void;
  /** Transaction timeout for a dry run, which holds one transaction for the whole file. */
  dryRunTimeoutMs?: number;
}

export interface ImportProgress {
  phase: number;
  batches: number;
  linesDone: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportReport {
  runId: string;
  format: ImportFormat;
  dryRun: boolean;
  /** Non-blank lines read. */
  lines: number;
  /** created … rejected count facts: one per line, except an FtM Vessel, which also writes its claims and relations. */
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Lines of FtM schemas Collier does not map (and Address lines, folded into the entities that point at them). */
  skipped: number;
  skippedBySchema: Record<string, number>;
  /**
   * FtM only: properties of the mapped schemata Collier does not keep, counted by `Schema.property`:
   * `skippedProperties` the FtM schema defines, `unknownProperties` it does not (reported, never dropped silently).
   */
  skippedProperties: Record<string, number>;
  unknownProperties: Record<string, number>;
  rejections: Rejection[];
  batches: number;
  nextLinks: number;
  stats: WriteStats;
  durationMs: number;
}

export const DEFAULT_BATCH_SIZE = 500;

function reason(error: FactProblem): string {
  return error.field ? `${error.field}: ${error.problem}` : error.problem;
}

export async function importLines(db: Database, source: LineSource, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const batchSize = Math.max(1, Math.min(options.batchSize ?? DEFAULT_BATCH_SIZE, 10_000));
  const maxRejections = options.maxRejections ?? 1000;
  const ftmOptions: FtmOptions = {
    ...DEFAULT_FTM_OPTIONS,
    today: new Date().toISOString().slice(0, 10),
    ...options.ftm,
  };
  const report: ImportReport = { ...emptyImportReport(options.dryRun ?? false, options.runId), format: options.format };
  const { reject, isRejected } = rejecter(report, maxRejections);
  const skip = (schema: string) => {
    report.skipped++;
    report.skippedBySchema[schema] = (report.skippedBySchema[schema] ?? 0) + 1;
  };

  // Pass 1: what each line is (its phases), FtM addresses, and lines that are not facts at all.
  const phaseOf = new Map<number, number[]>();
  const count = (into: Record<string, number>, schema: string, props: string[]) => {
    for (const p of props) into[`${schema}.${p}`] = (into[`${schema}.${p}`] ?? 0) + 1;
  };
  const addresses = new Map<string, FtmAddress>();
  let lineNo = 0;
  for await (const raw of source()) {
    lineNo++;
    const text = raw.trim();
    if (text === '') continue;
    report.lines++;
    try {
      if (options.format === 'jsonl') {
        phaseOf.set(lineNo, [jsonlPhase(text)]);
      } else {
        const entity = parseFtmEntity(text);
        const phases = ftmPhases(entity.schema);
        if (phases != null) {
          const props = ftmPropertyReport(entity);
          count(report.skippedProperties, entity.schema, props.skipped);
          count(report.unknownProperties, entity.schema, props.unknown);
        }
        if (phases?.[0] === -1) {
          const mapped = mapFtmEntity(entity, addresses, ftmOptions);
          if ('address' in mapped) addresses.set(entity.id, mapped.address);
          skip(entity.schema);
        } else if (phases == null) {
          skip(entity.schema);
        } else {
          phaseOf.set(lineNo, phases);
        }
      }
    } catch (error) {
      if (error instanceof FactProblem) reject(lineNo, reason(error));
      else throw error;
    }
  }

  async function* factsOfPhase(phase: number): AsyncIterable<PhasedFact> {
    let n = 0;
    for await (const raw of source()) {
      n++;
      if (!phaseOf.get(n)?.includes(phase) || isRejected(n)) continue;
      let facts: Fact[];
      try {
        const text = raw.trim();
        if (options.format === 'jsonl') {
          facts = [parseJsonlLine(text)];
          if (FACT_PHASE[facts[0].type] !== phase) throw new Error(`line ${n}: phase changed between passes`);
        } else {
          const mapped = mapFtmEntity(parseFtmEntity(text), addresses, ftmOptions);
          if (!('fact' in mapped)) continue;
          facts = [mapped.fact, ...mapped.extra].filter((f) => FACT_PHASE[f.type] === phase);
        }
      } catch (error) {
        if (error instanceof FactProblem) reject(n, reason(error));
        else throw error;
        continue;
      }
      for (const fact of facts) yield { fact, line: n };
    }
  }

  await writeInPhases(db, report, options, batchSize, factsOfPhase, reject);
  report.rejections.sort((a, b) => a.line - b.line);
  report.durationMs = Date.now() - started;
  importFinished({
    format: options.format,
    dryRun: report.dryRun,
    lines: report.lines,
    written: report.created + report.updated,
    rejected: report.rejected,
  });
  return report;
}

/** A report with nothing counted yet (its format set by the caller). */
export function emptyImportReport(dryRun: boolean, runId?: string): Omit<ImportReport, 'format'> {
  return {
    runId: runId ?? randomUUID(),
    dryRun,
    lines: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    skippedBySchema: {},
    skippedProperties: {},
    unknownProperties: {},
    rejections: [],
    batches: 0,
    nextLinks: 0,
    stats: emptyStats(),
    durationMs: 0,
  };
}

/**
 * Counts a rejected line once, keeping the first `max` reasons: a line refused in one phase (an FtM Vessel
 * writes in two) is neither tried again nor counted again in the next.
 */
export function rejecter(
  report: Omit<ImportReport, 'format'>,
  max: number,
): { reject: (line: number, why: string) => void; isRejected: (line: number) => boolean } {
  const rejectedLines = new Set<number>();
  return {
    reject: (line, why) => {
      if (rejectedLines.has(line)) return;
      rejectedLines.add(line);
      report.rejected++;
      if (report.rejections.length < max) report.rejections.push({ line, reason: why });
    },
    isRejected: (line) => rejectedLines.has(line),
  };
}

/** A fact and the line (or row) it came from. */
export interface PhasedFact {
  fact: Fact;
  line: number;
}

/**
 * Writes facts phase by phase (domain/facts PHASES), `batchSize` facts per transaction, counting the
 * outcomes into `report`; a dry run writes them all in one transaction and rolls it back. Shared by
 * every import format (this file's line formats, import/lists.ts's official lists).
 */
export async function writeInPhases(
  db: Database,
  report: Omit<ImportReport, 'format'>,
  options: Pick<ImportOptions, 'actor' | 'operation' | 'requestId' | 'onBatch' | 'dryRunTimeoutMs'>,
  batchSize: number,
  factsOfPhase: (phase: number) => AsyncIterable<PhasedFact> | Iterable<PhasedFact>,
  reject: (line: number, why: string) => void,
): Promise<void> {
  const run = async (write: (facts: Fact[], ctx: WriteContext) => Promise<Awaited<ReturnType<typeof writeFacts>>>) => {
    for (const phase of PHASES) {
      let batch: PhasedFact[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const ctx: WriteContext = {
          actor: options.actor,
          operation: options.operation ?? 'import',
          requestId: options.requestId ?? null,
          runId: report.runId,
          lines: batch.map((b) => b.line),
        };
        const result = await write(
          batch.map((b) => b.fact),
          ctx,
        );
        result.outcomes.forEach((o, i) => {
          if (o.status === 'REJECTED') reject(batch[i].line, reason(o.problem!));
          else if (o.status === 'CREATED') report.created++;
          else if (o.status === 'UPDATED') report.updated++;
          else report.unchanged++;
        });
        report.batches++;
        report.nextLinks += result.nextLinks;
        addStats(report.stats, result.stats);
        options.onBatch?.({
          phase,
          batches: report.batches,
          linesDone: report.created + report.updated + report.unchanged + report.rejected + report.skipped,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected,
        });
        batch = [];
      };
      for await (const item of factsOfPhase(phase)) {
        batch.push(item);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    }
  };

  if (report.dryRun) {
    // One transaction for the whole file, so later lines see what earlier ones would create; then rolled back.
    await db.transaction(
      async (raw) => {
        await run(async (facts, ctx) => {
          const tx = new Tx(raw);
          return writeFactsIn(tx, facts, ctx);
        });
      },
      { rollback: true, timeoutMs: options.dryRunTimeoutMs },
    );
  } else {
    await run((facts, ctx) => writeFacts(db, facts, ctx));
  }
}

/** Lines of a string (the importFacts mutation's payload). */
export function linesOf(payload: string): LineSource {
  const lines = payload.split(/\r?\n/);
  return () => lines;
}
