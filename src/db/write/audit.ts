/**
 * The audit trail: every write leaves one `(:Change)` node per fact it changed — who (the key's name,
 * the token's subject or the import's user), when, which operation, which entity, and each changed
 * property's value before and after (db/write/writeFacts.ts writes them in the write's own transaction). Change
 * nodes stand apart from the fact graph: no relationship leads to them, so no walk over the graph
 * ever meets one. This module lists them, and holds the schema the write path needs.
 */
import neo4j from 'neo4j-driver';
import { asText } from '../../domain/text';
import { Database, StatementCounter } from '../database';
import { RELATION_TYPES } from '../read/party';

/** Constraints and indexes for writes: audit entries, merge aliases, relation ids (created at start with the others). */
export const WRITE_MIGRATIONS: readonly string[] = [
  'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at)',
  'CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId)',
  'CREATE INDEX change_subject IF NOT EXISTS FOR (n:Change) ON (n.subjectId)',
  'CREATE INDEX change_object IF NOT EXISTS FOR (n:Change) ON (n.objectId)',
  'CREATE CONSTRAINT alias_id IF NOT EXISTS FOR (n:Alias) REQUIRE n.id IS UNIQUE',
  ...RELATION_TYPES.map((t) => `CREATE INDEX rel_${t.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.id)`),
];

/** What a change did: the values of the audit trail's `action` (schema/audit.ts ChangeAction). */
export type ChangeActionName = 'CREATED' | 'UPDATED' | 'MERGED' | 'DELETED';

export interface ChangeView {
  id: string;
  at: string;
  actor: string;
  operation: string;
  requestId: string | null;
  runId: string | null;
  line: number | null;
  entityId: string;
  entityLabel: string;
  action: ChangeActionName;
  factType: string;
  subjectId: string | null;
  objectId: string | null;
  note: string | null;
  changes: { property: string; before: string; after: string }[];
}

export interface ChangeQuery {
  since: string | null;
  entityId: string | null;
  offset: number;
  first: number;
}

/**
 * The changes that concern an entity: its own, those of facts about it (claims, legs, relations,
 * designations naming it), and, after a merge, those of the ids merged into it.
 */
const MATCHING = `
CALL () {
  WITH $entity AS e WHERE e IS NOT NULL
  OPTIONAL MATCH (:Alias {id: e})-[:MERGED_INTO]->(k)
  WITH coalesce(k.id, e) AS kept
  OPTIONAL MATCH (a:Alias)-[:MERGED_INTO]->(n) WHERE n.id = kept
  WITH kept, collect(a.id) AS merged
  UNWIND [kept] + merged AS id
  CALL (id) {
    MATCH (c:Change {entityId: id}) RETURN c
    UNION
    MATCH (c:Change {subjectId: id}) RETURN c
    UNION
    MATCH (c:Change {objectId: id}) RETURN c
  }
  RETURN DISTINCT c
  UNION
  WITH $entity AS e WHERE e IS NULL
  MATCH (c:Change) RETURN c
}
WITH c WHERE $since IS NULL OR c.at >= datetime($since)`;

const LIST = `
CALL () { ${MATCHING} RETURN count(c) AS total }
CALL () { ${MATCHING} WITH c ORDER BY c.at, c.tx, c.seq SKIP $offset LIMIT $first RETURN collect(properties(c)) AS items }
RETURN total, items`;

function jsonText(v: unknown): string {
  return JSON.stringify(v ?? null);
}

export function toChangeView(p: Record<string, unknown>): ChangeView {
  const diff = JSON.parse(asText(p.changesJson ?? '{}')) as Record<string, { before: unknown; after: unknown }>;
  return {
    id: String(p.id),
    at: String(p.at).replace(/(\.\d{3})\d+/, '$1'),
    actor: String(p.actor),
    operation: String(p.operation),
    requestId: (p.requestId as string | null) ?? null,
    runId: (p.runId as string | null) ?? null,
    line: (p.line as number | null) ?? null,
    entityId: String(p.entityId),
    entityLabel: String(p.entityLabel),
    action: String(p.action) as ChangeActionName,
    factType: String(p.factType),
    subjectId: (p.subjectId as string | null) ?? null,
    objectId: (p.objectId as string | null) ?? null,
    note: (p.note as string | null) ?? null,
    changes: Object.entries(diff).map(([property, v]) => ({
      property,
      before: jsonText(v.before),
      after: jsonText(v.after),
    })),
  };
}

/** One page of changes, oldest first. */
export async function listChanges(
  db: Database,
  q: ChangeQuery,
  counter?: StatementCounter,
): Promise<{ total: number; items: ChangeView[] }> {
  const [row] = await db.read<{ total: number; items: Record<string, unknown>[] }>(
    LIST,
    { entity: q.entityId, since: q.since, offset: neo4j.int(q.offset), first: neo4j.int(q.first) },
    counter,
  );
  return { total: row.total, items: row.items.map(toChangeView) };
}
