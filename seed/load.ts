/**
 * Loads the demo dataset into Neo4j: reads seed/data/*.json, checks that every reference resolves,
 * and upserts everything in one transaction. Loading twice changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SEED_FILES, SeedDataset } from './format';
import { datasetToGraph } from './graph';
import { Database } from '../src/db/database';
import { writeGraph } from '../src/db/write/graphWriter';
import { maintainNextLinks } from '../src/db/trace';

export function seedDataDir(): string {
  // Works from seed/ (ts-jest) and from dist/seed/ (compiled): the JSON files stay in the source tree.
  const here = __dirname;
  return here.includes(`${join('dist', 'seed')}`) ? resolve(here, '..', '..', 'seed', 'data') : resolve(here, 'data');
}

export function readDataset(dir: string = seedDataDir()): SeedDataset {
  const out: Partial<SeedDataset> = {};
  for (const key of SEED_FILES) {
    (out as Record<string, unknown>)[key] = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
  }
  return out as SeedDataset;
}

export interface SeedResult {
  nodes: number;
  relationships: number;
}

export async function loadDemoData(db: Database, dataset: SeedDataset = readDataset()): Promise<SeedResult> {
  const { nodes, rels } = datasetToGraph(dataset);
  await writeGraph(db, nodes, rels);
  await maintainNextLinks(db);
  return {
    nodes: nodes.reduce((n, b) => n + b.rows.length, 0),
    relationships: rels.reduce((n, b) => n + b.rows.length, 0),
  };
}

/** True when the database holds no Collier data yet (so start-up should seed it). */
export async function databaseIsEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read<{ n: number }>('MATCH (v:Vessel) RETURN count(v) AS n');
  return row.n === 0;
}
