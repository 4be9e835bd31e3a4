/**
 * The fixed query mix of the benchmark: each operation as a GraphQL request to Collier and as the same
 * answer computed by hand-written Cypher through the bare driver (the "raw" baseline). The raw
 * statements are written here on purpose, not imported from src/db, so that the comparison is with
 * what a developer would write by hand for the same question.
 */
import neo4j, { Driver } from 'neo4j-driver';
import { DEFAULT_TRAVERSAL_TYPES } from '../src/db/read/traversal';
import { DEFAULT_MAX_WAIT_DAYS, inferredLinkCypher } from '../src/domain/linking';
import { labelOfId } from '../src/domain/ids';
import { toPlain } from '../src/db/database';

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
  /** The same answer by hand-written Cypher; returns a summary comparable with `summarize`. */
  raw?: (driver: Driver) => Promise<unknown>;
  /** Reduces a GraphQL `data` to the same summary as `raw` returns, to check both give one answer. */
  summarize?: (data: any) => unknown;
  note?: string;
}

async function read(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<any[]> {
  const { records } = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
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
  return `
MATCH (anchor:Port {id: $origin})<-[:FROM]-(l:Leg)
WHERE l.commodity IN $commodities AND l.cargoOrigin IN $origins
WITH [l] AS legs, [] AS fs, false AS done
${Array.from({ length: hops - 1 }, () => STEP).join('\n')}
WITH legs, fs LIMIT ${cap}
WITH legs, fs, last(legs) AS lastLeg
WITH legs, fs, lastLeg,
     head([(lastLeg)-[r:TO]->(p:Port) WHERE NOT coalesce(r.alternative, false) | p] + [(lastLeg)-[:TO]->(p:Port) | p]) AS final
WHERE final IS NOT NULL AND coalesce(final.countryCode, lastLeg.destinationCountryCode) IS NOT NULL
WITH legs, lastLeg, final,
     round(reduce(m = 1.0, x IN legs | CASE WHEN x.confidence < m THEN x.confidence ELSE m END) * reduce(p = 1.0, f IN fs | p * f) * 1000) / 1000.0 AS confidence`;
}

/** The trace by hand: the exhaustive walk, ranked, the top 50. */
function rawTrace(hops: number): string {
  return `${rawWalk(hops, 5000)}
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

const rawNeighborhood = (depth: number) => `
MATCH (start:Vessel {id: $id})
CALL (start) {
  MATCH p = ANY SHORTEST (start) ((x WHERE x = start OR NOT ${HUB('x')})-[r WHERE type(r) IN $types]-(y)){1,${depth}} (n)
  WHERE n <> start
  WITH n, length(p) AS d ORDER BY d, n.id LIMIT $room
  RETURN collect(n) AS reached
}
WITH [start] + reached AS keep
CALL (keep) {
  UNWIND keep AS a
  MATCH (a)-[r]->(b) WHERE b IN keep AND type(r) IN $types
  WITH r LIMIT $edgeCap
  RETURN collect(coalesce(r.id, elementId(r))) AS edges
}
RETURN [n IN keep | n.id] AS nodes, edges`;

function rawPaths(toLabel: string): string {
  return `
MATCH (a:Vessel {id: $from}) MATCH (b:${toLabel} {id: $to})
MATCH p = SHORTEST 3 ((a) ((x WHERE x = a OR NOT ${HUB('x')})-[r WHERE type(r) IN $types]-(y)){1,4} (b)
  WHERE NOT a IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..]))
RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | coalesce(r.id, elementId(r))] AS edges, length(p) AS length
ORDER BY length`;
}

const RAW_RISK = `
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

export const NESTED_QUERY = `query Nested($first: Int!) { vessels(first: $first) { edges { node { id name
  owners { party { id name holdings { target { ... on Vessel { id name legs { id } } } } } } } } } }`;

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
    raw: async (driver) => {
      const rows = await read(driver, rawTrace(hops), traceParams);
      return routeSummary(rows.map((r) => ({ confidence: r.confidence })));
    },
    summarize: (data) => routeSummary(data.traceCargo),
  });
  const toLabel = labelOfId(a.pathToId) ?? 'Company';
  const types = [...DEFAULT_TRAVERSAL_TYPES];
  return [
    trace(2),
    trace(4),
    trace(6),
    {
      name: 'destinations',
      needs: ['destinations'],
      query: `query Dest($origin: String!) { destinations(origin: $origin) { key name routeCount tonnage { min max } firstDate lastDate bestConfidence } }`,
      variables: { origin: a.originPortId },
      raw: async (driver) => {
        const rows = await read(driver, RAW_DESTINATIONS, traceParams);
        return { groups: rows.length, routes: rows.reduce((s, r) => s + r.routeCount, 0) };
      },
      summarize: (data) => ({
        groups: data.destinations.length,
        routes: data.destinations.reduce((s: number, d: any) => s + d.routeCount, 0),
      }),
    },
    ...[1, 2].map((depth): Operation => ({
      name: `neighborhood depth ${depth}`,
      needs: ['neighborhood'],
      query: `query Hood($id: ID!, $depth: Int!) { neighborhood(id: $id, depth: $depth) { nodes { id label name } edges { id type source target confidence } truncated } }`,
      variables: { id: a.vesselId, depth },
      raw: async (driver) => {
        const [row] = await read(driver, rawNeighborhood(depth), {
          id: a.vesselId,
          types,
          room: neo4j.int(199),
          edgeCap: neo4j.int(1000),
        });
        return { nodes: row.nodes.length, edges: row.edges.length };
      },
      summarize: (data) => ({ nodes: data.neighborhood.nodes.length, edges: data.neighborhood.edges.length }),
    })),
    {
      name: 'paths k 3',
      needs: ['paths'],
      query: `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, k: 3) { length confidence nodes { id label name } edges { id type source target } } }`,
      variables: { from: a.vesselId, to: a.pathToId },
      raw: async (driver) => {
        const rows = await read(driver, rawPaths(toLabel), { from: a.vesselId, to: a.pathToId, types });
        return { paths: rows.length, lengths: rows.map((r) => r.length).join(',') };
      },
      summarize: (data) => ({ paths: data.paths.length, lengths: data.paths.map((p: any) => p.length).join(',') }),
    },
    {
      name: 'riskProfile',
      needs: ['riskProfile'],
      query: `query Risk($id: ID!) { riskProfile(vesselId: $id) { score level factors { code points reason } } }`,
      variables: { id: a.vesselId },
      raw: async (driver) => {
        const [row] = await read(driver, RAW_RISK, {
          id: a.vesselId,
          proximityTypes: types.filter((t) => t !== 'DESIGNATED' && t !== 'USED'),
        });
        return { facts: Object.keys(row).length };
      },
      note: 'raw gathers the same facts (ids and counts, no evidence paths); the scoring itself is pure JS',
    },
    {
      name: 'nested vessels→owners→holdings→legs',
      needs: ['vessels'],
      query: NESTED_QUERY,
      variables: { first: 50 },
      raw: async (driver) => {
        const rows = await read(driver, RAW_NESTED, {});
        return { vessels: rows.length, legs: nestedLegCount(rows) };
      },
      summarize: nestedSummaryFromGraphql,
    },
  ];
}
