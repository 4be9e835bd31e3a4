/**
 * How a trace is computed. Legs are joined by `NEXT` relationships, written whenever legs or transfers
 * are written (`maintainNextLinks`) using the link rule of domain/linking.ts; a trace is then one
 * Cypher statement: a bounded walk over `NEXT` from the legs that left the origin, pruned as Neo4j
 * walks (inferred links longer than the allowed wait are never followed), keeping only routes that
 * cannot go further (or that reached the hop cap).
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { Database, Params, StatementCounter, toPlain, TxRunner } from './database';
import { DateRangeRecord, toRecord } from './records';
import { asText } from '../domain/text';
import { neoDate } from './graphWriter';
import {
  Link,
  LinkCertainty,
  LinkKind,
  linkBetween,
  linkCertaintyCypher,
  linkUnderWait,
  LegTiming,
} from '../domain/linking';
import { routeConfidence, routeConfidenceCypher } from '../domain/routeConfidence';

/* ----------------------------------------------------------------------------------------------
 * Maintaining NEXT links
 * -------------------------------------------------------------------------------------------- */

interface CandidateRow {
  a: LegTiming;
  b: LegTiming;
  transferId: string | null;
  portId: string | null;
  placeUncertain: boolean;
}

const TIMING = (v: string) =>
  `{id: ${v}.id, vesselId: ${v}.vesselId, departureFrom: ${v}.departureFrom, departureTo: ${v}.departureTo, ` +
  `arrivalFrom: ${v}.arrivalFrom, arrivalTo: ${v}.arrivalTo, discharged: ${v}.discharged}`;

/**
 * Pairs of legs that meet: through a documented transfer, or by one ending at the port where the other
 * starts ("a port in X, not named" is no meeting place). The date condition here is only a coarse
 * pre-filter (b cannot have left before a can have arrived); the rule itself is `linkBetween`.
 */
const CANDIDATES = `
CALL {
  MATCH (t:Transfer)-[:FROM_LEG]->(a:Leg), (t)-[:TO_LEG]->(b:Leg)
  WHERE $all OR a.id IN $ids OR b.id IN $ids
  RETURN a, b, t.id AS transferId, null AS portId, false AS placeUncertain
  UNION
  MATCH (a:Leg)-[ra:TO]->(p:Port)<-[rb:FROM]-(b:Leg)
  WHERE a <> b AND p.kind <> 'UNSPECIFIED_IN_COUNTRY' AND ($all OR a.id IN $ids OR b.id IN $ids)
    AND (coalesce(b.departureTo, b.arrivalTo) IS NULL OR coalesce(a.arrivalFrom, a.departureFrom) IS NULL
         OR coalesce(b.departureTo, b.arrivalTo) >= coalesce(a.arrivalFrom, a.departureFrom))
  RETURN a, b, null AS transferId, p.id AS portId,
         (coalesce(ra.alternative, false) OR coalesce(rb.alternative, false)) AS placeUncertain
}
RETURN ${TIMING('a')} AS a, ${TIMING('b')} AS b, transferId, portId, placeUncertain`;

/** The same pairs, for the given legs only: found from each leg through the id index, never by a scan of all legs. */
const MEETS = `(coalesce(b.departureTo, b.arrivalTo) IS NULL OR coalesce(a.arrivalFrom, a.departureFrom) IS NULL
         OR coalesce(b.departureTo, b.arrivalTo) >= coalesce(a.arrivalFrom, a.departureFrom))`;
const CANDIDATES_OF = `
UNWIND $ids AS id
MATCH (x:Leg {id: id})
CALL (x) {
  MATCH (t:Transfer)-[:FROM_LEG]->(x), (t)-[:TO_LEG]->(b:Leg)
  RETURN x AS a, b, t.id AS transferId, null AS portId, false AS placeUncertain
  UNION
  MATCH (t:Transfer)-[:TO_LEG]->(x), (t)-[:FROM_LEG]->(a:Leg)
  RETURN a, x AS b, t.id AS transferId, null AS portId, false AS placeUncertain
  UNION
  MATCH (x)-[ra:TO]->(p:Port)<-[rb:FROM]-(b:Leg)
  WITH x AS a, b, p, ra, rb WHERE a <> b AND p.kind <> 'UNSPECIFIED_IN_COUNTRY' AND ${MEETS}
  RETURN a, b, null AS transferId, p.id AS portId, (coalesce(ra.alternative, false) OR coalesce(rb.alternative, false)) AS placeUncertain
  UNION
  MATCH (a:Leg)-[ra:TO]->(p:Port)<-[rb:FROM]-(x)
  WITH a, x AS b, p, ra, rb WHERE a <> b AND p.kind <> 'UNSPECIFIED_IN_COUNTRY' AND ${MEETS}
  RETURN a, b, null AS transferId, p.id AS portId, (coalesce(ra.alternative, false) OR coalesce(rb.alternative, false)) AS placeUncertain
}
WITH DISTINCT a, b, transferId, portId, placeUncertain
RETURN ${TIMING('a')} AS a, ${TIMING('b')} AS b, transferId, portId, placeUncertain`;

