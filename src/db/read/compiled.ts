/**
 * Compiled reads (issue 14): a subtree of a query that only projects the properties and ties of the
 * entity it starts from (`owners { party { holdings { target { ... on Vessel { name legs { id } } } } } }`)
 * read in ONE statement, with nested COLLECT subqueries, instead of one loader statement per level.
 * This is the look-ahead @neo4j/graphql compiles every query into; Collier compiles only the ties
 * (owners, managers, parties, holdings, controlledBy), their two ends (party, target) and a vessel's
 * legs, and leaves every other field to the per-request DataLoaders, which batch over the records this
 * read builds (so statements per request stay bounded).
 *
 * The plan says what to read (db/records.ts field maps, chosen by src/resolvers/compiled.ts); the
 * statement is built from fixed fragments, every value is a parameter.
 * The records are built as the loaders build them (`toRelation`, `narrowedRecord`, `legsFromColumns`,
 * the same orders), and each carries what was read below it under PRELOADED, by response key, for
 * the field resolvers to answer from (src/resolvers/compiled.ts `preloaded`).
 */
import { labelOfId, NODE_KINDS, NodeKind, NodeLabel } from '../../domain/ids';
import { Params } from '../database';
import { RELATION_TYPES } from './party';
import { byPeriod, NodeRecord, propsFromValues, RelationRecord, toRecord, toRelation } from '../records';
import { legsFromColumns, narrowedRecord } from '../narrowedReads';

/** What a compiled read attached to a record: the value of each compiled field, by response key. */
export const PRELOADED = Symbol('preloaded');
export type Preloaded = Record<string, unknown>;

/**
 * A vessel's legs with only `props` read, all of them in time order, as the legs loader reads them (the
 * field resolver cuts the list to its `first`): a `LIMIT` in the subquery made Neo4j keep a top-n
 * per vessel, slower at S (≈ 31 → 27 ms for the nested read's statement) than sorting the few legs.
 */
export interface LegsPlan {
  kind: 'legs';
  key: string;
  props: string[];
}

/** The ties of a vessel, company or person, with their ends as the selection asks for them. */
export interface RelationsPlan {
  kind: 'relations';
  key: string;
  /** `to`: ties from parties to this node (owners, controlledBy); `from`: this party's ties (holdings). */
  direction: 'to' | 'from';
  types: string[];
  /** The relationship properties to read, or null: every one. */
  props: string[] | null;
  /** `party` and `target` selections, by response key. */
  ends: { key: string; side: 'party' | 'target'; node: NodePlan }[];
}

export type ListPlan = LegsPlan | RelationsPlan;

/** An entity read as its selection needs: the properties per label (null: all), the lists per label. */
export interface NodePlan {
  props: Partial<Record<NodeLabel, string[] | null>>;
  lists: { labels: NodeLabel[]; list: ListPlan }[];
}

const TIE_TYPES: ReadonlySet<string> = new Set(RELATION_TYPES);
const ALL_LABELS = Object.values(NODE_KINDS);
const PARTY_LABELS: readonly NodeLabel[] = ['Company', 'Person'];
const KIND_OF = Object.fromEntries(Object.entries(NODE_KINDS).map(([k, l]) => [l, k])) as Record<NodeLabel, NodeKind>;

/** What separates a vessel's leg ids in the one text its legs are read as (never in an id: domain/ids.ts). */
const LEG_ID_SEPARATOR = ' ';

/** The ids of a vessel's legs, read as one text with a separator after each. */
function splitIds(text: string): string[] {
  const ids = text.split(LEG_ID_SEPARATOR);
  ids.pop();
  return ids;
}

