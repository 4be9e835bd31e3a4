/**
 * The fixed query mix of the benchmark: each operation as a GraphQL request to Collier and as the same
 * answer computed by hand-written Cypher through the bare driver (the "raw" baseline). The raw
 * statements are written here on purpose, not imported from src/db, so that the comparison is with
 * what a developer would write by hand for the same question.
 */
import neo4j, { Driver } from 'neo4j-driver';
import { DEFAULT_MAX_WAIT_DAYS, inferredLinkCypher } from '../src/domain/linking';
import { labelOfId } from '../src/domain/ids';
import { toPlain } from '../src/db/database';
import { DEFAULT_TRAVERSAL_TYPES, ENTITY_LABELS } from '../src/db/read/traversal';
import { assessRisk, resolveRiskWeights, RiskFacts } from '../src/domain/risk';
import { createHash } from 'node:crypto';
import { RAW_EDGE_CONFIDENCE, RAW_NODE } from './rawViews';

export interface Anchors {
  originPortId: string;
  vesselId: string;
  pathToId: string;
}

export interface Operation {
  name: string;
  /** The Query fields the operation needs (it is skipped when the schema lacks one). */
  needs: string[];
  query: string;
  variables: Record<string, unknown>;
  /**
   * The same answer by hand-written Cypher; returns a summary comparable with `summarize`. `timeoutMs`:
   * the transaction timeout Neo4j stops it at (`--raw-timeout`, bench/rawBudget.ts).
   */
  raw?: (driver: Driver, timeoutMs?: number) => Promise<unknown>;
  /**
   * The raw statement before session light8, which returned ids, lengths or counts only (less than the
   * answer shows); sampled in the same rounds as `raw` and kept in results.json as `rawIdsOnly`.
   */
  rawIdsOnly?: (driver: Driver, timeoutMs?: number) => Promise<unknown>;
  /** Reduces a GraphQL `data` to the same summary as `raw` returns, to check both give one answer. */
  summarize?: (data: any) => unknown;
  /**
   * Why the raw's answer is not the exact answer this time, or null. Asked (once, untimed) only when
   * the two answers differ: a reason turns the answers-match check into "not compared" with it.
   */
  rawInexact?: (driver: Driver, timeoutMs?: number) => Promise<string | null>;
  note?: string;
}

async function read(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  timeoutMs?: number,
): Promise<any[]> {
  const { records } = await driver.executeQuery(cypher, params, {
    routing: neo4j.routing.READ,
    ...(timeoutMs != null ? { transactionConfig: { timeout: Math.ceil(timeoutMs) } } : {}),
  });
  return records.map((r) => toPlain(r.toObject()));
}

const HUB = (x: string) =>
  `(${x}:Country OR ${x}:Source OR ${x}:Tactic OR (${x}:Port AND ${x}.kind = 'UNSPECIFIED_IN_COUNTRY'))`;

const INF = inferredLinkCypher('a', 'b', '$maxWait');
const INF_C = inferredLinkCypher('a', 'c', '$maxWait');

/**
 * One step of the exhaustive walk, by hand: every leg that may follow the route's last leg (documented
 * NEXT links as stored; inferred ones found by the rule at the port, weighed 0.9/k among the k
 * compatible departures), or none (the route ends; `done`).
 */
const STEP = `
OPTIONAL CALL (legs, done) {
  WITH legs, done, last(legs) AS a WHERE NOT done
  CALL (a, legs) {
    MATCH (a)-[n:NEXT]->(b:Leg) WHERE NOT b IN legs
    RETURN b, CASE WHEN coalesce(n.placeUncertain, false) OR n.certainty = 'POSSIBLE' THEN 0.8 ELSE 1.0 END AS f
    UNION
    MATCH (a)-[ra:TO]->(p:Port)<-[rb:FROM]-(b:Leg)
    WHERE p.kind <> 'UNSPECIFIED_IN_COUNTRY' AND NOT b IN legs AND ${INF.holds} AND NOT EXISTS { (a)-[:NEXT]->(b) }
    WITH a, b, ra, rb, COUNT { (a)-[:TO]->(p)<-[:FROM]-(c:Leg) WHERE ${INF_C.holds} } AS k
    RETURN b, 0.9 / k * CASE WHEN ${INF.certain} AND NOT (coalesce(ra.alternative, false) OR coalesce(rb.alternative, false)) THEN 1.0 ELSE 0.8 END AS f
  }
  RETURN b, f
}
WITH CASE WHEN b IS NULL THEN legs ELSE legs + b END AS legs, CASE WHEN b IS NULL THEN fs ELSE fs + f END AS fs, b IS NULL AS done`;

