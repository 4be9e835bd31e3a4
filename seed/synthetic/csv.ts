/**
 * Node and relationship batches as CSV files for `neo4j-admin database import full` (seed/synthetic/bulk.ts).
 *
 * Property values keep the types the driver would have written: JS numbers as FLOAT, neo4j Integers as
 * INTEGER, dates as DATE, lists as lists; a null value is no property.
 *
 * Written for size L (1.3 M nodes, 6 M relationships): each row is one string built by concatenation
 * (no per-row arrays of cells), the cell formatter is chosen by the column's type once per file, a date
 * object's text is computed once, and a file's rows go to disk in chunks of a few megabytes. A CSV
 * library (csv-stringify, a dependency already) would add a stream and an array per row for quoting we
 * do in one test; measured at M it was not faster than this, so none is used.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDate, isInt } from 'neo4j-driver';
import { NodeLabel } from '../../src/domain/ids';
import { SyntheticBatch } from './batches';

export const ARRAY_DELIMITER = ';';

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

const SPECIAL = /["\r\n]/;

export function quote(text: string): string {
  if (!SPECIAL.test(text)) return `"${text}"`;
  if (/[\r\n]/.test(text)) throw new Error(`a line break in a CSV value: ${JSON.stringify(text)}`);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Dates are shared objects (batches.ts `dateOf`): their text is computed once each. */
const dateTexts = new WeakMap<object, string>();

function scalarCell(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'object' && value != null && isDate(value)) {
    let text = dateTexts.get(value);
    if (text === undefined) dateTexts.set(value, (text = String(value)));
    return text;
  }
  return String(value); // boolean, Integer: their Cypher literal forms
}

function listCell(value: unknown): string {
  const parts = (value as unknown[]).map(scalarCell);
  if (parts.some((p) => p.includes(ARRAY_DELIMITER)))
    throw new Error(`a list element holds the array delimiter: ${JSON.stringify(value)}`);
  return quote(parts.join(ARRAY_DELIMITER));
}

/** A cell of a column of the given type; '' (no property) for null. */
function cellFor(type: CsvType): (value: unknown) => string {
  if (type.endsWith('[]')) return (v) => (v == null ? '' : listCell(v));
  if (type === 'string') return (v) => (v == null ? '' : quote(v as string));
  return (v) => (v == null ? '' : scalarCell(v));
}

/** One CSV file with its header, rows written into a buffer that goes to disk when full. */
export class CsvFile {
  private fd: number;
  private buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  rows = 0;
  bytes = 0;
  constructor(
    readonly file: string,
    header: string,
  ) {
    this.fd = fs.openSync(file, 'w');
    this.line(`${header}\n`);
    this.rows = 0;
  }

  /** A row, its line end included. */
  line(text: string): void {
    this.rows++;
    // at most 3 bytes a UTF-16 unit
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.buffer.write(text, this.used);
  }

  private flush() {
    if (this.used === 0) return;
    fs.writeSync(this.fd, this.buffer, 0, this.used);
    this.bytes += this.used;
    this.used = 0;
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
  const types = new Map<string, CsvType | null>();
  for (const row of rows) {
    const props = row.props;
    for (const key in props) {
      const known = types.get(key);
      const value = props[key];
      if (value == null || (Array.isArray(value) && value.length === 0)) {
        if (known === undefined) types.set(key, null);
        continue;
      }
      const type = csvType(value)!;
      if (known == null) types.set(key, type);
      else if (known !== type) throw new Error(`property ${key} has values of types ${known} and ${type}`);
    }
  }
  const columns: { key: string; type: CsvType }[] = [];
  for (const [key, type] of types) {
    // a key that only ever holds empty lists is a string list; one that only ever holds null is no column
    if (type != null) columns.push({ key, type });
    else if (rows.some((r) => Array.isArray(r.props[key]))) columns.push({ key, type: 'string[]' });
  }
  return columns;
}

/** What one writer (a part of the world, bulk.ts) wrote. */
export interface CsvPart {
  nodeFiles: string[];
  relationshipFiles: string[];
  nodes: number;
  relationships: number;
  bytes: number;
  /** Nodes with an empty list property, by label and key: the importer cannot write an empty list, `finishBulkLoad` does. */
  emptyLists: { label: NodeLabel; key: string; ids: string[] }[];
}

/** Rows a CSV file holds at most; every file carries its own header line. */
export const ROWS_PER_FILE = 500_000;

/**
 * CSV files by header: batches with the same columns (the same label or relationship type, as a rule)
 * go on in the same file, up to ROWS_PER_FILE rows, so that small batches do not make many files.
 */
class CsvFiles {
  private readonly open = new Map<string, CsvFile>();
  readonly files: string[] = [];
  bytes = 0;
  constructor(
    private readonly dir: string,
    private readonly name: string,
  ) {}