/** The order of a vessel's legs, as the legs loaders read them (db/loaders.ts). */
const legOrder = (l: string) => `coalesce(${l}.departureFrom, ${l}.arrivalFrom, ${l}.arrivalTo), ${l}.id`;

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * A property's value, its key written into the statement (the names come from db/records.ts's field
 * maps, never from a request; checked here): a static key lets Neo4j read it once and cache it, where
 * `x[$p]` is looked up on every use. A date bound (`…From`, `…To`) comes back as ISO text, as the
 * narrowed reads give it (db/narrowedReads.ts propertyValue); the driver would give the same text.
 */
function value(x: string, prop: string): string {
  if (!PROPERTY_NAME.test(prop)) throw new Error(`not a property name: ${prop}`);
  const v = `${x}.${prop}`;
  return /(From|To)$/.test(prop) ? `CASE WHEN ${v} IS :: DATE THEN toString(${v}) ELSE ${v} END` : v;
}
const values = (x: string, props: readonly string[]) => `[${props.map((p) => value(x, p)).join(', ')}]`;
/** A node's properties other than its id (the id is the node's first value: not read twice). */
const besidesId = new WeakMap<readonly string[], string[]>();
function propsBesidesId(props: readonly string[]): string[] {
  let rest = besidesId.get(props);
  if (!rest) besidesId.set(props, (rest = props.filter((p) => p !== 'id')));
  return rest;
}
const kindOf = (x: string) => `split(${x}.id, ':')[0]`;

/** Builds the statement's expressions, naming variables by a counter. */
class Compiler {
  params: Params = {};
  private n = 0;
  private next(): number {
    return this.n++;
  }

  /** `labels`: the labels `x` can have (its MATCH or its parent's list says so). */
  list(x: string, plan: ListPlan, labels: readonly NodeLabel[]): string {
    return plan.kind === 'legs' ? this.legs(x, plan) : this.relations(x, plan, labels);
  }

  /**
   * The legs' values as columns, one list per property (as LEGS_OF_VESSELS_NARROWED); with one property
   * (`legs { id }`) just its list, read while sorting.
   */
  private legs(x: string, plan: LegsPlan): string {
    const i = this.next();
    const l = `l${i}`;
    const ls = `ls${i}`;
    const match = `MATCH (${l}:Leg)-[:ON]->(${x})`;
    if (plan.props.length === 1) {
      const list = `COLLECT { ${match} RETURN ${value(l, plan.props[0])} ORDER BY ${legOrder(l)} }`;
      if (plan.props[0] !== 'id') return list;
      // the ids as one text (decodeList splits it): one string for the driver to decode a vessel, not
      // one a leg; a list as before where an id is not text or holds the separator
      const v = `v${i}`;
      const joined = `reduce(s = '', ${v} IN ${ls} | s + ${v} + '${LEG_ID_SEPARATOR}')`;
      const plain = `all(${v} IN ${ls} WHERE ${v} IS :: STRING NOT NULL AND NOT ${v} CONTAINS '${LEG_ID_SEPARATOR}')`;
      return `[${ls} IN [${list}] | CASE WHEN ${plain} THEN ${joined} ELSE ${ls} END][0]`;
    }
    const columns = plan.props.map((p) => `[y${i} IN ${ls} | ${value(`y${i}`, p)}]`);
    return `[${ls} IN [COLLECT { ${match} WITH ${l} ORDER BY ${legOrder(l)} RETURN ${l} }] | [${columns.join(', ')}]][0]`;
  }

