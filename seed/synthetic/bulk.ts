/**
 * The bulk path for a synthetic world too large for transactional writes (size L: a million legs).
 * The same rows the batched load writes (`emitBatches`, whose FROM/TO relationships carry the trace's
 * departure index keys) are written to CSV files (csv.ts), one part of the world per core in worker
 * threads (csvWorker.ts), while this thread computes the documented NEXT links (transfers, the same
 * vessel sailing on with its cargo; never an inferred one) from the plan by the batched maintenance's
 * rule (next.ts); each worker writes its legs with their onward fact (onward.ts), and the store is
 * imported at the schema version of that fact's upgrade step (`schema.csv`), so that the step does not
 * recompute it. The whole graph is written by Neo4j's offline importer
 * (`neo4j-admin database import full`) into an empty data folder. Then Neo4j starts on it, the
 * migrations build the constraints and indexes, and the marker records the load. The integration test
 * `syntheticBulk` checks that a world loaded this way equals the same world loaded through the batch
 * writer: every node, relationship, property and property type, every NEXT link and onward fact.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Database } from '../../src/db/database';
import { nodeStatement } from '../../src/db/write/graphWriter';
import { migrate } from '../../src/db/upgrade/migrations';
import { RANK_KEYS_STEP, schemaVersion } from '../../src/db/upgrade/schemaVersion';
import { NextLink } from '../../src/db/trace/documented';
import { importCsvIntoLocalNeo4j } from '../../src/db/runtime/csvImport';
import { World, worldStats } from './generate';
import { GENERATOR_VERSION, SizeName } from './spec';
import { ARRAY_DELIMITER, CsvFile, CsvPart, ROWS_PER_FILE, quote } from './csv';
import { PartCsv, PartJob, writePartCsv } from './csvWorker';
import { forEachNextLink } from './next';
import type { LoadLog, LoadReport, SyntheticMarker } from './load';

export interface SyntheticCsv extends CsvPart {
  nextLinks: number;
  /** The schema version the store is imported at (its record node in `schema.csv`): the onward fact's step. */
  schemaVersion: number;
  /** Per part, the seconds its legs' onward facts took (onward.ts). */
  onwardSeconds: number[];
  candidates: number;
  /** The parts written at once (worker threads), and whether they ran in worker threads. */
  parts: number;
  threads: boolean;
}

export interface CsvOptions {
  /** Parts of the world written at once, one worker thread each (default: the number of cores). */
  parts?: number;
}

const WORKER_SCRIPT = path.join(__dirname, 'csvWorker.js');

/** Runs the parts in worker threads (compiled code), or one after the other here (ts-jest runs the sources). */
function writeParts(jobs: PartJob[], log: LoadLog): { threads: boolean; done: Promise<PartCsv[]> } {
  const started = Date.now();
  const written = (job: PartJob, part: PartCsv) => {
    const { index, count } = job.part;
    log('synthetic.bulk.csv.part', {
      index,
      count,
      seconds: (Date.now() - started) / 1000,
      onwardSeconds: part.onwardSeconds,
      rows: part.nodes + part.relationships,
    });
    return part;
  };
  if (jobs.length <= 1 || !fs.existsSync(WORKER_SCRIPT))
    return { threads: false, done: Promise.resolve().then(() => jobs.map((job) => written(job, writePartCsv(job)))) };
  const run = (job: PartJob) =>
    new Promise<PartCsv>((resolve, reject) => {
      const worker = new Worker(WORKER_SCRIPT, {
        workerData: { collierCsvPart: job },
        // room to spare: the whole CSV step of L peaked at 2 GB RSS, 3 threads (a larger young generation: no gain at M)
        resourceLimits: { maxOldGenerationSizeMb: 8192 },
      });
      worker.once('message', (part: PartCsv) => resolve(written(job, part)));
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`CSV worker ${job.part.index} exited with ${code}`));
      });
    });
  return { threads: true, done: Promise.all(jobs.map(run)) };
}

const NEXT_HEADER = [
  ':START_ID',
  ':END_ID',
  ':TYPE',
  'id:string',
  'kind:string',
  'waitMinDays:double',
  'waitMaxDays:double',
  'certainty:string',
  'transferId:string',
  'portId:string',
  'placeUncertain:boolean',
].join(',');

const text = (v: string | null) => (v == null ? '' : quote(v));
const num = (v: number | null) => (v == null ? '' : String(v));