export interface NextLink {
  id: string;
  from: string;
  to: string;
  props: Link & { transferId: string | null; portId: string | null; placeUncertain: boolean };
}

/** The NEXT links the rule gives for candidate pairs; one per pair (a transfer beats a shared port, a sure place an alternative). */
export function computeNextLinks(rows: CandidateRow[]): NextLink[] {
  const best = new Map<string, NextLink>();
  const rank = (l: NextLink) => (l.props.transferId ? 0 : l.props.placeUncertain ? 2 : 1);
  for (const row of rows) {
    const link = linkBetween(row.a, row.b, row.transferId != null);
    if (!link) continue;
    const certainty: LinkCertainty = row.placeUncertain ? 'POSSIBLE' : link.certainty;
    const candidate: NextLink = {
      id: `next:${row.a.id}->${row.b.id}`,
      from: row.a.id,
      to: row.b.id,
      props: { ...link, certainty, transferId: row.transferId, portId: row.portId, placeUncertain: row.placeUncertain },
    };
    const current = best.get(candidate.id);
    if (!current || rank(candidate) < rank(current)) best.set(candidate.id, candidate);
  }
  return [...best.values()].sort((x, y) => x.id.localeCompare(y.id));
}

/**
 * Recomputes the NEXT links of the given legs (all legs when `legIds` is omitted) and writes them in
 * one transaction: links that still hold are kept, new ones added, stale ones removed.
 */
export async function maintainNextLinks(db: Database, legIds?: string[]): Promise<{ links: number }> {
  return db.transaction((tx) => maintainNextLinksIn(tx, legIds));
}

/**
 * The same inside a transaction the caller holds, so that legs and transfers and the NEXT links they
 * imply are written together (src/db/write.ts): a reader never sees one without the other.
 */
export async function maintainNextLinksIn(tx: TxRunner, legIds?: string[]): Promise<{ links: number }> {
  const params = { all: legIds == null, ids: [...new Set(legIds ?? [])] };
  if (legIds != null && legIds.length === 0) return { links: 0 };
  const result = await tx.run(legIds == null ? CANDIDATES : CANDIDATES_OF, params);
  const rows = result.records.map((r) => toPlain(r.toObject()) as CandidateRow);
  const links = computeNextLinks(rows);
  const keep = links.map((l) => l.id);
  await tx.run(
    legIds == null
      ? `MATCH (:Leg)-[n:NEXT]->(:Leg) WHERE NOT n.id IN $keep DELETE n`
      : `UNWIND $ids AS id MATCH (:Leg {id: id})-[n:NEXT]-(:Leg) WHERE NOT n.id IN $keep WITH DISTINCT n DELETE n`,
    { ...params, keep },
  );
  await tx.run(
    `UNWIND $links AS l
     MATCH (a:Leg {id: l.from}) MATCH (b:Leg {id: l.to})
     MERGE (a)-[n:NEXT {id: l.id}]->(b) SET n += l.props`,
    { links },
  );
  return { links: links.length };
}

/* ----------------------------------------------------------------------------------------------
 * Tracing
 * -------------------------------------------------------------------------------------------- */

export const MAX_HOPS_CAP = 8;
/** No trace statement returns more paths than this, whatever the graph. */
export const PATH_CAP = 5000;

export type TraceDirection = 'FORWARD' | 'BACKWARD';

/** A stored link may be followed under the trace's wait limit (mirrors `linkUnderWait`). */
const FOLLOWABLE = `n.kind <> 'INFERRED' OR n.waitMinDays IS NULL OR n.waitMinDays <= $maxWait`;

/**
 * The port a place names: by id, else by UN/LOCODE (both through their unique indexes), else by name
 * or alias (a scan of the ports, only when neither index found it: names are matched case-insensitively).
 */
const RESOLVE_PORT = `
CALL {
  OPTIONAL MATCH (byId:Port {id: $place})
  OPTIONAL MATCH (byLocode:Port {locode: $locode})
  WITH coalesce(byId, byLocode) AS direct
  OPTIONAL CALL (direct) {
    // one row only when neither index found the port, so that the scan of ports below never runs otherwise
    UNWIND CASE WHEN direct IS NULL THEN [true] ELSE [] END AS byName
    MATCH (p:Port)
    WHERE toLower(p.name) = $name OR any(a IN p.aliases WHERE toLower(a) = $name)
    RETURN p AS named
    ORDER BY CASE WHEN toLower(p.name) = $name THEN 0 ELSE 1 END, p.id
    LIMIT 1
  }
  WITH coalesce(direct, named) AS anchor
  WHERE anchor IS NOT NULL
  RETURN anchor
}`;

