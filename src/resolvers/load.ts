/**
 * Loads through the request's DataLoaders, typed as the record of the label a field declares.
 *
 * The node loader answers plain records shaped per label by db/records.ts (`toRecord`: a Vessel's
 * record is a `VesselRecord`, which the compiler checks against schema/vessel.ts's Vessel where a
 * resolver returns it). An id's label is its prefix: a record is returned as the label asked for only
 * when its id says so.
 */
import { GraphQLResolveInfo } from 'graphql';
import { NodeRecord, NodeRecords } from '../db/records';
import { NODE_KINDS, NodeLabel, labelOfId } from '../domain/ids';
import { Context } from './context';
import { isQuery, selectedProjection } from './selection';
import { preloaded } from './compiled';

/** A company or a person: the labels of the Party interface. */
export const PARTY_LABELS = ['Company', 'Person'] as const;
/** Every label: for fields typed with the Node interface. */
export const ANY_LABEL: readonly NodeLabel[] = Object.values(NODE_KINDS);

/** The results of a `loadMany` that came back: missing (null) and failed (Error) loads dropped. */
export function present<T>(results: readonly (T | Error | null | undefined)[]): T[] {
  return results.filter((r): r is T => r != null && !(r instanceof Error));
}

/** Is this record one of these labels (by its id)? */
function isOf<L extends NodeLabel>(record: NodeRecord, labels: readonly L[]): record is NodeRecords[L] {
  return (labels as readonly NodeLabel[]).includes(labelOfId(record.id) as NodeLabel);
}

/** The entity with this id when it is one of these labels; null when the id is empty or names nothing. */
export async function loadNode<L extends NodeLabel>(
  ctx: Context,
  id: string | null | undefined,
  labels: readonly L[],
): Promise<NodeRecords[L] | null> {
  if (!id) return null;
  const record = await ctx.loaders.node.load(id);
  return record && isOf(record, labels) ? record : null;
}

/** The entities with these ids that exist and are one of these labels, in the order of the ids. */
export async function loadNodes<L extends NodeLabel>(
  ctx: Context,
  ids: readonly string[],
  labels: readonly L[],
): Promise<NodeRecords[L][]> {
  return present(await ctx.loaders.node.loadMany(ids)).filter((r): r is NodeRecords[L] => isOf(r, labels));
}

/**
 * The entity with this id when it is one of these labels, read only as far as the field's selection
 * needs (a query's look-ahead: `target { ... on Vessel { id name } }` reads two properties of each
 * vessel); null when the id is empty or names nothing. Mutations read the whole node (loadNode). With
 * `root`, the record a compiled read attached to it (resolvers/compiled.ts) answers when there is one.
 */
export function loadSelectedNode<L extends NodeLabel>(
  ctx: Context,
  id: string | null | undefined,
  info: GraphQLResolveInfo,
  labels: readonly L[],
  root?: object,
): NodeRecords[L] | null | Promise<NodeRecords[L] | null> {
  if (!id) return null;
  // read by a compiled read above the field (resolvers/compiled.ts): answered at once
  const pre = root && preloaded<NodeRecord>(root, info);
  if (pre) return isOf(pre, labels) ? pre : null;
  if (!isQuery(info)) return loadNode(ctx, id, labels);
  const { key, projection } = selectedProjection(info);
  return ctx.loaders
    .nodeWith(key, projection)
    .load(id)
    .then((record) => (record && isOf(record, labels) ? record : null));
}