/** The NEXT links as CSV files `next-NNNNN.csv`. */
function writeNextCsv(world: World, dir: string, log: LoadLog) {
  const files: string[] = [];
  let bytes = 0;
  let file: CsvFile | null = null;
  let links = 0;
  const close = () => {
    if (!file) return;
    file.close();
    bytes += file.bytes;
  };
  const write = (l: NextLink) => {
    if (file == null || file.rows >= ROWS_PER_FILE) {
      close();
      file = new CsvFile(path.join(dir, `next-${String(files.length + 1).padStart(5, '0')}.csv`), NEXT_HEADER);
      files.push(file.file);
    }
    const p = l.props;
    file.line(
      `${quote(l.from)},${quote(l.to)},NEXT,${quote(l.id)},${quote(p.kind)},${num(p.waitMinDays)},${num(p.waitMaxDays)},` +
        `${quote(p.certainty)},${text(p.transferId)},${text(p.portId)},${String(p.placeUncertain)}\n`,
    );
    links++;
  };
  const { candidates } = forEachNextLink(world, write);
  close();
  log('synthetic.bulk.csv.next', { nextLinks: links, candidates, mb: Math.round(bytes / 1048576) });
  return { files, links, candidates, bytes };
}

/**
 * The record of the schema version (src/db/upgrade/schemaVersion.ts) as `schema.csv`: the store is
 * imported at the version of the rank keys' step (and the onward fact's and the baseline's before it:
 * emit.ts writes both on every leg), as `upgradeSchema` would record it, so that `migrate` runs only the
 * steps after it. Written only when every leg of the world was written with its fact: a store imported
 * without the fact is at version 0 and gets it (and the keys again) from the steps.
 */
function writeSchemaCsv(world: World, parts: PartCsv[], dir: string): { file: string; version: number } | null {
  if (parts.reduce((s, p) => s + p.onwardLegs, 0) !== world.spec.legs) return null;
  const file = new CsvFile(
    path.join(dir, 'schema.csv'),
    ':ID,:LABEL,name:string,version:long,description:string,upgradedAt:datetime',
  );
  // the CSV holds the onward fact and the rank keys (emit.ts) of every leg: the steps up to the rank keys' are done
  const step = RANK_KEYS_STEP;
  file.line(
    `"schema:collier",CollierSchema,"collier",${step.version},${quote(step.description)},${new Date().toISOString()}\n`,
  );
  file.close();
  return { file: file.file, version: step.version };
}

/**
 * Writes the world into CSV files under `dir` (emptied first): its parts at once in worker threads,
 * and its NEXT links here meanwhile. Rows repeated by the generator are written once, as MERGE would
 * keep them once.
 */
export async function writeSyntheticCsv(
  world: World,
  dir: string,
  log: LoadLog = () => undefined,
  options: CsvOptions = {},
): Promise<SyntheticCsv> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const count = Math.max(1, options.parts ?? os.availableParallelism());
  const jobs = Array.from({ length: count }, (_, index) => ({ world, dir, part: { index, count } }));
  const { threads, done } = writeParts(jobs, log);
  // in this thread while the workers write (when they run here, after them)
  const next = threads ? writeNextCsv(world, dir, log) : null;
  const parts = await done;
  const links = next ?? writeNextCsv(world, dir, log);
  const schema = writeSchemaCsv(world, parts, dir);
  const csv: SyntheticCsv = {
    nodeFiles: [...parts.flatMap((p) => p.nodeFiles), ...(schema ? [schema.file] : [])],
    relationshipFiles: [...parts.flatMap((p) => p.relationshipFiles), ...links.files],
    nodes: parts.reduce((s, p) => s + p.nodes, 0),
    relationships: parts.reduce((s, p) => s + p.relationships, 0),
    bytes: parts.reduce((s, p) => s + p.bytes, 0) + links.bytes,
    emptyLists: parts.flatMap((p) => p.emptyLists),
    nextLinks: links.links,
    schemaVersion: schema?.version ?? 0,
    onwardSeconds: parts.map((p) => p.onwardSeconds),
    candidates: links.candidates,
    parts: count,
    threads,
  };
  log('synthetic.bulk.csv', {
    nodes: csv.nodes,
    relationships: csv.relationships,
    nextLinks: csv.nextLinks,
    schemaVersion: csv.schemaVersion,
    onwardSeconds: csv.onwardSeconds,
    mb: Math.round(csv.bytes / 1048576),
    parts: count,
    threads,
  });
  return csv;
}

