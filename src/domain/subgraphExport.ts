/**
 * A drawn subgraph (nodes and edges with their evidence) written in the formats analysts load into
 * Gephi, i2 or a spreadsheet. Pure: text in memory, no I/O.
 *
 * - GEXF 1.3: graphology builds the graph and graphology-gexf writes it (typed attributes inferred).
 * - GraphML: graphology-graphml only parses, so it is written with `xml-writer` — the streaming XML
 *   writer graphology-gexf itself uses (same version, already in the tree through graphology-gexf and
 *   graphology-graphml). It escapes text and attribute values; characters XML 1.0 forbids are removed
 *   here first. Every attribute is declared as a `<key>` with its type, so Gephi and yEd read typed
 *   columns. `edgedefault="directed"`: edges keep the stored direction (owner → vessel, leg → port).
 * - CSV: two tables in one text, Gephi's spreadsheet-import columns. A `# nodes` line, the nodes table
 *   (Id, Label, kind, confidence, sources, then the other attributes), a blank line, a `# edges` line and
 *   the edges table (Source, Target, Type = Directed, Id, Label = relationship type, periodFrom,
 *   periodTo, confidence, sources). Split before the `# edges` line to import each table. Text cells that a
 *   spreadsheet would read as a formula (=, +, -, @ first) are prefixed with an apostrophe.
 */
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { stringify } from 'csv-stringify/sync';

export enum ExportFormat {
  GRAPHML = 'GRAPHML',
  GEXF = 'GEXF',
  CSV = 'CSV',
  /** The stored facts themselves, in the import formats (written by db/export/exportFile.ts, not here). */
  JSONL = 'JSONL',
  FTM = 'FTM',
}

export interface ExportNode {
  id: string;
  label: string;
  name: string;
  props: Record<string, unknown>;
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  confidence: number | null;
  period: { from: string | null; to: string | null } | null;
  sourceIds: string[];
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

type Scalar = string | number | boolean;
type AttrType = 'string' | 'double' | 'long' | 'boolean';

/** Characters XML 1.0 does not allow anywhere, and unpaired surrogates. */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Properties written as attributes: scalars and lists of scalars; bulky JSON blobs and duplicates left out. */
const SKIPPED_PROPS = new Set(['id', 'name', 'aliasesText']);

/** A node's attributes: its kind, confidence and sources first, then its other scalar properties. */
export function nodeAttributes(n: ExportNode): Record<string, Scalar> {
  const out: Record<string, Scalar> = { kind: n.label };
  for (const [key, value] of Object.entries(n.props).sort(([a], [b]) => a.localeCompare(b))) {
    if (SKIPPED_PROPS.has(key) || key.endsWith('Json') || value == null) continue;
    if (key === 'sourceIds') continue;
    if (Array.isArray(value)) {
      const items = value.filter((v) => v != null).map(String);
      if (items.length > 0) out[key] = items.join(' | ');
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      if (typeof value !== 'number' || Number.isFinite(value)) out[key] = value;
    } else if (typeof value === 'string') {
      out[key] = value;
    }
  }
  const sources = n.props.sourceIds;
  if (Array.isArray(sources) && sources.length > 0) out.sources = sources.map(String).join(' ');
  return out;
}

export function edgeAttributes(e: ExportEdge): Record<string, Scalar> {
  const out: Record<string, Scalar> = { type: e.type };
  if (e.period?.from) out.periodFrom = e.period.from;
  if (e.period?.to) out.periodTo = e.period.to;
  if (e.confidence != null) out.confidence = e.confidence;
  if (e.sourceIds.length > 0) out.sources = e.sourceIds.join(' ');
  return out;
}

function typeOf(v: Scalar): AttrType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  return 'string';
}

/** One type per attribute over all elements: mixed numbers are doubles, anything else mixed is a string. */
export function attributeTypes(rows: Record<string, Scalar>[]): Map<string, AttrType> {
  const types = new Map<string, AttrType>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      const t = typeOf(v);
      const seen = types.get(k);
      if (seen == null || seen === t) types.set(k, t);
      else if ((seen === 'long' && t === 'double') || (seen === 'double' && t === 'long')) types.set(k, 'double');
      else types.set(k, 'string');
    }
  }
  return types;
}

/* ----------------------------------------------------------------------------------------------
 * GraphML
 * -------------------------------------------------------------------------------------------- */

interface XmlWriter {
  startDocument(version?: string, encoding?: string): XmlWriter;
  startElement(name: string): XmlWriter;
  writeAttribute(name: string, value: string): XmlWriter;
  text(content: string): XmlWriter;
  endElement(): XmlWriter;
  endDocument(): XmlWriter;
  toString(): string;
}
// xml-writer ships no type declarations; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XMLWriter = require('xml-writer') as new (indent?: boolean | string) => XmlWriter;

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const GRAPHML_SCHEMA = 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