/**
 * The exhaustive walk, by hand, in one statement (the shape of the first engine's statement, which
 * enumerated every route up to a path cap and ranked what it had met): every route from the origin to
 * `hops` legs, the first `cap` of them, with their confidence by the same rule as the engine.
 */
function rawWalk(hops: number, cap: number): string {
  return `${rawSteps(hops)}
WITH legs, fs LIMIT ${cap}
WITH legs, fs, last(legs) AS lastLeg
WITH legs, fs, lastLeg,
     head([(lastLeg)-[r:TO]->(p:Port) WHERE NOT coalesce(r.alternative, false) | p] + [(lastLeg)-[:TO]->(p:Port) | p]) AS final
WHERE final IS NOT NULL AND coalesce(final.countryCode, lastLeg.destinationCountryCode) IS NOT NULL
WITH legs, lastLeg, final,
     round(reduce(m = 1.0, x IN legs | CASE WHEN x.confidence < m THEN x.confidence ELSE m END) * reduce(p = 1.0, f IN fs | p * f) * 1000) / 1000.0 AS confidence`;
}

/** The walks of up to `hops` legs from the origin, before any cap (rawWalk's first part). */
function rawSteps(hops: number): string {
  return `
MATCH (anchor:Port {id: $origin})<-[:FROM]-(l:Leg)
WHERE l.commodity IN $commodities AND l.cargoOrigin IN $origins
WITH [l] AS legs, [] AS fs, false AS done
${Array.from({ length: hops - 1 }, () => STEP).join('\n')}`;
}

/** The routes the raw trace ranks: the first RAW_TRACE_CAP walks (the first engine's path cap). */
export const RAW_TRACE_CAP = 5000;

/** The trace by hand: the exhaustive walk, ranked, the top 50. */
function rawTrace(hops: number): string {
  return `${rawWalk(hops, RAW_TRACE_CAP)}
RETURN confidence, [x IN legs | x.id] AS legIds, final.id AS finalPortId, toString(head(legs).departureFrom) AS departed
ORDER BY confidence DESC, departed
LIMIT 50`;
}

/** A comparable summary of a route list: how many, and the confidences in order (routes tied on confidence and day may differ at the cut). */
function routeSummary(routes: { confidence: number }[]) {
  return { routes: routes.length, confidences: routes.map((r) => r.confidence).join(',') };
}

const RAW_DESTINATIONS = `${rawWalk(4, 100_000)}
WITH coalesce(final.countryCode, lastLeg.destinationCountryCode) AS country, legs
RETURN country, count(*) AS routeCount
ORDER BY routeCount DESC, country`;

/**
 * Before session light8 the raw neighbourhood, paths and risk statements returned ids, lengths and
 * counts only (`rawIdsOnly` in results.json, kept for continuity): less than the answer shows. The raw
 * statements below return the data the bench's GraphQL query shows, and the answers-match check
 * compares that data (bench/README.md "Session light8").
 */
/** The start and, as `out`, the nearest `limit` nodes within `depth` hops (by distance, then id). */
const nearestFromStart = (depth: number, limit: string, out: string) => `
MATCH (start:Vessel {id: $id})
CALL (start) {
  MATCH p = ANY SHORTEST (start) ((x WHERE x = start OR NOT ${HUB('x')})-[r WHERE type(r) IN $types]-(y)){1,${depth}} (n)
  WHERE n <> start
  WITH n, length(p) AS d ORDER BY d, n.id LIMIT ${limit}
  RETURN collect(n) AS ${out}
}`;

