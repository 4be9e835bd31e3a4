/**
 * Writes facts: one transaction per batch (one mutation is a batch of one). Inside it: one statement
 * reads every node and relation the facts touch or name; the batch is planned in memory
 * (db/write/plan/); only what changes is written (idempotent MERGEs keyed on ids), with one audit
 * entry per changed fact; and the NEXT links of every leg the batch touched are recomputed
 * (db/trace/) — all in the same transaction, so a reader never sees legs without their links and a
 * batch killed half-way leaves nothing behind. Labels and types come from Collier's allow-lists;
 * every value travels as a parameter.
 */
import { randomUUID } from 'node:crypto';
import { Database, Params, StatementCounter, toPlain, TxRunner } from '../database';
import { neoDate, nodeStatement, relStatement, RelationshipType } from './graphWriter';
import { maintainNextLinksIn } from '../trace';
import { recordAlertsIn } from '../watch/alerts';
import { recordRiskAlerts, watchedVessels } from '../watch/riskAlerts';
import { describeChanges } from '../watch/changeFacts';
import { RelationRecord, toRelation } from '../records';
import { RELATION_TYPES } from '../read/party';
import { labelOfId, NODE_KINDS, NodeLabel } from '../../domain/ids';
import { Fact } from '../../domain/facts';
import {
  ChangeRecord,
  DATE_PROPS,
  FactOutcome,
  IN_LINKS,
  lookupsOf,
  NodeRow,
  OUT_LINKS,
  planBatch,
  Props,
  RelRow,
  WritePlan,
} from './plan';

/** Who writes and why: recorded on every audit entry. */
export interface WriteContext {
  /** `key:<name>`, `jwt:<subject>` or `cli:<user>`. */
  actor: string;
  /** The mutation's name, or `import`. */
  operation: string;
  requestId: string | null;
  /** An import run's id (one per `npm run import`), so its entries can be listed together. */
  runId: string | null;
  /** For imports: the line each fact of the batch came from. */
  lines?: number[];
}

export interface WriteStats {
  statements: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export interface WriteResult {
  outcomes: (FactOutcome & { changeIds: string[] })[];
  stats: WriteStats;
  nextLinks: number;
  /** The watched vessels the batch touched, with their change ids (for the risk alerts after commit). */
  watchedVessels?: Map<string, string[]>;
}

export function emptyStats(): WriteStats {
  return {
    statements: 0,
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
  };
}

export function addStats(into: WriteStats, more: WriteStats): void {
  for (const k of Object.keys(into) as (keyof WriteStats)[]) into[k] += more[k];
}

/** A transaction that counts its statements and what they changed, and returns plain rows. */
export class Tx {
  readonly stats = emptyStats();

  constructor(
    private readonly raw: TxRunner,
    private readonly counter?: StatementCounter,
  ) {}

  private async exec(cypher: string, params: Params) {
    this.stats.statements++;
    if (this.counter) this.counter.count++;
    const result = await this.raw.run(cypher, params);
    const u = result.summary.counters.updates();
    this.stats.nodesCreated += u.nodesCreated;
    this.stats.nodesDeleted += u.nodesDeleted;
    this.stats.relationshipsCreated += u.relationshipsCreated;
    this.stats.relationshipsDeleted += u.relationshipsDeleted;
    this.stats.propertiesSet += u.propertiesSet;
    return result;
  }

  async rows<T = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<T[]> {
    const result = await this.exec(cypher, params);
    return result.records.map((r) => toPlain(r.toObject()) as T);
  }