export interface BulkLoad {
  size: SizeName;
  seed: number;
  csv: SyntheticCsv;
  csvSeconds: number;
  /** CPU time of the CSV step, every thread of this process (user + system). */
  csvCpuSeconds: number;
  importSeconds: number;
  started: number;
  stats: Record<string, number>;
}

/**
 * Writes the world as CSV under `csvDir` and imports it into the (empty or replaced) data folder
 * `dataDir`; Neo4j must not be running on that folder. Finish with `finishBulkLoad` once it runs.
 */
export async function bulkImportSynthetic(
  world: World,
  size: SizeName,
  seed: number,
  dataDir: string,
  csvDir: string,
  log: LoadLog = () => undefined,
  options: CsvOptions = {},
): Promise<BulkLoad> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const csv = await writeSyntheticCsv(world, csvDir, log, options);
  const csvCpu = process.cpuUsage(cpu);
  const csvDone = Date.now();
  const imported = await importCsvIntoLocalNeo4j({
    dataDir,
    nodeFiles: csv.nodeFiles,
    relationshipFiles: csv.relationshipFiles,
    arrayDelimiter: ARRAY_DELIMITER,
    log: (event, fields) => {
      const line = typeof fields?.line === 'string' ? fields.line : '';
      if (/IMPORT DONE|COMPLETED in|Imported:|nodes|relationships|properties|Peak memory|^\[\*/.test(line))
        log(event, fields);
    },
  });
  log('synthetic.bulk.imported', { seconds: imported.ms / 1000 });
  return {
    size,
    seed,
    csv,
    csvSeconds: (csvDone - started) / 1000,
    csvCpuSeconds: (csvCpu.user + csvCpu.system) / 1e6,
    importSeconds: imported.ms / 1000,
    started,
    stats: worldStats(world),
  };
}

/** What a bulk load reports (the marker, the phases' seconds, the schema version the store was imported at). */
export interface BulkReport extends LoadReport {
  loader: string;
  csvSeconds: number;
  csvCpuSeconds: number;
  importSeconds: number;
  indexSeconds: number;
  importedVersion: number;
  csvMb: number;
  candidates: number;
}

/** On the running database of a bulk import: constraints and indexes (built now), then the marker of a complete load. */
export async function finishBulkLoad(
  db: Database,
  load: BulkLoad,
  log: LoadLog = () => undefined,
): Promise<BulkReport> {
  const indexStarted = Date.now();
  // the store's imported schema version: the onward fact's step when the CSV carried the fact (schema.csv)
  const importedVersion = await schemaVersion(db);
  await migrate(db);
  log('synthetic.bulk.migrated', { importedVersion, seconds: (Date.now() - indexStarted) / 1000 });
  await db.write('CALL db.awaitIndexes(7200)');
  // The empty lists the importer could not write, through the batch writer (an indexed lookup a node).
  for (const { label, key, ids } of load.csv.emptyLists) {
    for (let i = 0; i < ids.length; i += 10_000) {
      await db.writeAll([
        nodeStatement({ label, rows: ids.slice(i, i + 10_000).map((id) => ({ id, props: { [key]: [] } })) }),
      ]);
    }
  }
  const indexSeconds = (Date.now() - indexStarted) / 1000;
  log('synthetic.bulk.indexed', { seconds: indexSeconds });
  const finished = Date.now();
  const marker: SyntheticMarker = {
    size: load.size,
    seed: load.seed,
    version: GENERATOR_VERSION,
    loadSeconds: (finished - load.started) / 1000,
    nextSeconds: 0,
    nodes: load.csv.nodes,
    relationships: load.csv.relationships,
    nextLinks: load.csv.nextLinks,
  };
  await db.write('MERGE (m:SyntheticDataset {id: "synthetic"}) SET m += $marker, m.loader = "bulk"', { marker });
  const report: BulkReport = {
    ...marker,
    loader: 'bulk (neo4j-admin database import full)',
    stats: load.stats,
    csvSeconds: load.csvSeconds,
    csvCpuSeconds: load.csvCpuSeconds,
    importSeconds: load.importSeconds,
    indexSeconds,
    importedVersion,
    csvMb: Math.round(load.csv.bytes / 1048576),
    candidates: load.csv.candidates,
    rowsPerSecond: Math.round((load.csv.nodes + load.csv.relationships + load.csv.nextLinks) / marker.loadSeconds),
    relationshipsPerSecond: Math.round((load.csv.relationships + load.csv.nextLinks) / marker.loadSeconds),
    statements: 0,
  };
  log('synthetic.loaded', { ...report });
  return report;
}
