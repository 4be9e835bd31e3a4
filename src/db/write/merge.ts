/**
 * Merging duplicates (admin): `remove` folds into `keep` in one transaction. Every relationship of
 * `remove` moves to `keep` (structural edges re-keyed, facts keep their ids), `keep` gains the
 * properties it lacked and the other names, the ids that pointed at `remove` (legs' vesselId …) are
 * rewritten, `remove` is deleted, and `(:Alias {id: remove})-[:MERGED_INTO]->(keep)` makes the old id
 * resolve to the kept entity from then on (node(id), vessel(id), and every later write naming it).
 * The NEXT links of the legs on a merged vessel or at a merged port are recomputed. Merging again
 * changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { Database, StatementCounter } from '../database';
import { maintainNextLinksIn } from '../trace';
import { Tx, toNeo, WriteContext } from './writeFacts';
import { NodeLabel } from '../../domain/ids';
import { asText } from '../../domain/text';
import { mergeChanges } from '../../domain/watch';
import { recordAlertsIn } from '../watch/alerts';

export const MERGEABLE_LABELS: NodeLabel[] = ['Vessel', 'Company', 'Person', 'Port'];

export type MergeStatus = 'MERGED' | 'UNCHANGED';

export class MergeError extends Error {
  constructor(
    readonly argument: 'keep' | 'remove',
    readonly kind: 'NOT_FOUND' | 'BAD_INPUT',
    message: string,
  ) {
    super(message);
  }
}

type Props = Record<string, unknown>;

const LIST_PROPS = ['aliases', 'otherNames', 'sourceIds', 'ftmIds', 'ftmDatasets'];
/** Properties that say which entity something is, kept from `keep` (the other's value is recorded in the audit entry). */
const OWN_PROPS = new Set(['id', 'name', 'imo', 'locode', 'imoCompanyNumber', 'aliasesText']);

/** What `keep` becomes: its own values, the gaps filled from `remove`, lists joined, `remove`'s name an other name. */
export function mergedProps(keep: Props, remove: Props, label: NodeLabel): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(remove)) {
    if (OWN_PROPS.has(k) || LIST_PROPS.includes(k) || v == null) continue;
    if (keep[k] == null) out[k] = v;
  }
  for (const k of LIST_PROPS) {
    const a = Array.isArray(keep[k]) ? (keep[k] as string[]) : [];
    const b = Array.isArray(remove[k]) ? (remove[k] as string[]) : [];
    const joined = [...a, ...b.filter((x) => !a.includes(x))];
    if (joined.length !== a.length) out[k] = joined;
  }
  const namesKey = label === 'Vessel' ? 'otherNames' : 'aliases';
  const names =
    (out[namesKey] as string[] | undefined) ?? (Array.isArray(keep[namesKey]) ? [...(keep[namesKey] as string[])] : []);
  if (remove.name != null && remove.name !== keep.name && !names.includes(asText(remove.name))) {
    names.push(asText(remove.name));
    out[namesKey] = names;
  }
  if (out[namesKey]) out.aliasesText = (out[namesKey] as string[]).join(' | ');
  for (const k of ['imo', 'locode', 'imoCompanyNumber']) if (keep[k] == null && remove[k] != null) out[k] = remove[k];
  return out;
}

/** Property references to an entity, rewritten on the nodes that reach it by these relationships. */
const REFERENCES: { label: string; rel: string; prop: string }[] = [
  { label: 'Leg', rel: 'ON', prop: 'vesselId' },
  { label: 'Transfer', rel: 'FROM_VESSEL', prop: 'fromVesselId' },
  { label: 'Transfer', rel: 'TO_VESSEL', prop: 'toVesselId' },
  { label: 'Transfer', rel: 'AT', prop: 'portId' },
  { label: 'IdentityClaim', rel: 'CLAIMED', prop: 'vesselId' },
  { label: 'Designation', rel: 'DESIGNATED', prop: 'targetId' },
];

/** One relationship of the removed entity as the merge moved it (kept in the audit entry for undoMerge). */
export interface MovedRelationship {
  type: string;
  /** true: it left the removed entity; false: it arrived there. */
  out: boolean;
  /** elementId of the node at the other end. */
  other: string;
  oldId: string | null;
  newId: string;
  /** The kept entity already had this relationship: the merge joined the two, so undoing leaves it. */
  shared: boolean;
}