  /** This transaction as a plain runner (for code that takes one, e.g. maintainNextLinksIn), still counted. */
  runner(): TxRunner {
    return { run: ((cypher: string, params?: Params) => this.exec(cypher, params ?? {})) as TxRunner['run'] };
  }
}

/* ----------------------------------------------------------------------------------------------
 * Reading what a batch touches
 * -------------------------------------------------------------------------------------------- */

const ALL_LABELS = Object.values(NODE_KINDS);

/*
 * The two reads below are many index seeks in a UNION: their plan never depends on the statistics,
 * but planning them takes a while. `replan=skip` keeps Neo4j from planning them again whenever the
 * statistics move (which, during an import, is all the time).
 */

const READ_NODES = `CYPHER replan=skip
CALL () {
  ${[
    ...ALL_LABELS.map((l) => `UNWIND $ids_${l} AS q MATCH (n:${l} {id: q}) RETURN q, 'id' AS via, n`),
    `UNWIND $ids AS q MATCH (:Alias {id: q})-[:MERGED_INTO]->(n) RETURN q, 'alias' AS via, n`,
    `UNWIND $imos AS q MATCH (n:Vessel {imo: q}) RETURN q, 'imo' AS via, n`,
    `UNWIND $locodes AS q MATCH (n:Port {locode: q}) RETURN q, 'locode' AS via, n`,
    `UNWIND $companyImos AS q MATCH (n:Company {imoCompanyNumber: q}) RETURN q, 'companyImo' AS via, n`,
  ].join('\n  UNION ALL\n  ')}
}
RETURN q, via, [l IN labels(n) WHERE l <> 'Party'][0] AS label, n.id AS id, properties(n) AS props,
  [(n)-[r:${OUT_LINKS.join('|')}]->(m) | [type(r), m.id]] AS out,
  [(m)-[r:${IN_LINKS.join('|')}]->(n) | [type(r), m.id]] AS inn,
  [(n)-[:CLAIMED]->(c:IdentityClaim) | properties(c)] AS claims`;

/** Edge facts read by id: the party relations, and tactic uses and a statistic's ABOUT edges. */
const EDGE_FACT_TYPES = [...RELATION_TYPES, 'USED', 'ABOUT'] as const;

const READ_RELS = `CYPHER replan=skip
CALL () {
  ${EDGE_FACT_TYPES.map(
    (t) =>
      `UNWIND $rels_${t} AS q MATCH (a)-[r:${t} {id: q}]->(b) RETURN q AS id, '${t}' AS type, a.id AS fromId, b.id AS toId, properties(r) AS props`,
  ).join('\n  UNION ALL\n  ')}
}
RETURN id, type, fromId, toId, props`;

/**
 * Neo4j caches plans by the parameters' types too, and an empty list has another type than a list of
 * strings: with a dozen lists each empty or not from batch to batch, the big read statement would be
 * planned again (about a second) almost every time. A value no id can have keeps every list non-empty.
 */
const NO_ID = '\u0000';
const nonEmpty = (list: string[]): string[] => (list.length > 0 ? list : [NO_ID]);

async function readBatch(tx: Tx, facts: Fact[]): Promise<{ nodes: NodeRow[]; rels: RelRow[] }> {
  const l = lookupsOf(facts);
  const byLabel = new Map<string, string[]>(ALL_LABELS.map((label) => [label, []]));
  for (const id of l.ids) {
    const label = labelOfId(id);
    if (label) byLabel.get(label)!.push(id);
  }
  const params: Params = {
    ids: nonEmpty([...l.ids]),
    imos: nonEmpty([...l.imos]),
    locodes: nonEmpty([...l.locodes]),
    companyImos: nonEmpty([...l.companyImos]),
  };
  for (const [label, ids] of byLabel) params[`ids_${label}`] = nonEmpty(ids);
  const nodes = await tx.rows<NodeRow>(READ_NODES, params);
  let rels: RelRow[] = [];
  if (l.rels.size > 0) {
    const relParams: Params = {};
    for (const t of EDGE_FACT_TYPES) relParams[`rels_${t}`] = nonEmpty([...(l.rels.get(t) ?? [])]);
    rels = await tx.rows<RelRow>(READ_RELS, relParams);
  }
  return { nodes, rels };
}

/* ----------------------------------------------------------------------------------------------
 * Writing a plan
 * -------------------------------------------------------------------------------------------- */

/** In-memory values (ISO days) → Neo4j values (DATE). */
export function toNeo(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) out[k] = DATE_PROPS.has(k) && typeof v === 'string' ? neoDate(v) : v;
  return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k) ?? [];
    list.push(it);
    m.set(k, list);
  }
  return m;
}

