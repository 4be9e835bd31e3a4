/**
 * The bulk path for a synthetic world too large for transactional writes (size L: a million legs).
 * The same rows the batched load writes (`emitBatches`, whose FROM/TO relationships carry the trace's
 * departure index keys) are streamed to CSV files, the documented NEXT links (transfers, the same
 * vessel sailing on with its cargo; never an inferred one) computed in memory by the same rule as the
 * batched maintenance (db/trace/documentedBatch.ts `portCandidates` → db/trace/documented.ts
 * `computeNextLinks` → domain/linking.ts), and the
 * whole graph written by Neo4j's offline importer (`neo4j-admin database import full`) into an empty
 * data folder. Then Neo4j starts on it, the migrations build the constraints and indexes, and the
 * marker records the load. The integration test `syntheticBulk` checks that a world loaded this way
 * equals the same world loaded through the batch writer: every node, relationship, property and
 * property type, and every NEXT link.
 *
 * Property values keep the types the driver would have written: JS numbers as FLOAT, neo4j Integers as
 * INTEGER, dates as DATE, lists as lists; a null value is no property.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDate, isInt } from 'neo4j-driver';
import { Database } from '../../src/db/database';
import { nodeStatement } from '../../src/db/write/graphWriter';
import { NodeLabel } from '../../src/domain/ids';
import { asText } from '../../src/domain/text';
import { migrate } from '../../src/db/upgrade/migrations';
import { indexDepartures, portCandidates, DepartureIndex, CandidateRow } from '../../src/db/trace/documentedBatch';
import { computeNextLinks, NextLink } from '../../src/db/trace/documented';
import { importCsvIntoLocalNeo4j } from '../../src/db/runtime/csvImport';
import { PLACEHOLDER_PORT_KIND } from '../../src/db/read/traversal';
import { LegTiming } from '../../src/domain/linking';
import { readDataset } from '../load';
import { emitBatches, World, worldStats } from './generate';
import { GENERATOR_VERSION, SizeName } from './spec';
import type { LoadLog, LoadReport, SyntheticMarker } from './load';

const ARRAY_DELIMITER = ';';
/** Rows per CSV file; every file carries its own header line. */
const ROWS_PER_FILE = 500_000;

type CsvType = 'string' | 'double' | 'long' | 'boolean' | 'date' | 'string[]' | 'double[]' | 'long[]' | 'boolean[]';

function scalarType(value: unknown): CsvType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (isInt(value)) return 'long';
  if (isDate(value)) return 'date';
  throw new Error(`no CSV type for the value ${JSON.stringify(value)}`);
}

/** The CSV column type of a value, or null when the value says nothing (null). */
function csvType(value: unknown): CsvType | null {
  if (value == null) return null;
  if (Array.isArray(value)) return `${scalarType(value[0])}[]` as CsvType;
  return scalarType(value);
}

function quote(text: string): string {
  if (/[\r\n]/.test(text)) throw new Error(`a line break in a CSV value: ${JSON.stringify(text)}`);
  return `"${text.replace(/"/g, '""')}"`;
}

function scalarCell(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return String(value); // boolean, Integer, Date: their Cypher literal forms
}

function cell(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) {
    const parts = value.map(scalarCell);
    if (parts.some((p) => p.includes(ARRAY_DELIMITER)))
      throw new Error(`a list element holds the array delimiter: ${JSON.stringify(value)}`);
    return quote(parts.join(ARRAY_DELIMITER));
  }
  return typeof value === 'string' ? quote(value) : scalarCell(value);
}

/** One CSV file with its header, written in large synchronous chunks. */
class CsvFile {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  constructor(
    readonly file: string,
    header: string,
  ) {
    this.fd = fs.openSync(file, 'w');
    this.push(`${header}\n`);
  }

  line(cells: string[]): void {
    this.rows++;
    this.push(`${cells.join(',')}\n`);
  }

  private push(text: string) {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 4_000_000) this.flush();
  }

  private flush() {
    fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/**
 * Property columns for a batch of rows: the union of their keys, typed by their first value that says
 * something (not null, not an empty list); a key that only ever holds empty lists is a string list.
 */
function columnsOf(rows: { props: Record<string, unknown> }[]): { key: string; type: CsvType }[] {
  const types = new Map<string, CsvType>();
  const onlyEmptyLists = new Set<string>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.props)) {
      if (Array.isArray(value) && value.length === 0) {
        if (!types.has(key)) onlyEmptyLists.add(key);
        continue;
      }
      const type = csvType(value);
      if (type == null) continue;
      const known = types.get(key);
      if (known != null && known !== type) throw new Error(`property ${key} has values of types ${known} and ${type}`);
      types.set(key, type);
      onlyEmptyLists.delete(key);
    }
  }
  for (const key of onlyEmptyLists) types.set(key, 'string[]');
  return [...types.entries()].map(([key, type]) => ({ key, type }));
}

