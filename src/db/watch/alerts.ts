/**
 * Alerts: written by the write path in the write's own transaction (so a committed write and its
 * alerts are one thing, and the alerts in Neo4j are the log every replica reads), listed, marked read
 * and polled. Each alert takes the next number of the alert log (`seq`) from one counter node; the
 * counter's lock is held until the write commits, so numbers follow commit order and a reader that has
 * seen alert n has seen every alert before it: a poller that asks for "seq > last" misses nothing and
 * gets nothing twice.
 */
import neo4j from 'neo4j-driver';
import { Database, Params, StatementCounter, TxRunner } from '../database';
import { AlertKind, ChangeFacts, keysTouched, PlannedAlert, planAlerts, watchKey } from '../../domain/watch';
import { labelOfId } from '../../domain/ids';
import { asText } from '../../domain/text';

/** Constraints and indexes of watchlists and alerts (created at start with the others). */
export const WATCH_MIGRATIONS: readonly string[] = [
  'CREATE CONSTRAINT watchlist_id IF NOT EXISTS FOR (n:Watchlist) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT watch_target_key IF NOT EXISTS FOR (n:WatchTarget) REQUIRE n.key IS UNIQUE',
  'CREATE INDEX watchlist_owner IF NOT EXISTS FOR (n:Watchlist) ON (n.owner)',
  'CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT alert_seq IF NOT EXISTS FOR (n:Alert) REQUIRE n.seq IS UNIQUE',
  'CREATE INDEX alert_watchlist_seq IF NOT EXISTS FOR (n:Alert) ON (n.watchlistId, n.seq)',
  'CREATE CONSTRAINT alert_sequence_id IF NOT EXISTS FOR (n:AlertSequence) REQUIRE n.id IS UNIQUE',
];

export interface AlertView {
  id: string;
  seq: number;
  watchlistId: string;
  at: string;
  kind: AlertKind;
  entityId: string;
  factId: string;
  factType: string;
  changeIds: string[];
  summary: string;
  actor: string;
  operation: string;
  readBy: string[];
}

export function toAlertView(p: Record<string, unknown>): AlertView {
  return {
    id: asText(p.id),
    seq: Number(p.seq),
    watchlistId: asText(p.watchlistId),
    at: asText(p.at).replace(/(\.\d{3})\d+/, '$1'),
    kind: asText(p.kind) as AlertView['kind'],
    entityId: asText(p.entityId),
    factId: asText(p.factId),
    factType: asText(p.factType),
    changeIds: (p.changeIds as string[] | null) ?? [],
    summary: asText(p.summary),
    actor: asText(p.actor),
    operation: asText(p.operation),
    readBy: (p.readBy as string[] | null) ?? [],
  };
}

/** The one lookup a write makes: which watchlists watch any key it touched (index seeks on WatchTarget.key). */
const WATCHERS = `UNWIND $keys AS k MATCH (:WatchTarget {key: k})<-[:WATCHES]-(w:Watchlist) RETURN k AS key, collect(w.id) AS ids`;

const CREATE = `
MERGE (s:AlertSequence {id: 'alerts'}) ON CREATE SET s.value = 0
SET s.value = s.value + size($rows)
WITH s.value - size($rows) AS base
UNWIND range(0, size($rows) - 1) AS i
WITH base + i + 1 AS seq, $rows[i] AS r
CREATE (a:Alert) SET a = r, a.seq = seq, a.id = 'alert:' + toString(seq), a.at = datetime(), a.readBy = []`;

/**
 * The write path's hook, inside the write's transaction, after its audit entries: the alerts the
 * changes produce. A write touching no watched key costs one lookup (none when it names nothing
 * watchable); alerts cost one more statement.
 */
export async function recordAlertsIn(
  tx: TxRunner,
  changes: ChangeFacts[],
  who: { actor: string; operation: string },
  /** One kind for every alert (a merge's: MERGED). */
  kind?: AlertKind,
): Promise<PlannedAlert[]> {
  const keys = keysTouched(changes);
  if (keys.length === 0) return [];
  const found = await tx.run(WATCHERS, { keys });
  if (found.records.length === 0) return [];
  const watchers = new Map(found.records.map((r) => [r.get('key') as string, r.get('ids') as string[]]));
  const alerts = planAlerts(changes, watchers, who, kind);
  await createAlertsIn(tx, alerts, who);
  return alerts;
}

/** Stores planned alerts, numbered in commit order (nothing to store: no statement). */
export async function createAlertsIn(
  tx: TxRunner,
  alerts: PlannedAlert[],
  who: { actor: string; operation: string },
): Promise<void> {
  if (alerts.length > 0)
    await tx.run(CREATE, { rows: alerts.map((a) => ({ ...a, actor: who.actor, operation: who.operation })) });
}

export interface AlertQuery {
  watchlistId: string;
  afterSeq: number;
  since: string | null;
  unreadBy: string | null;
  offset: number;
  first: number;
}

