/**
 * Watchlists in Neo4j: a `(:Watchlist)` node with its owner and what it watches, linked to one
 * `(:WatchTarget {key})` per watched thing (keys from domain/watch.ts) — the index the write path looks
 * up. Watchlists stand apart from the fact graph: nothing of the graph links to them. Every create,
 * update and delete leaves an audit entry (`Change`) in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { Database, Params, StatementCounter } from '../database';
import { changeProps, Tx, WriteContext } from '../write/writeFacts';
import { ChangeRecord } from '../write/plan';
import { CheckedWatchlist, keysOf, WatchSpec } from '../../domain/watch';
import { labelOfId } from '../../domain/ids';
import { asText } from '../../domain/text';

export interface WatchlistView extends WatchSpec {
  id: string;
  name: string;
  owner: string;
  note: string | null;
  minRisk: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Who writes: recorded on the audit entry. */
export interface WatchWriter {
  actor: string;
  operation: string;
  requestId: string | null;
}

const FIELDS = ['name', 'note', 'minRisk', 'entityIds', 'ports', 'countries'] as const;

function toView(p: Record<string, unknown>): WatchlistView {
  const time = (v: unknown) => asText(v).replace(/(\.\d{3})\d+/, '$1');
  return {
    id: asText(p.id),
    name: asText(p.name),
    owner: asText(p.owner),
    note: (p.note as string | null) ?? null,
    minRisk: (p.minRisk as number | null) ?? null,
    entityIds: (p.entityIds as string[] | null) ?? [],
    ports: (p.ports as string[] | null) ?? [],
    countries: (p.countries as string[] | null) ?? [],
    createdAt: time(p.createdAt),
    updatedAt: time(p.updatedAt),
  };
}

/**
 * Which of these entity and port ids name something in the graph: each given id → the id it stands
 * for now (itself, or the entity it was merged into), or absent when it names nothing.
 */
export async function resolveWatched(
  db: Database,
  ids: string[],
  counter?: StatementCounter,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const byLabel: Params = { Vessel: [], Company: [], Person: [], Port: [] };
  for (const id of ids) (byLabel[labelOfId(id) ?? 'Vessel'] as string[]).push(id);
  const rows = await db.read<{ given: string; id: string }>(
    `CALL () {
       UNWIND $Vessel AS q MATCH (n:Vessel {id: q}) RETURN q AS given, n.id AS id
       UNION UNWIND $Company AS q MATCH (n:Company {id: q}) RETURN q AS given, n.id AS id
       UNION UNWIND $Person AS q MATCH (n:Person {id: q}) RETURN q AS given, n.id AS id
       UNION UNWIND $Port AS q MATCH (n:Port {id: q}) RETURN q AS given, n.id AS id
       UNION UNWIND $all AS q MATCH (:Alias {id: q})-[:MERGED_INTO]->(n) RETURN q AS given, n.id AS id
     }
     RETURN given, id`,
    { ...byLabel, all: ids },
    counter,
  );
  return new Map(rows.map((r) => [r.given, r.id]));
}

/** The audit entry of a watchlist write, in the write's transaction (the same shape as every fact's). */
async function audit(tx: Tx, w: WatchWriter, id: string, action: string, diff: ChangeRecord['changes']) {
  const txId = randomUUID();
  const record = {
    entityId: id,
    entityLabel: 'Watchlist',
    action,
    factType: 'watchlist',
    changes: diff,
  } as ChangeRecord;
  const ctx: WriteContext = { ...w, runId: null };
  await tx.rows(`CREATE (x:Change) SET x = $props, x.at = datetime()`, {
    props: changeProps(
      { ...record, subjectId: null, objectId: null, note: null, factIndex: 0 },
      `change:${txId}:0`,
      txId,
      0,
      ctx,
    ),
  });
}

const LINK_TARGETS = `
WITH w
OPTIONAL MATCH (w)-[old:WATCHES]->() DELETE old
WITH DISTINCT w
FOREACH (k IN $keys | MERGE (t:WatchTarget {key: k}) MERGE (w)-[:WATCHES]->(t))`;

/** Targets no watchlist watches any more. */
const DROP_ORPHANS = `UNWIND $keys AS k MATCH (t:WatchTarget {key: k}) WHERE NOT (t)<-[:WATCHES]-() DELETE t`;

