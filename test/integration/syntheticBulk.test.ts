/**
 * The bulk path of the synthetic load (seed/synthetic/bulk.ts: CSV files, NEXT links computed in
 * memory, `neo4j-admin database import full`) gives exactly the graph of the batched load
 * (seed/synthetic/load.ts: the graph writer's UNWIND batches, then the port-by-port NEXT maintenance):
 * the same nodes with the same labels, the same relationships, every property with the same value and
 * the same Cypher type, and the same NEXT links. A small world of the generator's own shape is loaded
 * both ways: through the shared test database, and imported into a data folder of its own served by a
 * second Neo4j on NEO4J_BULK_BOLT_PORT (default 7694). All names are synthetic.
 *
 * The bulk path writes every leg's onward fact from its CSV (seed/synthetic/onward.ts) and imports the
 * store at the fact's schema version: the facts it wrote are compared with the ones `computeOnwardAll`
 * computes from scratch on the same store, and with the batched load's (its `maintainAllNextLinks`
 * computes them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectTestDatabase, resetDatabase } from './harness';
import { Database } from '../../src/db/database';
import { LocalNeo4j, startLocalNeo4j } from '../../src/db/runtime/localNeo4j';
import { loadSynthetic, readMarker } from '../../seed/synthetic/load';
import { bulkImportSynthetic, finishBulkLoad } from '../../seed/synthetic/bulk';
import { planWorld, World } from '../../seed/synthetic/generate';
import { SIZES } from '../../seed/synthetic/spec';
import { computeOnwardAll } from '../../src/db/trace/onward';
import { RANK_KEYS_STEP, SCHEMA_VERSION, schemaVersion } from '../../src/db/upgrade/schemaVersion';

const port = Number(process.env.NEO4J_BULK_BOLT_PORT ?? 7694);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'collier-bulk-'));
// The generator's shape at a size a test can load twice: 120 vessels, 1,500 legs.
const world: World = planWorld(
  { ...SIZES.S, vessels: 120, legs: 1_500, companies: 120, persons: 12, ports: 40, sources: 12 },
  7,
);

interface Dump {
  nodes: { id: string; labels: string[]; types: string[]; props: Record<string, unknown> }[];
  rels: { type: string; from: string; to: string; id: string; types: string[]; props: Record<string, unknown> }[];
}

async function dump(db: Database): Promise<Dump> {
  const nodes = await db.read<Dump['nodes'][number]>(
    `MATCH (n) WHERE NOT n:SyntheticDataset AND NOT n:CollierSchema
     RETURN n.id AS id, labels(n) AS labels, [k IN keys(n) | k + ': ' + valueType(n[k])] AS types, properties(n) AS props
     ORDER BY id`,
  );
  const rels = await db.read<Dump['rels'][number]>(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, a.id AS from, b.id AS to, r.id AS id, [k IN keys(r) | k + ': ' + valueType(r[k])] AS types, properties(r) AS props
     ORDER BY type, id, from, to`,
  );
  for (const n of nodes) {
    n.labels.sort();
    n.types.sort();
  }
  for (const r of rels) r.types.sort();
  return { nodes, rels };
}

type Facts = { id: string; wait: number | null; by: string | null }[];

/** Every leg's stored onward fact, in id order. */
const onwardFactsOf = (db: Database) =>
  db.read<Facts[number]>('MATCH (l:Leg) RETURN l.id AS id, l.onwardWait AS wait, l.onwardBy AS by ORDER BY id');

let batched: Dump;
let bulk: Dump;
let neo4j: LocalNeo4j | undefined;
let bulkDb: Database | undefined;
let report: Awaited<ReturnType<typeof finishBulkLoad>>;
let written: Facts;
let recomputed: Facts;

beforeAll(async () => {
  const db = connectTestDatabase();
  try {
    await resetDatabase(db);
    await loadSynthetic(db, 'S', { world, seed: 7, batchSize: 400, concurrency: 2 });
    batched = await dump(db);
    await resetDatabase(db);
  } finally {
    await db.close();
  }

  const dataDir = path.join(work, 'data');
  const load = await bulkImportSynthetic(world, 'S', 7, dataDir, path.join(work, 'csv'));
  neo4j = await startLocalNeo4j({ boltPort: port, dataDir, heap: '768m', pageCache: '64m' });
  bulkDb = connectTestDatabase(neo4j.uri);
  report = await finishBulkLoad(bulkDb, load);
  bulk = await dump(bulkDb);
  // the facts as imported, then from scratch on the same store by the schema upgrade's Cypher
  written = await onwardFactsOf(bulkDb);
  await bulkDb.write('MATCH (l:Leg) REMOVE l.onwardWait, l.onwardBy');
  await computeOnwardAll(bulkDb, { batch: 400 });
  recomputed = await onwardFactsOf(bulkDb);
}, 600_000);

