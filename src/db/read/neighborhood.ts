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
import {
  anchors,
  DrawnNode,
  EDGE_VIEW,
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

function neighborhoodStatement(depth: number, shape: FilterShape): string {
  const levels = Array.from({ length: depth }, (_, i) => `level${i + 1}`);
  return `${anchors('$ids', 'start')}
WITH collect(start) AS starts
${bfsLevels({ starts: 'starts', depth, prefix: 'level', room: '$room', shape })}
WITH starts, ${levels.length > 0 ? levels.join(' + ') : '[]'} AS found
WITH starts, found[0..$room] AS reached, size(found) > $room AS cut
WITH starts + reached AS keep, cut
CALL (keep) {
  UNWIND range(0, size(keep) - 1) AS at
  WITH at, keep[at] AS n
  RETURN at, ${NODE_VIEW('n')} AS node, null AS edge
  UNION ALL
  UNWIND keep AS a
  MATCH (a)-[r]->(b)
  WHERE b IN keep AND ${relOk('r', shape)}
  WITH r LIMIT $edgeProbe
  RETURN null AS at, null AS node, ${EDGE_VIEW('r')} AS edge
}
RETURN at, node, edge, cut`;
}

/**
 * A row per node and per edge, not one row holding them all: the driver decodes a record in one
 * synchronous step, and a depth-3 neighbourhood at a hub (2,000 nodes, 10,000 edges with their
 * properties) was one record that held the event loop 0.4–0.8 s (measured with --cpu-prof under
 * bench/worstRead.ts). Small records are decoded as their network chunks arrive, between other work.
 */
interface SubgraphRow {
  at: number | null;
  node: NodeView | null;
  edge: EdgeView | null;
  cut: boolean;
}

/** One statement per depth and filter shape: the hop bound is a literal of the pattern, from 0..MAX_NEIGHBORHOOD_DEPTH. */
const NEIGHBORHOOD_STATEMENTS = statementCache(neighborhoodStatement);

export interface NeighborhoodQuery extends WalkFilter {
  ids: string[];
  depth: number;
  /** Most nodes in the subgraph, the starts included. */
  limit: number;
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
  const rows = await db.read<SubgraphRow>(
    NEIGHBORHOOD_STATEMENTS(q.depth, shapeOf(q)),
    {
      ...walkParams(q),
      ids,
      room: neo4j.int(room),
      probe: neo4j.int(room + 1),
      edgeProbe: neo4j.int(edgeCap + 1),
    },
    counter,
  );
  const viewed: { at: number; node: NodeView }[] = [];
  const edgeViews: EdgeView[] = [];
  for (const r of rows) {
    if (r.node) viewed.push({ at: r.at!, node: r.node });
    else if (r.edge) edgeViews.push(r.edge);
  }
  // the starts first, then by distance (the order of `keep`)
  const nodes = viewed.sort((a, b) => a.at - b.at).map((v) => toDrawnNode(v.node));
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