export async function createWatchlist(
  db: Database,
  spec: Required<Pick<CheckedWatchlist, 'name'>> & CheckedWatchlist,
  w: WatchWriter,
  counter?: StatementCounter,
): Promise<WatchlistView> {
  const id = `watchlist:${randomUUID()}`;
  const props = {
    id,
    owner: w.actor,
    name: spec.name,
    note: spec.note ?? null,
    minRisk: spec.minRisk ?? null,
    entityIds: spec.entityIds ?? [],
    ports: spec.ports ?? [],
    countries: spec.countries ?? [],
  };
  return db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    const [r] = await tx.rows<{ p: Record<string, unknown> }>(
      `CREATE (w:Watchlist) SET w = $props, w.createdAt = datetime(), w.updatedAt = w.createdAt ${LINK_TARGETS}
       RETURN properties(w) AS p`,
      { props, keys: keysOf(props) },
    );
    const diff = Object.fromEntries(FIELDS.map((f) => [f, { before: null, after: props[f] }]));
    await audit(tx, w, id, 'CREATED', diff);
    return toView(r.p);
  });
}

export async function findWatchlist(
  db: Database,
  id: string,
  counter?: StatementCounter,
): Promise<WatchlistView | null> {
  const rows = await db.read<{ p: Record<string, unknown> }>(
    'MATCH (w:Watchlist {id: $id}) RETURN properties(w) AS p',
    { id },
    counter,
  );
  return rows.length > 0 ? toView(rows[0].p) : null;
}

/** Applies the fields given; answers the watchlist as it stands and whether anything changed (no change: no write, no audit entry). */
export async function updateWatchlist(
  db: Database,
  current: WatchlistView,
  spec: CheckedWatchlist,
  w: WatchWriter,
  counter?: StatementCounter,
): Promise<{ view: WatchlistView; changed: string[] }> {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const f of FIELDS) {
    const after = spec[f];
    if (after === undefined) continue;
    const before = current[f];
    if (JSON.stringify(before) !== JSON.stringify(after)) diff[f] = { before, after };
  }
  const changed = Object.keys(diff);
  if (changed.length === 0) return { view: current, changed };
  const next: WatchlistView = { ...current, ...Object.fromEntries(changed.map((f) => [f, diff[f].after])) };
  const view = await db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    const [r] = await tx.rows<{ p: Record<string, unknown> }>(
      `MATCH (w:Watchlist {id: $id})
       SET w.name = $next.name, w.note = $next.note, w.minRisk = $next.minRisk, w.entityIds = $next.entityIds,
           w.ports = $next.ports, w.countries = $next.countries, w.updatedAt = datetime() ${LINK_TARGETS}
       RETURN properties(w) AS p`,
      { id: current.id, next, keys: keysOf(next) },
    );
    await tx.rows(DROP_ORPHANS, { keys: keysOf(current) });
    await audit(tx, w, current.id, 'UPDATED', diff);
    return toView(r.p);
  });
  return { view, changed };
}

/** Deletes a watchlist and its alerts; answers how many alerts went with it. */
export async function deleteWatchlist(
  db: Database,
  current: WatchlistView,
  w: WatchWriter,
  counter?: StatementCounter,
): Promise<number> {
  return db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    const rows = await tx.rows<{ n: number }>(
      `MATCH (a:Alert) WHERE a.watchlistId = $id WITH collect(a) AS alerts
       FOREACH (a IN alerts | DELETE a)
       WITH size(alerts) AS n MATCH (w:Watchlist {id: $id}) DETACH DELETE w RETURN n`,
      { id: current.id },
    );
    await tx.rows(DROP_ORPHANS, { keys: keysOf(current) });
    const before = Object.fromEntries(FIELDS.map((f) => [f, { before: current[f], after: null }]));
    await audit(tx, w, current.id, 'DELETED', before);
    return rows[0]?.n ?? 0;
  });
}

/** One page of watchlists (oldest first), optionally one owner's. */
export async function listWatchlists(
  db: Database,
  q: { owner: string | null; offset: number; first: number },
  counter?: StatementCounter,
): Promise<{ total: number; items: WatchlistView[] }> {
  const match = 'MATCH (w:Watchlist) WHERE $owner IS NULL OR w.owner = $owner';
  const [row] = await db.read<{ total: number; items: Record<string, unknown>[] }>(
    `CALL () { ${match} RETURN count(w) AS total }
     CALL () { ${match} WITH w ORDER BY w.createdAt, w.id SKIP $offset LIMIT $first RETURN collect(properties(w)) AS items }
     RETURN total, items`,
    { owner: q.owner, offset: neo4j.int(q.offset), first: neo4j.int(q.first) },
    counter,
  );
  return { total: row.total, items: row.items.map(toView) };
}
