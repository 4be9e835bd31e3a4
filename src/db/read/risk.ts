/**
 * The facts a vessel's risk is judged on, as of a day, gathered in one statement: its designations,
 * designated parties above it, legs, transfers and their counterparts, evasion tactics, identity
 * claims, and the nearest designated entities. Each fact comes with the path that ties it to the
 * vessel, so the rules (domain/risk.ts) can show their evidence.
 */
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { neoDate } from '../write/graphWriter';
import { GraphPathRecord, RawPath, toGraphPath } from './paths';
import {
  bfsLevels,
  DEFAULT_TRAVERSAL_TYPES,
  EdgeView,
  FilterShape,
  inForceAt,
  NODE_VIEW,
  NodeView,
  step,
} from './traversal';
import {
  decodeEdge,
  decodePath,
  DRAWN_EDGE,
  DRAWN_NODE,
  DRAWN_PARAMS,
  DRAWN_PATH,
  DrawnPathList,
  drawnNodeView,
} from './drawnView';
import { PROXIMITY_MAX_HOPS, RiskFacts } from '../../domain/risk';
import { CHAIN_TYPES } from './ownership';
import { VesselRecord, toRecord } from '../records';
import { asText } from '../../domain/text';

/** Ties through which a party is behind a vessel for the risk rules. */
export const CONTROL_TYPES = ['OWNS', 'MANAGES', 'OPERATES', 'CONTROLS'] as const;
/** Levels of ownership above the direct controller that still count. */
export const RISK_CHAIN_LEVELS = 4;
/** Walked to find the nearest designated entity: the default types without designations and tactics (leaves, not links). */
export const PROXIMITY_TYPES = DEFAULT_TRAVERSAL_TYPES.filter((t) => t !== 'DESIGNATED' && t !== 'USED');
const FACT_CAP = 200;
const NEAREST_CAP = 5;
/** Nodes the walk towards designated entities may reach, per level and in all. */
const REACH_CAP = 2000;

/**
 * The statement for a profile of everything known (`at` false) or as of `$at`: date conditions are
 * written only when there is a day, so the common case plans and runs without them.
 */
