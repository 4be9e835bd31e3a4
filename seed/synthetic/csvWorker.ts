/**
 * One part of the world written as CSV (emit.ts `WorldPart`), in the calling thread or, when this file
 * is started as a worker thread by bulk.ts, in that thread: the bulk load writes its parts on every
 * core at once. The worker gets the planned world (structured clone), the folder and its part, and
 * answers with what it wrote.
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { readDataset } from '../load';
import { CsvPart, writeCsvBatches } from './csv';
import { emitBatches, WorldPart } from './emit';
import { World } from './world';

export interface PartJob {
  world: World;
  dir: string;
  part: WorldPart;
}

/** Rows a batch: small, so that a batch's property maps die young (at M 1,000 rows cost less CPU than 10,000). */
const BATCH_ROWS = Number(process.env.COLLIER_CSV_BATCH ?? 1_000);

/** Writes one part of the world under `dir`, its files named `p<index>-…`. */
export function writePartCsv({ world, dir, part }: PartJob): CsvPart {
  return writeCsvBatches(emitBatches(world, BATCH_ROWS, readDataset().tactics, part), dir, `p${part.index}-`);
}

const job = (workerData as { collierCsvPart?: PartJob } | null)?.collierCsvPart;
if (!isMainThread && job != null) parentPort!.postMessage(writePartCsv(job));
