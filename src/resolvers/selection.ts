/**
 * Which fields a query selects below a field, so that a loader reads only what is asked for
 * (db/records.ts LEG_FIELD_PROPS). Parsed with graphql-parse-resolve-info, which follows fragments,
 * inline fragments, aliases and @skip/@include; cached per field node, since a field inside a list is
 * resolved once per item with the same nodes.
 */
import { FieldNode, GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';

const cache = new WeakMap<readonly FieldNode[], Map<unknown, string[]>>();

/**
 * The names of the fields selected on the items of this field (fragments on the type's interfaces
 * included: their fields apply to it too).
 */
export function selectedFieldNames(info: GraphQLResolveInfo): string[] {
  let byVariables = cache.get(info.fieldNodes);
  if (!byVariables) cache.set(info.fieldNodes, (byVariables = new Map<unknown, string[]>()));
  // @skip/@include may depend on variables: one answer per variable values object
  const hit = byVariables.get(info.variableValues);
  if (hit) return hit;
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const names = new Set<string>();
  for (const fields of Object.values(tree?.fieldsByTypeName ?? {}))
    for (const f of Object.values(fields)) names.add(f.name);
  const out = [...names];
  byVariables.set(info.variableValues, out);
  return out;
}

/** The arguments of every selection of the sub-field `name` below this field (one per alias), defaults applied. */
export function selectedFieldArgs(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const out: Record<string, unknown>[] = [];
  for (const fields of Object.values(tree?.fieldsByTypeName ?? {}))
    for (const f of Object.values(fields)) if (f.name === name) out.push(f.args);
  return out;
}