function riskStatement(at: boolean): string {
  const shape: FilterShape = { at, minConfidence: false };
  const TIE_AT = (r: string) => (at ? inForceAt(r) : 'true');
  const DESIGNATION_AT = (d: string) => (at ? `(${d}.dateFrom IS NULL OR ${d}.dateFrom <= $at)` : 'true');
  const IN_FORCE = (d: string) => `${d}.status = 'IN_FORCE' AND ${DESIGNATION_AT(d)}`;
  /** The earliest designation of `n` in force, with its edge (null when none). */
  const FIRST_DESIGNATION = (n: string) =>
    `COLLECT { MATCH (${n})-[dr:DESIGNATED]->(d:Designation) WHERE ${IN_FORCE('d')} RETURN {edge: ${DRAWN_EDGE('dr', n, 'd')}, node: ${DRAWN_NODE.cypher('d')}} ORDER BY d.dateFrom, d.id LIMIT 1 }[0]`;
  const BEGAN_BY_AT = (n: string) =>
    at
      ? `(coalesce(${n}.departureFrom, ${n}.arrivalFrom, ${n}.whenFrom) IS NULL OR coalesce(${n}.departureFrom, ${n}.arrivalFrom, ${n}.whenFrom) <= $at)`
      : 'true';
  const CLAIMED_BY_AT = (c: string) => (at ? `(${c}.periodFrom IS NULL OR ${c}.periodFrom <= $at)` : 'true');

  return `MATCH (v:Vessel {id: $id})
CALL (v) {
  MATCH p = (v)-[:DESIGNATED]->(d:Designation) WHERE ${DESIGNATION_AT('d')}
  RETURN collect({props: properties(d), path: ${DRAWN_PATH('p')}}) AS designations
}
CALL (v) {
  MATCH p = (v)<-[first WHERE type(first) IN $controlTypes AND ${TIE_AT('first')}]-(:Party)
            (()<-[up WHERE type(up) IN $chainTypes AND ${TIE_AT('up')}]-(:Party)){0,${RISK_CHAIN_LEVELS}}
            (party:Party)-[:DESIGNATED]->(d:Designation)
  WHERE ${IN_FORCE('d')}
  WITH p, party, d, first ORDER BY length(p), party.id, d.id LIMIT $factCap
  RETURN collect({partyId: party.id, partyName: party.name, relationType: type(first), depth: length(p) - 1,
                  authority: d.authority, date: toString(d.dateFrom), path: ${DRAWN_PATH('p')}}) AS controllers
}
CALL (v) {
  MATCH (l:Leg)-[on:ON]->(v) WHERE ${BEGAN_BY_AT('l')}
  WITH l, on ORDER BY coalesce(l.departureFrom, l.arrivalFrom), l.id LIMIT $factCap
  RETURN collect({leg: ${LEG_NODE.cypher('l')}, on: ${DRAWN_EDGE('on')},
                  from: [(l)-[f:FROM]->(pt:Port) | {port: ${DRAWN_NODE.cypher('pt')}, edge: ${DRAWN_EDGE('f', 'l', 'pt')}, kp: pt.countryCode = 'KP'}]}) AS legs
}
CALL (v) {
  MATCH (t:Transfer)-[mine:FROM_VESSEL|TO_VESSEL]->(v) WHERE ${BEGAN_BY_AT('t')}
  OPTIONAL MATCH (t)-[theirs:FROM_VESSEL|TO_VESSEL]->(o:Vessel) WHERE o <> v
  WITH t, mine, theirs, o LIMIT $factCap
  RETURN collect({
    transfer: ${DRAWN_NODE.cypher('t')}, mine: ${DRAWN_EDGE('mine')},
    theirs: CASE WHEN o IS NULL THEN null ELSE ${DRAWN_EDGE('theirs', 't', 'o')} END,
    other: CASE WHEN o IS NULL THEN null ELSE ${DRAWN_NODE.cypher('o')} END,
    otherKp: o IS NOT NULL AND (o.flagCode = 'KP' OR EXISTS { (o)-[:CLAIMED]->(c:IdentityClaim) WHERE c.flagCode = 'KP' AND c.status <> 'FALSE' }),
    otherDesignation: CASE WHEN o IS NULL THEN null ELSE ${FIRST_DESIGNATION('o')} END
  }) AS transfers
}
CALL (v) {
  CALL (v) {
    MATCH p = (v)-[u:USED]->(t:Tactic) WHERE ${TIE_AT('u')} RETURN p, t
    UNION ALL
    MATCH p = (v)<-[:ON]-(l:Leg)-[:USED]->(t:Tactic) WHERE ${BEGAN_BY_AT('l')} RETURN p, t
    UNION ALL
    MATCH p = (v)<-[:FROM_VESSEL|TO_VESSEL]-(x:Transfer)-[:USED]->(t:Tactic) WHERE ${BEGAN_BY_AT('x')} RETURN p, t
  }
  WITH p, t LIMIT $factCap
  RETURN collect({code: t.code, name: t.name, subjectLabel: CASE WHEN nodes(p)[-2]:Leg THEN 'Leg' WHEN nodes(p)[-2]:Transfer THEN 'Transfer' ELSE 'Vessel' END, path: ${DRAWN_PATH('p')}}) AS tactics
}
CALL (v) {
  MATCH p = (v)-[:CLAIMED]->(c:IdentityClaim) WHERE ${CLAIMED_BY_AT('c')}
  RETURN collect({props: properties(c), path: ${DRAWN_PATH('p')}}) AS claims
}
CALL (v) {
  WITH v, [v] AS sv
  ${bfsLevels({ starts: 'sv', depth: PROXIMITY_MAX_HOPS, prefix: 'near', room: '$reachCap', shape })}
  WITH v, [${Array.from({ length: PROXIMITY_MAX_HOPS }, (_, i) => `near${i + 1}`).join(', ')}] AS levels
  WITH v, reduce(found = [], k IN range(0, ${PROXIMITY_MAX_HOPS - 1}) |
    CASE WHEN size(found) >= $nearestCap THEN found
    ELSE found + [e IN levels[k] WHERE (e:Vessel OR e:Party) AND EXISTS { (e)-[:DESIGNATED]->(d:Designation) WHERE ${IN_FORCE('d')} } | {e: e, hops: k + 1}] END) AS found
  UNWIND found AS f
  WITH v, f.e AS e, f.hops AS hops ORDER BY hops, e.id LIMIT $nearestCap
  MATCH p = ANY SHORTEST (v) ${step('v', shape)}{1,${PROXIMITY_MAX_HOPS}} (e)
  WITH e, p ORDER BY length(p), e.id
  RETURN collect({id: e.id, name: e.name, hops: length(p), path: ${DRAWN_PATH('p')},
                  designation: ${FIRST_DESIGNATION('e')}}) AS nearest
}
RETURN ${NODE_VIEW('v')} AS vessel, designations, controllers, legs, transfers, tactics, claims, nearest`;
}