export interface SyntheticCsv {
  nodeFiles: string[];
  relationshipFiles: string[];
  nodes: number;
  relationships: number;
  nextLinks: number;
  candidates: number;
  bytes: number;
  /** Nodes with an empty list property, by label and key: the importer cannot write an empty list, `finishBulkLoad` does. */
  emptyLists: { label: NodeLabel; key: string; ids: string[] }[];
}

const dateText = (v: unknown): string | null => (v == null ? null : asText(v));

/**
 * Streams the world into CSV files under `dir` (emptied first) and computes its NEXT links.
 * Rows repeated by the generator are written once, as MERGE would keep them once.
 */
export function writeSyntheticCsv(world: World, dir: string, log: LoadLog = () => undefined): SyntheticCsv {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const nodeFiles: string[] = [];
  const relationshipFiles: string[] = [];
  const seenNodes = new Set<string>();
  const seenRels = new Set<string>();
  const emptyLists = new Map<string, { label: NodeLabel; key: string; ids: string[] }>();
  let nodes = 0;
  let relationships = 0;
  let bytes = 0;

  // What the NEXT links need, gathered on the way.
  const portKind = new Map<string, string>();
  const timing = new Map<string, LegTiming>();
  const arrivesAt = new Map<string, { portId: string; alternative: boolean }[]>();
  const leaves: { legId: string; portId: string; alternative: boolean }[] = [];
  const transferEnds = new Map<string, { from?: string; to?: string }>();

  const newFile = (kind: 'nodes' | 'rels', header: string) => {
    const list = kind === 'nodes' ? nodeFiles : relationshipFiles;
    const file = new CsvFile(path.join(dir, `${kind}-${String(list.length + 1).padStart(5, '0')}.csv`), header);
    list.push(file.file);
    return file;
  };
  const close = (file: CsvFile) => {
    file.close();
    bytes += fs.statSync(file.file).size;
  };

  for (const item of emitBatches(world, 10_000, readDataset().tactics)) {
    if (item.kind === 'nodes') {
      const { label, extraLabels, rows } = item.batch;
      const labels = [label, ...(extraLabels ?? [])].join(';');
      const columns = columnsOf(rows);
      const file = newFile('nodes', ['id:ID', ':LABEL', ...columns.map((c) => `${c.key}:${c.type}`)].join(','));
      for (const row of rows) {
        if (seenNodes.has(row.id)) continue;
        seenNodes.add(row.id);
        file.line([quote(row.id), labels, ...columns.map((c) => cell(row.props[c.key]))]);
        nodes++;
        for (const c of columns) {
          const value = row.props[c.key];
          if (!Array.isArray(value) || value.length > 0) continue;
          const k = `${label}|${c.key}`;
          if (!emptyLists.has(k)) emptyLists.set(k, { label, key: c.key, ids: [] });
          emptyLists.get(k)!.ids.push(row.id);
        }
        if (label === 'Port') portKind.set(row.id, String(row.props.kind));
        if (label === 'Leg') {
          const p = row.props;
          timing.set(row.id, {
            id: row.id,
            vesselId: (p.vesselId as string | null) ?? null,
            departureFrom: dateText(p.departureFrom),
            departureTo: dateText(p.departureTo),
            arrivalFrom: dateText(p.arrivalFrom),
            arrivalTo: dateText(p.arrivalTo),
            discharged: (p.discharged as boolean | null) ?? null,
          });
        }
      }
      close(file);
    } else {
      const { type, rows } = item.batch;
      const columns = columnsOf(rows);
      const file = newFile(
        'rels',
        [':START_ID', ':END_ID', ':TYPE', 'id:string', ...columns.map((c) => `${c.key}:${c.type}`)].join(','),
      );
      for (const row of rows) {
        const key = `${type}|${row.id}|${row.fromId}|${row.toId}`;
        if (seenRels.has(key)) continue;
        seenRels.add(key);
        file.line([
          quote(row.fromId),
          quote(row.toId),
          type,
          quote(row.id),
          ...columns.map((c) => cell(row.props[c.key])),
        ]);
        relationships++;
        const alternative = row.props.alternative === true;
        if (type === 'TO' && portKind.get(row.toId) !== PLACEHOLDER_PORT_KIND) {
          const list = arrivesAt.get(row.fromId) ?? [];
          list.push({ portId: row.toId, alternative });
          arrivesAt.set(row.fromId, list);
        }
        if (type === 'FROM') leaves.push({ legId: row.fromId, portId: row.toId, alternative });
        if (type === 'FROM_LEG' || type === 'TO_LEG') {
          const ends = transferEnds.get(row.fromId) ?? {};
          if (type === 'FROM_LEG') ends.from = row.toId;
          else ends.to = row.toId;
          transferEnds.set(row.fromId, ends);
        }
      }
      close(file);
    }
  }
  seenRels.clear();
  log('synthetic.bulk.csv', { nodes, relationships, mb: Math.round(bytes / 1048576) });

  // NEXT links: for every leg, the transfers that took its cargo on and the legs leaving the real ports it ends at.
  const departuresByPort = new Map<string, { timing: LegTiming; alternative: boolean }[]>();
  for (const l of leaves) {
    const list = departuresByPort.get(l.portId) ?? [];
    list.push({ timing: timing.get(l.legId)!, alternative: l.alternative });
    departuresByPort.set(l.portId, list);
  }
  const indexes = new Map<string, DepartureIndex>();
  for (const [portId, list] of departuresByPort) indexes.set(portId, indexDepartures(list));
  const handedOn = new Map<string, { b: LegTiming; transferId: string }[]>();
  for (const [transferId, ends] of transferEnds) {
    if (ends.from == null || ends.to == null) continue;
    const list = handedOn.get(ends.from) ?? [];
    list.push({ b: timing.get(ends.to)!, transferId });
    handedOn.set(ends.from, list);
  }
  const header = [
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
  let file = newFile('rels', header);
  let nextLinks = 0;
  let candidates = 0;
  const writeLink = (l: NextLink) => {
    if (file.rows >= ROWS_PER_FILE) {
      close(file);
      file = newFile('rels', header);
    }
    const p = l.props;
    file.line([
      quote(l.from),
      quote(l.to),
      'NEXT',
      quote(l.id),
      cell(p.kind),
      cell(p.waitMinDays),
      cell(p.waitMaxDays),
      cell(p.certainty),
      cell(p.transferId),
      cell(p.portId),
      cell(p.placeUncertain),
    ]);
    nextLinks++;
  };
  let lastLog = Date.now();
  for (const a of timing.values()) {
    const rows: CandidateRow[] = (handedOn.get(a.id) ?? []).map((t) => ({
      a,
      b: t.b,
      transferId: t.transferId,
      portId: null,
      placeUncertain: false,
    }));
    const tos = [...(arrivesAt.get(a.id) ?? [])].sort((x, y) => x.portId.localeCompare(y.portId));
    for (const row of portCandidates({ a, tos }, (portId) => indexes.get(portId))) rows.push(row);
    if (rows.length === 0) continue;
    candidates += rows.length;
    for (const link of computeNextLinks(rows)) writeLink(link);
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log('synthetic.bulk.next', { nextLinks, candidates });
    }
  }
  close(file);
  log('synthetic.bulk.csv.next', { nextLinks, candidates, mb: Math.round(bytes / 1048576) });
  return {
    nodeFiles,
    relationshipFiles,
    nodes,
    relationships,
    nextLinks,
    candidates,
    bytes,
    emptyLists: [...emptyLists.values()],
  };
}