const rawNeighborhoodIds = (depth: number) => `${nearestFromStart(depth, '$room', 'reached')}
WITH [start] + reached AS keep
CALL (keep) {
  UNWIND keep AS a
  MATCH (a)-[r]->(b) WHERE b IN keep AND type(r) IN $types
  WITH r LIMIT $edgeCap
  RETURN collect(coalesce(r.id, elementId(r))) AS edges
}
RETURN [n IN keep | n.id] AS nodes, edges`;

/**
 * The neighbourhood as the answer shows it: each node's id, label and name, each edge's id, type, ends
 * and confidence, and whether a cap cut it (the nearest `$room` nodes by distance, then id; at most
 * `$edgeCap` edges among them).
 */
const rawNeighborhood = (depth: number) => `${nearestFromStart(depth, '$probe', 'found')}
WITH [start] + found[0..$room] AS keep, size(found) > $room AS cut
CALL (keep) {
  UNWIND keep AS a
  MATCH (a)-[r]->(b) WHERE b IN keep AND type(r) IN $types
  WITH a, r, b LIMIT $edgeProbe
  RETURN collect([coalesce(r.id, elementId(r)), type(r), a.id, b.id, ${RAW_EDGE_CONFIDENCE('r', 'a', 'b')}]) AS edges
}
RETURN [n IN keep | ${RAW_NODE('n')}] AS nodes, edges[0..$edgeCap] AS edges, cut OR size(edges) > $edgeCap AS truncated`;

/** The neighbourhood's default `limit` (nodes, the start included); edges: 5 a node (src/db/read/neighborhood.ts). */
const NEIGHBORHOOD_LIMIT = 200;

/** A digest of answer data, so that results.json keeps the comparison short. */
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

interface DrawnNodeData {
  id: string;
  label: string;
  name: string;
}
interface DrawnEdgeData {
  id: string;
  type: string;
  source: string;
  target: string;
  confidence?: number | null;
}
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const nodeData = ([id, label, name]: [string, string, string]): DrawnNodeData => ({ id, label, name });

/** The neighbourhood's data, nodes and edges by id (the answer lists nodes by distance). */
function neighborhoodSummary(nodes: DrawnNodeData[], edges: DrawnEdgeData[], truncated: boolean) {
  return { nodes: nodes.length, edges: edges.length, truncated, data: digest([byId(nodes), byId(edges), truncated]) };
}

/** The 3 shortest simple paths of up to 4 hops from vessel `$from` to `$to` (a `toLabel`), as `p`. */
const shortestPaths = (toLabel: string) => `
MATCH (a:Vessel {id: $from}) MATCH (b:${toLabel} {id: $to})
MATCH p = SHORTEST 3 ((a) ((x WHERE x = a OR NOT ${HUB('x')})-[r WHERE type(r) IN $types]-(y)){1,4} (b)
  WHERE NOT a IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..]))`;

function rawPathsIds(toLabel: string): string {
  return `${shortestPaths(toLabel)}
RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | coalesce(r.id, elementId(r))] AS edges, length(p) AS length
ORDER BY length`;
}

/** The k shortest paths as the answer shows them: nodes with label and name, edges with type and ends, the weakest confidence. */
function rawPaths(toLabel: string): string {
  return `${shortestPaths(toLabel)}
RETURN length(p) AS length, [n IN nodes(p) | ${RAW_NODE('n')}] AS nodes,
  [r IN relationships(p) | [coalesce(r.id, elementId(r)), type(r), startNode(r).id, endNode(r).id]] AS edges,
  reduce(m = null, c IN [r IN relationships(p) | ${RAW_EDGE_CONFIDENCE('r')}] | CASE WHEN c IS NULL OR c >= m THEN m ELSE c END) AS confidence`;
}

interface PathData {
  length: number;
  confidence: number | null;
  nodes: DrawnNodeData[];
  edges: DrawnEdgeData[];
}
const pathKey = (p: PathData) => `${p.nodes.map((n) => n.id).join('|')}#${p.edges.map((e) => e.id).join('|')}`;