/** Everything a route shows of a leg: its properties, its ports and its vessel's name. */
const LEG_VIEW = `{
  props: properties(l),
  ports: [(l)-[r:FROM|TO]->(p:Port) | {direction: type(r), id: p.id, name: p.name, countryCode: p.countryCode, kind: p.kind, alternative: coalesce(r.alternative, false)}],
  vesselName: head([(l)-[:ON]->(v:Vessel) | v.name])
}`;

/** The views of legs by id: how the routes a client asks to see are filled in (the legView loader). */
export const LEG_VIEWS_BY_ID = `UNWIND $keys AS key MATCH (l:Leg {id: key}) RETURN key, ${LEG_VIEW} AS view`;

/** What the walk returns of each leg it reached: enough to rank, filter and group routes, no more. */
const LEG_BRIEF = `{
  id: l.id, confidence: l.confidence, vesselId: l.vesselId, departureFrom: l.departureFrom, arrivalTo: l.arrivalTo,
  tonnageMin: l.tonnageMin, tonnageMax: l.tonnageMax, destinationCountryCode: l.destinationCountryCode,
  ports: [(l)-[r:FROM|TO]->(p:Port) | {direction: type(r), id: p.id, countryCode: p.countryCode, alternative: coalesce(r.alternative, false)}]
}`;

/** Day bounds of a leg for window filters: when it left, or when it arrived if the departure is unknown. */
const WINDOW = (v: string, side: 'departure' | 'arrival') => {
  const [a, b] = side === 'departure' ? ['departure', 'arrival'] : ['arrival', 'departure'];
  return `($windowFrom IS NULL OR coalesce(${v}.${a}To, ${v}.${b}To) IS NULL OR coalesce(${v}.${a}To, ${v}.${b}To) >= $windowFrom)
    AND ($windowTo IS NULL OR coalesce(${v}.${a}From, ${v}.${b}From) IS NULL OR coalesce(${v}.${a}From, ${v}.${b}From) <= $windowTo)`;
};

/** ALL: every walked route in brief; RANKED: the best $limit; GROUPED: per final country or port. */
type StatementMode = 'ALL' | 'RANKED' | 'GROUPED';