  /**
   * A list of [type, read, otherId, ...ends]: `read` the relationship's values (props) or its property
   * map (every one); `otherId` the id of the end that is not `x`, or null where an end of that side is
   * selected (its id is the end's first value); `x`'s own id is the key the list is read for.
   */
  private relations(x: string, plan: RelationsPlan, labels: readonly NodeLabel[]): string {
    const i = this.next();
    const r = `r${i}`;
    const o = `o${i}`;
    // the types are written into the pattern (an expand by type, not a filter over every relationship)
    const types = plan.types.map((t) => {
      if (!TIE_TYPES.has(t)) throw new Error(`not a tie type: ${t}`);
      return t;
    });
    const rel = `[${r}:${types.join('|')}]`;
    const pattern = plan.direction === 'to' ? `(${x})<-${rel}-(${o}:Party)` : `(${x})-${rel}->(${o})`;
    const [party, target] = plan.direction === 'to' ? [o, x] : [x, o];
    // the labels of each end, where they are known: a party is a company or a person; `x` has its own
    const [partyLabels, targetLabels] = plan.direction === 'to' ? [PARTY_LABELS, labels] : [labels, null];
    // the other end's kind, where its labels are unknown: worked out once a row
    const k = `k${i}`;
    const kindOfOther = plan.direction === 'from' && plan.ends.some((e) => e.side === 'target');
    const read = plan.props ? values(r, plan.props) : `properties(${r})`;
    const ends = plan.ends.map((e) =>
      e.side === 'party'
        ? this.node(party, e.node, partyLabels)
        : this.node(target, e.node, targetLabels, kindOfOther ? k : undefined),
    );
    const otherId = plan.ends.some((e) => e.side === otherSide(plan)) ? 'null' : `${o}.id`;
    return `COLLECT { MATCH ${pattern}${kindOfOther ? ` WITH *, ${kindOf(o)} AS ${k}` : ''}
      RETURN [type(${r}), ${read}, ${otherId}${ends.map((e) => `, ${e}`).join('')}] }`;
  }

  /**
   * [id, read, ...lists]: `read` the values of the properties the selection needs of the label its id
   * names (besides the id), or every property (a map) where that label's are not narrowed; its lists where they apply.
   * `labels`: the labels `x` can have, or null (any): where every one of them reads the same
   * properties, they are read without asking which label `x` has, and a list that applies to all of
   * them without a condition. `kind`: a variable holding `x`'s kind, where the statement has one.
   */
  node(x: string, plan: NodePlan, labels: readonly NodeLabel[] | null, kind = kindOf(x)): string {
    const candidates = labels ?? ALL_LABELS;
    const propsOf = (l: NodeLabel) => plan.props[l] ?? null;
    const first = propsOf(candidates[0]);
    const same = labels != null && candidates.every((l) => String(propsOf(l)) === String(first));
    let read: string;
    if (same) read = first ? values(x, propsBesidesId(first)) : `properties(${x})`;
    else {
      const whens = candidates
        .map((l) => [l, propsOf(l)] as const)
        .filter((e): e is [NodeLabel, string[]] => e[1] != null)
        .map(([label, props]) => `WHEN '${KIND_OF[label]}' THEN ${values(x, propsBesidesId(props))}`);
      read = whens.length > 0 ? `CASE ${kind} ${whens.join(' ')} ELSE properties(${x}) END` : `properties(${x})`;
    }
    const lists = plan.lists.map(({ labels: listLabels, list }) => {
      const applies = candidates.filter((l) => listLabels.includes(l));
      if (applies.length === 0) return ', null';
      if (labels != null && applies.length === candidates.length) return `, ${this.list(x, list, applies)}`;
      const kinds = applies.map((l) => `'${KIND_OF[l]}'`).join(', ');
      return `, CASE WHEN ${kind} IN [${kinds}] THEN ${this.list(x, list, applies)} END`;
    });
    return `[${x}.id, ${read}${lists.join('')}]`;
  }
}

/** The side of a tie that is not the node its list is read for. */
const otherSide = (plan: RelationsPlan): 'party' | 'target' => (plan.direction === 'to' ? 'party' : 'target');

/**
 * The statement reading `list` for each key (`$keys_<Label>`, one UNION branch per label the list
 * applies to, so that the parent is found by its label's id index), and its parameters.
 */