afterAll(async () => {
  await bulkDb?.close();
  await neo4j?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('synthetic bulk load', () => {
  it('imports the same nodes, labels, properties and property types as the batched load', () => {
    expect(batched.nodes.length).toBeGreaterThan(1_800);
    expect(bulk.nodes.length).toBe(batched.nodes.length);
    expect(bulk.nodes).toEqual(batched.nodes);
    // Dates stay dates, numbers the floats the driver writes, lists lists.
    const leg = bulk.nodes.find((n) => n.labels.includes('Leg') && n.types.includes('departureFrom: DATE NOT NULL'));
    expect(leg?.types).toEqual(
      expect.arrayContaining([
        'tonnageMin: FLOAT NOT NULL',
        'sourceIds: LIST<STRING NOT NULL> NOT NULL',
        'discharged: BOOLEAN NOT NULL',
      ]),
    );
  });

  it('imports the same relationships with the same properties, NEXT links included', () => {
    const next = batched.rels.filter((r) => r.type === 'NEXT');
    // only documented links are stored (transfers, the same vessel sailing on): inferred ones are found
    // when a trace asks, through the departure index keys on FROM/TO (compared with every property below)
    expect(next.length).toBeGreaterThan(100);
    expect(next.some((r) => r.props.kind === 'TRANSFER')).toBe(true);
    expect(next.some((r) => r.props.kind === 'CONTINUATION')).toBe(true);
    expect(next.every((r) => r.props.kind !== 'INFERRED')).toBe(true);
    expect(batched.rels.some((r) => r.type === 'FROM' && r.props.seekDay != null)).toBe(true);
    expect(bulk.rels.length).toBe(batched.rels.length);
    expect(bulk.rels).toEqual(batched.rels);
    expect(report.nextLinks).toBe(next.length);
  });

  it('leaves the constraints and indexes of the migrations and the marker of a complete load', async () => {
    const marker = await readMarker(bulkDb!);
    expect(marker).toMatchObject({ size: 'S', seed: 7, nextLinks: report.nextLinks, nodes: bulk.nodes.length });
    const indexes = await bulkDb!.read<{ name: string; state: string }>(
      'SHOW INDEXES YIELD name, state RETURN name, state',
    );
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['leg_id', 'vessel_name', 'entity_names']));
    expect(indexes.every((i) => i.state === 'ONLINE')).toBe(true);
  });

  it('writes every leg the onward fact computeOnwardAll computes, and imports the store at its schema version', async () => {
    expect(written.length).toBe(world.spec.legs);
    expect(written.every((f) => f.wait != null)).toBe(true);
    // dead ends, unknown waits and least waits each occur, with the departure that gives them
    expect(written.some((f) => f.wait === 1_000_000 && f.by == null)).toBe(true);
    expect(written.some((f) => f.wait === -1_000_000 && f.by != null)).toBe(true);
    expect(written.filter((f) => f.wait! >= 0 && f.wait! <= 120 && f.by != null).length).toBeGreaterThan(500);
    expect(written).toEqual(recomputed);
    // steps 2 and 3 did not run on the imported store: it was imported at step 3's version, with its record
    expect(report.importedVersion).toBe(RANK_KEYS_STEP.version);
    expect(await schemaVersion(bulkDb!)).toBe(SCHEMA_VERSION);
    const [record] = await bulkDb!.read<{ description: string }>(
      "MATCH (s:CollierSchema {name: 'collier'}) RETURN s.description AS description",
    );
    expect(record.description).toBe(RANK_KEYS_STEP.description);
    const indexes = await bulkDb!.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name');
    expect(indexes.map((i) => i.name)).toContain('leg_onward_by');
    expect(indexes.map((i) => i.name)).toContain('leg_departure_rank');
    // the rank keys the CSV wrote on every departure are those a write sets (src/db/trace/startOrder.ts)
    const [keys] = await bulkDb!.read<{ from: number; wrong: number }>(
      `MATCH (l:Leg)-[r:FROM]->(:Port)
       RETURN count(r) AS from, count(CASE WHEN r.rankConf IS NULL OR r.rankConf <> 0.0 - toFloat(coalesce(l.confidence, 0))
         OR r.rankDay IS NULL OR r.rankDay <> coalesce(toString(l.departureFrom), '') OR r.rankId IS NULL OR r.rankId <> l.id
         THEN r END) AS wrong`,
    );
    expect(keys.from).toBeGreaterThanOrEqual(world.spec.legs);
    expect(keys.wrong).toBe(0);
  });
});