/** The paths' data, shortest first, then by their nodes and edges (the answer's order). */
function pathsSummary(paths: PathData[]) {
  const sorted = [...paths].sort((x, y) => x.length - y.length || pathKey(x).localeCompare(pathKey(y)));
  return { paths: paths.length, lengths: paths.map((p) => p.length).join(','), data: digest(sorted) };
}

const RAW_RISK_IDS = `
MATCH (v:Vessel {id: $id})
RETURN
  COLLECT { MATCH (v)-[:DESIGNATED]->(d:Designation) RETURN d.id } AS designations,
  COLLECT { MATCH (v)<-[first:OWNS|MANAGES|OPERATES|CONTROLS]-(:Party) (()<-[:OWNS|CONTROLS]-(:Party)){0,4} (party:Party)-[:DESIGNATED]->(d:Designation {status: 'IN_FORCE'})
            RETURN DISTINCT party.id } AS designatedControllers,
  COUNT { (v)<-[:ON]-(:Leg)-[:FROM]->(:Port {countryCode: 'KP'}) } AS dprkLegs,
  COLLECT { MATCH (v)<-[:FROM_VESSEL|TO_VESSEL]-(t:Transfer)-[:FROM_VESSEL|TO_VESSEL]->(o:Vessel) WHERE o <> v
            AND (o.flagCode = 'KP' OR EXISTS { (o)-[:DESIGNATED]->(:Designation {status: 'IN_FORCE'}) }) RETURN DISTINCT t.id } AS riskyTransfers,
  COLLECT { CALL (v) { MATCH (v)-[:USED]->(t:Tactic) RETURN t UNION MATCH (v)<-[:ON]-(:Leg)-[:USED]->(t:Tactic) RETURN t
            UNION MATCH (v)<-[:FROM_VESSEL|TO_VESSEL]-(:Transfer)-[:USED]->(t:Tactic) RETURN t } RETURN t.code ORDER BY t.code } AS tactics,
  COUNT { (v)-[:CLAIMED]->(c:IdentityClaim) } AS claims,
  COUNT { (v)-[:CLAIMED]->(c:IdentityClaim {status: 'FALSE'}) } AS falseClaims,
  COLLECT { MATCH p = ANY SHORTEST (v) ((x WHERE x = v OR NOT ${HUB('x')})-[r WHERE type(r) IN $proximityTypes]-(y)){1,4}
              (e WHERE (e:Vessel OR e:Party) AND EXISTS { (e)-[:DESIGNATED]->(:Designation {status: 'IN_FORCE'}) })
            WHERE e <> v RETURN length(p) AS hops ORDER BY hops LIMIT 5 } AS nearest`;

/**
 * The confidences a fact stands on: those of its path's edges (RAW_EDGE_CONFIDENCE) and the fact's own
 * (a designation, controller's designation or claim at the path's end; for a transfer or a nearest
 * designated entity the designation's edge only, as the service's evidence).
 */
const PATH_CONFIDENCES = (p: string, own?: string) =>
  `[r IN relationships(${p}) | ${RAW_EDGE_CONFIDENCE('r')}]${own ? ` + [${own}.confidence]` : ''}`;

/**
 * The facts the risk rules read for the score, level and factors the bench's query shows (each fact's
 * reason text and the confidences it stands on; no drawn paths, no sources: the query does not ask
 * for them), under the service's cut rules: at most `$factCap` facts of a kind; the nearest designated
 * vessels and parties found among the nearest `$reachCap` nodes within 4 hops (their distances by one
 * breadth-first expansion, which Neo4j prunes: `min(size(r))` per node), the 5 nearest kept, with the
 * shortest path to each for the confidences it stands on.
 * The client then applies the rules (src/domain/risk.ts `assessRisk`: pure functions, no I/O), as a
 * client computing the same score would.
 */
