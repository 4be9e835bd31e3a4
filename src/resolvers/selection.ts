/**
 * Which fields a query selects below a field, so that a loader reads only what is asked for
 * (db/records.ts LEG_FIELD_PROPS). Parsed with graphql-parse-resolve-info, which follows fragments,
 * inline fragments, aliases and @skip/@include; cached per field node, since a field inside a list is
 * resolved once per item with the same nodes, and graphql-jit resolves every request of a cached
 * document with the same nodes (namesKey: keyed by the variables only where a directive reads one).
 */
import {
  FieldNode,
  GraphQLResolveInfo,
  GraphQLSchema,
  isObjectType,
  Kind,
  OperationTypeNode,
  SelectionNode,
  ValueNode,
} from 'graphql';
import { parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';
import { NodeLabel } from '../domain/ids';
import { FIELD_PROPS, propsFor } from '../db/records';
import { Projection } from '../db/loaders';

const cache = new WeakMap<readonly FieldNode[], Map<string, string[]>>();

/** Answers kept per field node (distinct variable values of a selection that reads them; then cleared). */
const PER_FIELD = 64;

const variablesKeys = new WeakMap<object, string>();

/** The variable values of this request as text, made once a request. */
function variablesKey(info: GraphQLResolveInfo): string {
  let key = variablesKeys.get(info.variableValues);
  if (key === undefined) variablesKeys.set(info.variableValues, (key = JSON.stringify(info.variableValues)));
  return key;
}

/** Per rule (arguments and directives, or directives only): whether these field nodes read a variable. */
const readingVariables = new WeakMap<readonly FieldNode[], boolean>();
const directingByVariables = new WeakMap<readonly FieldNode[], boolean>();

const readsVariable = (value: ValueNode): boolean =>
  value.kind === Kind.VARIABLE ||
  (value.kind === Kind.LIST && value.values.some(readsVariable)) ||
  (value.kind === Kind.OBJECT && value.fields.some((f) => readsVariable(f.value)));

/**
 * Whether these field nodes' arguments (with `fieldArguments`), or anything selected below them
 * (fragments followed), read a variable: an argument's value or a directive's (`first: $n`,
 * `@include(if: $x)`); without `fieldArguments` only the directives count.
 */
function readsVariables(info: GraphQLResolveInfo, fieldArguments: boolean): boolean {
  const store = fieldArguments ? readingVariables : directingByVariables;
  let known = store.get(info.fieldNodes);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  const reads = (s: SelectionNode): boolean => {
    if (s.directives?.some((d) => d.arguments?.some((a) => readsVariable(a.value)))) return true;
    if (fieldArguments && s.kind === Kind.FIELD && s.arguments?.some((a) => readsVariable(a.value))) return true;
    if (s.kind === Kind.FRAGMENT_SPREAD) {
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return (info.fragments[s.name.value]?.selectionSet.selections ?? []).some(reads);
    }
    return (s.selectionSet?.selections ?? []).some(reads);
  };
  known = info.fieldNodes.some(reads);
  store.set(info.fieldNodes, known);
  return known;
}

/**
 * What anything made from this field's selection and arguments (the plans of src/resolvers/compiled.ts)
 * is keyed by under its field nodes: the variable values where they or a selection below read one (an
 * argument's value, a directive's), else one key for every request (graphql-jit hands each request of a
 * cached document the same field nodes and a new variables object: keyed by that object, the selection
 * was parsed again on every request and its map grew by one entry a request).
 */
export function planKey(info: GraphQLResolveInfo): string {
  return readsVariables(info, true) ? variablesKey(info) : '';
}

/**
 * What the names selected below this field (and what is made of them alone: selectsBelow, the
 * projections) are keyed by: only a directive's variable (`@include(if: $x)`) changes which fields are
 * selected, an argument's value (`neighborhood(id: $id)`) does not. A query whose arguments are
 * variables (every client's) was parsed again for each new value (issue 14).
 */
export function namesKey(info: GraphQLResolveInfo): string {
  return readsVariables(info, false) ? variablesKey(info) : '';
}

/** The answer cached under these field nodes and key, or made and kept (at most PER_FIELD a node). */
export function cached<V>(
  store: WeakMap<readonly FieldNode[], Map<string, V>>,
  info: GraphQLResolveInfo,
  make: () => V,
  keyOf: (info: GraphQLResolveInfo) => string = planKey,
): V {
  let byKey = store.get(info.fieldNodes);
  if (!byKey) store.set(info.fieldNodes, (byKey = new Map<string, V>()));
  const key = keyOf(info);
  let hit = byKey.get(key);
  if (hit === undefined) {
    if (byKey.size >= PER_FIELD) byKey.clear();
    byKey.set(key, (hit = make()));
  }
  return hit;
}

/** `cached` keyed by namesKey: for what is made of the selected names alone. */
function cachedByNames<V>(
  store: WeakMap<readonly FieldNode[], Map<string, V>>,
  info: GraphQLResolveInfo,
  make: () => V,
): V {
  return cached(store, info, make, namesKey);
}

/**
 * The names of the fields selected on the items of this field (fragments on the type's interfaces
 * included: their fields apply to it too).
 */
export function selectedFieldNames(info: GraphQLResolveInfo): string[] {
  return cachedByNames(cache, info, () => {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    const names = new Set<string>();
    for (const fields of Object.values(tree?.fieldsByTypeName ?? {}))
      for (const f of Object.values(fields)) names.add(f.name);
    return [...names];
  });
}

/** Per field node and names key: this field's parsed selection, and the paths asked of it so far. */
const pathSelections = new WeakMap<
  readonly FieldNode[],
  Map<string, { tree: ResolveTree | null; answers: Map<string, boolean> }>
>();

/**
 * Whether the items of this field have the path `name`, `…rest` selected (any alias at every step,
 * fragments, inline fragments and @skip/@include followed): `edges { period }` below a neighbourhood
 * (`'edges', 'period'`), `pathFromA { edges { sources } }` below commonConnections. True outside
 * queries (nothing is left out there). The selection is parsed once per field node and names key,
 * each path's answer kept beside it (a resolver asks for several).
 */
export function selectsBelow(info: GraphQLResolveInfo, name: string, ...rest: string[]): boolean {
  if (!isQuery(info)) return true;
  const seen = cachedByNames(pathSelections, info, () => ({
    tree: parseResolveInfo(info) as ResolveTree | null,
    answers: new Map<string, boolean>(),
  }));
  const path = [name, ...rest];
  const key = path.join('.');
  let known = seen.answers.get(key);
  if (known === undefined) seen.answers.set(key, (known = hasPath(seen.tree, path)));
  return known;
}

/** Whether some field selected on `tree`'s items (any type, any alias) is `path[0]`, with the rest below it. */
function hasPath(tree: ResolveTree | null, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  const [name, ...rest] = path;
  for (const fields of Object.values(tree?.fieldsByTypeName ?? {}))
    for (const f of Object.values(fields)) if (f.name === name && hasPath(f, rest)) return true;
  return false;
}

/**
 * Whether the items of this field have `name` selected (any alias, fragments followed): a path's
 * `sources`. True outside queries, as selectsBelow.
 */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return !isQuery(info) || selectedFieldNames(info).includes(name);
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

const projections = new WeakMap<readonly FieldNode[], Map<string, { key: string; projection: Projection }>>();

/**
 * What to read of the entity (or entities) this field returns: per label that has a field map
 * (db/records.ts FIELD_PROPS), the properties its selected fields are built from — the fields selected
 * on its own type and on the interfaces it implements (`... on Vessel { name }`, `... on Node { id }`).
 * `key` names the projection (the node loader keeps one loader per projection). Cached like
 * selectedFieldNames.
 */
export function selectedProjection(info: GraphQLResolveInfo): { key: string; projection: Projection } {
  return cachedByNames(projections, info, () => {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    const projection = projectionOf(info.schema, tree?.fieldsByTypeName ?? {});
    return { key: JSON.stringify(projection), projection };
  });
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
