/**
 * The official sanctions lists of the demo graph (seed/data/sanctions, copies of the files exactly as
 * their publishers issued them): the OFAC SDN list and the UN Security Council Consolidated List,
 * their DPRK programmes, loaded through the import adapters (import/lists.ts) after the coal facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDataDir } from './load';
import { Database } from '../src/db/database';
import { importOfficialList, ListFormat, ListImportReport } from '../src/import/lists';

export const SEED_LISTS: { format: ListFormat; file: string }[] = [
  { format: 'ofac-sdn', file: 'ofac-sdn-2024-05-03.csv' },
  { format: 'un-sc', file: 'un-sc-consolidated-2020-03-20.xml' },
];

export interface ListSeedResult {
  file: string;
  rows: number;
  nodesCreated: number;
  relationshipsCreated: number;
  automaticMerges: number;
  candidates: number;
  ms: number;
}

export async function loadSanctionsLists(
  db: Database,
  dir: string = join(seedDataDir(), 'sanctions'),
): Promise<ListSeedResult[]> {
  const out: ListSeedResult[] = [];
  for (const l of SEED_LISTS) {
    const r: ListImportReport = await importOfficialList(db, readFileSync(join(dir, l.file)), {
      format: l.format,
      fileName: l.file,
      actor: 'seed',
    });
    out.push({
      file: l.file,
      rows: r.rowsSelected,
      nodesCreated: r.stats.nodesCreated,
      relationshipsCreated: r.stats.relationshipsCreated,
      automaticMerges: r.matching?.automaticMerges ?? 0,
      candidates: r.matching?.newCandidates ?? 0,
      ms: r.durationMs,
    });
  }
  return out;
}
