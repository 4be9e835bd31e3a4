/**
 * Compact views of drawn nodes, edges and paths: only what a drawn node or edge is made of, as
 * positional lists, instead of every property of every node and relationship (`properties(n)`).
 *
 * A drawn node needs its label, id, confidence and sources, the properties its name is made of
 * (`displayName`) and the dates an edge of its event borrows for its period (`toDrawnEdge`); a drawn
 * edge its id, type, ends, confidence, sources and period. A neighbourhood at depth 2 returned 183 kB
 * of properties (cargo figures as JSON, descriptions, aliases …) for what is drawn from 12 kB: the
 * driver unpacked every key and value, and the store read every property (db hits). The lists are
 * decoded back into the `NodeView`/`EdgeView` shapes that `toDrawnNode`/`toDrawnEdge` read, holding
 * exactly the properties they read (a property the node does not have is left out, as `properties()`
 * leaves it out), so every answer built from them is the same.
 *
 * Which properties each label needs is written once, in DRAWN_KEYS below, beside the rules it serves;
 * test/integration/drawnView.test.ts compares the compact and the whole views on every node and
 * relationship type the analyses draw.
 */
import { EdgeView, ENTITY_LABELS, NodeView } from './traversal';

type Props = Record<string, unknown>;

/** The days of periods (`…From`, `…To`): stored as dates. */
const DATE_KEYS = new Set<string>();
/** Every key of a period. */
const PERIOD_KEYS = new Set<string>();
const period = (prefix: string) => {
  DATE_KEYS.add(`${prefix}From`).add(`${prefix}To`);
  const keys = ['From', 'To', 'Precision', 'Text'].map((s) => `${prefix}${s}`);
  for (const k of keys) PERIOD_KEYS.add(k);
  return keys;
};

/** Read for every node: its id, and the confidence and sources an edge may borrow (`toDrawnNode`). */
const COMMON_KEYS = ['id', 'confidence', 'sourceIds'] as const;
/** COMMON_KEYS but the sources: a node drawn for an answer that shows no sources. */
const COMMON_KEYS_UNSOURCED = COMMON_KEYS.filter((k) => k !== 'sourceIds');

/**
 * The properties `displayName` reads for a node of each label, and the dates `toDrawnEdge` borrows
 * from it (a leg's departure and arrival, a transfer's day, a designation's date, a claim's period).
 * Any other label is named by `name`, else `code`.
 */
const DRAWN_KEYS: Record<string, readonly string[]> = {
  Leg: ['vesselDescription', 'fromText', 'toText', ...period('departure'), ...period('arrival')],
  Transfer: ['fromVesselDescription', 'fromVesselId', 'toVesselDescription', 'toVesselId', ...period('when')],
  Designation: ['authority', 'measure', ...period('date')],
  IdentityClaim: ['name', 'flagText', 'flagCode', 'status', ...period('period')],
  Source: ['title', 'publisher', 'url'],
  Statistic: ['statement'],
};
const OTHER_KEYS = ['name', 'code'] as const;
/** OTHER_KEYS as a Cypher list (model property names, checked below). */
const OTHER_LIST = `[${OTHER_KEYS.map((k) => `'${k}'`).join(', ')}]`;

/** Of the period keys above, those `displayName` reads: a leg's and a transfer's day as text, a designation's date. */
const NAMED_PERIOD_KEYS = new Set(['departureText', 'arrivalText', 'whenText', 'dateFrom']);

/** DRAWN_KEYS without the dates only edges' periods borrow: what a drawing that shows no period reads. */
const NAME_KEYS: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(DRAWN_KEYS).map(([label, keys]) => [
    label,
    keys.filter((k) => !PERIOD_KEYS.has(k) || NAMED_PERIOD_KEYS.has(k)),
  ]),
);

/** Read for every edge (`toDrawnEdge`): its own confidence, sources and period. */
const EDGE_KEYS = ['confidence', 'sourceIds', ...period('period')] as const;
/** EDGE_KEYS without the period (`periods` false) or the sources (`sources` false): what an edge is drawn with. */
const edgeKeys = (periods: boolean, sources: boolean): readonly string[] =>
  EDGE_KEYS.filter((k) => (periods || !PERIOD_KEYS.has(k)) && (sources || k !== 'sourceIds'));

/** Cypher property names are written from the fixed lists above only. */
const SAFE_KEY = /^[A-Za-z][A-Za-z0-9]*$/;
/**
 * Of the keys listed, the days are those named `…From` or `…To` (the statement tells them by their
 * name, without a list of them to send): checked here for every key, so a key added that breaks the
 * rule fails at load.
 */
