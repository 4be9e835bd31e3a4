/**
 * Loads a synthetic world into Neo4j through the idempotent batch writer (graphWriter's
 * `nodeStatement`/`relStatement`, one UNWIND batch per transaction), then computes the documented NEXT
 * links port by port (db/trace/documentedBatch.ts; inferred links are never stored). A marker node records the size, seed and generator version once
 * everything is in, so a benchmark can tell a complete load from a partial or outdated one; loading
 * again after an interruption simply writes the same rows again (MERGE on ids) and finishes.
 */
import { Database } from '../../src/db/database';
import { nodeStatement, relStatement } from '../../src/db/write/graphWriter';
import { migrate } from '../../src/db/upgrade/migrations';
import { maintainAllNextLinks } from '../../src/db/trace/documentedBatch';
import { readDataset } from '../load';
import { emitBatches, planWorld, World, worldStats } from './generate';
import { DEFAULT_SEED, GENERATOR_VERSION, SizeName } from './spec';

export interface SyntheticMarker {
  size: SizeName;
  seed: number;
  version: number;
  loadSeconds: number;
  nextSeconds: number;
  nodes: number;
  relationships: number;
  nextLinks: number;
}

export interface LoadReport extends SyntheticMarker {
  stats: Record<string, number>;
  /** Rows written through the batch writer per second (nodes + relationships, NEXT excluded). */
  rowsPerSecond: number;
  /** All relationships (NEXT included) per second of the whole load. */
  relationshipsPerSecond: number;
  statements: number;
}

/** The marker of a complete load, or null. */
export async function readMarker(db: Database): Promise<SyntheticMarker | null> {
  const rows = await db.read<{ m: SyntheticMarker }>(
    'MATCH (m:SyntheticDataset {id: "synthetic"}) RETURN properties(m) AS m',
  );
  return rows[0]?.m ?? null;
}

export type LoadLog = (event: string, fields?: Record<string, unknown>) => void;

/**
 * Writes the world of `size` (unless the database already holds exactly that world). The database
 * should hold nothing else: the benchmark gives every size its own data folder.
 */
export async function loadSynthetic(
  db: Database,
  size: SizeName,
  options: { seed?: number; batchSize?: number; concurrency?: number; log?: LoadLog; world?: World } = {},
): Promise<{ loaded: boolean; marker: SyntheticMarker; report?: LoadReport }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => undefined);
  await migrate(db);
  const existing = await readMarker(db);
  if (existing && existing.size === size && existing.seed === seed && existing.version === GENERATOR_VERSION) {
    return { loaded: false, marker: existing };
  }
  if (existing)
    throw new Error(
      `the database holds another synthetic world (${JSON.stringify(existing)}); use an empty data folder`,
    );

  const started = Date.now();
  const world = options.world ?? planWorld(size, seed);
  log('synthetic.planned', { size, seed, ms: Date.now() - started, ...worldStats(world) });
  const tactics = readDataset().tactics;
  let rows = 0;
  let relationships = 0;
  let nodes = 0;
  let statements = 0;
  let lastLog = Date.now();
  // Several batches in flight at once (each its own transaction); a relationship batch waits until every
  // node batch before it has committed, so that both of its ends exist.
  const concurrency = options.concurrency ?? 3;
  const inFlight = new Set<Promise<void>>();
  let lastKind: 'nodes' | 'rels' = 'nodes';
  for (const item of emitBatches(world, options.batchSize ?? 10_000, tactics)) {
    if (item.kind === 'rels' && lastKind === 'nodes') await Promise.all(inFlight);
    lastKind = item.kind;
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    const statement = item.kind === 'nodes' ? nodeStatement(item.batch) : relStatement(item.batch);
    const write: Promise<void> = db.writeAll([statement]).then(() => {
      inFlight.delete(write);
      statements++;
      rows += item.batch.rows.length;
      if (item.kind === 'nodes') nodes += item.batch.rows.length;
      else relationships += item.batch.rows.length;
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log('synthetic.progress', { nodes, relationships, seconds: (Date.now() - started) / 1000 });
      }
    });
    inFlight.add(write);
  }
  await Promise.all(inFlight);
  const written = Date.now();
  log('synthetic.written', { nodes, relationships, seconds: (written - started) / 1000 });

  const next = await maintainAllNextLinks(db, {
    concurrency: options.concurrency ?? 3,
    onPortGroup: (done, total) => {
      if (Date.now() - lastLog > 10_000 || done === total) {
        lastLog = Date.now();
        log('synthetic.next.progress', { groups: `${done}/${total}`, seconds: (Date.now() - written) / 1000 });
      }
    },
  });
  const finished = Date.now();
  const marker: SyntheticMarker = {
    size,
    seed,
    version: GENERATOR_VERSION,
    loadSeconds: (finished - started) / 1000,
    nextSeconds: (finished - written) / 1000,
    nodes,
    relationships,
    nextLinks: next.links,
  };
  await db.write('MERGE (m:SyntheticDataset {id: "synthetic"}) SET m += $marker', { marker });
  const report: LoadReport = {
    ...marker,
    stats: worldStats(world),
    rowsPerSecond: Math.round(rows / ((written - started) / 1000)),
    relationshipsPerSecond: Math.round((relationships + next.links) / marker.loadSeconds),
    statements: statements + next.chunks,
  };
  log('synthetic.loaded', { ...report });
  return { loaded: true, marker, report };
}
