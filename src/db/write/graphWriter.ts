/**
 * Idempotent upserts of nodes and relationships in batches, keyed on ids: writing the same rows twice
 * changes nothing. Labels and relationship types come only from Collier's own model (checked against
 * allow-lists below), never from user input; all values travel as parameters.
 */
import neo4j from 'neo4j-driver';
import { Database, Params } from '../database';
import { NodeLabel } from '../../domain/ids';
import { NODE_LABELS, RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/graph';

export { RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/graph';

const LABELS = new Set<string>(NODE_LABELS);
const TYPES = new Set<string>(RELATIONSHIP_TYPES);

export interface NodeRow {
  id: string;
  props: Params;
}

export interface RelRow {
  /** The relationship's own key: MERGE matches on it, so a fact written twice is one relationship. */
  id: string;
  fromId: string;
  toId: string;
  props: Params;
}

export interface NodeBatch {
  label: NodeLabel;
  extraLabels?: string[];
  rows: NodeRow[];
}

export interface RelBatch {
  type: RelationshipType;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  rows: RelRow[];
}

function checkLabel(label: string): string {
  if (!LABELS.has(label)) throw new Error(`not a label of Collier's model: ${label}`);
  return label;
}

function checkType(type: string): string {
  if (!TYPES.has(type)) throw new Error(`not a relationship type of Collier's model: ${type}`);
  return type;
}

export function nodeStatement(batch: NodeBatch): { cypher: string; params: Params } {
  const label = checkLabel(batch.label);
  const extra = (batch.extraLabels ?? [])
    .map(checkLabel)
    .map((l) => `:${l}`)
    .join('');
  const setExtra = extra ? `, n${extra}` : '';
  return {
    cypher: `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n += row.props${setExtra}`,
    params: { rows: batch.rows },
  };
}

export function relStatement(batch: RelBatch): { cypher: string; params: Params } {
  const type = checkType(batch.type);
  const from = checkLabel(batch.fromLabel);
  const to = checkLabel(batch.toLabel);
  return {
    cypher:
      `UNWIND $rows AS row MATCH (a:${from} {id: row.fromId}) MATCH (b:${to} {id: row.toId}) ` +
      `MERGE (a)-[r:${type} {id: row.id}]->(b) SET r += row.props`,
    params: { rows: batch.rows },
  };
}

/** Writes all batches in one transaction: all of it is applied or none. */
export async function writeGraph(db: Database, nodes: NodeBatch[], rels: RelBatch[]): Promise<void> {
  const statements = [
    ...nodes.filter((b) => b.rows.length > 0).map(nodeStatement),
    ...rels.filter((b) => b.rows.length > 0).map(relStatement),
  ];
  await db.writeAll(statements);
}

/** An ISO day as a Neo4j DATE value (so Cypher compares and subtracts real dates). */
export function neoDate(iso: string | null | undefined): unknown {
  if (iso == null) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y, m, d);
}