const RAW_RISK = `
MATCH (v:Vessel {id: $id})
RETURN v.name AS name, v.status AS status, v.confidence AS confidence,
  COLLECT { MATCH p = (v)-[:DESIGNATED]->(d:Designation)
            RETURN {id: d.id, authority: d.authority, measure: d.measure, status: d.status, date: toString(d.dateFrom), confs: ${PATH_CONFIDENCES('p', 'd')}} } AS designations,
  COLLECT { MATCH p = (v)<-[first:OWNS|MANAGES|OPERATES|CONTROLS]-(:Party) (()<-[:OWNS|CONTROLS]-(:Party)){0,4} (party:Party)-[:DESIGNATED]->(d:Designation {status: 'IN_FORCE'})
            WITH p, party, d, first ORDER BY length(p), party.id, d.id LIMIT $factCap
            RETURN {partyId: party.id, partyName: party.name, relationType: type(first), depth: length(p) - 1, confs: ${PATH_CONFIDENCES('p', 'd')}} } AS controllers,
  COLLECT { MATCH (l:Leg)-[on:ON]->(v)
            WITH l, on ORDER BY coalesce(l.departureFrom, l.arrivalFrom), l.id LIMIT $factCap
            WITH l, on, [(l)-[f:FROM]->(pt:Port) | {name: pt.name, kp: pt.countryCode = 'KP', conf: f.confidence}] AS from
            WITH l, on, from, [x IN from WHERE x.kp] AS kp
            RETURN {name: coalesce(l.fromText, '?') + ' → ' + coalesce(l.toText, '?'), cargoOrigin: l.cargoOrigin, legality: l.legality,
                    dprkPorts: [x IN kp | x.name], confs: [on.confidence, coalesce(head(kp), head(from)).conf, l.confidence]} } AS legs,
  COLLECT { MATCH (t:Transfer)-[mine:FROM_VESSEL|TO_VESSEL]->(v)
            OPTIONAL MATCH (t)-[theirs:FROM_VESSEL|TO_VESSEL]->(o:Vessel) WHERE o <> v
            WITH t, mine, theirs, o LIMIT $factCap
            WITH t, mine, theirs, o,
                 o IS NOT NULL AND (o.flagCode = 'KP' OR EXISTS { (o)-[:CLAIMED]->(c:IdentityClaim) WHERE c.flagCode = 'KP' AND c.status <> 'FALSE' }) AS kp,
                 CASE WHEN o IS NULL THEN null ELSE COLLECT { MATCH (o)-[dr:DESIGNATED]->(d:Designation {status: 'IN_FORCE'})
                   RETURN [dr.confidence] ORDER BY d.dateFrom, d.id LIMIT 1 }[0] END AS designation
            WHERE kp OR designation IS NOT NULL
            RETURN {id: t.id, name: coalesce(o.name, CASE WHEN t.fromVesselId = v.id THEN t.toVesselDescription ELSE t.fromVesselDescription END, 'an unnamed vessel'),
                    kp: kp, designated: designation IS NOT NULL,
                    confs: [mine.confidence, theirs.confidence, t.confidence] + coalesce(designation, [])} } AS transfers,
  COLLECT { CALL (v) {
              MATCH p = (v)-[:USED]->(t:Tactic) RETURN p, t
              UNION ALL MATCH p = (v)<-[:ON]-(:Leg)-[:USED]->(t:Tactic) RETURN p, t
              UNION ALL MATCH p = (v)<-[:FROM_VESSEL|TO_VESSEL]-(:Transfer)-[:USED]->(t:Tactic) RETURN p, t }
            WITH p, t LIMIT $factCap
            RETURN {code: t.code, name: t.name, confs: ${PATH_CONFIDENCES('p')}} } AS tactics,
  COLLECT { MATCH p = (v)-[:CLAIMED]->(c:IdentityClaim)
            RETURN {id: c.id, name: c.name, flagCode: c.flagCode, status: c.status, kind: c.kind, confs: ${PATH_CONFIDENCES('p', 'c')}} } AS claims,
  COLLECT { MATCH (v) ((x WHERE x = v OR NOT ${HUB('x')})-[r WHERE type(r) IN $proximityTypes]-(y)){1,4} (e)
            WHERE e <> v
            WITH e, min(size(r)) AS hops ORDER BY hops LIMIT $reachCap
            WITH e, hops WHERE (e:Vessel OR e:Party)
            WITH e, hops, COLLECT { MATCH (e)-[dr:DESIGNATED]->(d:Designation {status: 'IN_FORCE'})
                                    RETURN [dr.confidence] ORDER BY d.dateFrom, d.id LIMIT 1 }[0] AS designation
            WHERE designation IS NOT NULL
            WITH e, designation ORDER BY hops, e.id LIMIT 5
            MATCH p = ANY SHORTEST (v) ((x WHERE x = v OR NOT ${HUB('x')})-[r WHERE type(r) IN $proximityTypes]-(y)){1,4} (e)
            RETURN {id: e.id, name: e.name, hops: length(p), confs: ${PATH_CONFIDENCES('p')} + designation} } AS nearest`;