export interface MergeResult {
  status: MergeStatus;
  keepId: string;
  removeId: string;
  movedRelationships: number;
  changeIds: string[];
}

export async function mergeEntities(
  db: Database,
  keepId: string,
  removeId: string,
  label: NodeLabel,
  ctx: WriteContext,
  counter?: StatementCounter,
  /** Why the two are one (an automatic match's rule, an accepted candidate), kept in the audit entries. */
  reason?: string,
): Promise<MergeResult> {
  if (!MERGEABLE_LABELS.includes(label))
    throw new MergeError('keep', 'BAD_INPUT', `only ${MERGEABLE_LABELS.join(', ')} can be merged`);
  return db.transaction(async (raw) => {
    const tx = new Tx(raw, counter);
    const [state] = await tx.rows<{
      keep: Props | null;
      keepAlias: string | null;
      remove: Props | null;
      removeAlias: string | null;
    }>(
      `OPTIONAL MATCH (k:${label} {id: $keep})
       OPTIONAL MATCH (:Alias {id: $keep})-[:MERGED_INTO]->(ka)
       OPTIONAL MATCH (r:${label} {id: $remove})
       OPTIONAL MATCH (:Alias {id: $remove})-[:MERGED_INTO]->(ra)
       RETURN properties(k) AS keep, ka.id AS keepAlias, properties(r) AS remove, ra.id AS removeAlias`,
      { keep: keepId, remove: removeId },
    );
    const keep = state.keep ?? null;
    if (keep == null) {
      if (state.keepAlias)
        throw new MergeError('keep', 'BAD_INPUT', `${keepId} was merged into ${state.keepAlias}: keep that one`);
      throw new MergeError('keep', 'NOT_FOUND', `${keepId} was not found`);
    }
    if (state.remove == null) {
      if (state.removeAlias === keepId)
        return { status: 'UNCHANGED', keepId, removeId, movedRelationships: 0, changeIds: [] };
      if (state.removeAlias)
        throw new MergeError('remove', 'BAD_INPUT', `${removeId} was already merged into ${state.removeAlias}`);
      throw new MergeError('remove', 'NOT_FOUND', `${removeId} was not found`);
    }
    const remove = state.remove;
    const props = mergedProps(keep, remove, label);
    // What moves, recorded in the audit entry so that the merge can be undone (db/write/unmerge.ts).
    const moves = await tx.rows<MovedRelationship>(
      `MATCH (r:${label} {id: $remove}), (k:${label} {id: $keep})
       MATCH (r)-[rel]-(m) WHERE m <> k
       WITH k, rel, m, startNode(rel) = r AS out
       WITH k, rel, m, out,
            CASE WHEN out
              THEN CASE WHEN rel.id IS NULL OR rel.id = type(rel) + ':' + $remove + '->' + m.id
                        THEN type(rel) + ':' + $keep + '->' + m.id ELSE rel.id END
              ELSE CASE WHEN rel.id IS NULL OR rel.id = type(rel) + ':' + m.id + '->' + $remove
                        THEN type(rel) + ':' + m.id + '->' + $keep ELSE rel.id END
            END AS newId
       RETURN type(rel) AS type, out, elementId(m) AS other, rel.id AS oldId, newId,
              EXISTS { MATCH (k)-[x]-(m) WHERE type(x) = type(rel) AND x.id = newId } AS shared`,
      { keep: keepId, remove: removeId },
    );

    // The natural keys move before the node goes, so uniqueness constraints never see them twice.
    await tx.rows(
      `MATCH (r:${label} {id: $remove}), (k:${label} {id: $keep})
       SET r.imo = null, r.locode = null, r.imoCompanyNumber = null
       WITH k SET k += $props`,
      { keep: keepId, remove: removeId, props: toNeo(props) },
    );
    const [moved] = await tx.rows<{ out: number; inn: number }>(
      `MATCH (r:${label} {id: $remove}), (k:${label} {id: $keep})
       CALL (r, k) {
         MATCH (r)-[rel]->(m) WHERE m <> k
         WITH rel, m, k, CASE WHEN rel.id IS NULL OR rel.id = type(rel) + ':' + $remove + '->' + m.id
                           THEN type(rel) + ':' + $keep + '->' + m.id ELSE rel.id END AS newId
         MERGE (k)-[n:$(type(rel)) {id: newId}]->(m)
         ON CREATE SET n = properties(rel), n.id = newId
         DELETE rel
         RETURN count(*) AS out
       }
       CALL (r, k) {
         MATCH (r)<-[rel]-(m) WHERE m <> k
         WITH rel, m, k, CASE WHEN rel.id IS NULL OR rel.id = type(rel) + ':' + m.id + '->' + $remove
                           THEN type(rel) + ':' + m.id + '->' + $keep ELSE rel.id END AS newId
         MERGE (m)-[n:$(type(rel)) {id: newId}]->(k)
         ON CREATE SET n = properties(rel), n.id = newId
         DELETE rel
         RETURN count(*) AS inn
       }
       RETURN out, inn`,
      { keep: keepId, remove: removeId },
    );
    await tx.rows(
      `MATCH (k:${label} {id: $keep})
       ${REFERENCES.map((ref) => `CALL (k) { MATCH (k)-[:${ref.rel}]-(x:${ref.label}) WHERE x.${ref.prop} = $remove SET x.${ref.prop} = $keep }`).join('\n       ')}`,
      { keep: keepId, remove: removeId },
    );
    await tx.rows(
      `MATCH (r:${label} {id: $remove}) DETACH DELETE r
       WITH 1 AS done
       MATCH (k:${label} {id: $keep})
       MERGE (a:Alias {id: $remove})
       MERGE (a)-[:MERGED_INTO]->(k)`,
      { keep: keepId, remove: removeId },
    );
    const legs = await tx.rows<{ id: string }>(
      `MATCH (:${label} {id: $keep})<-[:ON|FROM|TO]-(l:Leg) RETURN DISTINCT l.id AS id`,
      { keep: keepId },
    );
    if (legs.length > 0)
      await maintainNextLinksIn(
        tx.runner(),
        legs.map((l) => l.id),
      );

    const changes: Record<string, { before: unknown; after: unknown }> = {
      mergedFrom: { before: null, after: removeId },
    };
    if (reason) changes.reason = { before: null, after: reason };
    for (const [k, v] of Object.entries(props)) changes[k] = { before: keep[k] ?? null, after: v };
    for (const k of ['name', 'imo', 'locode', 'imoCompanyNumber']) {
      if (remove[k] != null && keep[k] != null && remove[k] !== keep[k])
        changes[`removed.${k}`] = { before: remove[k], after: null };
    }
    const changeIds = await recordPairChanges(tx, ctx, 'merge', label, [
      {
        entityId: keepId,
        action: 'UPDATED',
        subjectId: removeId,
        note: `merged ${removeId} into ${keepId}${reason ? ` (${reason})` : ''}`,
        changes,
      },
      {
        entityId: removeId,
        action: 'MERGED',
        subjectId: keepId,
        note: `merged into ${keepId}${reason ? ` (${reason})` : ''}`,
        changes: {
          mergedInto: { before: null, after: keepId },
          properties: { before: remove, after: null },
          moved: { before: null, after: moves },
        },
      },
    ]);
    // watchlists watching either side learn of the merge, committed with it (db/watch/alerts.ts)
    await recordAlertsIn(tx.runner(), mergeChanges(keepId, removeId, changeIds), ctx, 'MERGED');
    return {
      status: 'MERGED',
      keepId,
      removeId,
      movedRelationships: (moved?.out ?? 0) + (moved?.inn ?? 0),
      changeIds,
    };
  });
}

/** The audit entries of a merge or its undoing: one per entity, written in the same transaction. */
export async function recordPairChanges(
  tx: Tx,
  ctx: WriteContext,
  factType: string,
  label: NodeLabel,
  entries: {
    entityId: string;
    action: string;
    subjectId: string;
    note: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  }[],
): Promise<string[]> {
  const txId = randomUUID();
  const rows = entries.map((e, seq) => ({
    id: `change:${txId}:${seq}`,
    seq,
    tx: txId,
    actor: ctx.actor,
    operation: ctx.operation,
    requestId: ctx.requestId,
    runId: ctx.runId,
    line: null,
    factType,
    objectId: null,
    entityId: e.entityId,
    entityLabel: label,
    action: e.action,
    subjectId: e.subjectId,
    note: e.note,
    changesJson: JSON.stringify(e.changes),
  }));
  await tx.rows(`UNWIND $rows AS c CREATE (x:Change) SET x = c, x.at = datetime($at)`, {
    rows,
    at: new Date().toISOString(),
  });
  return rows.map((r) => r.id);
}