export interface BulkLoad {
  size: SizeName;
  seed: number;
  csv: SyntheticCsv;
  csvSeconds: number;
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
): Promise<BulkLoad> {
  const started = Date.now();
  const csv = writeSyntheticCsv(world, csvDir, log);
  const csvDone = Date.now();
  const imported = await importCsvIntoLocalNeo4j({
    dataDir,
    nodeFiles: csv.nodeFiles,
    relationshipFiles: csv.relationshipFiles,
    arrayDelimiter: ARRAY_DELIMITER,
    log: (event, fields) => {
      const line = typeof fields?.line === 'string' ? fields.line : '';
      if (/IMPORT DONE|Imported:|nodes|relationships|properties|Peak memory|^\[\*/.test(line)) log(event, fields);
    },
  });
  log('synthetic.bulk.imported', { seconds: imported.ms / 1000 });
  return {
    size,
    seed,
    csv,
    csvSeconds: (csvDone - started) / 1000,
    importSeconds: imported.ms / 1000,
    started,
    stats: worldStats(world),
  };
}

/** On the running database of a bulk import: constraints and indexes (built now), then the marker of a complete load. */
export async function finishBulkLoad(
  db: Database,
  load: BulkLoad,
  log: LoadLog = () => undefined,
): Promise<LoadReport> {
  const indexStarted = Date.now();
  await migrate(db);
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
  const report: LoadReport & {
    loader: string;
    csvSeconds: number;
    importSeconds: number;
    indexSeconds: number;
    csvMb: number;
    candidates: number;
  } = {
    ...marker,
    loader: 'bulk (neo4j-admin database import full)',
    stats: load.stats,
    csvSeconds: load.csvSeconds,
    importSeconds: load.importSeconds,
    indexSeconds,
    csvMb: Math.round(load.csv.bytes / 1048576),
    candidates: load.csv.candidates,
    rowsPerSecond: Math.round((load.csv.nodes + load.csv.relationships + load.csv.nextLinks) / marker.loadSeconds),
    relationshipsPerSecond: Math.round((load.csv.relationships + load.csv.nextLinks) / marker.loadSeconds),
    statements: 0,
  };
  log('synthetic.loaded', { ...report });
  return report;
}
