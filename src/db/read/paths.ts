/**
 * How two entities are connected: the k shortest paths between them, and the entities linked to both
 * (shared owners, managers, operators, ports, transfer counterparts) with the way to each. Each answer
 * is one statement. Paths are simple (no node twice), never pass through hubs (db/read/traversal.ts), and
 * their hop bound and path count are literals checked against the caps (MAX_PATHS_K, MAX_PATH_LENGTH,
 * MAX_COMMON_DEPTH) before a statement is built, never user text.
 */
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { GraphEdgeRecord } from '../trace';
import { labelOfId, NodeLabel } from '../../domain/ids';
import { decodePath, DRAWN_PATH, DrawnPathList, lookOf, Shown, SHOWN_ALL } from './drawnView';
import {
  anchorLabels,
  anchors,
  bfsLevels,
  DrawnNode,
  EdgeView,
  FilterShape,
  followsDefaultTypes,
  isHub,
  NodeView,
  shapeOf,
  statementCache,
  step,
  toDrawnEdge,
  toDrawnNode,
  WalkFilter,
  walkParams,
} from './traversal';

export const MAX_PATHS_K = 10;
export const MAX_PATH_LENGTH = 6;
export const MAX_COMMON_DEPTH = 3;
/** Nodes each side's walk may reach (per level and in all): bounds the work of one call. */
export const COMMON_REACH_CAP = 2000;
export const MAX_COMMON_LIMIT = 200;

/**
 * Binds `a` and `b` (null when an id is not in the graph): each sought under the label its id's kind
 * names (`endpointLabels`), else both under `labels` (`anchorLabels`).
 */
const ENDPOINTS = (labels: readonly NodeLabel[], own: EndpointLabels | null) =>
  own
    ? `OPTIONAL MATCH (a:${own[0]} {id: $from})
OPTIONAL MATCH (b:${own[1]} {id: $to})`
    : `${anchors('[$from, $to]', 'e', labels)}
WITH collect(e) AS found
WITH [n IN found WHERE n.id = $from][0] AS a, [n IN found WHERE n.id = $to][0] AS b`;

type EndpointLabels = readonly [NodeLabel, NodeLabel];

/**
 * The labels of `from` and `to` when both ids name a kind of the model (domain/ids.ts: a node lives
 * under its kind's label, as `anchorLabels` relies on), else null. Bounded: 12 × 12 pairs.
 */
function endpointLabels(from: string, to: string): EndpointLabels | null {
  const [a, b] = [labelOfId(from), labelOfId(to)];
  return a != null && b != null ? [a, b] : null;
}

function pathsStatement(
  k: number,
  maxLength: number,
  shape: FilterShape,
  labels: readonly NodeLabel[],
  own: EndpointLabels | null,
  typed: boolean,
  periods: boolean,
  sources: boolean,
): string {
  if (!(
    Number.isInteger(k) &&
    k >= 1 &&
    k <= MAX_PATHS_K &&
    Number.isInteger(maxLength) &&
    maxLength >= 1 &&
    maxLength <= MAX_PATH_LENGTH
  )) {
    throw new RangeError(`k ${k} or maxLength ${maxLength} is outside 1..${MAX_PATHS_K} / 1..${MAX_PATH_LENGTH}`);
  }
  // a null end matches no path (no guard needed: the text is sent on every request)
  return `${ENDPOINTS(labels, own)}
CALL (a, b) {
  MATCH p = SHORTEST ${k} ((a) ${step('a', shape, undefined, typed)}{1,${maxLength}} (b)
    WHERE NOT a IN y_a AND all(i IN range(0, size(y_a) - 2) WHERE NOT y_a[i] IN y_a[i + 1..]))
  RETURN collect(${DRAWN_PATH('p', lookOf({ periods, sources }))}) AS paths
}
RETURN a.id AS fromId, b.id AS toId, paths`;
}

/**
 * One statement per path count, hop bound (literals of the pattern, checked against the caps), filter
 * shape, endpoint labels (the pair, else the anchor labels), default types or not (`typed`: written in
 * the pattern) and what is shown (periods, sources).
 */
const PATHS_STATEMENTS = statementCache(pathsStatement);

/** What can be a common connection: entities, not events, claims or hubs. */
const COMMON_ENTITY = (c: string) => `((${c}:Vessel OR ${c}:Company OR ${c}:Person OR ${c}:Port) AND NOT ${isHub(c)})`;

/**
 * Two bounded breadth-first walks (from a avoiding b, from b avoiding a; db/read/traversal.ts `bfsLevels`),
 * their entities in common ranked by the hops from a plus the hops from b, and for the closest `$limit`
 * of them the shortest way from each side (point to point, the hop bound known).
 */
function commonStatement(
  depth: number,
  shape: FilterShape,
  labels: readonly NodeLabel[],
  own: EndpointLabels | null,
  periods: boolean,
  sources: boolean,
): string {
  if (!(Number.isInteger(depth) && depth >= 1 && depth <= MAX_COMMON_DEPTH))
    throw new RangeError(`maxDepth ${depth} is outside 1..${MAX_COMMON_DEPTH}`);
  const levels = (prefix: string) => `[${Array.from({ length: depth }, (_, i) => `${prefix}${i + 1}`).join(', ')}]`;
  const look = lookOf({ periods, sources });
  const hopsFromB = Array.from({ length: depth }, (_, i) => `WHEN c IN lb${i + 1} THEN ${i + 1}`).join(' ');
  return `${ENDPOINTS(labels, own)}
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  WITH a, b, [a] AS sa, [b] AS sb
  ${bfsLevels({ starts: 'sa', depth, prefix: 'la', room: '$reachCap', shape, avoid: 'b' })}
  ${bfsLevels({ starts: 'sb', depth, prefix: 'lb', room: '$reachCap', shape, avoid: 'a' })}
  UNWIND range(1, ${depth}) AS da
  UNWIND ${levels('la')}[da - 1] AS c
  WITH a, b, c, da, CASE ${hopsFromB} END AS db
  WHERE db IS NOT NULL AND ${COMMON_ENTITY('c')}
  WITH a, b, c, da, db ORDER BY da + db, c.id LIMIT $limit
  MATCH pa = ANY SHORTEST (a) ${step('a', shape, 'b')}{1,${depth}} (c)
  MATCH pb = ANY SHORTEST (b) ${step('b', shape, 'a')}{1,${depth}} (c)
  WITH c, pa, pb ORDER BY length(pa) + length(pb), c.id
  RETURN collect({entity: ${look.node.cypher('c')}, fromA: ${DRAWN_PATH('pa', look)}, fromB: ${DRAWN_PATH('pb', look)}}) AS connections
}
RETURN a.id AS fromId, b.id AS toId, connections`;
}