function traceStatement(hops: number, direction: TraceDirection, mode: StatementMode): string {
  const repeat = `{0,${hops - 1}}`;
  const walk =
    direction === 'FORWARD'
      ? `MATCH (anchor)<-[:FROM]-(first:Leg)
         WHERE first.commodity IN $commodities AND first.cargoOrigin IN $cargoOrigins AND ${WINDOW('first', 'departure')}
         ${hops === 1 ? 'MATCH path = (first) WITH path, first, first AS last' : `MATCH path = (first) (()-[n:NEXT WHERE ${FOLLOWABLE}]->(:Leg))${repeat} (last:Leg)`}
         WITH path, first, last, nodes(path) AS legs
         WHERE all(i IN range(0, size(legs) - 2) WHERE NOT legs[i] IN legs[i + 1..])
           AND ($dest IS NULL OR last.destinationCountryCode = $dest OR EXISTS { (last)-[:TO]->(:Port {countryCode: $dest}) })
         WITH path, legs, EXISTS { (last)-[n:NEXT]->(x:Leg) WHERE (${FOLLOWABLE}) AND NOT x IN legs } AS continues`
      : `MATCH (anchor)<-[:TO]-(last:Leg)
         WHERE last.commodity IN $commodities AND ${WINDOW('last', 'arrival')}
         ${hops === 1 ? 'MATCH path = (last) WITH path, last AS first, last' : `MATCH path = (first:Leg) ((:Leg)-[n:NEXT WHERE ${FOLLOWABLE}]->())${repeat} (last)`}
         WITH path, first, last, nodes(path) AS legs
         WHERE all(i IN range(0, size(legs) - 2) WHERE NOT legs[i] IN legs[i + 1..])
           AND first.cargoOrigin IN $cargoOrigins
         WITH path, legs, EXISTS { (x:Leg)-[n:NEXT]->(first) WHERE (${FOLLOWABLE}) AND NOT x IN legs } AS continues`;
  // The origin, then every walked path that ends a route (it cannot go further, or it reached the hop
  // cap), at most $pathCap of them.
  const walkFromAnchor = `${RESOLVE_PORT}
CALL (anchor) {
  ${walk}
  WHERE NOT continues OR size(legs) = $hops
  WITH path, continues LIMIT $pathCap`;
  const linkView = (r: string) =>
    `{kind: ${r}.kind, certainty: ${r}.certainty, waitMinDays: ${r}.waitMinDays, waitMaxDays: ${r}.waitMaxDays, placeUncertain: ${r}.placeUncertain, transferId: ${r}.transferId}`;
  // Each leg of the given lists of legs once, however many routes share it (thousands of routes share
  // a few hundred legs): in brief (what ranking and grouping need), or, for the few legs of the routes
  // shown, in full (their briefs are derived from the views: briefOf), so that showing their steps
  // needs no second statement.
  const legsOf = (lists: string, full: boolean) => `CALL (${lists}) {
    UNWIND ${lists} AS ls
    UNWIND ls AS l
    WITH DISTINCT l
    // aggregate first: a constant beside collect() would be a grouping key, and no legs would give no row
    WITH ${full ? `collect(${LEG_VIEW}) AS views` : `collect(${LEG_BRIEF}) AS legs`}
    RETURN ${full ? '[] AS legs, views' : 'legs, [] AS views'}
  }`;
  if (mode === 'ALL') {
    return `${walkFromAnchor}
  WITH collect({legIds: [l IN nodes(path) | l.id], links: [r IN relationships(path) | ${linkView('r')}], truncated: continues}) AS routes,
       collect(nodes(path)) AS walked
  ${legsOf('walked', false)}
  RETURN size(routes) AS walkedCount, routes, legs, views
}
RETURN properties(anchor) AS anchor, walkedCount, routes, legs, views`;
  }
  // Each walked route with its final port, links, confidence and ranking keys, best first: the Cypher
  // forms of the link and confidence rules (tested equal to the JS forms).
  const rankedRoutes = `WITH collect({legs: nodes(path), rels: relationships(path), truncated: continues}) AS walked
  CALL (walked) {
    UNWIND walked AS w
    WITH w.legs AS legs, w.rels AS rels, w.truncated AS truncated, head(w.legs) AS first, last(w.legs) AS last
    ${direction === 'FORWARD' ? '// going forward, the first leg left the anchor: it has a FROM port' : 'WHERE EXISTS { (first)-[:FROM]->(:Port) }'}
    // the final port as summarizeRoute picks it (a sure one before an alternative), and its country
    WITH legs, rels, truncated, first, last, [(last)-[r:TO]->(p:Port) | {alternative: coalesce(r.alternative, false), countryCode: p.countryCode, id: p.id}] AS tos
    WITH legs, rels, truncated, first, last, head([x IN tos WHERE NOT x.alternative] + tos) AS final
    WITH legs, rels, truncated, first, last, final, coalesce(final.countryCode, last.destinationCountryCode) AS finalCountryCode
    WHERE final IS NOT NULL AND finalCountryCode IS NOT NULL
    WITH legs, rels, truncated, first, last, final, finalCountryCode, [r IN rels | {kind: r.kind, certainty: ${linkCertaintyCypher('r', '$maxWait')}}] AS links
    WITH legs, rels, truncated, first, last, final, finalCountryCode, ${routeConfidenceCypher('legs', 'links')} AS confidence
    WHERE $minConfidence IS NULL OR confidence >= $minConfidence
    WITH legs, rels, truncated, first, last, final, finalCountryCode, confidence
    ORDER BY confidence DESC, coalesce(toString(first.departureFrom), '') ASC, [l IN legs | l.id] ASC`;
  const shownRoute = `{legIds: [l IN legs | l.id], links: [r IN rels | ${linkView('r')}], truncated: truncated}`;
  if (mode === 'RANKED') {
    // only the best $limit routes leave the database
    return `${walkFromAnchor}
  ${rankedRoutes}
    LIMIT $limit
    RETURN collect(${shownRoute}) AS routes, collect(legs) AS shown
  }
  ${legsOf('shown', true)}
  RETURN size(walked) AS walkedCount, routes, legs, views
}
RETURN properties(anchor) AS anchor, walkedCount, routes, legs, views`;
  }
  // GROUPED: the routes summed up per final country or port inside the database (the Cypher form of
  // domain/destinations.ts groupDestinations, tested equal to it), with each group's best
  // $perGroup routes.
  return `${walkFromAnchor}
  ${rankedRoutes}
    WITH CASE WHEN $groupBy = 'PORT' THEN final.id ELSE finalCountryCode END AS key,
         legs, rels, truncated, first, last, finalCountryCode, confidence,
         head([l IN reverse(legs) WHERE l.tonnageMin IS NOT NULL OR l.tonnageMax IS NOT NULL | {min: l.tonnageMin, max: l.tonnageMax}]) AS tonnage
    WITH key, count(*) AS routeCount, max(confidence) AS bestConfidence, head(collect(finalCountryCode)) AS countryCode,
         min(first.departureFrom) AS firstDate, max(last.arrivalTo) AS lastDate,
         collect({finalLegId: last.id, min: tonnage.min, max: tonnage.max}) AS finals,
         collect(legs) AS legLists, collect(${shownRoute})[0..$perGroup] AS routes, collect(legs)[0..$perGroup] AS shown
    CALL (finals) {
      UNWIND finals AS f
      WITH f.finalLegId AS leg, min(coalesce(f.min, f.max)) AS low, max(coalesce(f.max, f.min)) AS high
      RETURN CASE WHEN count(low) = 0 THEN null ELSE sum(low) END AS tonnageMin, CASE WHEN count(high) = 0 THEN null ELSE sum(high) END AS tonnageMax
    }
    CALL (legLists) {
      UNWIND legLists AS ls
      UNWIND ls AS l
      WITH DISTINCT l.vesselId AS vesselId WHERE vesselId IS NOT NULL
      RETURN collect(vesselId) AS vesselIds
    }
    WITH key, routeCount, bestConfidence, countryCode, firstDate, lastDate, tonnageMin, tonnageMax, vesselIds, routes, shown
    ORDER BY routeCount DESC, key ASC
    RETURN collect({key: key, routeCount: routeCount, bestConfidence: bestConfidence, countryCode: countryCode,
                    firstDate: toString(firstDate), lastDate: toString(lastDate), tonnageMin: tonnageMin, tonnageMax: tonnageMax,
                    vesselIds: vesselIds, routes: routes}) AS groups,
           reduce(all = [], s IN collect(shown) | all + s) AS shown
  }
  ${legsOf('shown', true)}
  RETURN size(walked) AS walkedCount, groups, legs, views
}
RETURN properties(anchor) AS anchor, walkedCount, groups, legs, views`;
}

