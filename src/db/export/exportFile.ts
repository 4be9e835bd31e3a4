/**
 * An export as lines of text: the stored facts (db/export/storedGraph.ts) of the whole database or of a
 * neighbourhood, written as Collier JSON Lines or FollowTheMoney entities (src/export). Shared by
 * `npm run export` and the `exportSubgraph` query.
 */
import { Database, StatementCounter } from '../database';
import { readStoredGraph } from './storedGraph';
import { MAX_NEIGHBORHOOD_LIMIT, neighborhood } from '../read/neighborhood';
import { DEFAULT_TRAVERSAL_TYPES } from '../read/traversal';
import { toJsonl } from '../../export/jsonl';
import { toFtm } from '../../export/ftm';

export const EXPORT_FORMATS = ['jsonl', 'ftm'] as const;
export type ExportFileFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFileFormat;
  /** Null: the whole database. */
  ids: string[] | null;
  depth: number;
  limit?: number;
}

export interface ExportResult {
  lines: string[];
  /** Facts the format has no place for, by label or relationship type (FtM: ports, legs, …). */
  notExported: Record<string, number>;
  /** Requested ids not in the graph. */
  missing: string[];
}

/** The facts of the whole graph, or of given node ids (their closure: see readStoredGraph). */
export async function exportNodes(
  db: Database,
  format: ExportFileFormat,
  ids: string[] | null,
  counter?: StatementCounter,
): Promise<Omit<ExportResult, 'missing'>> {
  const g = await readStoredGraph(db, ids, counter);
  if (format === 'jsonl') return { lines: toJsonl(g), notExported: {} };
  const f = toFtm(g);
  return { lines: f.entities.map((e) => JSON.stringify(e)), notExported: f.notExported };
}

export async function exportFacts(db: Database, r: ExportRequest, counter?: StatementCounter): Promise<ExportResult> {
  if (r.ids == null) return { ...(await exportNodes(db, r.format, null, counter)), missing: [] };
  const g = await neighborhood(
    db,
    {
      ids: r.ids,
      depth: r.depth,
      limit: r.limit ?? MAX_NEIGHBORHOOD_LIMIT,
      types: DEFAULT_TRAVERSAL_TYPES,
      at: null,
      minConfidence: null,
    },
    counter,
  );
  if (g.missing.length > 0) return { lines: [], notExported: {}, missing: g.missing };
  return {
    ...(await exportNodes(
      db,
      r.format,
      g.nodes.map((n) => n.id),
      counter,
    )),
    missing: [],
  };
}