/** One statement per depth, filter shape, endpoint labels and what is shown (periods, sources). */
const COMMON_STATEMENTS = statementCache(commonStatement);

/* ----------------------------------------------------------------------------------------------
 * Shaping
 * -------------------------------------------------------------------------------------------- */

export interface RawPath {
  nodes: NodeView[];
  edges: EdgeView[];
}

export interface GraphPathRecord {
  nodes: DrawnNode[];
  edges: GraphEdgeRecord[];
  length: number;
  /** The weakest confidence along the path (null when no edge states one). */
  confidence: number | null;
  /** Every source behind the path's edges. */
  sourceIds: string[];
}

export function toGraphPath(raw: RawPath): GraphPathRecord {
  const nodes = raw.nodes.map(toDrawnNode);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = raw.edges.map((e) => toDrawnEdge(e, byId));
  const confidences = edges.map((e) => e.confidence).filter((c): c is number => c != null);
  return {
    nodes,
    edges,
    length: edges.length,
    confidence: confidences.length > 0 ? Math.min(...confidences) : null,
    sourceIds: [...new Set(edges.flatMap((e) => e.sourceIds))],
  };
}

const pathKey = (p: GraphPathRecord) => p.nodes.map((n) => n.id).join('|') + '#' + p.edges.map((e) => e.id).join('|');

export interface PathsQuery extends WalkFilter {
  from: string;
  to: string;
  k: number;
  maxLength: number;
  /**
   * What the answer shows (default both): without `periods` the edges' periods are not read (every
   * edge's `period` null or a designation's date), without `sources` no `sourceIds` (the paths' and
   * edges' sources empty). Confidence is read always.
   */
  shown?: Shown;
}

export interface Endpoints {
  /** Which of the two ids are in the graph. */
  found: { from: boolean; to: boolean };
}

export async function kShortestPaths(
  db: Database,
  q: PathsQuery,
  counter?: StatementCounter,
): Promise<Endpoints & { paths: GraphPathRecord[] }> {
  const look = lookOf(q.shown ?? SHOWN_ALL);
  const typed = followsDefaultTypes(q.types);
  const statement = PATHS_STATEMENTS(
    q.k,
    q.maxLength,
    shapeOf(q),
    anchorLabels([q.from, q.to]),
    endpointLabels(q.from, q.to),
    typed,
    look.shown.periods,
    look.shown.sources,
  );
  const [row] = await db.read<{ fromId: string | null; toId: string | null; paths: DrawnPathList[] }>(
    statement,
    { ...walkParams(q, typed), ...look.params, from: q.from, to: q.to },
    counter,
  );
  const paths = row.paths
    .map((p) => toGraphPath(decodePath(p, look)))
    .sort((x, y) => x.length - y.length || pathKey(x).localeCompare(pathKey(y)));
  return { found: { from: row.fromId != null, to: row.toId != null }, paths };
}

export interface CommonQuery extends WalkFilter {
  a: string;
  b: string;
  maxDepth: number;
  limit: number;
  /** What the answer shows of both paths (default both), as PathsQuery's `shown`; the shared node is drawn alike. */
  shown?: Shown;
}

export interface CommonConnectionRecord {
  entity: DrawnNode;
  fromA: GraphPathRecord;
  fromB: GraphPathRecord;
  /** Hops from a plus hops from b. */
  distance: number;
}

export async function commonConnections(
  db: Database,
  q: CommonQuery,
  counter?: StatementCounter,
): Promise<Endpoints & { connections: CommonConnectionRecord[] }> {
  const look = lookOf(q.shown ?? SHOWN_ALL);
  const statement = COMMON_STATEMENTS(
    q.maxDepth,
    shapeOf(q),
    anchorLabels([q.a, q.b]),
    endpointLabels(q.a, q.b),
    look.shown.periods,
    look.shown.sources,
  );
  const [row] = await db.read<{
    fromId: string | null;
    toId: string | null;
    connections: { entity: unknown[]; fromA: DrawnPathList; fromB: DrawnPathList }[];
  }>(
    statement,
    {
      ...walkParams(q),
      ...look.params,
      from: q.a,
      to: q.b,
      reachCap: neo4j.int(COMMON_REACH_CAP),
      probe: neo4j.int(COMMON_REACH_CAP + 1),
      limit: neo4j.int(q.limit),
    },
    counter,
  );
  const connections = row.connections.map((c) => {
    const fromA = toGraphPath(decodePath(c.fromA, look));
    const fromB = toGraphPath(decodePath(c.fromB, look));
    return { entity: toDrawnNode(look.node.decode(c.entity)), fromA, fromB, distance: fromA.length + fromB.length };
  });
  return { found: { from: row.fromId != null, to: row.toId != null }, connections };
}