/** One prepared statement per hop count and direction: the hop bound is part of the pattern, chosen from this fixed table. */
const statements = (direction: TraceDirection, mode: StatementMode) =>
  Array.from({ length: MAX_HOPS_CAP + 1 }, (_, h) => (h === 0 ? '' : traceStatement(h, direction, mode)));
const TRACE_STATEMENTS: Record<StatementMode, Record<TraceDirection, string[]>> = {
  ALL: { FORWARD: statements('FORWARD', 'ALL'), BACKWARD: statements('BACKWARD', 'ALL') },
  RANKED: { FORWARD: statements('FORWARD', 'RANKED'), BACKWARD: statements('BACKWARD', 'RANKED') },
  GROUPED: { FORWARD: statements('FORWARD', 'GROUPED'), BACKWARD: statements('BACKWARD', 'GROUPED') },
};

export interface TraceQuery {
  direction: TraceDirection;
  /** A port id, UN/LOCODE or name/alias. */
  place: string;
  commodities: string[];
  cargoOrigins: string[];
  windowFrom: string | null;
  windowTo: string | null;
  maxHops: number;
  maxWaitDays: number;
  destinationCountry: string | null;
  /**
   * Rank inside Neo4j and return only the best `limit` routes at least `minConfidence` confident (the
   * order of `rankRoutes`). Without it every walked route comes back in brief, unordered (destinations).
   */
  best?: { limit: number; minConfidence: number | null };
}

export interface LegView {
  props: Record<string, unknown>;
  ports: {
    direction: 'FROM' | 'TO';
    id: string;
    name: string;
    countryCode: string | null;
    kind: string;
    alternative: boolean;
  }[];
  vesselName: string | null;
}

/** A leg as the walk returns it (LEG_BRIEF). */
interface LegBrief {
  id: string;
  confidence: number | null;
  vesselId: string | null;
  departureFrom: string | null;
  arrivalTo: string | null;
  tonnageMin: number | null;
  tonnageMax: number | null;
  destinationCountryCode: string | null;
  ports: { direction: 'FROM' | 'TO'; id: string; countryCode: string | null; alternative: boolean }[];
}

/** The brief of a leg whose full view the statement returned. */
function briefOf(v: LegView): LegBrief {
  const p = v.props;
  return {
    id: String(p.id),
    confidence: (p.confidence as number | null) ?? null,
    vesselId: (p.vesselId as string | null) ?? null,
    departureFrom: (p.departureFrom as string | null) ?? null,
    arrivalTo: (p.arrivalTo as string | null) ?? null,
    tonnageMin: (p.tonnageMin as number | null) ?? null,
    tonnageMax: (p.tonnageMax as number | null) ?? null,
    destinationCountryCode: (p.destinationCountryCode as string | null) ?? null,
    ports: v.ports.map(({ direction, id, countryCode, alternative }) => ({ direction, id, countryCode, alternative })),
  };
}

/** A walked path as the statement returns it: its legs by id (their briefs come once per statement). */
interface WalkedRoute {
  legIds: string[];
  links: Record<string, unknown>[];
  truncated: boolean;
}

