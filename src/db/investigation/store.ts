/**
 * Investigations in Neo4j: an `(:Investigation)` node holding its items in order,
 * `(:Investigation)-[:HOLDS]->(:InvestigationItem {position})`. They stand apart from the fact graph
 * (an item names its entity by id, it does not link to it), so no walk, trace or projection meets
 * them. Every change leaves an audit entry (`Change`, entityLabel "Investigation") in its own
 * transaction; a change that changes nothing writes nothing.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { changeProps, Tx, WriteContext } from '../write/writeFacts';
import { ChangeRecord } from '../write/plan';
import { asText } from '../../domain/text';
import { InvestigationHeader, ItemKind, MAX_INVESTIGATION_ITEMS } from '../../domain/investigation';

/** Constraints and indexes of investigations (created at start with the others). */
export const INVESTIGATION_MIGRATIONS: readonly string[] = [
  'CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (n:Investigation) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT investigation_item_id IF NOT EXISTS FOR (n:InvestigationItem) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX investigation_updated IF NOT EXISTS FOR (n:Investigation) ON (n.updatedAt)',
];

export interface InvestigationView extends InvestigationHeader {
  itemCount: number;
}

/** The arguments of a saved trace, defaults applied (what it re-runs with). */
export interface TraceParams {
  origin: string | null;
  destination: string | null;
  commodity: string;
  windowFrom: string | null;
  windowTo: string | null;
  maxHops: number;
  maxWaitDays: number;
  cargoOrigins: string[] | null;
  minConfidence: number | null;
  limit: number;
  destinationCountry: string | null;
}

/** What a saved trace stores: its arguments and its answer when saved. */
export interface StoredTrace {
  parameters: TraceParams;
  savedFingerprint: string;
  savedRouteIds: string[];
}

export interface NewItem {
  kind: ItemKind;
  note: string | null;
  entityId: string | null;
  trace: StoredTrace | null;
  query: { text: string; variables: string | null } | null;
}

export interface ItemView extends NewItem {
  id: string;
  investigationId: string;
  position: number;
  author: string;
  addedAt: string;
}

/** Who writes: recorded on the audit entry and as an item's author. */
export interface InvestigationWriter {
  actor: string;
  operation: string;
  requestId: string | null;
}

/** Thrown inside an item's transaction when the investigation is full (the transaction rolls back). */
export class InvestigationFull extends Error {
  constructor(readonly id: string) {
    super(`${id} already holds ${MAX_INVESTIGATION_ITEMS} items`);
    this.name = 'InvestigationFull';
  }
}

type Props = Record<string, unknown>;
const time = (v: unknown) => asText(v).replace(/(\.\d{3})\d+/, '$1');

function toView(p: Props): InvestigationView {
  return {
    id: asText(p.id),
    title: asText(p.title),
    summary: (p.summary as string | null) ?? null,
    owner: asText(p.owner),
    createdAt: time(p.createdAt),
    updatedAt: time(p.updatedAt),
    itemCount: Number(p.itemCount ?? 0),
  };
}

function toItem(p: Props): ItemView {
  const trace = p.traceJson ? (JSON.parse(asText(p.traceJson)) as StoredTrace) : null;
  return {
    id: asText(p.id),
    investigationId: asText(p.investigationId),
    position: Number(p.position),
    kind: asText(p.kind) as ItemKind,
    note: (p.note as string | null) ?? null,
    author: asText(p.author),
    addedAt: time(p.addedAt),
    entityId: (p.entityId as string | null) ?? null,
    trace,
    query:
      p.queryText != null
        ? { text: asText(p.queryText), variables: (p.queryVariables as string | null) ?? null }
        : null,
  };
}

/** The audit entry of an investigation change, in the change's transaction (the same shape as every fact's). */
async function audit(
  tx: Tx,
  w: InvestigationWriter,
  id: string,
  action: string,
  factType: string,
  diff: ChangeRecord['changes'],
  subjectId: string | null = null,
) {
  const txId = randomUUID();
  const record = { entityId: id, entityLabel: 'Investigation', action, factType, changes: diff } as ChangeRecord;
  const ctx: WriteContext = { ...w, runId: null };
  await tx.rows(`CREATE (x:Change) SET x = $props, x.at = datetime()`, {
    props: changeProps(
      { ...record, subjectId, objectId: null, note: null, factIndex: 0 },
      `change:${txId}:0`,
      txId,
      0,
      ctx,
    ),
  });
}

export async function createInvestigation(
  db: Database,
  input: { title: string; summary: string | null },
  w: InvestigationWriter,
  counter?: StatementCounter,
): Promise<InvestigationView> {
  const props = { id: `investigation:${randomUUID()}`, owner: w.actor, title: input.title, summary: input.summary };
  return db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    const [r] = await tx.rows<{ p: Props }>(
      `CREATE (i:Investigation) SET i = $props, i.createdAt = datetime(), i.updatedAt = i.createdAt,
         i.itemCount = 0, i.nextPosition = 0
       RETURN properties(i) AS p`,
      { props },
    );
    await audit(tx, w, props.id, 'CREATED', 'investigation', {
      title: { before: null, after: input.title },
      summary: { before: null, after: input.summary },
    });
    return toView(r.p);
  });
}

export async function findInvestigation(
  db: Database,
  id: string,
  counter?: StatementCounter,
): Promise<InvestigationView | null> {
  const rows = await db.read<{ p: Props }>(
    'MATCH (i:Investigation {id: $id}) RETURN properties(i) AS p',
    { id },
    counter,
  );
  return rows.length > 0 ? toView(rows[0].p) : null;
}

