/**
 * Which fields a query selects below a field, so that a loader reads only what is asked for
 * (db/records.ts LEG_FIELD_PROPS). Parsed with graphql-parse-resolve-info, which follows fragments,
 * inline fragments, aliases and @skip/@include; cached per field node, since a field inside a list is
 * resolved once per item with the same nodes.
 */
import { FieldNode, GraphQLResolveInfo, GraphQLSchema, isObjectType, OperationTypeNode } from 'graphql';
import { parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';
import { NodeLabel } from '../domain/ids';
import { FIELD_PROPS, propsFor } from '../db/records';
import { Projection } from '../db/loaders';

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

/** A query, not a mutation or subscription: only queries read through the narrowed (look-ahead) loaders. */
export function isQuery(info: GraphQLResolveInfo): boolean {
  return info.operation.operation === OperationTypeNode.QUERY;
}

const propsCache = new WeakMap<string[], Map<(fields: string[]) => string[] | null, string[] | null>>();

/**
 * The stored properties the items of this field are built from, by `propsOf` (db/records.ts
 * legPropsFor, relationPropsFor) over the selected fields; null (read them all) outside queries, since
 * mutations read back what they wrote through the whole-read loaders. Cached with the selection.
 */
export function selectedProps(
  info: GraphQLResolveInfo,
  propsOf: (fields: string[]) => string[] | null,
): string[] | null {
  if (!isQuery(info)) return null;
  const names = selectedFieldNames(info);
  let byFunction = propsCache.get(names);
  if (!byFunction)
    propsCache.set(names, (byFunction = new Map<(fields: string[]) => string[] | null, string[] | null>()));
  let props = byFunction.get(propsOf);
  if (props === undefined) byFunction.set(propsOf, (props = propsOf(names)));
  return props;
}

const projections = new WeakMap<readonly FieldNode[], Map<unknown, { key: string; projection: Projection }>>();

/**
 * What to read of the entity (or entities) this field returns: per label that has a field map
 * (db/records.ts FIELD_PROPS), the properties its selected fields are built from — the fields selected
 * on its own type and on the interfaces it implements (`... on Vessel { name }`, `... on Node { id }`).
 * `key` names the projection (the node loader keeps one loader per projection). Cached like
 * selectedFieldNames.
 */
export function selectedProjection(info: GraphQLResolveInfo): { key: string; projection: Projection } {
  let byVariables = projections.get(info.fieldNodes);
  if (!byVariables)
    projections.set(info.fieldNodes, (byVariables = new Map<unknown, { key: string; projection: Projection }>()));
  const hit = byVariables.get(info.variableValues);
  if (hit) return hit;
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const projection = projectionOf(info.schema, tree?.fieldsByTypeName ?? {});
  const out = { key: JSON.stringify(projection), projection };
  byVariables.set(info.variableValues, out);
  return out;
}

/** The type names whose selections apply to an entity of this label: its type and its interfaces. */
export function typeNamesOf(schema: GraphQLSchema, label: NodeLabel): Set<string> {
  const type = schema.getType(label);
  return new Set(isObjectType(type) ? [label, ...type.getInterfaces().map((i) => i.name)] : []);
}

/** Per label that has a field map, the properties the fields selected on it are built from. */
export function projectionOf(schema: GraphQLSchema, byType: ResolveTree['fieldsByTypeName']): Projection {
  const projection: Projection = {};
  for (const label of Object.keys(FIELD_PROPS) as NodeLabel[]) {
    const typeNames = typeNamesOf(schema, label);
    if (typeNames.size === 0) continue;
    const names: string[] = [];
    for (const [typeName, fields] of Object.entries(byType))
      if (typeNames.has(typeName)) for (const f of Object.values(fields)) names.push(f.name);
    projection[label] = propsFor(label, names);
  }
  return projection;
}

/** The arguments of every selection of the sub-field `name` below this field (one per alias), defaults applied. */
export function selectedFieldArgs(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const out: Record<string, unknown>[] = [];
  for (const fields of Object.values(tree?.fieldsByTypeName ?? {}))
    for (const f of Object.values(fields)) if (f.name === name) out.push(f.args);
  return out;
}

/** The names of the fields selected on the items of the sub-field `name` below this field (every alias of it). */
export function selectedSubfieldNames(info: GraphQLResolveInfo, name: string): string[] {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const names = new Set<string>();
  for (const fields of Object.values(tree?.fieldsByTypeName ?? {}))
    for (const f of Object.values(fields))
      if (f.name === name)
        for (const sub of Object.values(f.fieldsByTypeName)) for (const s of Object.values(sub)) names.add(s.name);
  return [...names];
}