const DAY_NAME = /(From|To)$/;
for (const k of [...COMMON_KEYS, ...Object.values(DRAWN_KEYS).flat(), ...OTHER_KEYS, ...EDGE_KEYS]) {
  if (!SAFE_KEY.test(k)) throw new Error(`not a property name: ${k}`);
  if (DAY_NAME.test(k) !== DATE_KEYS.has(k)) throw new Error(`a day must be named …From or …To, and only a day: ${k}`);
}

/**
 * The node's label as `primaryLabel` picks it: its first label that is one of the model's (the keys
 * of `$drawn`: every label of the model, DRAWN_PARAMS), else its first label, else 'Node'. The
 * variables the views bind are named `d_…` (no caller's), but `l`: its comprehension reads nothing else.
 */
const PRIMARY_LABEL = (n: string) =>
  `coalesce(head([l IN labels(${n}) WHERE l IN keys($drawn)]), head(labels(${n})), 'Node')`;

/**
 * Days are sent as text: the driver would build a Date of three Integers for each, which `toPlain`
 * turns into the same ISO text at once (YYYY-MM-DD: the two agree on years 0–9999, and the model
 * stores only days written YYYY-MM-DD, domain/dates.ts).
 */
const values = (n: string, keys: readonly string[]) =>
  keys.map((k) => (DATE_KEYS.has(k) ? `toString(${n}.${k})` : `${n}.${k}`)).join(', ');

/**
 * The keys by label for `$drawn`: every label of the model, those named by `name`, else `code`
 * (OTHER_KEYS, written in the statement) with null, so that the map's keys are the model's labels
 * (PRIMARY_LABEL) and no second list of them is sent.
 */
const keysByLabel = (keys: Record<string, readonly string[]>): Record<string, readonly string[] | null> =>
  Object.fromEntries(ENTITY_LABELS.map((l) => [l, keys[l] ?? null]));
for (const l of Object.keys(DRAWN_KEYS)) if (!ENTITY_LABELS.includes(l as never)) throw new Error(`not a label: ${l}`);

/**
 * The parameter every statement with a DRAWN_NODE needs: the keys by label. They travel as a parameter,
 * not as text, so that the statement stays short: a CASE of every label's keys written out at each of
 * the dozen places the risk statement draws a node made it 3× as long (25 kB) and slower to plan.
 */
export const DRAWN_PARAMS = { drawn: keysByLabel(DRAWN_KEYS) };

/** DRAWN_PARAMS for a drawing that shows no edge's period (`lookOf`): the keys without the dates edges borrow. */
export const NAMED_PARAMS = { drawn: keysByLabel(NAME_KEYS) };

export interface DrawnNodeView {
  /** Cypher: the compact list of node `n` (needs DRAWN_PARAMS). */
  cypher: (n: string) => string;
  /** The list back as the view `toDrawnNode` reads. */
  decode: (list: unknown[]) => NodeView;
}

/**
 * A compact node view, a list: its label, the `common` keys, the vessel name of a leg (else null),
 * then its label's keys (`drawnKeys`, sent as `$drawn`) and the extra keys. `extra` are properties
 * some caller reads beyond what drawing needs (the risk rules read a leg's cargo origin and legality).
 * Days are read as text (`toString` in the statement) unless `daysAsText` is false: then as the
 * driver's dates, which Database turns into the same text (`toPlain`): for key lists with few days
 * (NAME_KEYS: a designation's), where the CASE costs more bytes sent than the dates cost to decode.
 */
export function drawnNodeView(
  extra: readonly string[] = [],
  drawnKeys: Record<string, readonly string[] | null> = DRAWN_PARAMS.drawn,
  common: readonly string[] = COMMON_KEYS,
  daysAsText = true,
): DrawnNodeView {
  for (const k of extra) if (!SAFE_KEY.test(k)) throw new Error(`not a property name: ${k}`);
  const keysOf: Record<string, string[]> = { other: [...OTHER_KEYS, ...extra] };
  for (const [label, keys] of Object.entries(drawnKeys)) keysOf[label] = [...(keys ?? OTHER_KEYS), ...extra];
  const vesselNameAt = 1 + common.length;
  const value = (n: string) =>
    daysAsText
      ? `CASE WHEN d_p ENDS WITH 'From' OR d_p ENDS WITH 'To' THEN toString(${n}[d_p]) ELSE ${n}[d_p] END`
      : `${n}[d_p]`;
  return {
    cypher: (n) =>
      `[d_k IN [${PRIMARY_LABEL(n)}] | [d_k, ${values(n, common)}, ` +
      `CASE d_k WHEN 'Leg' THEN head([(${n})-[:ON]->(d_v:Vessel) | d_v.name]) END] + ` +
      `[d_p IN coalesce($drawn[d_k], ${OTHER_LIST}) | ${value(n)}]` +
      `${extra.length > 0 ? ` + [${values(n, extra)}]` : ''}][0]`,
    decode: (list) => {
      const label = list[0] as string;
      const keys = keysOf[label] ?? keysOf.other;
      const props: Props = {};
      for (let i = 0; i < common.length; i++) if (list[1 + i] != null) props[common[i]] = list[1 + i];
      for (let i = 0; i < keys.length; i++) {
        const v = list[vesselNameAt + 1 + i];
        if (v != null) props[keys[i]] = v;
      }
      return {
        id: list[1] as string,
        labels: [label],
        props,
        vesselName: (list[vesselNameAt] as string | null) ?? null,
      };
    },
  };
}

