/**
 * Network measures computed inside Neo4j with the Graph Data Science procedures: centrality (degree,
 * betweenness, PageRank) and clusters (weakly connected components, Louvain communities).
 *
 * Each call projects exactly the requested scope (labels, relationship types, time window, minimum
 * confidence) into a GDS in-memory graph with a name of its own (`collier-<uuid>`, so concurrent calls
 * never share or clobber one), streams the algorithm, and drops the graph, all in one statement run in
 * a read transaction (projection, streaming and dropping are catalog operations; the database itself is
 * never written). If that statement fails or stops before its drop, a `finally` drops the graph.
 *
 * Projection: Cypher aggregation (`gds.graph.project(name, source, target, …)`), undirected and untyped
 * (the algorithms here weigh every tie alike; typed projections cost several times more to build), over
 * - every node of the labels (so isolated nodes count, with score 0 or a cluster of one);
 * - stored relationships of the types between nodes of the labels;
 * - derived links, which summarise an event node between two entities when the event's label is not in
 *   scope: CALLED_AT (a vessel and a port its legs left or reached) and TRANSFERRED_WITH (two vessels of
 *   a transfer).
 * Labels and relationship types are written into the projection query, but only in their allow-listed
 * spelling (ENTITY_LABELS, RELATIONSHIP_TYPES, DERIVED_LINK_TYPES); values travel as parameters.
 *
 * Where the target Neo4j has no GDS (some hosted plans), the first call finds out (`SHOW PROCEDURES`,
 * once per database, cached) and every call fails with GdsUnavailableError naming what is missing.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { neoDate, RELATIONSHIP_TYPES } from '../write/graphWriter';
import { RELATION_TYPES } from './party';
import { NodeLabel } from '../../domain/ids';
import { DrawnNode, NODE_VIEW, NodeView, PLACEHOLDER_PORT_KIND, toDrawnNode } from './traversal';
import { asUnavailable, DROP_PROCEDURE, ProjectionTooLargeError, requireGds } from './gdsProcedures';
export { GdsUnavailableError, gdsProcedures, ProjectionTooLargeError } from './gdsProcedures';

export type CentralityMetric = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';
export type ClusterAlgorithm = 'WCC' | 'LOUVAIN';

export const DERIVED_LINK_TYPES = ['CALLED_AT', 'TRANSFERRED_WITH'] as const;
export type DerivedLinkType = (typeof DERIVED_LINK_TYPES)[number];

/** Every type a projection may name: the stored ones and the derived links. */
export const NETWORK_TYPES: readonly string[] = [...RELATIONSHIP_TYPES, ...DERIVED_LINK_TYPES];
/** When the caller names none: ownership, management, control and trade ties, port calls and transfers. */
export const DEFAULT_NETWORK_TYPES: readonly string[] = [...RELATION_TYPES, ...DERIVED_LINK_TYPES];
export const DEFAULT_NETWORK_LABELS: readonly NodeLabel[] = ['Vessel', 'Company', 'Person', 'Port'];

export const MAX_CENTRALITY_LIMIT = 200;
/**
 * The most rows (nodes plus relationships) one projection may hold, counted before it is built (see
 * projectionClause); a larger scope is refused with ProjectionTooLargeError. Betweenness walks every
 * shortest path from every node, so it has a lower bound.
 */
export const MAX_PROJECTION_ROWS = 20_000;
export const MAX_BETWEENNESS_PROJECTION_ROWS = 5_000;
export const MAX_CLUSTER_LIMIT = 200;
/**
 * The algorithms run on one thread. A projection here holds at most MAX_PROJECTION_ROWS rows, where
 * splitting the work costs more than it gains: measured on the 300-carrier hub's default scope (422
 * nodes, 1,828 ties; 2-core machine under load, min of 8 runs), Louvain took 68 ms on one thread
 * against 489 ms on GDS's default 4, betweenness 26 ms against 38 ms. It also leaves the other
 * requests their cores.
 */
const ALGORITHM_CONFIG = '{concurrency: 1}';
/** Members listed per cluster (its size is always the full count). */
export const CLUSTER_MEMBER_CAP = 500;