const PARTY_LABELS = new Set<NodeLabel>(['Company', 'Person']);

/** Writes relationships in one statement per type and pair of end labels. */
async function writeRels(
  tx: Tx,
  rels: { type: string; id: string; fromId: string; toId: string; props: Record<string, unknown> }[],
): Promise<void> {
  for (const [, rows] of groupBy(rels, (r) => `${r.type}|${labelOfId(r.fromId)}|${labelOfId(r.toId)}`)) {
    const s = relStatement({
      type: rows[0].type as RelationshipType,
      fromLabel: labelOfId(rows[0].fromId)!,
      toLabel: labelOfId(rows[0].toId)!,
      rows: rows.map((r) => ({ id: r.id, fromId: r.fromId, toId: r.toId, props: toNeo(r.props) })),
    });
    await tx.rows(s.cypher, s.params);
  }
}

async function writePlan(
  tx: Tx,
  plan: WritePlan,
  ctx: WriteContext,
): Promise<{ changeIds: string[][]; recordIds: string[]; nextLinks: number }> {
  if (plan.countries.length > 0) {
    await tx.rows(`UNWIND $rows AS c MERGE (n:Country {id: c.id}) ON CREATE SET n.code = c.code, n.name = c.name`, {
      rows: plan.countries,
    });
  }
  for (const [label, rows] of groupBy(plan.nodes, (n) => n.label)) {
    const s = nodeStatement({
      label: label as NodeLabel,
      extraLabels: PARTY_LABELS.has(label as NodeLabel) ? ['Party'] : [],
      rows: rows.map((r) => ({ id: r.id, props: toNeo(r.props) })),
    });
    await tx.rows(s.cypher, s.params);
  }
  for (const [label, rows] of groupBy(plan.aliases, (a) => a.label)) {
    if (!(ALL_LABELS as string[]).includes(label)) throw new Error(`not a label of Collier's model: ${label}`);
    await tx.rows(
      `UNWIND $rows AS a MATCH (n:${label} {id: a.targetId}) MERGE (x:Alias {id: a.id}) MERGE (x)-[:MERGED_INTO]->(n)`,
      { rows },
    );
  }
  for (const [label, rows] of groupBy(plan.staleLinks, (s) => s.label)) {
    if (!(ALL_LABELS as string[]).includes(label)) throw new Error(`not a label of Collier's model: ${label}`);
    await tx.rows(
      `UNWIND $rows AS row MATCH (n:${label} {id: row.id})
       CALL (n, row) { MATCH (n)-[r]->() WHERE type(r) IN row.out AND NOT r.id IN row.keep DELETE r }
       CALL (n, row) { MATCH (n)<-[r]-() WHERE type(r) IN row.inn AND NOT r.id IN row.keep DELETE r }`,
      { rows },
    );
  }
  const edgeRows = [
    ...plan.links,
    ...plan.cites.map((c) => ({
      type: 'CITED_IN',
      id: `CITED_IN:${c.fromId}->${c.sourceId}`,
      fromId: c.fromId,
      toId: c.sourceId,
      props: {},
    })),
  ];
  await writeRels(tx, edgeRows);
  for (const [type, rows] of groupBy(plan.relDeletes, (r) => r.type)) {
    if (!(RELATION_TYPES as readonly string[]).includes(type)) throw new Error(`not a relation type: ${type}`);
    await tx.rows(`UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() DELETE r`, { ids: rows.map((r) => r.id) });
  }
  await writeRels(tx, plan.rels);

  const changeIds: string[][] = plan.outcomes.map(() => []);
  const recordIds: string[] = [];
  if (plan.changes.length > 0) {
    const txId = randomUUID();
    const at = new Date().toISOString();
    const rows = plan.changes.map((c, seq) => {
      const id = `change:${txId}:${seq}`;
      changeIds[c.factIndex]?.push(id);
      recordIds.push(id);
      return { at, props: changeProps(c, id, txId, seq, ctx) };
    });
    await tx.rows(`UNWIND $rows AS c CREATE (x:Change) SET x = c.props, x.at = datetime(c.at)`, { rows });
  }

  let legs = plan.affectedLegs;
  if (plan.portsWithNewKind.length > 0) {
    const atPorts = await tx.rows<{ id: string }>(
      `UNWIND $ids AS id MATCH (:Port {id: id})<-[:FROM|TO]-(l:Leg) RETURN DISTINCT l.id AS id`,
      { ids: plan.portsWithNewKind },
    );
    legs = [...new Set([...legs, ...atPorts.map((r) => r.id)])];
  }
  const next = legs.length > 0 ? await maintainNextLinksIn(tx.runner(), legs) : { links: 0 };
  return { changeIds, recordIds, nextLinks: next.links };
}

