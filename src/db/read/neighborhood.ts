/**
 * Neighbourhoods: everything within a few hops of one or more entities, as one drawn subgraph. One
 * statement: a breadth-first walk from the starts, level by level (db/read/traversal.ts `bfsLevels`: each
 * node is reached once, at its shortest distance, and no level expands more than `limit` nodes), the
 * nearest `limit` nodes kept, then every relationship of the followed types among the kept nodes. Both
 * the node and the edge count are capped inside Cypher; `truncated` says a cap was hit.
 */
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { GraphEdgeRecord } from '../trace';
import { NodeLabel } from '../../domain/ids';
import { decodeEdge, DRAWN_EDGE, lookOf, Shown } from './drawnView';
import {
  anchorLabels,
  anchors,
  DrawnNode,
  EdgeView,
  FilterShape,
  NODE_VIEW,
  NodeView,
  bfsLevels,
  relOk,
  shapeOf,
  statementCache,
  toDrawnEdge,
  toDrawnNode,
  WalkFilter,
  walkParams,
} from './traversal';

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_NEIGHBORHOOD_LIMIT = 2000;
/** Edges kept per node allowed: a subgraph of `limit` nodes has at most `limit × EDGES_PER_NODE` edges. */
export const EDGES_PER_NODE = 5;

function neighborhoodStatement(
  depth: number,
  shape: FilterShape,
  view: NodeViewKind,
  labels: readonly NodeLabel[],
  periods: boolean,
  sources: boolean,
): string {
  const look = lookOf({ periods, sources });
  const levels = Array.from({ length: depth }, (_, i) => `level${i + 1}`);
  return `${anchors('$ids', 'start', labels)}
WITH collect(start) AS starts
${bfsLevels({ starts: 'starts', depth, prefix: 'level', room: '$room', shape })}
WITH starts, ${levels.length > 0 ? levels.join(' + ') : '[]'} AS found
WITH starts + found[0..$room] AS keep, size(found) > $room AS cut
CALL (keep) {
  UNWIND range(0, size(keep) - 1, $chunk) AS at
  RETURN at, [n IN keep[at..at + $chunk] | ${view === 'whole' ? NODE_VIEW('n') : look.node.cypher('n')}] AS nodes, null AS edges
  UNION ALL
  UNWIND keep AS a
  MATCH (a)-[r]->(b)
  WHERE b IN keep AND ${relOk('r', shape)}
  WITH a, r, b LIMIT $edgeProbe
  WITH collect(${DRAWN_EDGE('r', 'a', 'b', periods, sources)}) AS edges
  UNWIND range(0, size(edges) - 1, $chunk) AS at
  RETURN null AS at, null AS nodes, edges[at..at + $chunk] AS edges
}
RETURN at, nodes, edges, cut`;
}

/**
 * Nodes and edges come in rows of at most CHUNK (`$chunk`), not one row holding them all: the driver
 * decodes a record in one synchronous step, and a depth-3 neighbourhood at a hub (2,000 nodes, 10,000
 * edges with their properties) was one record that held the event loop 0.4–0.8 s (measured with
 * --cpu-prof under bench/worstRead.ts). Nor a row each: a record costs the driver and Neo4j more than
 * a compact node or edge does (a row per node and edge: depth 2 at S, 346 records, 1.3 ms more CPU).
 */
interface SubgraphRow {
  /** The position of the row's first node in the subgraph's order (starts first, then by distance). */
  at: number | null;
  /** NODE_VIEW (whole) or DRAWN_NODE (drawn) of each node. */
  nodes: (NodeView | unknown[])[] | null;
  /** DRAWN_EDGE of each edge. */
  edges: unknown[][] | null;
  cut: boolean;
}

/** Nodes or edges a row: of their compact views (drawn), or of the whole nodes a file export reads. */
const CHUNK: Record<NodeViewKind, number> = { drawn: 500, whole: 100 };