const CENTRALITY_PROCEDURES: Record<CentralityMetric, string> = {
  DEGREE: 'gds.degree.stream',
  BETWEENNESS: 'gds.betweenness.stream',
  PAGERANK: 'gds.pageRank.stream',
};
const CLUSTER_PROCEDURES: Record<ClusterAlgorithm, { procedure: string; column: string }> = {
  WCC: { procedure: 'gds.wcc.stream', column: 'componentId' },
  LOUVAIN: { procedure: 'gds.louvain.stream', column: 'communityId' },
};

export interface NetworkScope {
  /** Allow-listed labels (ENTITY_LABELS). */
  labels: readonly NodeLabel[];
  /** Allow-listed types (NETWORK_TYPES). */
  types: readonly string[];
  windowFrom: string | null;
  windowTo: string | null;
  minConfidence: number | null;
  /** The most rows the projection may hold; default MAX_PROJECTION_ROWS (MAX_BETWEENNESS_PROJECTION_ROWS for betweenness). */
  maxRows?: number;
}

const BEGIN = (n: string) =>
  `coalesce(${n}.departureFrom, ${n}.arrivalFrom, ${n}.whenFrom, ${n}.periodFrom, ${n}.dateFrom)`;
const END = (n: string) => `coalesce(${n}.arrivalTo, ${n}.departureTo, ${n}.whenTo, ${n}.periodTo)`;

/**
 * In scope: confident enough, and (for dated facts) overlapping the window; unknown dates never
 * exclude. Only the conditions the scope asks for are written (an unused `$x IS NULL OR …` still costs
 * planning time). Placeholder ports ("a port in North Korea, not named") are left out: they stand for
 * many places, so they would rank as brokers and merge clusters that never met (as in db/read/traversal.ts).
 */
function nodeIn(n: string, scope: NetworkScope): string {
  const parts = [`NOT (${n}:Port AND ${n}.kind = '${PLACEHOLDER_PORT_KIND}')`];
  if (scope.minConfidence != null) parts.push(`coalesce(${n}.confidence, 1.0) >= $minConfidence`);
  if (scope.windowTo != null) parts.push(`(${BEGIN(n)} IS NULL OR ${BEGIN(n)} <= $windowTo)`);
  if (scope.windowFrom != null) parts.push(`(${END(n)} IS NULL OR ${END(n)} >= $windowFrom)`);
  return `(${parts.join(' AND ')})`;
}

function relIn(r: string, scope: NetworkScope): string {
  const parts = ['true'];
  if (scope.minConfidence != null) parts.push(`coalesce(${r}.confidence, 1.0) >= $minConfidence`);
  if (scope.windowTo != null) parts.push(`(${r}.periodFrom IS NULL OR ${r}.periodFrom <= $windowTo)`);
  if (scope.windowFrom != null) parts.push(`(${r}.periodTo IS NULL OR ${r}.periodTo >= $windowFrom)`);
  return `(${parts.join(' AND ')})`;
}

const STORED = new Set<string>(RELATIONSHIP_TYPES);

/** The rows (s, t) a scope projects: each node once (t null), each tie once; allow-listed spellings only. */
function projectionRows(scope: NetworkScope): string {
  for (const t of scope.types)
    if (!NETWORK_TYPES.includes(t)) throw new Error(`not a network type of Collier's model: ${t}`);
  const labels = scope.labels.join('|');
  const has = (l: NodeLabel) => scope.labels.includes(l);
  const stored = scope.types.filter((t) => STORED.has(t));
  const branches = [`MATCH (s:${labels}) WHERE ${nodeIn('s', scope)} RETURN s, null AS t`];
  if (stored.length > 0) {
    branches.push(
      `MATCH (s:${labels})-[r:${stored.join('|')}]->(t:${labels}) WHERE ${nodeIn('s', scope)} AND ${nodeIn('t', scope)} AND ${relIn('r', scope)} RETURN s, t`,
    );
  }
  if (scope.types.includes('CALLED_AT') && has('Vessel') && has('Port')) {
    branches.push(
      `MATCH (s:Vessel)<-[:ON]-(l:Leg)-[:FROM|TO]->(t:Port) WHERE ${nodeIn('s', scope)} AND ${nodeIn('t', scope)} AND ${nodeIn('l', scope)} RETURN DISTINCT s, t`,
    );
  }
  if (scope.types.includes('TRANSFERRED_WITH') && has('Vessel')) {
    branches.push(
      `MATCH (s:Vessel)<-[:FROM_VESSEL]-(x:Transfer)-[:TO_VESSEL]->(t:Vessel) WHERE ${nodeIn('s', scope)} AND ${nodeIn('t', scope)} AND ${nodeIn('x', scope)} RETURN DISTINCT s, t`,
    );
  }
  return `CALL () {
  ${branches.join('\n  UNION ALL\n  ')}
}`;
}

