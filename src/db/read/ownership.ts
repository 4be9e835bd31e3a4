/**
 * Who is behind a vessel, as of a day: the parties tied to it directly (registered owner, manager,
 * operator, controller, charterer …) and, above each of them, the chain of companies and persons that
 * own or control them, up to the last known parent; with every designation on the chain. One statement.
 * The chain walk follows OWNS and CONTROLS upwards with a fixed hop bound and a cap on paths.
 */
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { neoDate } from '../write/graphWriter';
import { RELATION_TYPES } from './party';
import { DesignationRecord, PartyRecord, RelationRecord, VesselRecord, toRecord, toRelation } from '../records';
import { EDGE_VIEW, EdgeView, inForceAt, NODE_VIEW, NodeView, toDrawnEdge, toDrawnNode, DrawnNode } from './traversal';
import { GraphEdgeRecord } from '../trace';

/** Levels above the parties tied directly to the vessel. */
export const MAX_CHAIN_LEVELS = 6;
/** No ownership statement walks more chain paths than this. */
export const CHAIN_PATH_CAP = 500;
/** How one party holds another up the chain. */
export const CHAIN_TYPES = ['OWNS', 'CONTROLS'] as const;

/** The statement for every known tie (`at` false) or those in force on `$at`; date conditions only when there is a day. */
function ownershipStatement(at: boolean): string {
  const TIE_AT = (r: string) => (at ? inForceAt(r) : 'true');
  const DESIGNATION_AT = (d: string) => (at ? `(${d}.dateFrom IS NULL OR ${d}.dateFrom <= $at)` : 'true');
  return `MATCH (v:Vessel {id: $id})
CALL (v) {
  MATCH path = (v)<-[first WHERE type(first) IN $vesselTypes AND ${TIE_AT('first')}]-(:Party)
               (()<-[up WHERE type(up) IN $chainTypes AND ${TIE_AT('up')}]-(:Party)){0,${MAX_CHAIN_LEVELS}}
               (top:Party)
  WITH path LIMIT $pathCap
  RETURN collect(path) AS paths
}
CALL (paths) {
  UNWIND paths AS p
  UNWIND range(0, length(p) - 1) AS i
  WITH relationships(p)[i] AS rel, min(i + 1) AS depth
  RETURN collect({rel: ${EDGE_VIEW('rel')}, depth: depth, partyId: startNode(rel).id}) AS ties
}
CALL (paths) {
  UNWIND paths AS p
  UNWIND nodes(p)[1..] AS n
  WITH DISTINCT n
  RETURN collect({
    party: ${NODE_VIEW('n')},
    top: NOT EXISTS { (n)<-[u WHERE type(u) IN $chainTypes AND ${TIE_AT('u')}]-(:Party) },
    designations: [(n)-[:DESIGNATED]->(d:Designation) WHERE ${DESIGNATION_AT('d')} | properties(d)]
  }) AS parties
}
RETURN ${NODE_VIEW('v')} AS vessel,
       ties,
       parties,
       [(v)-[:DESIGNATED]->(d:Designation) WHERE ${DESIGNATION_AT('d')} | properties(d)] AS vesselDesignations,
       size(paths) >= $pathCap AS capped`;
}

const OWNERSHIP_STATEMENTS = { everything: ownershipStatement(false), asOf: ownershipStatement(true) };

export interface OwnershipTieRecord {
  relation: RelationRecord;
  /** 1: tied to the vessel itself; 2: holds a party of level 1; … */
  depth: number;
  partyId: string;
}

export interface OwnershipPartyRecord {
  party: PartyRecord;
  depth: number;
  /** No known party owns or controls it (as of the day). */
  ultimateParent: boolean;
  designations: DesignationRecord[];
}

export interface OwnershipRecord {
  vessel: VesselRecord;
  at: string | null;
  ties: OwnershipTieRecord[];
  parties: OwnershipPartyRecord[];
  vesselDesignations: DesignationRecord[];
  graph: { nodes: DrawnNode[]; edges: GraphEdgeRecord[]; truncated: boolean };
}

export async function ownership(
  db: Database,
  vesselId: string,
  at: string | null,
  counter?: StatementCounter,
): Promise<OwnershipRecord | null> {
  const rows = await db.read<{
    vessel: NodeView;
    ties: { rel: EdgeView; depth: number; partyId: string }[];
    parties: { party: NodeView; top: boolean; designations: Record<string, unknown>[] }[];
    vesselDesignations: Record<string, unknown>[];
    capped: boolean;
  }>(
    at == null ? OWNERSHIP_STATEMENTS.everything : OWNERSHIP_STATEMENTS.asOf,
    {
      id: vesselId,
      at: neoDate(at),
      vesselTypes: [...RELATION_TYPES],
      chainTypes: [...CHAIN_TYPES],
      pathCap: neo4j.int(CHAIN_PATH_CAP),
    },
    counter,
  );
  if (rows.length === 0) return null;
  const [row] = rows;
  const vessel = toDrawnNode(row.vessel);
  const partyNodes = row.parties.map((p) => toDrawnNode(p.party));
  const byId = new Map([vessel, ...partyNodes].map((n) => [n.id, n]));
  const depthOf = new Map<string, number>();
  for (const t of row.ties) depthOf.set(t.partyId, Math.min(t.depth, depthOf.get(t.partyId) ?? Infinity));

  const ties = row.ties
    .map((t) => ({
      relation: toRelation(t.rel.type, t.rel.props, t.rel.source, t.rel.target),
      depth: t.depth,
      partyId: t.partyId,
    }))
    .sort(
      (a, b) =>
        a.depth - b.depth ||
        a.relation.type.localeCompare(b.relation.type) ||
        a.relation.id.localeCompare(b.relation.id),
    );

  const parties = row.parties
    .map((p, i) => ({
      party: toRecord(partyNodes[i].label === 'Person' ? 'Person' : 'Company', p.party.props),
      depth: depthOf.get(p.party.id) ?? 1,
      ultimateParent: p.top,
      designations: p.designations.map((d) => toRecord('Designation', d)).sort(byDate),
    }))
    .sort((a, b) => a.depth - b.depth || String(a.party.name).localeCompare(String(b.party.name)));

  return {
    vessel: toRecord('Vessel', row.vessel.props),
    at,
    ties,
    parties,
    vesselDesignations: row.vesselDesignations.map((d) => toRecord('Designation', d)).sort(byDate),
    graph: {
      nodes: [vessel, ...partyNodes],
      edges: row.ties.map((t) => toDrawnEdge(t.rel, byId)),
      // Cut short: the path cap was hit, or a party at the top level still has a known owner above it.
      truncated: row.capped || parties.some((p) => p.depth > MAX_CHAIN_LEVELS && !p.ultimateParent),
    },
  };
}

function byDate(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const day = (x: Record<string, unknown>) => String((x.date as { from: string | null } | null)?.from ?? '');
  return day(a).localeCompare(day(b)) || String(a.id).localeCompare(String(b.id));
}