/** One page of investigations, the most recently changed first. */
export async function listInvestigations(
  db: Database,
  q: { offset: number; first: number },
  counter?: StatementCounter,
): Promise<{ total: number; items: InvestigationView[] }> {
  const [row] = await db.read<{ total: number; items: Props[] }>(
    `CALL () { MATCH (i:Investigation) RETURN count(i) AS total }
     CALL () { MATCH (i:Investigation) WITH i ORDER BY i.updatedAt DESC, i.id SKIP $offset LIMIT $first
               RETURN collect(properties(i)) AS items }
     RETURN total, items`,
    { offset: neo4j.int(q.offset), first: neo4j.int(q.first) },
    counter,
  );
  return { total: row.total, items: row.items.map(toView) };
}

/** Applies the fields given (undefined: kept); nothing changed: no write, no audit entry. */
export async function updateInvestigation(
  db: Database,
  current: InvestigationView,
  change: { title?: string; summary?: string | null },
  w: InvestigationWriter,
  counter?: StatementCounter,
): Promise<InvestigationView> {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const f of ['title', 'summary'] as const) {
    const after = change[f];
    if (after !== undefined && after !== current[f]) diff[f] = { before: current[f], after };
  }
  if (Object.keys(diff).length === 0) return current;
  const next = { title: current.title, summary: current.summary, ...change };
  return db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    const [r] = await tx.rows<{ p: Props }>(
      `MATCH (i:Investigation {id: $id}) SET i.title = $title, i.summary = $summary, i.updatedAt = datetime()
       RETURN properties(i) AS p`,
      { id: current.id, title: next.title, summary: next.summary },
    );
    await audit(tx, w, current.id, 'UPDATED', 'investigation', diff);
    return toView(r.p);
  });
}

/** What an item's audit entry records of it. */
function itemDigest(item: NewItem): Record<string, unknown> {
  return {
    kind: item.kind,
    note: item.note,
    entityId: item.entityId,
    trace: item.trace ? { ...item.trace.parameters, fingerprint: item.trace.savedFingerprint } : null,
    query: item.query,
  };
}

/**
 * Adds an item at the end of the investigation. null when the investigation is gone; throws
 * InvestigationFull (nothing written) when it holds MAX_INVESTIGATION_ITEMS items.
 */
export async function addItem(
  db: Database,
  investigationId: string,
  item: NewItem,
  w: InvestigationWriter,
  counter?: StatementCounter,
): Promise<ItemView | null> {
  const props = {
    id: `invitem:${randomUUID()}`,
    investigationId,
    kind: item.kind,
    note: item.note,
    author: w.actor,
    entityId: item.entityId,
    traceJson: item.trace ? JSON.stringify(item.trace) : null,
    queryText: item.query?.text ?? null,
    queryVariables: item.query?.variables ?? null,
  };
  return db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    // taking the next position locks the investigation: concurrent adds queue, the count stays exact
    const [slot] = await tx.rows<{ position: number; count: number }>(
      `MATCH (i:Investigation {id: $id}) SET i.nextPosition = coalesce(i.nextPosition, 0) + 1
       RETURN i.nextPosition - 1 AS position, i.itemCount AS count`,
      { id: investigationId },
    );
    if (!slot) return null;
    if (slot.count >= MAX_INVESTIGATION_ITEMS) throw new InvestigationFull(investigationId);
    const [r] = await tx.rows<{ p: Props }>(
      `MATCH (i:Investigation {id: $id})
       CREATE (i)-[:HOLDS]->(x:InvestigationItem) SET x = $props, x.position = $position, x.addedAt = datetime()
       SET i.itemCount = i.itemCount + 1, i.updatedAt = x.addedAt
       RETURN properties(x) AS p`,
      { id: investigationId, props, position: neo4j.int(slot.position) },
    );
    await audit(
      tx,
      w,
      investigationId,
      'UPDATED',
      'investigationItem',
      { item: { before: null, after: itemDigest(item) } },
      props.id,
    );
    return toItem(r.p);
  });
}

/** Removes an item; false when the investigation holds no such item (nothing written). */
export async function removeItem(
  db: Database,
  investigationId: string,
  itemId: string,
  w: InvestigationWriter,
  counter?: StatementCounter,
): Promise<boolean> {
  return db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    const rows = await tx.rows<{ p: Props }>(
      `MATCH (i:Investigation {id: $id})-[:HOLDS]->(x:InvestigationItem {id: $itemId})
       WITH i, x, properties(x) AS p
       DETACH DELETE x
       SET i.itemCount = i.itemCount - 1, i.updatedAt = datetime()
       RETURN p`,
      { id: investigationId, itemId },
    );
    if (rows.length === 0) return false;
    await audit(
      tx,
      w,
      investigationId,
      'UPDATED',
      'investigationItem',
      { item: { before: itemDigest(toItem(rows[0].p)), after: null } },
      itemId,
    );
    return true;
  });
}

/** The items of several investigations, each list in position order (one statement). */
export async function itemsOf(db: Database, ids: readonly string[], counter?: StatementCounter): Promise<ItemView[][]> {
  const rows = await db.read<{ key: string; items: Props[] }>(
    `UNWIND $ids AS key
     OPTIONAL MATCH (:Investigation {id: key})-[:HOLDS]->(x:InvestigationItem)
     WITH key, x ORDER BY x.position
     RETURN key, collect(properties(x)) AS items`,
    { ids: [...ids] },
    counter,
  );
  const byId = new Map(rows.map((r) => [r.key, r.items.map(toItem)]));
  return ids.map((id) => byId.get(id) ?? []);
}