/**
 * Counts a scope's rows (nodes plus ties) up to `$bound + 1` only, which reads at most that many rows
 * whatever the graph's size: over `$bound` the caller refuses with ProjectionTooLargeError and nothing
 * is projected. A statement of its own: counted inside the projecting statement (a subquery guarding
 * the projection), the whole cost 0.5–0.9 s of Neo4j CPU on the hub's default scope against 0.3–0.6 s
 * counted apart (bench/worstRead.ts's store, 5 runs each, CPU of the Neo4j process).
 */
export function scopeCountStatement(scope: NetworkScope): string {
  return `${projectionRows(scope)}
WITH s LIMIT $bound + 1
RETURN count(*) AS scopeRows`;
}

/** The projection of a scope (labels and types already allow-listed spellings): `g`, null when the scope is empty. */
export function projectionClause(scope: NetworkScope): string {
  return `${projectionRows(scope)}
WITH gds.graph.project($graph, s, t, {}, {undirectedRelationshipTypes: ['*']}) AS g`;
}

/** Runs `analysis` (which reads `g`, null when the scope is empty, and returns `items`) between projecting and dropping. */
function withProjection(scope: NetworkScope, analysis: string): string {
  return `${projectionClause(scope)}
CALL (g) {
  WITH g WHERE g IS NOT NULL
  ${analysis}
}
CALL (g) {
  WITH g WHERE g IS NOT NULL
  CALL ${DROP_PROCEDURE}($graph, false) YIELD graphName
  RETURN count(graphName) AS dropped
}
RETURN items, coalesce(g.nodeCount, 0) AS nodeCount, coalesce(g.relationshipCount, 0) AS relationshipCount, true AS done`;
}

interface ProjectionRow<T> {
  items: T[];
  nodeCount: number;
  relationshipCount: number;
  done: boolean;
}

async function runProjected<T>(
  db: Database,
  scope: NetworkScope,
  procedures: string[],
  statement: string,
  params: Record<string, unknown>,
  counter?: StatementCounter,
): Promise<ProjectionRow<T>> {
  await requireGds(db, procedures, counter);
  const bound =
    scope.maxRows ??
    (procedures.includes(CENTRALITY_PROCEDURES.BETWEENNESS) ? MAX_BETWEENNESS_PROJECTION_ROWS : MAX_PROJECTION_ROWS);
  const graph = `collier-${randomUUID()}`;
  const scopeParams = {
    windowFrom: neoDate(scope.windowFrom),
    windowTo: neoDate(scope.windowTo),
    minConfidence: scope.minConfidence,
  };
  const [{ scopeRows }] = await db.read<{ scopeRows: number }>(
    scopeCountStatement(scope),
    { ...scopeParams, bound: neo4j.int(bound) },
    counter,
  );
  if (scopeRows > bound) throw new ProjectionTooLargeError(bound);
  let done = false;
  try {
    const [row] = await db.read<ProjectionRow<T>>(statement, { ...params, ...scopeParams, graph }, counter);
    done = row?.done === true;
    return row;
  } catch (error) {
    throw asUnavailable(error);
  } finally {
    // The statement drops its graph as its last step; if it did not get there, drop it here.
    if (!done) {
      await db
        .read(`CALL ${DROP_PROCEDURE}($graph, false) YIELD graphName RETURN graphName`, { graph }, counter)
        .catch(() => undefined);
    }
  }
}

/* ----------------------------------------------------------------------------------------------
 * Centrality and clusters
 * -------------------------------------------------------------------------------------------- */

const DESIGNATED = (n: string) => `EXISTS { (${n})-[:DESIGNATED]->(:Designation {status: 'IN_FORCE'}) }`;

