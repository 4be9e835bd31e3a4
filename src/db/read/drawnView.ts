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
/** EDGE_KEYS but the period: an edge drawn without it (`decodeEdge` reads either). */
const EDGE_KEYS_UNDATED = EDGE_KEYS.filter((k) => !PERIOD_KEYS.has(k));

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

/** The variables the views bind are named `d_…`: short (the text is sent on every request), and no caller's. */

/**
 * The node's label as `primaryLabel` picks it: its first label that is one of the model's, else its
 * first label, else 'Node'.
 */
const PRIMARY_LABEL = (n: string) =>
  `coalesce(head([d_l IN labels(${n}) WHERE d_l IN $drawnLabels]), head(labels(${n})), 'Node')`;

/**
 * Days are sent as text: the driver would build a Date of three Integers for each, which `toPlain`
 * turns into the same ISO text at once (YYYY-MM-DD: the two agree on years 0–9999, and the model
 * stores only days written YYYY-MM-DD, domain/dates.ts).
 */
const values = (n: string, keys: readonly string[]) =>
  keys.map((k) => (DATE_KEYS.has(k) ? `toString(${n}.${k})` : `${n}.${k}`)).join(', ');

/** A node list: its label, the common keys, the vessel name of a leg (else null), then its label's keys and the extra keys. */
const VESSEL_NAME_AT = 1 + COMMON_KEYS.length;

/**
 * The parameters every statement with a DRAWN_NODE needs: the keys by label and the model's labels. They travel as parameters, not as text, so that the statement stays short: a CASE
 * of every label's keys written out at each of the dozen places the risk statement draws a node made
 * it 3× as long (25 kB) and slower to plan.
 */
export const DRAWN_PARAMS = {
  drawnKeys: { ...DRAWN_KEYS, other: OTHER_KEYS } as Record<string, readonly string[]>,
  drawnLabels: ENTITY_LABELS,
};

/** DRAWN_PARAMS for NAMED_NODE: the keys without the dates edges borrow. */
export const NAMED_PARAMS = { ...DRAWN_PARAMS, drawnKeys: { ...NAME_KEYS, other: OTHER_KEYS } };

export interface DrawnNodeView {
  /** Cypher: the compact list of node `n` (needs DRAWN_PARAMS). */
  cypher: (n: string) => string;
  /** The list back as the view `toDrawnNode` reads. */
  decode: (list: unknown[]) => NodeView;
}

/**
 * A compact node view; `extra` are properties some caller reads beyond what drawing needs (the risk
 * rules read a leg's cargo origin and legality), appended to every node's list.
 */
export function drawnNodeView(
  extra: readonly string[] = [],
  drawnKeys: Record<string, readonly string[]> = DRAWN_PARAMS.drawnKeys,
): DrawnNodeView {
  for (const k of extra) if (!SAFE_KEY.test(k)) throw new Error(`not a property name: ${k}`);
  const keysOf: Record<string, string[]> = {};
  for (const [label, keys] of Object.entries(drawnKeys)) keysOf[label] = [...keys, ...extra];
  return {
    cypher: (n) =>
      `[d_k IN [${PRIMARY_LABEL(n)}] | [d_k, ${values(n, COMMON_KEYS)}, ` +
      `CASE d_k WHEN 'Leg' THEN head([(${n})-[:ON]->(d_v:Vessel) | d_v.name]) END] + ` +
      `[d_p IN coalesce($drawnKeys[d_k], $drawnKeys.other) | CASE WHEN d_p ENDS WITH 'From' OR d_p ENDS WITH 'To' THEN toString(${n}[d_p]) ELSE ${n}[d_p] END]` +
      `${extra.length > 0 ? ` + [${values(n, extra)}]` : ''}][0]`,
    decode: (list) => {
      const label = list[0] as string;
      const keys = keysOf[label] ?? keysOf.other;
      const props: Props = {};
      for (let i = 0; i < COMMON_KEYS.length; i++) if (list[1 + i] != null) props[COMMON_KEYS[i]] = list[1 + i];
      for (let i = 0; i < keys.length; i++) {
        const v = list[VESSEL_NAME_AT + 1 + i];
        if (v != null) props[keys[i]] = v;
      }
      return {
        id: list[1] as string,
        labels: [label],
        props,
        vesselName: (list[VESSEL_NAME_AT] as string | null) ?? null,
      };
    },
  };
}

/** The compact view of nodes as drawing needs them. */
export const DRAWN_NODE = drawnNodeView();

/**
 * The compact view of nodes drawn for an answer that shows no edge's period (the same Cypher as
 * DRAWN_NODE, sent with NAMED_PARAMS): their names, confidence and sources, not the dates edges borrow.
 */
export const NAMED_NODE = drawnNodeView([], NAMED_PARAMS.drawnKeys);

/**
 * Cypher: the compact list of relationship `r` (stored direction, whichever way it was walked);
 * `from` and `to`, when the statement has them bound, are its start and end node; `periods` false
 * leaves its period out.
 */
export const DRAWN_EDGE = (r: string, from = `startNode(${r})`, to = `endNode(${r})`, periods = true) =>
  `[coalesce(${r}.id, elementId(${r})), type(${r}), ${from}.id, ${to}.id, ${values(r, periods ? EDGE_KEYS : EDGE_KEYS_UNDATED)}]`;

/** The list of DRAWN_EDGE back as the view `toDrawnEdge` reads. */
export function decodeEdge(list: unknown[]): EdgeView {
  const props: Props = {};
  for (let i = 0; i < EDGE_KEYS.length; i++) if (list[4 + i] != null) props[EDGE_KEYS[i]] = list[4 + i];
  return {
    id: list[0] as string,
    type: list[1] as string,
    source: list[2] as string,
    target: list[3] as string,
    props,
  };
}

/** A walked path as two lists: its nodes' and its relationships' compact views. */
export const DRAWN_PATH = (p: string) =>
  `[[d_n IN nodes(${p}) | ${DRAWN_NODE.cypher('d_n')}], [d_r IN relationships(${p}) | ${DRAWN_EDGE('d_r')}]]`;

export type DrawnPathList = [unknown[][], unknown[][]];

/** A DRAWN_PATH list back as the nodes and edges `toGraphPath` reads. */
export function decodePath(list: DrawnPathList): { nodes: NodeView[]; edges: EdgeView[] } {
  return { nodes: list[0].map(DRAWN_NODE.decode), edges: list[1].map(decodeEdge) };
}
