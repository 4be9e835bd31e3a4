/**
 * A checksum of a whole graph: every node's labels and properties, every relationship's type,
 * properties and the two nodes it joins (by their content, not by Neo4j's internal ids), in a
 * canonical order. Two graphs with the same checksum hold the same ids and properties; used to check a
 * restore (src/db/runtime/backup.ts, docs/operations.md).
 */
import { createHash } from 'node:crypto';
import { Database } from '../database';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value != null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export interface GraphChecksum {
  nodes: number;
  relationships: number;
  checksum: string;
}

export async function graphChecksum(db: Database): Promise<GraphChecksum> {
  const nodes = await db.read<{ key: string; labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props',
  );
  const nodeHash = new Map(nodes.map((n) => [n.key, sha(canonical({ labels: [...n.labels].sort(), props: n.props }))]));
  const rels = await db.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS props',
  );
  const lines = [
    ...[...nodeHash.values()].map((h) => `n ${h}`),
    ...rels.map(
      (r) =>
        `r ${sha(canonical({ type: r.type, from: nodeHash.get(r.from), to: nodeHash.get(r.to), props: r.props }))}`,
    ),
  ].sort();
  return { nodes: nodes.length, relationships: rels.length, checksum: sha(lines.join('\n')) };
}