  for(header: string): CsvFile {
    let file = this.open.get(header);
    if (file && file.rows >= ROWS_PER_FILE) {
      this.finish(file);
      file = undefined;
    }
    if (!file) {
      file = new CsvFile(
        path.join(this.dir, `${this.name}-${String(this.files.length + 1).padStart(5, '0')}.csv`),
        header,
      );
      this.files.push(file.file);
      this.open.set(header, file);
    }
    return file;
  }

  private finish(file: CsvFile) {
    file.close();
    this.bytes += file.bytes;
  }

  close(): void {
    for (const file of this.open.values()) this.finish(file);
    this.open.clear();
  }
}

/**
 * Writes batches as CSV files `<prefix>nodes-NNNNN.csv` / `<prefix>rels-NNNNN.csv` under `dir`.
 *
 * Every row is written as it comes: the emitter writes each node and relationship once (the unit test
 * seed/synthetic/csv checks it on a whole world), so nothing here remembers what it wrote — the sets of
 * 7 M ids that did cost a sixth of the CPU at M. Were a node repeated, the importer would stop on the
 * duplicate id; a repeated relationship would make the bulk graph differ from the batched one
 * (test/integration/syntheticBulk).
 */
export function writeCsvBatches(batches: Iterable<SyntheticBatch>, dir: string, prefix = ''): CsvPart {
  const nodeFiles = new CsvFiles(dir, `${prefix}nodes`);
  const relFiles = new CsvFiles(dir, `${prefix}rels`);
  let nodes = 0;
  let relationships = 0;
  const emptyLists = new Map<string, { label: NodeLabel; key: string; ids: string[] }>();

  for (const item of batches) {
    const columns = columnsOf(item.batch.rows);
    const keys = columns.map((c) => c.key);
    const cells = columns.map((c) => cellFor(c.type));
    const n = keys.length;
    const header = columns.map((c) => `${c.key}:${c.type}`);
    if (item.kind === 'nodes') {
      const { label, extraLabels, rows } = item.batch;
      const labels = `,${[label, ...(extraLabels ?? [])].join(';')}`;
      const file = nodeFiles.for(['id:ID', ':LABEL', ...header].join(','));
      const lists = columns.filter((c) => c.type.endsWith('[]')).map((c) => c.key);
      for (const row of rows) {
        const props = row.props;
        let line = quote(row.id) + labels;
        for (let c = 0; c < n; c++) line += `,${cells[c](props[keys[c]])}`;
        file.line(`${line}\n`);
        nodes++;
        for (const key of lists) {
          const value = props[key];
          if (!Array.isArray(value) || value.length > 0) continue;
          const k = `${label}|${key}`;
          let entry = emptyLists.get(k);
          if (!entry) emptyLists.set(k, (entry = { label, key, ids: [] }));
          entry.ids.push(row.id);
        }
      }
    } else {
      const { type, rows } = item.batch;
      const file = relFiles.for([':START_ID', ':END_ID', ':TYPE', 'id:string', ...header].join(','));
      const typeCell = `,${type},`;
      for (const row of rows) {
        const props = row.props;
        let line = quote(row.fromId) + ',' + quote(row.toId) + typeCell + quote(row.id);
        for (let c = 0; c < n; c++) line += `,${cells[c](props[keys[c]])}`;
        file.line(`${line}\n`);
        relationships++;
      }
    }
  }
  nodeFiles.close();
  relFiles.close();
  return {
    nodeFiles: nodeFiles.files,
    relationshipFiles: relFiles.files,
    nodes,
    relationships,
    bytes: nodeFiles.bytes + relFiles.bytes,
    emptyLists: [...emptyLists.values()],
  };
}