const MATCHING = `
MATCH (a:Alert) WHERE a.watchlistId = $watchlistId AND a.seq > $afterSeq
  AND ($since IS NULL OR a.at >= datetime($since)) AND ($unreadBy IS NULL OR NOT $unreadBy IN a.readBy)`;

/** One page of a watchlist's alerts, oldest first. */
export async function listAlerts(
  db: Database,
  q: AlertQuery,
  counter?: StatementCounter,
): Promise<{ total: number; items: AlertView[] }> {
  const [row] = await db.read<{ total: number; items: Record<string, unknown>[] }>(
    `CALL () { ${MATCHING} RETURN count(a) AS total }
     CALL () { ${MATCHING} WITH a ORDER BY a.seq SKIP $offset LIMIT $first RETURN collect(properties(a)) AS items }
     RETURN total, items`,
    alertParams(q),
    counter,
  );
  return { total: row.total, items: row.items.map(toAlertView) };
}

function alertParams(q: AlertQuery): Params {
  return {
    watchlistId: q.watchlistId,
    afterSeq: neo4j.int(q.afterSeq),
    since: q.since,
    unreadBy: q.unreadBy,
    offset: neo4j.int(q.offset),
    first: neo4j.int(q.first),
  };
}

/** Marks alerts of a watchlist read for one user (all of them when `ids` is null); answers how many were unread. */
export async function markAlertsRead(
  db: Database,
  watchlistId: string,
  user: string,
  ids: string[] | null,
  counter?: StatementCounter,
): Promise<number> {
  const [row] = await db.write<{ n: number }>(
    `MATCH (a:Alert) WHERE a.watchlistId = $watchlistId AND ($ids IS NULL OR a.id IN $ids) AND NOT $user IN a.readBy
     SET a.readBy = a.readBy + $user
     RETURN count(a) AS n`,
    { watchlistId, user, ids },
    counter,
  );
  return row.n;
}

/** Unread alerts per watchlist, for one user. */
export async function unreadCounts(db: Database, watchlistIds: readonly string[], user: string): Promise<number[]> {
  const rows = await db.read<{ id: string; n: number }>(
    `UNWIND $ids AS id
     CALL (id) { MATCH (a:Alert) WHERE a.watchlistId = id AND NOT $user IN a.readBy RETURN count(a) AS n }
     RETURN id, n`,
    { ids: [...watchlistIds], user },
  );
  const byId = new Map(rows.map((r) => [r.id, r.n]));
  return watchlistIds.map((id) => byId.get(id) ?? 0);
}

/** The poll every replica runs for all its subscribers: alerts after `afterSeq`, in log order (one index seek). */
export async function alertsAfter(db: Database, afterSeq: number, limit: number): Promise<AlertView[]> {
  const rows = await db.read<{ p: Record<string, unknown> }>(
    'MATCH (a:Alert) WHERE a.seq > $afterSeq RETURN properties(a) AS p ORDER BY a.seq LIMIT $limit',
    { afterSeq: neo4j.int(afterSeq), limit: neo4j.int(limit) },
  );
  return rows.map((r) => toAlertView(r.p));
}

/** The number of the last committed alert (0 before the first). */
export async function lastAlertSeq(db: Database): Promise<number> {
  const rows = await db.read<{ n: number }>("MATCH (s:AlertSequence {id: 'alerts'}) RETURN s.value AS n");
  return rows[0]?.n ?? 0;
}

/**
 * A merge's consequence for watchlists: every watchlist watching the removed entity or port watches
 * the kept one too (added to its `entityIds` or `ports`, the removed id kept so that an undone merge
 * leaves it watching both), so the writes that name the kept id from now on reach it. In the merge's
 * transaction, after its alerts; answers how many watchlists now follow the kept id.
 */
export async function followMergeIn(tx: TxRunner, keepId: string, removeId: string): Promise<number> {
  const port = labelOfId(keepId) === 'Port';
  const keyOf = port ? watchKey.port : watchKey.entity;
  const result = await tx.run(FOLLOW_MERGE, {
    removeKey: keyOf(removeId),
    keepKey: keyOf(keepId),
    keepId,
    field: port ? 'ports' : 'entityIds',
  });
  return Number(result.records[0]?.get('followed') ?? 0);
}

const FOLLOW_MERGE = `
MATCH (w:Watchlist)-[:WATCHES]->(:WatchTarget {key: $removeKey})
WHERE NOT (w)-[:WATCHES]->(:WatchTarget {key: $keepKey})
MERGE (t:WatchTarget {key: $keepKey})
MERGE (w)-[:WATCHES]->(t)
SET w.entityIds = CASE WHEN $field = 'entityIds' THEN coalesce(w.entityIds, []) + $keepId ELSE w.entityIds END,
    w.ports = CASE WHEN $field = 'ports' THEN coalesce(w.ports, []) + $keepId ELSE w.ports END
RETURN count(DISTINCT w) AS followed`;
