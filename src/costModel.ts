/**
 * The cost of a GraphQL operation, estimated before it runs (graphql-query-complexity walks the
 * document, every alias and every fragment spread counted where it is spread):
 *
 * - a field costs 1 plus its children;
 * - a list field multiplies its children by its cap (`first`, `limit`, `k`, with the schema's default
 *   when omitted); the few lists that do not grow with the data weigh UNCAPPED_LIST_WEIGHT;
 * - the analytics ("heavy" fields) add the work they do, by the scope they project or walk: centrality
 *   and clusters by metric and projected labels × relationship types, neighbourhoods and exports by
 *   depth and starting points, paths by k and length, traces and destinations by routes and hops.
 *
 * The weights are deliberately coarse: they order requests by the work they cause so that one cap
 * (GRAPHQL_MAX_COST) keeps the worst accepted request small. See bench/worstRead.ts for the measure.
 */
import { getNamedType, getNullableType, isListType } from 'graphql';
import { ComplexityEstimator } from 'graphql-query-complexity';

/** How many items a list that does not grow with the data (aliases, a fact's sources, a route's steps) is assumed to hold. */
export const UNCAPPED_LIST_WEIGHT = 5;
/** The arguments that cap how many items a field returns. */
const CAP_ARGS = ['first', 'limit', 'k'] as const;

type Args = Record<string, unknown>;

const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
const count = (value: unknown, fallback: number): number =>
  Array.isArray(value) ? Math.max(1, value.length) : fallback;
/**
 * An exponent (hops, depth) within [0, max], else the default: an out-of-range value is refused by the
 * resolver with BAD_USER_INPUT naming the argument, which tells the caller more than a cost would.
 */
const hops = (value: unknown, fallback: number, max: number): number => {
  const n = num(value, fallback);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : fallback;
};

/**
 * How much a projection's scope weighs against the default one (4 labels × 10 relationship types):
 * naming fewer labels or types makes it cheaper, never cheaper than a quarter.
 */
function projectionScope(args: Args): number {
  return Math.max(0.25, (count(args.labels, 4) / 4) * (count(args.relationshipTypes, 10) / 10));
}

const METRIC_FACTOR: Record<string, number> = { DEGREE: 1, PAGERANK: 2, BETWEENNESS: 5 };
const CLUSTER_FACTOR: Record<string, number> = { WCC: 1, LOUVAIN: 3 };

/**
 * The work of each heavy Query field beyond its output, by its arguments (defaults applied). Each
 * also counts against GRAPHQL_MAX_HEAVY_FIELDS.
 */
export const HEAVY_FIELDS: Record<string, (args: Args) => number> = {
  // a GDS projection of the scope, then the algorithm over it
  centrality: (a) => Math.round(1000 * (METRIC_FACTOR[String(a.metric)] ?? 5) * projectionScope(a)),
  clusters: (a) => Math.round(1000 * (CLUSTER_FACTOR[String(a.algorithm)] ?? 3) * projectionScope(a)),
  // a walk from one entity: each hop can multiply what is reached
  neighborhood: (a) => 100 * 5 ** hops(a.depth, 1, 3),
  exportSubgraph: (a) => 100 * count(a.ids, 1) * 5 ** hops(a.depth, 1, 3),
  // k shortest paths up to maxLength hops
  paths: (a) => 50 * num(a.k, 3) * 2 ** hops(a.maxLength, 4, 6),
  // two walks, one from each side
  commonConnections: (a) => 2 * 100 * 5 ** hops(a.maxDepth, 2, 3),
  // a route walk: routes kept × hops walked, and a frontier that grows with the hops
  traceCargo: (a) => 10 * num(a.limit, 50) * hops(a.maxHops, 4, 8) + 100 * 2 ** hops(a.maxHops, 4, 8),
  traceBack: (a) => 10 * num(a.limit, 50) * hops(a.maxHops, 4, 8) + 100 * 2 ** hops(a.maxHops, 4, 8),
  destinations: (a) => 200 * 2 ** hops(a.maxHops, 4, 8),
};

/** Heavy fields that build a GDS projection of their scope: one per operation (they run in parallel otherwise). */
export const PROJECTION_FIELDS: ReadonlySet<string> = new Set(['centrality', 'clusters']);

/** What the estimator noticed while pricing one operation (passed as graphql-query-complexity's context). */
export interface CostTally {
  /** The heavy fields met, once per occurrence (aliases and fragment spreads each count). */
  heavy: string[];
}

export const listAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity, type, context }) => {
  const children = Math.max(1, childComplexity);
  let work = 0;
  const heavy = type.name === 'Query' ? HEAVY_FIELDS[field.name] : undefined;
  if (heavy) {
    work = heavy(args);
    (context as CostTally | undefined)?.heavy.push(field.name);
  }
  const capArg = CAP_ARGS.find((a) => typeof args[a] === 'number');
  if (capArg) return 1 + work + Math.max(0, args[capArg] as number) * children;
  const listed = isListType(getNullableType(field.type));
  // a connection's `edges` are already counted by the connection's `first`
  const insideConnection = field.name === 'edges' && getNamedType(field.type).name.endsWith('Edge');
  if (listed && !insideConnection) return 1 + work + UNCAPPED_LIST_WEIGHT * children;
  return 1 + work + childComplexity;
};