export interface RouteLinkRecord {
  kind: LinkKind;
  certainty: LinkCertainty;
  waitMinDays: number | null;
  waitMaxDays: number | null;
  placeUncertain: boolean;
  transferId: string | null;
}

export interface GraphNodeRecord {
  id: string;
  label: string;
  name: string;
}

export interface GraphEdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  period: DateRangeRecord | null;
  confidence: number | null;
  sourceIds: string[];
}

/**
 * A route as the walk gives it: everything needed to rank, filter and group it (ids, links,
 * confidence, ends, dates, tonnage, vessels), but not the legs' full records, which `routeDetail`
 * adds for the routes a client actually shows.
 */
export interface RouteRecord {
  id: string;
  originId: string;
  finalPortId: string;
  finalCountryCode: string;
  legIds: string[];
  links: RouteLinkRecord[];
  transferIds: string[];
  confidence: number;
  inferredLinks: number;
  possibleLinks: number;
  hops: number;
  truncated: boolean;
  /** Earliest day the first leg can have left, latest day the last can have arrived. */
  firstDay: string | null;
  lastDay: string | null;
  tonnage: { min: number | null; max: number | null };
  portIds: string[];
  vesselSpans: { vesselId: string; from: string | null; to: string | null }[];
}

/** What a shown route adds: its legs' records, its steps and its drawable graph. */
export interface RouteDetail {
  legs: ReturnType<typeof toRecord>[];
  steps: {
    index: number;
    kind: 'LEG' | 'TRANSFER';
    leg: ReturnType<typeof toRecord> | null;
    transfer: { id: string } | null;
    transferId: string | null;
    link: RouteLinkRecord | null;
  }[];
  graph: { nodes: GraphNodeRecord[]; edges: GraphEdgeRecord[]; truncated: boolean };
}

export interface TraceResult {
  anchor: ReturnType<typeof toRecord>;
  routes: RouteRecord[];
  /** True when the walk hit PATH_CAP and more routes may exist. */
  capped: boolean;
  /** Ranked traces only: the full views of the legs of the routes returned (to prime the legView loader). */
  legViews: LegView[];
}

/**
 * Runs a trace: one statement, the walk, which returns every route it found in brief. Returns null
 * when the place matches no port. A ranked trace also returns the full views of the legs of its
 * routes; for the others they are read later, in one batch (`LEG_VIEWS_BY_ID` through the legView
 * loader, then `routeDetail`).
 */
export async function trace(db: Database, q: TraceQuery, counter?: StatementCounter): Promise<TraceResult | null> {
  const params = traceParams(q);
  const rows = await db.read<{
    anchor: Record<string, unknown>;
    walkedCount: number;
    routes: WalkedRoute[];
    legs: LegBrief[];
    views: LegView[];
  }>(TRACE_STATEMENTS[q.best ? 'RANKED' : 'ALL'][q.direction][q.maxHops], params, counter);
  if (rows.length === 0) return null;
  const [row] = rows;
  const briefs = new Map([...row.legs, ...row.views.map(briefOf)].map((b) => [b.id, b]));
  const routes = row.routes
    .map((w) =>
      summarizeRoute(
        w.legIds.map((id) => briefs.get(id)!),
        w.links,
        w.truncated,
        q.maxWaitDays,
      ),
    )
    .filter((r): r is RouteRecord => r != null);
  return { anchor: toRecord('Port', row.anchor), routes, capped: row.walkedCount >= PATH_CAP, legViews: row.views };
}

function traceParams(q: TraceQuery): Params {
  return {
    place: q.place,
    locode: q.place.trim().toUpperCase().replace(/\s+/g, ''),
    name: q.place.trim().toLowerCase(),
    commodities: q.commodities,
    cargoOrigins: q.cargoOrigins,
    // Leg dates are stored as DATE values: a string bound would compare as null and drop every dated leg.
    windowFrom: neoDate(q.windowFrom),
    windowTo: neoDate(q.windowTo),
    maxWait: q.maxWaitDays,
    dest: q.destinationCountry,
    hops: neo4j.int(q.maxHops),
    pathCap: neo4j.int(PATH_CAP),
    limit: neo4j.int(q.best?.limit ?? PATH_CAP),
    minConfidence: q.best?.minConfidence ?? null,
  };
}

export interface DestinationGroupRecord {
  key: string;
  countryCode: string;
  routeCount: number;
  bestConfidence: number;
  firstDate: string | null;
  lastDate: string | null;
  tonnage: { min: number | null; max: number | null };
  vesselIds: string[];
  /** The group's best routes (at most `perGroup`), best first. */
  routes: RouteRecord[];
}

/**
 * Where the cargo from a place went, summed up per final country or port inside Neo4j: one statement,
 * which returns the groups and, for each, its best `perGroup` routes with their legs (to prime the
 * legView loader). Null when the place matches no port.
 */