/** A leg as drawn, with what the rules read of it beyond its name. */
const LEG_NODE = drawnNodeView(['cargoOrigin', 'legality']);

const RISK_STATEMENTS = { everything: riskStatement(false), asOf: riskStatement(true) };

interface Attached {
  edge: EdgeView;
  node: NodeView;
}

interface RiskRow {
  vessel: NodeView;
  designations: { props: Record<string, unknown>; path: RawPath }[];
  controllers: {
    partyId: string;
    partyName: string;
    relationType: string;
    depth: number;
    authority: string;
    date: string | null;
    path: RawPath;
  }[];
  legs: { leg: NodeView; on: EdgeView; from: { port: NodeView; edge: EdgeView; kp: boolean }[] }[];
  transfers: {
    transfer: NodeView;
    mine: EdgeView;
    theirs: EdgeView | null;
    other: NodeView | null;
    otherKp: boolean;
    otherDesignation: Attached | null;
  }[];
  tactics: { code: string; name: string; subjectLabel: string; path: RawPath }[];
  claims: { props: Record<string, unknown>; path: RawPath }[];
  nearest: { id: string; name: string; hops: number; path: RawPath; designation: Attached | null }[];
}

type List = unknown[];
type WithPath<T extends { path: RawPath }> = Omit<T, 'path'> & { path: DrawnPathList };

/** What the statement returns: RiskRow with the compact views of db/read/drawnView.ts. */
interface CompactRiskRow {
  vessel: NodeView;
  designations: WithPath<RiskRow['designations'][number]>[];
  controllers: WithPath<RiskRow['controllers'][number]>[];
  legs: { leg: List; on: List; from: { port: List; edge: List; kp: boolean }[] }[];
  transfers: (Omit<RiskRow['transfers'][number], 'transfer' | 'mine' | 'theirs' | 'other' | 'otherDesignation'> & {
    transfer: List;
    mine: List;
    theirs: List | null;
    other: List | null;
    otherDesignation: { edge: List; node: List } | null;
  })[];
  tactics: WithPath<RiskRow['tactics'][number]>[];
  claims: WithPath<RiskRow['claims'][number]>[];
  nearest: (WithPath<RiskRow['nearest'][number]> & { designation: { edge: List; node: List } | null })[];
}

const attached = (a: { edge: List; node: List } | null): Attached | null =>
  a && { edge: decodeEdge(a.edge), node: DRAWN_NODE.decode(a.node) };

function decodeRow(r: CompactRiskRow): RiskRow {
  const withPath = <T extends { path: DrawnPathList }>(x: T) => ({ ...x, path: decodePath(x.path) });
  return {
    vessel: r.vessel,
    designations: r.designations.map(withPath),
    controllers: r.controllers.map(withPath),
    legs: r.legs.map((l) => ({
      leg: LEG_NODE.decode(l.leg),
      on: decodeEdge(l.on),
      from: l.from.map((f) => ({ port: DRAWN_NODE.decode(f.port), edge: decodeEdge(f.edge), kp: f.kp })),
    })),
    transfers: r.transfers.map((t) => ({
      transfer: DRAWN_NODE.decode(t.transfer),
      mine: decodeEdge(t.mine),
      theirs: t.theirs && decodeEdge(t.theirs),
      other: t.other && DRAWN_NODE.decode(t.other),
      otherKp: t.otherKp,
      otherDesignation: attached(t.otherDesignation),
    })),
    tactics: r.tactics.map(withPath),
    claims: r.claims.map(withPath),
    nearest: r.nearest.map((n) => ({ ...withPath(n), designation: attached(n.designation) })),
  };
}

/** Evidence of one fact: its path, the path's sources and the fact's own, and the weakest confidence on the way. */
function evidence(
  raw: RawPath,
  fact?: NodeView,
): { path: GraphPathRecord; sourceIds: string[]; confidence: number | null } {
  const path = toGraphPath(raw);
  const own = fact ? ((fact.props.sourceIds as string[] | undefined) ?? []) : [];
  const ownConfidence = fact && typeof fact.props.confidence === 'number' ? fact.props.confidence : null;
  const confidences = [path.confidence, ownConfidence].filter((c): c is number => c != null);
  return {
    path,
    sourceIds: [...new Set([...path.sourceIds, ...own])],
    confidence: confidences.length > 0 ? Math.min(...confidences) : null,
  };
}

const str = (v: unknown): string | null => (v == null ? null : asText(v));

export interface RiskFactsRecord {
  vessel: VesselRecord;
  facts: RiskFacts<GraphPathRecord>;
}