export function compileList(labels: readonly NodeLabel[], list: ListPlan): { cypher: string; params: Params } {
  const c = new Compiler();
  const expr = c.list('x', list, labels);
  const branches = labels.map((l) => `UNWIND $keys_${l} AS key MATCH (x:${l} {id: key}) RETURN key, ${expr} AS value`);
  return { cypher: `CALL () { ${branches.join(' UNION ALL ')} } RETURN key, value`, params: c.params };
}

const compiledNodes = new WeakMap<NodePlan, Map<string, { expr: string; params: Params }>>();

/**
 * The expression reading node `x`, of label `label`, as `plan` says, with its lists (decoded by
 * `decodeNode`): for a statement that finds the nodes itself (a page of vessels, db/read/vessel.ts).
 */
export function compileNode(x: string, label: NodeLabel, plan: NodePlan): { expr: string; params: Params } {
  // a plan is cached with its selection (src/resolvers/compiled.ts): its expression is written once
  let byTarget = compiledNodes.get(plan);
  if (!byTarget) compiledNodes.set(plan, (byTarget = new Map<string, { expr: string; params: Params }>()));
  const target = `${x} ${label}`;
  let compiled = byTarget.get(target);
  if (!compiled) {
    const c = new Compiler();
    byTarget.set(target, (compiled = { expr: c.node(x, plan, [label]), params: c.params }));
  }
  return compiled;
}

/**
 * One read value of a compiled list, read for the node `key`, as the records the loaders would answer,
 * with what was read below them.
 */
export function decodeList(list: ListPlan, value: unknown, key: string): unknown[] {
  if (list.kind === 'legs') {
    const columns = (
      list.props.length === 1 ? [typeof value === 'string' ? splitIds(value) : value] : value
    ) as unknown[][];
    return legsFromColumns(list.props, { n: columns[0].length, columns });
  }
  const other = otherSide(list);
  const { ends } = list;
  let otherEnd = -1;
  for (let j = 0; j < ends.length; j++) if (ends[j].side === other && otherEnd < 0) otherEnd = j;
  // plain loops: a list is decoded for each of 841 holdings' owners of a nested answer, a closure and
  // a destructured array a row add up (docs/performance.md "Session nested8")
  const rows = value as unknown[][];
  const relations = new Array<RelationRecord>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const read = row[1];
    const p = list.props ? propsFromValues(list.props, read as unknown[]) : (read as Record<string, unknown>);
    const otherIdOf = otherEnd < 0 ? String(row[2]) : String((row[3 + otherEnd] as unknown[])[0]);
    const relation = toRelation(
      row[0] as string,
      p,
      list.direction === 'to' ? otherIdOf : key,
      list.direction === 'to' ? key : otherIdOf,
    );
    if (ends.length > 0) {
      const pre: Preloaded = {};
      for (let j = 0; j < ends.length; j++) pre[ends[j].key] = decodeNode(ends[j].node, row[3 + j] as unknown[]);
      (relation as { [PRELOADED]?: Preloaded })[PRELOADED] = pre;
    }
    relations[i] = relation;
  }
  return relations.sort(byPeriod);
}

/** One read node as the record the node loader would answer (db/loaders.ts nodeWith). */
export function decodeNode(plan: NodePlan, row: unknown[]): NodeRecord {
  const id = row[0] as string;
  const read = row[1];
  const label = labelOfId(id)!;
  const narrowed = plan.props[label];
  let record: NodeRecord;
  if (narrowed) {
    const props = propsFromValues(propsBesidesId(narrowed), read as unknown[]);
    props.id = id;
    record = narrowedRecord(label, narrowed, props);
  } else record = toRecord(label, read as Record<string, unknown>);
  const { lists } = plan;
  if (lists.length > 0) {
    const pre: Preloaded = {};
    for (let j = 0; j < lists.length; j++) {
      const value = row[2 + j];
      if (value != null) pre[lists[j].list.key] = decodeList(lists[j].list, value, id);
    }
    (record as { [PRELOADED]?: Preloaded })[PRELOADED] = pre;
  }
  return record;
}
