/**
 * Which part of a query's selection is read in one statement (db/read/compiled.ts), and the field
 * resolvers' way to answer from it.
 *
 * A tie list (owners, managers, parties, holdings, controlledBy) whose selection goes on to a tie's
 * `party` or `target` is compiled with everything below it that compiles: the ends' properties (the
 * field maps of db/records.ts), their tie lists and a vessel's legs, as deep as the query goes. Other
 * fields (designations, flag, a leg's ports …) resolve through the DataLoaders as before, batched over
 * the records the compiled read built. A list compiles only in a query (mutations read whole records),
 * with a valid `first` (an invalid one is refused by `firstItems` on the loaders' path) and a known
 * field map; otherwise the field resolves through the loaders, which give the same answer.
 */
import { getNamedType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { FieldNode } from 'graphql';
import { parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';
import type DataLoader from 'dataloader';
import { ListPlan, NodePlan, PRELOADED, Preloaded } from '../db/read/compiled';
import { legPropsFor, relationPropsFor } from '../db/records';
import { MANAGER_RELATION_TYPES, OWNER_RELATION_TYPES, RELATION_TYPES } from '../domain/graph';
import { NodeLabel } from '../domain/ids';
import { Context } from './context';
import { DEFAULT_LIST_FIRST, firstItems, MAX_LIST_FIRST } from './listBound';
import { cached, isQuery, projectionOf, typeNamesOf } from './selection';

const ALL_TYPES = [...RELATION_TYPES];
const TIES: Record<string, { direction: 'to' | 'from'; types: string[] }> = {
  owners: { direction: 'to', types: [...OWNER_RELATION_TYPES] },
  managers: { direction: 'to', types: [...MANAGER_RELATION_TYPES] },
  parties: { direction: 'to', types: ALL_TYPES },
  controlledBy: { direction: 'to', types: ALL_TYPES },
  holdings: { direction: 'from', types: ALL_TYPES },
};
/** The list fields that compile, per label of the entity that has them. */
const LISTS: Partial<Record<NodeLabel, ReadonlySet<string>>> = {
  Vessel: new Set(['owners', 'managers', 'parties', 'legs']),
  Company: new Set(['holdings', 'controlledBy']),
  Person: new Set(['holdings', 'controlledBy']),
};
const LIST_LABELS = Object.keys(LISTS) as NodeLabel[];

const fieldNames = (tree: ResolveTree) => {
  const names: string[] = [];
  for (const fields of Object.values(tree.fieldsByTypeName)) for (const f of Object.values(fields)) names.push(f.name);
  return names;
};

/** The plan of a list field's selection, or null when it does not compile. */
function listPlan(schema: GraphQLSchema, tree: ResolveTree): ListPlan | null {
  const first = (tree.args.first as number | null | undefined) ?? DEFAULT_LIST_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST_FIRST) return null;
  if (tree.name === 'legs') {
    const props = legPropsFor(fieldNames(tree));
    return props ? { kind: 'legs', key: tree.alias, props } : null;
  }
  const tie = TIES[tree.name];
  const ends: { key: string; side: 'party' | 'target'; node: NodePlan }[] = [];
  for (const f of Object.values(tree.fieldsByTypeName.PartyRelation ?? {}))
    if (f.name === 'party' || f.name === 'target') ends.push({ key: f.alias, side: f.name, node: nodePlan(schema, f) });
  return {
    kind: 'relations',
    key: tree.alias,
    ...tie,
    props: relationPropsFor(fieldNames(tree)),
    ends,
  };
}

/** The plan of an entity's selection: its properties per label and the list fields that compile. */
function nodePlan(schema: GraphQLSchema, tree: ResolveTree): NodePlan {
  const plan: NodePlan = { props: projectionOf(schema, tree.fieldsByTypeName), lists: [] };
  const planned = new Map<ResolveTree, { labels: NodeLabel[]; list: ListPlan }>();
  for (const label of LIST_LABELS) {
    const typeNames = typeNamesOf(schema, label);
    const byKey = new Map<string, ResolveTree[]>();
    for (const [typeName, fields] of Object.entries(tree.fieldsByTypeName)) {
      if (!typeNames.has(typeName)) continue;
      for (const f of Object.values(fields))
        if (LISTS[label]!.has(f.name)) byKey.set(f.alias, [...(byKey.get(f.alias) ?? []), f]);
    }
    // a response key selected through two fragments has its selections merged by graphql-js: left to the loaders
    for (const [f] of [...byKey.values()].filter((fs) => fs.length === 1)) {
      const known = planned.get(f);
      if (known) {
        known.labels.push(label);
        continue;
      }
      const list = listPlan(schema, f);
      if (list) planned.set(f, { labels: [label], list });
    }
  }
  plan.lists = [...planned.values()];
  return plan;
}

interface Compiled {
  key: string;
  list: ListPlan;
}
const plans = new WeakMap<readonly FieldNode[], Map<string, Compiled | null>>();

/**
 * The compiled plan of this tie list field, when its selection goes on to a tie's ends (cached per
 * selection, and per variable values where the selection reads one: selection.ts planKey).
 */
function compiledPlan(info: GraphQLResolveInfo, labels: readonly NodeLabel[]): Compiled | null {
  // the labels are the parent's, the same for every resolution of these field nodes
  return cached(plans, info, () => {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    const list = tree && TIES[tree.name] ? listPlan(info.schema, tree) : null;
    return list?.kind === 'relations' && list.ends.length > 0 ? { key: JSON.stringify([labels, list]), list } : null;
  });
}

const nodePlans = new WeakMap<readonly FieldNode[], Map<string, NodePlan | null>>();

/**
 * The plan of the entities a connection field (`vessels`) answers in `edges { node { … } }`, when
 * that selection has a list that compiles: the statement reading the page then reads each entity as
 * its selection asks, with those lists (db/read/vessel.ts listVessels), so `vessels { edges { node {
 * owners { party { … } } } } }` is one statement. null (read the page as before): not a query, no list
 * that compiles, or `edges` or `node` selected under more than one response key (two selections of the
 * same records). Cached per selection.
 */
export function connectionNodePlan(info: GraphQLResolveInfo): NodePlan | null {
  if (!isQuery(info)) return null;
  return cached(nodePlans, info, () => makeConnectionNodePlan(info));
}

function makeConnectionNodePlan(info: GraphQLResolveInfo): NodePlan | null {
  const only = (tree: ResolveTree | null | undefined, typeName: string, name: string) => {
    const found = Object.values(tree?.fieldsByTypeName[typeName] ?? {}).filter((f) => f.name === name);
    return found.length === 1 ? found[0] : null;
  };
  const connection = getNamedType(info.returnType).name;
  const edges = only(parseResolveInfo(info) as ResolveTree | null, connection, 'edges');
  const node = edges ? only(edges, Object.keys(edges.fieldsByTypeName)[0] ?? '', 'node') : null;
  const plan = node ? nodePlan(info.schema, node) : null;
  return plan && plan.lists.length > 0 ? plan : null;
}

/** What a compiled read above this field read for it (undefined: nothing, resolve it through the loaders). */
export function preloaded<T>(root: object, info: GraphQLResolveInfo): T | undefined {
  return (root as { [PRELOADED]?: Preloaded })[PRELOADED]?.[info.path.key as string] as T | undefined;
}

/**
 * The first `first` items of a list field of an entity of these labels (counted against the answer's
 * budget, listBound.ts firstItems): read by a compiled read above it (answered synchronously: graphql-js
 * then completes the items without a promise), or compiled here with its subtree, or else through
 * `load` (the loaders).
 */
export function listItems<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  root: { id: string },
  labels: readonly NodeLabel[],
  first: number | null | undefined,
  load: () => Promise<T[]>,
): T[] | Promise<T[]> {
  const pre = preloaded<T[]>(root, info);
  if (pre) return firstItems(ctx.budget, pre, first);
  const compiled = isQuery(info) ? compiledPlan(info, labels) : null;
  const loader: DataLoader<string, unknown[]> | null = compiled
    ? ctx.loaders.compiledList(compiled.key, labels, compiled.list)
    : null;
  const items = loader ? (loader.load(root.id) as Promise<T[]>) : load();
  return items.then((all) => firstItems(ctx.budget, all, first));
}