/**
 * What a node of the subgraph carries: what drawing it needs (`drawn`: its name, confidence, sources
 * and dates, db/read/drawnView.ts), or every property it has (`whole`: a file export writes them all).
 */
export type NodeViewKind = 'drawn' | 'whole';

/**
 * One statement per depth, filter shape, node view and anchor labels: the hop bound is a literal of the
 * pattern, from 0..MAX_NEIGHBORHOOD_DEPTH.
 */
const NEIGHBORHOOD_STATEMENTS = statementCache(neighborhoodStatement);

export interface NeighborhoodQuery extends WalkFilter {
  ids: string[];
  depth: number;
  /** Most nodes in the subgraph, the starts included. */
  limit: number;
  /** Default `drawn`. */
  view?: NodeViewKind;
  /**
   * Whether the edges' periods are read (default true): false leaves out the edges' own dates and the
   * nodes' dates edges borrow (drawnView.ts `lookOf`): the edges' `period` is not to be shown. The
   * whole view reads them always.
   */
  periods?: boolean;
  /**
   * Whether the sources of the nodes and edges are read (default true): false leaves `sourceIds` out
   * (every edge's `sourceIds` is then empty): the edges' `sources` are not to be shown. The whole view
   * reads them always.
   */
  sources?: boolean;
  /** Nodes or edges a row (default CHUNK of the view); tests set it to check that rows join up. */
  chunk?: number;
}

export interface DrawnSubgraph {
  nodes: DrawnNode[];
  edges: GraphEdgeRecord[];
  truncated: boolean;
  /** Requested ids that are not in the graph. */
  missing: string[];
}

export async function neighborhood(
  db: Database,
  q: NeighborhoodQuery,
  counter?: StatementCounter,
): Promise<DrawnSubgraph> {
  if (!Number.isInteger(q.depth) || q.depth < 0 || q.depth > MAX_NEIGHBORHOOD_DEPTH)
    throw new RangeError(`depth ${q.depth} is outside 0..${MAX_NEIGHBORHOOD_DEPTH}`);
  const ids = [...new Set(q.ids)];
  const room = Math.max(0, q.limit - ids.length);
  const edgeCap = q.limit * EDGES_PER_NODE;
  const view = q.view ?? 'drawn';
  const shown: Shown = {
    periods: view === 'whole' || q.periods !== false,
    sources: view === 'whole' || q.sources !== false,
  };
  const look = lookOf(shown);
  const rows = await db.read<SubgraphRow>(
    NEIGHBORHOOD_STATEMENTS(q.depth, shapeOf(q), view, anchorLabels(ids), shown.periods, shown.sources),
    {
      ...walkParams(q),
      ...look.params,
      ids,
      room: neo4j.int(room),
      probe: neo4j.int(room + 1),
      edgeProbe: neo4j.int(edgeCap + 1),
      chunk: neo4j.int(q.chunk ?? CHUNK[view]),
    },
    counter,
  );
  const chunks: { at: number; nodes: NodeView[] }[] = [];
  const edgeViews: EdgeView[] = [];
  for (const r of rows) {
    if (r.nodes) {
      const nodes = view === 'whole' ? (r.nodes as NodeView[]) : (r.nodes as unknown[][]).map(look.node.decode);
      chunks.push({ at: r.at!, nodes });
    } else if (r.edges) for (const e of r.edges) edgeViews.push(decodeEdge(e, look.edgeKeys));
  }
  // the starts first, then by distance (the order of `keep`)
  const nodes = chunks.sort((a, b) => a.at - b.at).flatMap((c) => c.nodes.map(toDrawnNode));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = edgeViews.slice(0, edgeCap).map((e) => toDrawnEdge(e, byId));
  edges.sort((a, b) => a.id.localeCompare(b.id));
  return {
    nodes,
    edges,
    // no rows: none of the starts is in the graph, so nothing was reached or cut
    truncated: (rows[0]?.cut ?? false) || edgeViews.length > edgeCap,
    missing: ids.filter((id) => !byId.has(id)),
  };
}