export function changeProps(c: ChangeRecord, id: string, txId: string, seq: number, ctx: WriteContext): Props {
  return {
    id,
    tx: txId,
    seq,
    actor: ctx.actor,
    operation: ctx.operation,
    requestId: ctx.requestId,
    runId: ctx.runId,
    line: ctx.lines?.[c.factIndex] ?? null,
    entityId: c.entityId,
    entityLabel: c.entityLabel,
    action: c.action,
    factType: c.factType,
    subjectId: c.subjectId,
    objectId: c.objectId,
    note: c.note,
    changesJson: JSON.stringify(c.changes),
  };
}

/** Plans and writes a batch inside a transaction the caller holds. */
export async function writeFactsIn(tx: Tx, facts: Fact[], ctx: WriteContext): Promise<WriteResult> {
  const read = await readBatch(tx, facts);
  const plan = planBatch(facts, read.nodes, read.rels);
  const { changeIds, recordIds, nextLinks } = await writePlan(tx, plan, ctx);
  // the alerts of watchlists this batch touches, committed with it (db/watch/alerts.ts)
  const alerts = await recordAlertsIn(tx.runner(), describeChanges(plan, read.nodes, recordIds), ctx);
  return {
    outcomes: plan.outcomes.map((o, i) => ({ ...o, changeIds: changeIds[i] })),
    stats: tx.stats,
    nextLinks,
    watchedVessels: watchedVessels(alerts),
  };
}

/**
 * Writes a batch of facts in one transaction. A fact that fails its checks against the graph (an
 * unknown reference, a key that belongs to another entity) is REJECTED and the others are written.
 * `dryRun` does everything and rolls it back: the outcomes say what would change.
 */
export async function writeFacts(
  db: Database,
  facts: Fact[],
  ctx: WriteContext,
  options: { dryRun?: boolean; counter?: StatementCounter } = {},
): Promise<WriteResult> {
  const result = await db.transaction((raw) => writeFactsIn(new Tx(raw, options.counter), facts, ctx), {
    rollback: options.dryRun,
  });
  // minRisk: the touched watched vessels scored again, once the write is committed (db/watch/riskAlerts.ts)
  // the write has committed: a failure here must not report it as failed (the risk alert is then missing)
  if (!options.dryRun && result.watchedVessels) await recordRiskAlerts(db, result.watchedVessels, ctx).catch(() => 0);
  return result;
}

/** A party relation by its type and id (what linkParty returns). */
export async function findRelation(
  db: Database,
  type: string,
  id: string,
  counter?: StatementCounter,
): Promise<RelationRecord | null> {
  if (!(RELATION_TYPES as readonly string[]).includes(type)) return null;
  const rows = await db.read<{ props: Props; partyId: string; targetId: string }>(
    `MATCH (a)-[r:${type} {id: $id}]->(b) RETURN properties(r) AS props, a.id AS partyId, b.id AS targetId LIMIT 1`,
    { id },
    counter,
  );
  return rows.length ? toRelation(type, rows[0].props, rows[0].partyId, rows[0].targetId) : null;
}
