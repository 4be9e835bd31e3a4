/**
 * Undoing a merge (an automatic one made when a list was loaded, or one an admin made): the removed
 * entity comes back from its `MERGED` audit entry — its properties as they were, the relationships the
 * merge moved (db/write/merge.ts records them), the ids that pointed at it — the kept entity loses what the
 * merge filled in (where nobody has changed it since), the alias goes, and both get an audit entry.
 * A merge candidate for the pair is marked REJECTED, so loading the list again does not merge them again.
 */
import { Database } from '../database';
import { maintainNextLinksIn } from '../trace';
import { MERGEABLE_LABELS, MovedRelationship, recordPairChanges } from './merge';
import { toNeo, Tx, WriteContext } from './writeFacts';
import { candidateId } from '../../domain/entityMatch';
import { labelOfId } from '../../domain/ids';

export class UnmergeError extends Error {}

type Change = { before: unknown; after: unknown };

/** Property references rewritten by a merge (db/write/merge.ts REFERENCES), by relationship type. */
const REFERENCE_PROPS: Record<string, string[]> = {
  ON: ['vesselId'],
  FROM_VESSEL: ['fromVesselId'],
  TO_VESSEL: ['toVesselId'],
  AT: ['portId'],
  CLAIMED: ['vesselId'],
  DESIGNATED: ['targetId'],
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function undoMerge(
  db: Database,
  removedId: string,
  ctx: WriteContext,
): Promise<{ keepId: string; removedId: string; restoredRelationships: number }> {
  const label = labelOfId(removedId);
  if (!label || !MERGEABLE_LABELS.includes(label))
    throw new UnmergeError(`${removedId} is not a vessel, company, person or port id`);
  return db.transaction(async (raw) => {
    const tx = new Tx(raw);
    const [state] = await tx.rows<{ keepId: string | null; merged: string | null; updated: string | null }>(
      `OPTIONAL MATCH (:Alias {id: $remove})-[:MERGED_INTO]->(k)
       OPTIONAL MATCH (m:Change {entityId: $remove, action: 'MERGED', subjectId: k.id})
       WITH k, m ORDER BY m.at DESC LIMIT 1
       OPTIONAL MATCH (u:Change {tx: m.tx, entityId: k.id})
       RETURN k.id AS keepId, m.changesJson AS merged, u.changesJson AS updated`,
      { remove: removedId },
    );
    if (!state?.keepId || !state.merged) throw new UnmergeError(`${removedId} is not merged into another entity`);
    const keepId = state.keepId;
    const merged = JSON.parse(state.merged) as Record<string, Change>;
    const updated = state.updated ? (JSON.parse(state.updated) as Record<string, Change>) : {};
    const props = (merged.properties?.before ?? {}) as Record<string, unknown>;
    const moves = (merged.moved?.after ?? null) as MovedRelationship[] | null;
    if (moves == null) throw new UnmergeError(`the merge of ${removedId} predates recorded moves: it cannot be undone`);

    // The kept entity gives back what the merge filled in, where it still holds the merged value.
    const [{ current }] = await tx.rows<{ current: Record<string, unknown> }>(
      `MATCH (k:${label} {id: $keep}) RETURN properties(k) AS current`,
      { keep: keepId },
    );
    const restore: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(updated)) {
      if (k === 'mergedFrom' || k === 'reason' || k.startsWith('removed.')) continue;
      if (same(current[k], c.after)) restore[k] = c.before ?? null;
    }
    await tx.rows(`MATCH (k:${label} {id: $keep}) SET k += $restore`, { keep: keepId, restore: toNeo(restore) });
    await tx.rows(`MATCH (a:Alias {id: $remove}) DETACH DELETE a`, { remove: removedId });
    await tx.rows(`CREATE (r:${label}) SET r = $props`, { props: toNeo(props) });

    let restored = 0;
    for (const m of moves.filter((x) => !x.shared)) {
      const [row] = await tx.rows<{ n: number }>(
        `MATCH (k:${label} {id: $keep}), (r:${label} {id: $remove}), (o) WHERE elementId(o) = $other
         MATCH (k)-[rel]-(o) WHERE type(rel) = $type AND rel.id = $newId AND (startNode(rel) = k) = $out
         CALL (rel, r, o) {
           WITH rel, r, o WHERE $out
           CREATE (r)-[n:$($type)]->(o) SET n = properties(rel), n.id = $oldId
         }
         CALL (rel, r, o) {
           WITH rel, r, o WHERE NOT $out
           CREATE (o)-[n:$($type)]->(r) SET n = properties(rel), n.id = $oldId
         }
         WITH rel, o DELETE rel
         WITH o
         CALL (o) {
           WITH o WHERE size($refs) > 0
           UNWIND $refs AS p
           WITH o, p WHERE o[p] = $keep
           SET o[p] = $remove
         }
         RETURN count(*) AS n`,
        {
          keep: keepId,
          remove: removedId,
          other: m.other,
          type: m.type,
          newId: m.newId,
          oldId: m.oldId ?? m.newId,
          out: m.out,
          refs: REFERENCE_PROPS[m.type] ?? [],
        },
      );
      restored += row?.n ?? 0;
    }
    const legs = await tx.rows<{ id: string }>(
      `MATCH (x:${label})<-[:ON|FROM|TO]-(l:Leg) WHERE x.id IN [$keep, $remove] RETURN DISTINCT l.id AS id`,
      { keep: keepId, remove: removedId },
    );
    if (legs.length > 0)
      await maintainNextLinksIn(
        tx.runner(),
        legs.map((l) => l.id),
      );
    await tx.rows(
      `MATCH (c:MergeCandidate {id: $id}) SET c.status = 'REJECTED', c.decidedBy = $actor, c.decidedAt = datetime()`,
      { id: candidateId(keepId, removedId), actor: ctx.actor },
    );
    await recordPairChanges(tx, ctx, 'unmerge', label, [
      {
        entityId: keepId,
        action: 'UPDATED',
        subjectId: removedId,
        note: `undid the merge of ${removedId} into ${keepId}`,
        changes: Object.fromEntries(
          Object.entries(restore).map(([k, v]) => [k, { before: current[k] ?? null, after: v }]),
        ),
      },
      {
        entityId: removedId,
        action: 'CREATED',
        subjectId: keepId,
        note: `restored from its merge into ${keepId}`,
        changes: {
          properties: { before: null, after: props },
          restoredRelationships: { before: null, after: restored },
        },
      },
    ]);
    return { keepId, removedId, restoredRelationships: restored };
  });
}
