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
  UNWIND keep AS a
  MATCH (a)-[r]->(b)
  WHERE b IN keep AND ${relOk('r', shape)}
  WITH r LIMIT $edgeProbe
  RETURN collect(${EDGE_VIEW('r')}) AS edges
}
RETURN [n IN keep | ${NODE_VIEW('n')}] AS nodes, edges, cut`;
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
  const [row] = await db.read<{ nodes: NodeView[]; edges: EdgeView[]; cut: boolean }>(
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
  const nodes = row.nodes.map(toDrawnNode);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = row.edges.slice(0, edgeCap).map((e) => toDrawnEdge(e, byId));
  edges.sort((a, b) => a.id.localeCompare(b.id));
  return {
    nodes,
    edges,
    truncated: row.cut || row.edges.length > edgeCap,
    missing: ids.filter((id) => !byId.has(id)),
  };
}