/** The weakest of the confidences a fact stands on (none: null, as the service's evidence). */
function weakest(confs: (number | null)[]): number | null {
  const known = confs.filter((c): c is number => typeof c === 'number');
  return known.length > 0 ? Math.min(...known) : null;
}

/** The raw risk row as the rules' facts (no paths, no sources: the bench's query selects neither). */
function riskFactsOf(id: string, row: any): RiskFacts<null> {
  const fact = <T extends { confs: (number | null)[] }>(x: T) => ({
    ...x,
    path: null,
    sourceIds: [],
    confidence: weakest(x.confs),
  });
  return {
    vessel: {
      id,
      name: String(row.name),
      status: String(row.status),
      path: null,
      sourceIds: [],
      confidence: weakest([row.confidence]),
    },
    designations: row.designations.map(fact),
    controllers: row.controllers.map((c: any) => ({ ...fact(c), id: c.partyId, date: null, authority: '' })),
    legs: row.legs.map((l: any) => ({ ...fact(l), id: '', fromDprkPort: l.dprkPorts.length > 0 })),
    transfers: row.transfers.map((t: any) => ({
      ...fact(t),
      counterpartyId: null,
      counterpartyName: t.name,
      counterpartyDprkFlag: t.kp,
      counterpartyDesignated: t.designated,
    })),
    tactics: row.tactics.map((t: any) => ({ ...fact(t), id: t.code, subjectLabel: '' })),
    claims: row.claims.map(fact),
    nearestDesignated: row.nearest.map(fact),
  };
}

/** What the bench's risk query shows: score, level and each factor's code, points and reason. */
function riskSummary(r: { score: number; level: string; factors: { code: string; points: number; reason: string }[] }) {
  return {
    score: r.score,
    level: r.level,
    factors: r.factors.map((f) => ({ code: f.code, points: f.points, reason: f.reason })),
  };
}

const RAW_NESTED = `
MATCH (v:Vessel) WITH v ORDER BY v.name, v.id LIMIT 50
RETURN v.id AS id, v.name AS name, COLLECT {
  MATCH (p:Party)-[:OWNS]->(v)
  RETURN {id: p.id, name: p.name, holdings: COLLECT {
    MATCH (p)-[r:OWNS|MANAGES|OPERATES|CONTROLS|CHARTERED|BROKERED|CONSIGNEE_OF|ASSOCIATED_WITH]->(t)
    RETURN CASE WHEN t:Vessel THEN {id: t.id, name: t.name, legs: COLLECT {
      MATCH (l:Leg)-[:ON]->(t) RETURN l.id ORDER BY coalesce(l.departureFrom, l.arrivalFrom, l.arrivalTo), l.id
    }} ELSE {} END
  }}
} AS owners
ORDER BY v.name, v.id`;

/** Count of leg ids in a nested answer: both sides must reach the same legs. */
function nestedLegCount(vessels: { owners: { holdings: { legs?: unknown[] }[] }[] }[]): number {
  return vessels.reduce(
    (s, v) => s + v.owners.reduce((t, o) => t + o.holdings.reduce((u, h) => u + (h.legs?.length ?? 0), 0), 0),
    0,
  );
}

