/**
 * Subgraph exports rendered off the event loop. Writing 2,000 nodes and 10,000 edges as GraphML, GEXF
 * or CSV takes a second or more of CPU; done on the main thread, every other request (`/healthz`
 * included) would wait that long. Renders run on one worker thread (exportWorker.ts), started on first
 * use and kept, one render at a time in the order asked: a bounded amount of extra memory and CPU,
 * however many exports arrive at once. The thread does not keep the process alive; if it dies, the
 * renders it held fail and the next export starts a new one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportFormat, ExportGraph } from '../domain/subgraphExport';

export interface RenderRequest {
  id: number;
  graph: ExportGraph;
  format: ExportFormat;
}
export type RenderReply = { id: number; text: string; error?: undefined } | { id: number; error: string };

/**
 * The worker's compiled entry. Compiled, it sits next to this file; under ts-jest (this file is
 * TypeScript) it is the build's copy in dist/, which `npm test` builds first (`npm run build:ts`).
 */
function workerFile(): string {
  const here = path.join(__dirname, 'exportWorker.js');
  if (existsSync(here)) return here;
  const built = path.resolve(__dirname, '..', '..', 'dist', 'src', 'render', 'exportWorker.js');
  if (existsSync(built)) return built;
  throw new Error('the export renderer is not built: run `npm run build:ts`');
}

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function renderer(): Worker {
  if (worker) return worker;
  const w = new Worker(workerFile());
  w.unref();
  w.on('message', (reply: RenderReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.error != null) p.reject(new Error(`export rendering failed: ${reply.error}`));
    else p.resolve(reply.text);
  });
  const gone = (error: Error) => {
    if (worker === w) worker = undefined;
    failAll(error);
  };
  w.on('error', gone);
  w.on('exit', (code) => gone(new Error(`the export renderer stopped (exit code ${code})`)));
  worker = w;
  return w;
}

/** The subgraph as a file in `format`, rendered on the export thread. */
export function renderExport(graph: ExportGraph, format: ExportFormat): Promise<string> {
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      renderer().postMessage({ id, graph, format } satisfies RenderRequest);
    } catch (error) {
      pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Stops the export thread (tests and shutdown); the next export starts a new one. */
export async function stopExportRenderer(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