export function toGraphml(g: ExportGraph): string {
  const nodeRows = g.nodes.map((n) => ({ label: n.name, ...nodeAttributes(n) }));
  const edgeRows = g.edges.map(edgeAttributes);
  const nodeTypes = attributeTypes(nodeRows);
  const edgeTypes = attributeTypes(edgeRows);
  const keyId = (scope: 'n' | 'e', names: string[]) => new Map(names.map((name, i) => [name, `${scope}${i}`]));
  const nodeKeys = keyId('n', [...nodeTypes.keys()]);
  const edgeKeys = keyId('e', [...edgeTypes.keys()]);

  const w = new XMLWriter('  ');
  w.startDocument('1.0', 'UTF-8');
  w.startElement('graphml').writeAttribute('xmlns', GRAPHML_NS);
  w.writeAttribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance').writeAttribute(
    'xsi:schemaLocation',
    GRAPHML_SCHEMA,
  );
  const declare = (scope: 'node' | 'edge', keys: Map<string, string>, types: Map<string, AttrType>) => {
    for (const [name, id] of keys) {
      w.startElement('key').writeAttribute('id', id).writeAttribute('for', scope);
      w.writeAttribute('attr.name', xmlSafe(name)).writeAttribute('attr.type', types.get(name)!).endElement();
    }
  };
  declare('node', nodeKeys, nodeTypes);
  declare('edge', edgeKeys, edgeTypes);

  const data = (keys: Map<string, string>, row: Record<string, Scalar>) => {
    for (const [name, value] of Object.entries(row)) {
      w.startElement('data')
        .writeAttribute('key', keys.get(name)!)
        .text(xmlSafe(String(value)))
        .endElement();
    }
  };
  w.startElement('graph').writeAttribute('id', 'collier').writeAttribute('edgedefault', 'directed');
  g.nodes.forEach((n, i) => {
    w.startElement('node').writeAttribute('id', xmlSafe(n.id));
    data(nodeKeys, nodeRows[i]);
    w.endElement();
  });
  g.edges.forEach((e, i) => {
    w.startElement('edge')
      .writeAttribute('id', xmlSafe(e.id))
      .writeAttribute('source', xmlSafe(e.source))
      .writeAttribute('target', xmlSafe(e.target));
    data(edgeKeys, edgeRows[i]);
    w.endElement();
  });
  w.endElement(); // graph
  w.endElement(); // graphml
  w.endDocument();
  return `${w.toString()}\n`;
}

/* ----------------------------------------------------------------------------------------------
 * GEXF
 * -------------------------------------------------------------------------------------------- */

const cleanAttrs = (row: Record<string, Scalar>): Record<string, Scalar> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [xmlSafe(k), typeof v === 'string' ? xmlSafe(v) : v]));

export function toGexf(g: ExportGraph): string {
  const graph = new MultiDirectedGraph();
  for (const n of g.nodes) graph.mergeNode(n.id, { name: xmlSafe(n.name), attrs: cleanAttrs(nodeAttributes(n)) });
  for (const e of g.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(e.id)) continue;
    graph.addEdgeWithKey(e.id, e.source, e.target, {
      type: e.type,
      weight: e.confidence ?? 1,
      attrs: cleanAttrs(edgeAttributes(e)),
    });
  }
  return writeGexf(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, a) => ({ label: a.name as string, attributes: a.attrs as Record<string, Scalar> }),
    formatEdge: (_key, a) => ({
      label: a.type as string,
      weight: a.weight as number,
      attributes: a.attrs as Record<string, Scalar>,
    }),
  });
}

/* ----------------------------------------------------------------------------------------------
 * CSV
 * -------------------------------------------------------------------------------------------- */

/** Spreadsheets run cells starting with these as formulas. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(v: Scalar | null | undefined): string | number | boolean {
  if (v == null) return '';
  if (typeof v === 'string') return FORMULA_START.test(v) ? `'${v}` : v;
  return v;
}

export function toCsv(g: ExportGraph): string {
  const nodeRows: Record<string, Scalar>[] = g.nodes.map((n) => ({ Id: n.id, Label: n.name, ...nodeAttributes(n) }));
  const first = ['Id', 'Label', 'kind', 'confidence', 'sources'];
  const rest = [...new Set(nodeRows.flatMap((r) => Object.keys(r)))].filter((k) => !first.includes(k)).sort();
  const nodeColumns = [...first, ...rest];
  const table = (rows: Record<string, Scalar | null | undefined>[], columns: string[]) =>
    stringify(
      rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell(r[c])]))),
      { header: true, columns },
    );
  const edgeRows = g.edges.map((e) => ({
    Source: e.source,
    Target: e.target,
    Type: 'Directed',
    Id: e.id,
    Label: e.type,
    periodFrom: e.period?.from,
    periodTo: e.period?.to,
    confidence: e.confidence,
    sources: e.sourceIds.join(' '),
  }));
  const edgeColumns = ['Source', 'Target', 'Type', 'Id', 'Label', 'periodFrom', 'periodTo', 'confidence', 'sources'];
  return `# nodes\n${table(nodeRows, nodeColumns)}\n# edges\n${table(edgeRows, edgeColumns)}`;
}

export function exportSubgraph(g: ExportGraph, format: ExportFormat): string {
  switch (format) {
    case ExportFormat.GRAPHML:
      return toGraphml(g);
    case ExportFormat.GEXF:
      return toGexf(g);
    case ExportFormat.CSV:
      return toCsv(g);
    case ExportFormat.JSONL:
    case ExportFormat.FTM:
      throw new Error(
        `${format} is written from the stored facts (db/export/exportFile.ts), not from a drawn subgraph`,
      );
  }
}