/**
 * The nested read. Its nested lists are given page sizes that hold every item of the synthetic world
 * (a vessel has at most 2 owners and 16 legs at S, an owner at most 50 holdings), so that the answer is
 * the whole subtree, as @neo4j/graphql's and the hand-written query's are: the answers-match check
 * (leg counts) fails if a page ever cuts one. Its cost (≈ 50 × 5 × 60 × 50) is over the service's
 * default GRAPHQL_MAX_COST, so the bench runs its services with NESTED_BENCH_MAX_COST (bench/serve.ts).
 */
export const NESTED_QUERY = `query Nested($first: Int!) { vessels(first: $first) { edges { node { id name
  owners(first: 5) { party { id name holdings(first: 60) { target { ... on Vessel { id name legs(first: 50) { id } } } } } } } } } }`;

export function nestedSummaryFromGraphql(data: any) {
  const vessels = data.vessels.edges.map((e: any) => ({
    owners: e.node.owners.map((o: any) => ({ holdings: o.party.holdings.map((h: any) => ({ legs: h.target.legs })) })),
  }));
  return { vessels: vessels.length, legs: nestedLegCount(vessels) };
}

export function operations(a: Anchors): Operation[] {
  const traceParams = {
    origin: a.originPortId,
    commodities: ['COAL', 'COAL_OR_PIG_IRON'],
    origins: ['DPRK', 'DPRK_SUSPECTED', 'UNCONFIRMED'],
    maxWait: DEFAULT_MAX_WAIT_DAYS,
  };
  const trace = (hops: number): Operation => ({
    name: `traceCargo maxHops ${hops}`,
    needs: ['traceCargo'],
    query: `query Trace($origin: String!, $hops: Int!) { traceCargo(origin: $origin, maxHops: $hops) {
      id confidence hops inferredLinks possibleLinks finalPort { id name } finalCountry { code }
      steps { kind leg { id departure { from } arrival { to } } link { kind certainty } } } }`,
    variables: { origin: a.originPortId, hops },
    raw: async (driver, timeoutMs) => {
      const rows = await read(driver, rawTrace(hops), traceParams, timeoutMs);
      return routeSummary(rows.map((r) => ({ confidence: r.confidence })));
    },
    summarize: (data) => routeSummary(data.traceCargo),
    // the raw ranks the first RAW_TRACE_CAP walks: with more, its top 50 is the best of a part of them
    rawInexact: async (driver, timeoutMs) => {
      const cypher = `${rawSteps(hops)}\nWITH legs LIMIT ${RAW_TRACE_CAP + 1}\nRETURN count(*) AS walks`;
      const [row] = await read(driver, cypher, traceParams, timeoutMs);
      return Number(row.walks) > RAW_TRACE_CAP
        ? `not compared: the raw ranks the first ${RAW_TRACE_CAP} of more walks than that (its top 50 is the best of a part)`
        : null;
    },
  });
  const toLabel = labelOfId(a.pathToId) ?? 'Company';
  const types = [...DEFAULT_TRAVERSAL_TYPES];
  const proximityTypes = types.filter((t) => t !== 'DESIGNATED' && t !== 'USED');
  return [
    trace(2),
    trace(4),
    trace(6),
    {
      name: 'destinations',
      needs: ['destinations'],
      query: `query Dest($origin: String!) { destinations(origin: $origin) { key name routeCount tonnage { min max } firstDate lastDate bestConfidence } }`,
      variables: { origin: a.originPortId },
      raw: async (driver, timeoutMs) => {
        const rows = await read(driver, RAW_DESTINATIONS, traceParams, timeoutMs);
        return { groups: rows.length, routes: rows.reduce((s, r) => s + r.routeCount, 0) };
      },
      summarize: (data) => ({
        groups: data.destinations.length,
        routes: data.destinations.reduce((s: number, d: any) => s + d.routeCount, 0),
      }),
    },
    ...[1, 2].map((depth): Operation => {
      const params = {
        id: a.vesselId,
        types,
        labels: ENTITY_LABELS,
        room: neo4j.int(NEIGHBORHOOD_LIMIT - 1),
        probe: neo4j.int(NEIGHBORHOOD_LIMIT),
        edgeCap: neo4j.int(NEIGHBORHOOD_LIMIT * 5),
        edgeProbe: neo4j.int(NEIGHBORHOOD_LIMIT * 5 + 1),
      };
      return {
        name: `neighborhood depth ${depth}`,
        needs: ['neighborhood'],
        query: `query Hood($id: ID!, $depth: Int!) { neighborhood(id: $id, depth: $depth) { nodes { id label name } edges { id type source target confidence } truncated } }`,
        variables: { id: a.vesselId, depth },
        raw: async (driver, timeoutMs) => {
          const [row] = await read(driver, rawNeighborhood(depth), params, timeoutMs);
          const edges = row.edges.map(([id, type, source, target, confidence]: any[]) => ({
            id,
            type,
            source,
            target,
            confidence,
          }));
          return neighborhoodSummary(row.nodes.map(nodeData), edges, row.truncated);
        },
        rawIdsOnly: async (driver, timeoutMs) => {
          const [row] = await read(
            driver,
            rawNeighborhoodIds(depth),
            {
              id: params.id,
              types,
              room: params.room,
              edgeCap: params.edgeCap,
            },
            timeoutMs,
          );
          return { nodes: row.nodes.length, edges: row.edges.length };
        },
        summarize: (data) =>
          neighborhoodSummary(data.neighborhood.nodes, data.neighborhood.edges, data.neighborhood.truncated),
      };
    }),
    {
      name: 'paths k 3',
      needs: ['paths'],
      query: `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, k: 3) { length confidence nodes { id label name } edges { id type source target } } }`,
      variables: { from: a.vesselId, to: a.pathToId },
      raw: async (driver, timeoutMs) => {
        const rows = await read(
          driver,
          rawPaths(toLabel),
          {
            from: a.vesselId,
            to: a.pathToId,
            types,
            labels: ENTITY_LABELS,
          },
          timeoutMs,
        );
        return pathsSummary(
          rows.map((r) => ({
            length: r.length,
            confidence: r.confidence,
            nodes: r.nodes.map(nodeData),
            edges: r.edges.map(([id, type, source, target]: string[]) => ({ id, type, source, target })),
          })),
        );
      },
      rawIdsOnly: async (driver, timeoutMs) => {
        const rows = await read(driver, rawPathsIds(toLabel), { from: a.vesselId, to: a.pathToId, types }, timeoutMs);
        return { paths: rows.length, lengths: rows.map((r) => r.length).join(',') };
      },
      summarize: (data) => pathsSummary(data.paths),
    },
    {
      name: 'riskProfile',
      needs: ['riskProfile'],
      query: `query Risk($id: ID!) { riskProfile(vesselId: $id) { score level factors { code points reason } } }`,
      variables: { id: a.vesselId },
      raw: async (driver, timeoutMs) => {
        const [row] = await read(
          driver,
          RAW_RISK,
          {
            id: a.vesselId,
            proximityTypes,
            factCap: neo4j.int(200),
            reachCap: neo4j.int(2000),
          },
          timeoutMs,
        );
        return riskSummary(assessRisk(riskFactsOf(a.vesselId, row), resolveRiskWeights()));
      },
      rawIdsOnly: async (driver, timeoutMs) => {
        const [row] = await read(driver, RAW_RISK_IDS, { id: a.vesselId, proximityTypes }, timeoutMs);
        return { facts: Object.keys(row).length };
      },
      summarize: (data) => riskSummary(data.riskProfile),
      note: 'raw gathers the facts the score and the factors read (no evidence paths) and applies the rules (src/domain/risk.ts, pure JS)',
    },
    {
      name: 'nested vessels→owners→holdings→legs',
      needs: ['vessels'],
      query: NESTED_QUERY,
      variables: { first: 50 },
      raw: async (driver, timeoutMs) => {
        const rows = await read(driver, RAW_NESTED, {}, timeoutMs);
        return { vessels: rows.length, legs: nestedLegCount(rows) };
      },
      summarize: nestedSummaryFromGraphql,
    },
  ];
}
