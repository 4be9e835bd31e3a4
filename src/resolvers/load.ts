/**
 * Loads through the request's DataLoaders, typed as the GraphQL type the field declares.
 *
 * The node loader answers plain records shaped per label by db/records.ts (`toRecord`: a Vessel's
 * record has the fields of schema/vessel.ts's Vessel, and so on). Those records are typed
 * `Record<string, unknown>` there, so the one cast from a record to its schema type is here, named.
 */
import { GraphQLResolveInfo } from 'graphql';
import { Context } from './context';
import { isQuery, selectedProjection } from './selection';

/** A record of the node loader: an entity's fields, as db/records.ts shapes them for its label. */
export type EntityRecord = Record<string, unknown> & { id: string };

/** The results of a `loadMany` that came back: missing (null) and failed (Error) loads dropped. */
export function present<T>(results: readonly (T | Error | null | undefined)[]): T[] {
  return results.filter((r): r is T => r != null && !(r instanceof Error));
}

/** An entity record as the schema type its label maps to. */
export function asEntity<T>(record: EntityRecord): T {
  return record as unknown as T;
}

/** Entity records as the schema type their label maps to. */
export function asEntities<T>(records: readonly EntityRecord[]): T[] {
  return records as unknown as T[];
}

/** The entity with this id, as type T; null when the id is empty or names nothing. */
export async function loadNode<T>(ctx: Context, id: string | null | undefined): Promise<T | null> {
  if (!id) return null;
  const record = await ctx.loaders.node.load(id);
  return record ? asEntity<T>(record) : null;
}

/**
 * The entity with this id, as type T, read only as far as the field's selection needs (a query's
 * look-ahead: `target { ... on Vessel { id name } }` reads two properties of each vessel); null when
 * the id is empty or names nothing. Mutations read the whole node (loadNode).
 */
export async function loadSelectedNode<T>(
  ctx: Context,
  id: string | null | undefined,
  info: GraphQLResolveInfo,
): Promise<T | null> {
  if (!id) return null;
  if (!isQuery(info)) return loadNode(ctx, id);
  const { key, projection } = selectedProjection(info);
  const record = await ctx.loaders.nodeWith(key, projection).load(id);
  return record ? asEntity<T>(record) : null;
}

/** The entities with these ids that exist, as type T, in the order of the ids. */
export async function loadNodes<T>(ctx: Context, ids: readonly string[]): Promise<T[]> {
  return asEntities<T>(present(await ctx.loaders.node.loadMany(ids)));
}