/** The facts for the rules, or null when the vessel is not in the graph. */
export async function riskFacts(
  db: Database,
  vesselId: string,
  at: string | null,
  counter?: StatementCounter,
): Promise<RiskFactsRecord | null> {
  const rows = await db.read<CompactRiskRow>(
    at == null ? RISK_STATEMENTS.everything : RISK_STATEMENTS.asOf,
    {
      ...DRAWN_PARAMS,
      id: vesselId,
      at: neoDate(at),
      types: PROXIMITY_TYPES,
      minConfidence: null,
      controlTypes: [...CONTROL_TYPES],
      chainTypes: [...CHAIN_TYPES],
      factCap: neo4j.int(FACT_CAP),
      nearestCap: neo4j.int(NEAREST_CAP),
      reachCap: neo4j.int(REACH_CAP),
      probe: neo4j.int(REACH_CAP + 1),
    },
    counter,
  );
  if (rows.length === 0) return null;
  const r = decodeRow(rows[0]);
  const v = r.vessel;
  const lastNode = (raw: RawPath) => raw.nodes[raw.nodes.length - 1];

  const facts: RiskFacts<GraphPathRecord> = {
    vessel: {
      id: v.id,
      name: String(v.props.name),
      status: String(v.props.status),
      ...evidence({ nodes: [v], edges: [] }, v),
    },
    designations: r.designations.map((d) => ({
      id: String(d.props.id),
      authority: String(d.props.authority),
      measure: String(d.props.measure),
      status: String(d.props.status),
      date: str(d.props.dateFrom),
      ...evidence(d.path, lastNode(d.path)),
    })),
    controllers: r.controllers.map((c) => ({
      id: c.partyId,
      partyId: c.partyId,
      partyName: c.partyName,
      relationType: c.relationType,
      depth: c.depth,
      authority: c.authority,
      date: c.date,
      ...evidence(c.path, lastNode(c.path)),
    })),
    legs: r.legs.map((l) => {
      const kp = l.from.filter((f) => f.kp);
      const shown = kp.length > 0 ? kp[0] : l.from[0];
      const raw: RawPath = shown
        ? { nodes: [v, l.leg, shown.port], edges: [l.on, shown.edge] }
        : { nodes: [v, l.leg], edges: [l.on] };
      const name = `${asText(l.leg.props.fromText ?? '?')} → ${asText(l.leg.props.toText ?? '?')}`;
      return {
        id: l.leg.id,
        name,
        fromDprkPort: kp.length > 0,
        dprkPorts: kp.map((f) => String(f.port.props.name)),
        cargoOrigin: String(l.leg.props.cargoOrigin),
        legality: String(l.leg.props.legality),
        ...evidence(raw, l.leg),
      };
    }),
    transfers: r.transfers.map((t) => {
      const nodes = [v, t.transfer];
      const edges = [t.mine];
      if (t.other && t.theirs) {
        nodes.push(t.other);
        edges.push(t.theirs);
        if (t.otherDesignation) {
          nodes.push(t.otherDesignation.node);
          edges.push(t.otherDesignation.edge);
        }
      }
      const described =
        t.transfer.props.fromVesselId === v.id
          ? t.transfer.props.toVesselDescription
          : t.transfer.props.fromVesselDescription;
      return {
        id: t.transfer.id,
        counterpartyId: t.other?.id ?? null,
        counterpartyName: asText(t.other?.props.name ?? described ?? 'an unnamed vessel'),
        counterpartyDprkFlag: t.otherKp,
        counterpartyDesignated: t.otherDesignation != null,
        ...evidence({ nodes, edges }, t.transfer),
      };
    }),
    tactics: r.tactics.map((t) => ({
      id: t.code,
      code: t.code,
      name: t.name,
      subjectLabel: t.subjectLabel,
      ...evidence(t.path),
    })),
    claims: r.claims.map((c) => ({
      id: String(c.props.id),
      name: str(c.props.name),
      flagCode: str(c.props.flagCode),
      status: String(c.props.status),
      kind: String(c.props.kind),
      ...evidence(c.path, lastNode(c.path)),
    })),
    nearestDesignated: r.nearest.map((n) => {
      const raw: RawPath = n.designation
        ? { nodes: [...n.path.nodes, n.designation.node], edges: [...n.path.edges, n.designation.edge] }
        : n.path;
      return { id: n.id, name: String(n.name), hops: n.hops, ...evidence(raw) };
    }),
  };
  return { vessel: toRecord('Vessel', v.props), facts };
}