export interface RankedRecord {
  rank: number;
  score: number;
  node: DrawnNode;
  designated: boolean;
}

export interface NetworkResult<T> {
  items: T[];
  nodeCount: number;
  relationshipCount: number;
}

export async function centrality(
  db: Database,
  metric: CentralityMetric,
  scope: NetworkScope,
  limit: number,
  counter?: StatementCounter,
): Promise<NetworkResult<RankedRecord>> {
  const procedure = CENTRALITY_PROCEDURES[metric];
  const statement = withProjection(
    scope,
    `CALL ${procedure}($graph, ${ALGORITHM_CONFIG}) YIELD nodeId, score
  WITH gds.util.asNode(nodeId) AS n, score
  // rounded before ordering: parallel algorithms add their floats in varying order (2.0000000000000004
  // against 1.9999999999999998), and two runs must rank tied nodes the same way, by id
  ORDER BY round(score, 9) DESC, n.id
  LIMIT $limit
  RETURN collect({node: ${NODE_VIEW('n')}, score: score, designated: ${DESIGNATED('n')}}) AS items`,
  );
  const row = await runProjected<{ node: NodeView; score: number; designated: boolean }>(
    db,
    scope,
    [procedure],
    statement,
    { limit: neo4j.int(limit) },
    counter,
  );
  if (!row) return { items: [], nodeCount: 0, relationshipCount: 0 };
  return {
    // Scores rounded to 9 significant digits: the algorithms' float noise (812.0000000000001) is not information.
    items: row.items.map((i, k) => ({
      rank: k + 1,
      score: Number(i.score.toPrecision(9)),
      node: toDrawnNode(i.node),
      designated: i.designated,
    })),
    nodeCount: row.nodeCount,
    relationshipCount: row.relationshipCount,
  };
}

export interface ClusterRecord {
  /** The smallest member id: stable across runs, unlike the algorithm's community numbers. */
  key: string;
  rank: number;
  size: number;
  members: { node: DrawnNode; designated: boolean }[];
  designatedCount: number;
  /** True when only the first CLUSTER_MEMBER_CAP members are listed. */
  truncated: boolean;
}

export async function clusters(
  db: Database,
  algorithm: ClusterAlgorithm,
  scope: NetworkScope,
  minSize: number,
  limit: number,
  counter?: StatementCounter,
): Promise<NetworkResult<ClusterRecord>> {
  const { procedure, column } = CLUSTER_PROCEDURES[algorithm];
  const statement = withProjection(
    scope,
    `CALL ${procedure}($graph, ${ALGORITHM_CONFIG}) YIELD nodeId, ${column}
  WITH ${column} AS community, gds.util.asNode(nodeId) AS n
  // each member viewed and its designation looked up once, for the count and the listing alike
  WITH community, {node: ${NODE_VIEW('n')}, designated: ${DESIGNATED('n')}} AS member
  ORDER BY member.node.id
  WITH community, collect(member) AS members
  WHERE size(members) >= $minSize
  WITH members ORDER BY size(members) DESC, members[0].node.id
  LIMIT $limit
  RETURN collect({
    size: size(members),
    designatedCount: size([m IN members WHERE m.designated]),
    members: members[0..$memberCap]
  }) AS items`,
  );
  const row = await runProjected<{
    size: number;
    designatedCount: number;
    members: { node: NodeView; designated: boolean }[];
  }>(
    db,
    scope,
    [procedure],
    statement,
    { minSize: neo4j.int(minSize), limit: neo4j.int(limit), memberCap: neo4j.int(CLUSTER_MEMBER_CAP) },
    counter,
  );
  if (!row) return { items: [], nodeCount: 0, relationshipCount: 0 };
  return {
    items: row.items.map((c, k) => {
      const members = c.members.map((m) => ({ node: toDrawnNode(m.node), designated: m.designated }));
      return {
        key: members[0]?.node.id ?? String(k),
        rank: k + 1,
        size: c.size,
        members,
        designatedCount: c.designatedCount,
        truncated: c.size > members.length,
      };
    }),
    nodeCount: row.nodeCount,
    relationshipCount: row.relationshipCount,
  };
}