/** The compact view of nodes as drawing needs them. */
export const DRAWN_NODE = drawnNodeView();

/**
 * Cypher: the compact list of relationship `r` (stored direction, whichever way it was walked);
 * `from` and `to`, when the statement has them bound, are its start and end node; `periods` false
 * leaves its period out, `sources` false its sources (decode it with the same `edgeKeys`).
 */
export const DRAWN_EDGE = (r: string, from = `startNode(${r})`, to = `endNode(${r})`, periods = true, sources = true) =>
  `[coalesce(${r}.id, elementId(${r})), type(${r}), ${from}.id, ${to}.id, ${values(r, edgeKeys(periods, sources))}]`;

/** The list of DRAWN_EDGE back as the view `toDrawnEdge` reads; `keys` those it was drawn with (`Look.edgeKeys`). */
export function decodeEdge(list: unknown[], keys: readonly string[] = EDGE_KEYS): EdgeView {
  const props: Props = {};
  for (let i = 0; i < keys.length; i++) if (list[4 + i] != null) props[keys[i]] = list[4 + i];
  return {
    id: list[0] as string,
    type: list[1] as string,
    source: list[2] as string,
    target: list[3] as string,
    props,
  };
}

/**
 * What an answer shows of the drawn nodes and edges, so that only that is read: the edges' periods
 * (`edges { period }`) and their sources (`edges { sources }`, a path's `sources`). Read per request
 * by the resolvers (resolvers/selection.ts `selectsBelow`); both true unless a query leaves them out.
 */
export interface Shown {
  periods: boolean;
  sources: boolean;
}

export const SHOWN_ALL: Shown = { periods: true, sources: true };

/** The node view, its parameters and the edge keys for what an answer shows (four, made once). */
export interface Look {
  node: DrawnNodeView;
  params: typeof DRAWN_PARAMS;
  edgeKeys: readonly string[];
  shown: Shown;
}

const LOOKS = new Map<string, Look>();

/**
 * Without periods the nodes leave out the dates edges borrow (NAMED_PARAMS: other key lists, and the
 * one day left, a designation's, read as a date: `daysAsText` false); without sources the nodes and
 * edges leave out `sourceIds`. Each look is its own Cypher: one more statement per shape and look at
 * most. Confidence is read always: an edge's confidence borrows its claim's.
 */
export function lookOf(shown: Shown): Look {
  const key = `${shown.periods}/${shown.sources}`;
  let look = LOOKS.get(key);
  if (!look) {
    const params = shown.periods ? DRAWN_PARAMS : NAMED_PARAMS;
    const node =
      shown.periods && shown.sources
        ? DRAWN_NODE
        : drawnNodeView([], params.drawn, shown.sources ? COMMON_KEYS : COMMON_KEYS_UNSOURCED, shown.periods);
    look = { node, params, edgeKeys: edgeKeys(shown.periods, shown.sources), shown: { ...shown } };
    LOOKS.set(key, look);
  }
  return look;
}

/**
 * A walked path as two lists: its nodes' and its relationships' compact views (of what `look` shows);
 * `n` and `r` are the comprehensions' own (they read nothing else).
 */
export const DRAWN_PATH = (p: string, look: Look = lookOf(SHOWN_ALL)) =>
  `[[n IN nodes(${p}) | ${look.node.cypher('n')}], [r IN relationships(${p}) | ${DRAWN_EDGE('r', undefined, undefined, look.shown.periods, look.shown.sources)}]]`;

export type DrawnPathList = [unknown[][], unknown[][]];

/** A DRAWN_PATH list back as the nodes and edges `toGraphPath` reads. */
export function decodePath(
  list: DrawnPathList,
  look: Look = lookOf(SHOWN_ALL),
): { nodes: NodeView[]; edges: EdgeView[] } {
  return { nodes: list[0].map(look.node.decode), edges: list[1].map((e) => decodeEdge(e, look.edgeKeys)) };
}
