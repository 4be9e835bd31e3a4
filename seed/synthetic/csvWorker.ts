/**
 * One part of the world written as CSV (emit.ts `WorldPart`), in the calling thread or, when this file
 * is started as a worker thread by bulk.ts, in that thread: the bulk load writes its parts on every
 * core at once. The worker gets the planned world (structured clone), the folder and its part, and
 * answers with what it wrote. Each part writes the onward fact of its legs (onward.ts) on their rows.
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { readDataset } from '../load';
import { CsvPart, writeCsvBatches } from './csv';
import { emitBatches, legRange, WorldPart } from './emit';
import { onwardFacts } from './onward';
import { World } from './world';

export interface PartJob {
  world: World;
  dir: string;
  part: WorldPart;
}

/** Rows a batch: small, so that a batch's property maps die young (at M 1,000 rows cost less CPU than 10,000). */
const BATCH_ROWS = Number(process.env.COLLIER_CSV_BATCH ?? 1_000);

/** What a part wrote: its files, the legs it wrote with their onward fact, and the seconds the facts took (before the rows). */
export interface PartCsv extends CsvPart {
  onwardLegs: number;
  onwardSeconds: number;
}

/** Writes one part of the world under `dir`, its files named `p<index>-…`, the onward fact on every leg. */
export function writePartCsv({ world, dir, part }: PartJob): PartCsv {
  const started = Date.now();
  const [start, end] = legRange(world.spec.legs, part);
  const onward = onwardFacts(world, start, end);
  const onwardSeconds = (Date.now() - started) / 1000;
  const batches = emitBatches(world, BATCH_ROWS, readDataset().tactics, part, onward);
  return { ...writeCsvBatches(batches, dir, `p${part.index}-`), onwardLegs: end - start, onwardSeconds };
}

const job = (workerData as { collierCsvPart?: PartJob } | null)?.collierCsvPart;
if (!isMainThread && job != null) parentPort!.postMessage(writePartCsv(job));