export async function traceDestinations(
  db: Database,
  q: TraceQuery,
  groupBy: 'COUNTRY' | 'PORT',
  perGroup: number,
  counter?: StatementCounter,
): Promise<{ groups: DestinationGroupRecord[]; capped: boolean; legViews: LegView[] } | null> {
  type Row = {
    walkedCount: number;
    legs: LegBrief[];
    views: LegView[];
    groups: (Omit<DestinationGroupRecord, 'routes' | 'tonnage'> & {
      tonnageMin: number | null;
      tonnageMax: number | null;
      routes: WalkedRoute[];
    })[];
  };
  const params = { ...traceParams({ ...q, best: undefined }), groupBy, perGroup: neo4j.int(perGroup) };
  const rows = await db.read<Row>(TRACE_STATEMENTS.GROUPED[q.direction][q.maxHops], params, counter);
  if (rows.length === 0) return null;
  const [row] = rows;
  const briefs = new Map([...row.legs, ...row.views.map(briefOf)].map((b) => [b.id, b]));
  const groups = row.groups.map(({ tonnageMin, tonnageMax, routes, ...g }) => ({
    ...g,
    tonnage: { min: tonnageMin, max: tonnageMax },
    routes: routes
      .map((w) =>
        summarizeRoute(
          w.legIds.map((id) => briefs.get(id)!),
          w.links,
          w.truncated,
          q.maxWaitDays,
        ),
      )
      .filter((r): r is RouteRecord => r != null),
  }));
  return { groups, capped: row.walkedCount >= PATH_CAP, legViews: row.views };
}

/**
 * The order routes are shown in: most confident first, then the earliest departure (unknown first),
 * then the leg ids. The ranked trace statement sorts the same way inside Neo4j.
 */
export function rankRoutes(routes: RouteRecord[], limit: number, minConfidence?: number | null): RouteRecord[] {
  const byLegIds = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length - b.length;
  };
  const byDay = (a: string | null, b: string | null) => ((a ?? '') === (b ?? '') ? 0 : (a ?? '') < (b ?? '') ? -1 : 1);
  return routes
    .filter((r) => minConfidence == null || r.confidence >= minConfidence)
    .sort((a, b) => b.confidence - a.confidence || byDay(a.firstDay, b.firstDay) || byLegIds(a.legIds, b.legIds))
    .slice(0, limit);
}

function routeId(legIds: string[]): string {
  return `route:${createHash('sha1').update(legIds.join('|')).digest('hex').slice(0, 16)}`;
}

/** A stored link as it holds under the trace's wait limit. */
function linkRecord(p: Record<string, unknown>, maxWaitDays: number): RouteLinkRecord {
  const stored: Link = {
    kind: p.kind as LinkKind,
    certainty: p.certainty as LinkCertainty,
    waitMinDays: (p.waitMinDays as number | null) ?? null,
    waitMaxDays: (p.waitMaxDays as number | null) ?? null,
  };
  const underWait = linkUnderWait(stored, maxWaitDays) ?? 'POSSIBLE';
  return {
    kind: stored.kind,
    certainty: p.placeUncertain ? 'POSSIBLE' : underWait,
    waitMinDays: stored.waitMinDays,
    waitMaxDays: stored.waitMaxDays,
    placeUncertain: Boolean(p.placeUncertain),
    transferId: (p.transferId as string | null) ?? null,
  };
}

/** Shapes one walked path into a route; null when it has no port to start or end at. */
function summarizeRoute(
  legs: LegBrief[],
  rawLinks: Record<string, unknown>[],
  truncated: boolean,
  maxWaitDays: number,
): RouteRecord | null {
  const first = legs[0];
  const last = legs[legs.length - 1];
  const origin = first.ports.find((p) => p.direction === 'FROM');
  const finals = last.ports.filter((p) => p.direction === 'TO');
  const final = finals.find((p) => !p.alternative) ?? finals[0];
  if (!origin || !final) return null;
  const finalCountryCode = final.countryCode ?? last.destinationCountryCode;
  if (!finalCountryCode) return null;

  const links = rawLinks.map((p) => linkRecord(p, maxWaitDays));
  const tonnageLeg = [...legs].reverse().find((l) => l.tonnageMin != null || l.tonnageMax != null);
  const portIds = new Set<string>();
  legs.forEach((l, i) => {
    for (const p of l.ports) {
      const isOrigin = i === 0 && p.direction === 'FROM';
      const isFinal = i === legs.length - 1 && p.direction === 'TO';
      if (!isOrigin && !isFinal && p.id !== origin.id && p.id !== final.id) portIds.add(p.id);
    }
  });
  return {
    id: routeId(legs.map((l) => l.id)),
    originId: origin.id,
    finalPortId: final.id,
    finalCountryCode,
    legIds: legs.map((l) => l.id),
    links,
    transferIds: links.map((l) => l.transferId).filter((t): t is string => t != null),
    confidence: routeConfidence(
      legs.map((l) => l.confidence ?? 0),
      links,
    ),
    inferredLinks: links.filter((l) => l.kind === 'INFERRED').length,
    possibleLinks: links.filter((l) => l.certainty === 'POSSIBLE').length,
    hops: legs.length,
    truncated,
    firstDay: first.departureFrom ?? null,
    lastDay: last.arrivalTo ?? null,
    tonnage: { min: tonnageLeg?.tonnageMin ?? null, max: tonnageLeg?.tonnageMax ?? null },
    portIds: [...portIds],
    vesselSpans: legs
      .filter((l) => l.vesselId)
      .map((l) => ({ vesselId: String(l.vesselId), from: l.departureFrom ?? null, to: l.arrivalTo ?? null })),
  };
}

/** The legs, steps and graph of a route, from the views of its legs (in route order). */
export function routeDetail(route: RouteRecord, views: LegView[]): RouteDetail {
  const legs = views.map((v) => toRecord('Leg', v.props));
  const steps: RouteDetail['steps'] = [];
  legs.forEach((leg, i) => {
    const link = i > 0 ? route.links[i - 1] : null;
    if (link?.transferId) {
      steps.push({
        index: steps.length,
        kind: 'TRANSFER',
        leg: null,
        transfer: { id: link.transferId },
        transferId: link.transferId,
        link: null,
      });
    }
    steps.push({ index: steps.length, kind: 'LEG', leg, transfer: null, transferId: null, link });
  });
  return { legs, steps, graph: routeGraph(views, legs, route.links) };
}

/** The route as the graph stores it: legs with their ports and vessels, NEXT links, transfers. */
function routeGraph(
  views: LegView[],
  legs: ReturnType<typeof toRecord>[],
  links: RouteLinkRecord[],
): RouteDetail['graph'] {
  const nodes = new Map<string, GraphNodeRecord>();
  const edges: GraphEdgeRecord[] = [];
  const ev = (l: ReturnType<typeof toRecord>) => ({
    confidence: Number(l.confidence),
    sourceIds: l.sourceIds as string[],
  });
  views.forEach((view, i) => {
    const leg = legs[i];
    const from =
      view.ports
        .filter((p) => p.direction === 'FROM')
        .map((p) => p.name)
        .join(' / ') || String(leg.fromText);
    const to =
      view.ports
        .filter((p) => p.direction === 'TO')
        .map((p) => p.name)
        .join(' / ') || String(leg.toText);
    const vessel = view.vesselName ?? (leg.vesselDescription as string | null) ?? 'unnamed vessel';
    nodes.set(leg.id, { id: leg.id, label: 'Leg', name: `${vessel}: ${from} → ${to}` });
    for (const p of view.ports) {
      nodes.set(p.id, { id: p.id, label: 'Port', name: p.name });
      edges.push({
        id: `${p.direction}:${leg.id}->${p.id}`,
        type: p.direction,
        source: leg.id,
        target: p.id,
        period: (p.direction === 'FROM' ? leg.departure : leg.arrival) as DateRangeRecord | null,
        ...ev(leg),
      });
    }
    if (leg.vesselId) {
      const vesselId = asText(leg.vesselId);
      nodes.set(vesselId, {
        id: vesselId,
        label: 'Vessel',
        name: view.vesselName ?? vesselId,
      });
      edges.push({
        id: `ON:${leg.id}->${vesselId}`,
        type: 'ON',
        source: leg.id,
        target: vesselId,
        period: null,
        ...ev(leg),
      });
    }
    if (i > 0) {
      const link = links[i - 1];
      const prev = legs[i - 1];
      if (link.transferId) {
        const fromName = views[i - 1].vesselName ?? 'unnamed vessel';
        const toName = view.vesselName ?? 'unnamed vessel';
        nodes.set(link.transferId, { id: link.transferId, label: 'Transfer', name: `${fromName} → ${toName}` });
        edges.push({
          id: `FROM_LEG:${link.transferId}->${prev.id}`,
          type: 'FROM_LEG',
          source: link.transferId,
          target: prev.id,
          period: null,
          confidence: null,
          sourceIds: [],
        });
        edges.push({
          id: `TO_LEG:${link.transferId}->${leg.id}`,
          type: 'TO_LEG',
          source: link.transferId,
          target: leg.id,
          period: null,
          confidence: null,
          sourceIds: [],
        });
      }
      edges.push({
        id: `next:${prev.id}->${leg.id}`,
        type: 'NEXT',
        source: prev.id,
        target: leg.id,
        period: null,
        confidence: null,
        sourceIds: [],
      });
    }
  });
  return { nodes: [...nodes.values()], edges, truncated: false };
}
