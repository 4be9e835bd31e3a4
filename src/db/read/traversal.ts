/**
 * The rules every link-analysis walk shares (neighbourhoods, paths, common connections, export, risk
 * proximity): which relationship types are followed by default, which nodes are never passed through,
 * how the time (`at`) and confidence filters read the graph, and how a walked node or relationship
 * becomes the one drawn shape (`GraphNode`/`GraphEdge`).
 *
 * Relationship types travel as the `$types` parameter and are only ever compared with `type(r)`; the
 * only names written into Cypher text here are labels from Collier's own model (NODE_KINDS).
 */
import { labelOfId, NODE_KINDS, NodeLabel } from '../../domain/ids';
import { compactCypher } from '../cypherText';
import { asText } from '../../domain/text';
import { DateRangeRecord, dateRange } from '../records';
import { neoDate, RELATIONSHIP_TYPES, RelationshipType } from '../write/graphWriter';
import { GraphEdgeRecord, GraphNodeRecord } from '../trace';
import { PLACEHOLDER_PORT_KIND } from '../../domain/graph';

type Props = Record<string, unknown>;

/**
 * Followed when the caller names no types: every fact of the model that ties one entity or event to
 * another. Left out: CITED_IN (every node cites sources, so Source nodes would join everything; the
 * sources are on every edge anyway), IN / FLAG / DESTINATION (they lead to Country nodes, hubs shared by
 * every port, company and flag of a country), ABOUT (aggregate statistics, not a single voyage) and NEXT
 * (derived route links; a route's legs already meet at their ports or transfers). Any of them can be
 * asked for by name.
 */
export const DEFAULT_TRAVERSAL_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter(
  (t) => !['CITED_IN', 'IN', 'FLAG', 'DESTINATION', 'ABOUT', 'NEXT'].includes(t),
);

/**
 * Hubs: a walk may end at one of these but never passes through it, whatever types were asked for
 * (two vessels that both used AIS_DARK, or two ports in China, are not thereby connected). The
 * placeholder ports "a port in this country, not named" (kind UNSPECIFIED_IN_COUNTRY) are hubs too:
 * two legs that both touched "a port in North Korea" did not meet there (as in trace linking).
 */
export const HUB_LABELS: readonly NodeLabel[] = ['Country', 'Source', 'Tactic'];
export { PLACEHOLDER_PORT_KIND } from '../../domain/graph';

/** The labels a node can be found under by id, in the allow-listed spelling. */
export const ENTITY_LABELS: readonly NodeLabel[] = Object.values(NODE_KINDS);

/** Filters of one walk; all travel as parameters. */
export interface WalkFilter {
  types: readonly string[];
  /** A day (YYYY-MM-DD): only ties in force then and events begun by then. */
  at: string | null;
  minConfidence: number | null;
}

/**
 * Which optional filters a statement applies. Statements are built per shape, so a filter that is not
 * asked for is not in the text at all (planning a statement full of `$x IS NULL OR …` costs several
 * times more); the shapes are few and fixed.
 */
export interface FilterShape {
  at: boolean;
  minConfidence: boolean;
}

export function shapeOf(f: { at: string | null; minConfidence: number | null }): FilterShape {
  return { at: f.at != null, minConfidence: f.minConfidence != null };
}

/** A tie in force on `$at`: ties whose dates are unknown are kept (the sources do not bound them). */
export function inForceAt(r: string): string {
  return `(${r}.periodFrom IS NULL OR ${r}.periodFrom <= $at) AND (${r}.periodTo IS NULL OR ${r}.periodTo >= $at)`;
}

/**
 * A relationship may be followed: of a requested type, confident enough, and in force on `$at`. Facts
 * without a confidence of their own (CLAIMED, IN …) pass; the node they lead to is checked instead.
 */
export function relOk(r: string, f: FilterShape, typesInPattern = false): string {
  const parts = typesInPattern ? [] : [`type(${r}) IN $types`];
  if (f.minConfidence) parts.push(`coalesce(${r}.confidence, 1.0) >= $minConfidence`);
  if (f.at) parts.push(inForceAt(r));
  return parts.length > 1 ? `(${parts.join(' AND ')})` : (parts[0] ?? 'true');
}

/**
 * DEFAULT_TRAVERSAL_TYPES as a relationship type expression (`CLAIMED|OWNS|…`: the model's type names,
 * checked): a walk that follows exactly them and reads `$types` once has them written in its pattern
 * instead (`step`'s `typed`), 40 bytes shorter than the list sent.
 */
export const DEFAULT_TYPES_EXPRESSION = DEFAULT_TRAVERSAL_TYPES.join('|');
if (!/^[A-Z_]+(\|[A-Z_]+)*$/.test(DEFAULT_TYPES_EXPRESSION)) throw new Error('not relationship type names');

/** The types asked for are the default ones (in any order): `DEFAULT_TYPES_EXPRESSION` may stand for them. */
export function followsDefaultTypes(types: readonly string[]): boolean {
  const asked = new Set(types);
  return asked.size === DEFAULT_TRAVERSAL_TYPES.length && DEFAULT_TRAVERSAL_TYPES.every((t) => asked.has(t));
}

/** The day an event began (a leg's departure, else its arrival; a transfer; a designation; a claim or statistic period). */
const BEGAN = (n: string) =>
  `coalesce(${n}.departureFrom, ${n}.arrivalFrom, ${n}.whenFrom, ${n}.dateFrom, ${n}.periodFrom)`;

/**
 * A node may be reached: confident enough, and as of `$at` an event that had begun (legs, transfers,
 * designations, statistics) or a claimed identity still held. Entities without dates always pass.
 */
export function nodeOk(n: string, f: FilterShape): string {
  const parts: string[] = [];
  if (f.minConfidence) parts.push(`coalesce(${n}.confidence, 1.0) >= $minConfidence`);
  if (f.at) {
    parts.push(`(${BEGAN(n)} IS NULL OR ${BEGAN(n)} <= $at)`);
    parts.push(`(NOT ${n}:IdentityClaim OR ${n}.periodTo IS NULL OR ${n}.periodTo >= $at)`);
  }
  return parts.length > 0 ? `(${parts.join(' AND ')})` : 'true';
}

/** The conditions that are given, joined by AND (`true` when none is): a filter not asked for is not in the text. */
function all(...conditions: (string | undefined)[]): string {
  const kept = conditions.filter((c): c is string => c != null && c !== '' && c !== 'true');
  return kept.length > 0 ? kept.join(' AND ') : 'true';
}

/** `x` is a hub (see HUB_LABELS). */
export function isHub(x: string): string {
  return `(${x}:${HUB_LABELS.join('|')} OR (${x}:Port AND ${x}.kind = '${PLACEHOLDER_PORT_KIND}'))`;
}

/** `x` may be passed through: it is the walk's start, or not a hub. */
export function passable(x: string, start: string): string {
  return `(${x} = ${start} OR NOT ${isHub(x)})`;
}

/**
 * A breadth-first walk whose work is bounded inside Cypher: `depth` CALL clauses (the depth is a
 * literal from the caller's fixed table), the k-th binding `<prefix>k`, the nodes first reached at hop k.
 * Each level expands only the previous level's nodes (hubs are not expanded, the starts always are),
 * keeps at most `$probe` new nodes, and is skipped once more than `room` nodes were found: a level never
 * costs more than `$probe` nodes times their degree, whatever the size of the graph. `starts` is a list
 * variable; `avoid`, if given, is a node never entered. Needs $types, $at, $minConfidence and $probe.
 */
export function bfsLevels(o: {
  starts: string;
  depth: number;
  prefix: string;
  room: string;
  shape: FilterShape;
  avoid?: string;
}): string {
  const clauses: string[] = [];
  for (let k = 1; k <= o.depth; k++) {
    const previous = Array.from({ length: k - 1 }, (_, i) => `${o.prefix}${i + 1}`);
    const frontier = k === 1 ? o.starts : `${o.prefix}${k - 1}`;
    const imports = [o.starts, ...previous, ...(o.avoid ? [o.avoid] : [])].join(', ');
    if (k === 1) {
      // the first level: nothing seen but the starts, whose expansion room never cuts (room ≥ 0) and
      // which are passable (written out, the same walk in 200 fewer bytes sent on every request)
      clauses.push(`CALL (${imports}) {
  UNWIND ${o.starts} AS x
  MATCH (x)-[r]-(y)
  WHERE ${all(relOk('r', o.shape), nodeOk('y', o.shape), `NOT y IN ${o.starts}`, o.avoid && `y <> ${o.avoid}`)}
  WITH DISTINCT y LIMIT $probe
  RETURN collect(y) AS ${o.prefix}1
}`);
      continue;
    }
    clauses.push(`CALL (${imports}) {
  WITH *, ${[o.starts, ...previous].join(' + ')} AS seen
  UNWIND (CASE WHEN size(seen) - size(${o.starts}) > ${o.room} THEN [] ELSE ${frontier} END) AS x
  WITH x, seen WHERE x IN ${o.starts} OR NOT ${isHub('x')}
  MATCH (x)-[r]-(y)
  WHERE ${all(relOk('r', o.shape), nodeOk('y', o.shape), 'NOT y IN seen', o.avoid && `y <> ${o.avoid}`)}
  WITH DISTINCT y LIMIT $probe
  RETURN collect(y) AS ${o.prefix}${k}
}`);
  }
  return clauses.join('\n');
}

/**
 * One step of a walk from `start`, as the body of a quantified path pattern:
 * `(start) ${step('start', shape)}{1,3} (end)`. Every node but the last must be passable; `avoid`, if
 * given, is never entered; `typed`: the default types written in the pattern (`$types` not read). Variables are named after `start`, so two walks can share a scope.
 */
export function step(start: string, f: FilterShape, avoid?: string, typed = false): string {
  const [x, r, y] = [`x_${start}`, `r_${start}`, `y_${start}`];
  const yOk = all(nodeOk(y, f), avoid && `${y} <> ${avoid}`);
  const rOk = relOk(r, f, typed);
  const rel = `${r}${typed ? `:${DEFAULT_TYPES_EXPRESSION}` : ''}${rOk === 'true' ? '' : ` WHERE ${rOk}`}`;
  return `((${x} WHERE ${passable(x, start)})-[${rel}]-(${y}${yOk === 'true' ? '' : ` WHERE ${yOk}`}))`;
}

/**
 * Statements built on first use from a key of checked, bounded values (hop counts, filter shapes,
 * anchor labels), then reused; compacted once (cypherText.ts: the text is sent on every request).
 */
export function statementCache<K extends unknown[]>(build: (...key: K) => string): (...key: K) => string {
  const built = new Map<string, string>();
  return (...key: K) => {
    const k = JSON.stringify(key);
    let statement = built.get(k);
    if (statement == null) {
      statement = compactCypher(build(...key));
      built.set(k, statement);
    }
    return statement;
  };
}

/** Most labels an anchor names before it seeks under all of them (bounds the statements per shape). */
const MAX_ANCHOR_LABELS = 2;

/**
 * The labels `anchors` seeks the ids under: the labels their kinds name (domain/ids.ts: a node lives
 * under the label of its id's kind, which is how `node(id)` finds it), in the model's order; every
 * label of the model when an id has no kind of Collier's or the ids name more than MAX_ANCHOR_LABELS.
 * An id of a known kind that is not under that label is in no label's index either (the loaders write
 * each node under its kind's label), so the same nodes are found.
 */
export function anchorLabels(ids: readonly string[]): readonly NodeLabel[] {
  const named = new Set<NodeLabel>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label == null) return ENTITY_LABELS;
    named.add(label);
  }
  if (named.size === 0 || named.size > MAX_ANCHOR_LABELS) return ENTITY_LABELS;
  return ENTITY_LABELS.filter((l) => named.has(l));
}

/**
 * Finds nodes by id: one index seek per label of `labels` (each label has a uniqueness constraint on
 * `id`; `anchorLabels` of the ids, else every label of the model). Binds `out` for each id of the
 * list parameter `param` that exists.
 */
export function anchors(param: string, out: string, labels: readonly NodeLabel[] = ENTITY_LABELS): string {
  for (const l of labels) if (!LABEL_SET.has(l)) throw new Error(`not a label of the model: ${l}`);
  const seek = (l: string) => `MATCH (${out}:${l}) WHERE ${out}.id IN ${param}`;
  // one label: the seek itself (the statement goes on with `WITH collect(${out})`)
  if (labels.length === 1) return seek(labels[0]);
  return `CALL () { ${labels.map((l) => `${seek(l)} RETURN ${out}`).join(' UNION ALL ')} }`;
}

/** What a query returns for a node to be drawn. */
export const NODE_VIEW = (n: string) =>
  `{id: ${n}.id, labels: labels(${n}), props: properties(${n}), vesselName: CASE WHEN ${n}:Leg THEN head([(${n})-[:ON]->(v:Vessel) | v.name]) END}`;

/** What a query returns for a relationship to be drawn (stored direction, whichever way it was walked). */
export const EDGE_VIEW = (r: string) =>
  `{id: coalesce(${r}.id, elementId(${r})), type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id, props: properties(${r})}`;

/** A walked path, node by node and relationship by relationship. */
export const PATH_VIEW = (p: string) =>
  `{nodes: [n IN nodes(${p}) | ${NODE_VIEW('n')}], edges: [r IN relationships(${p}) | ${EDGE_VIEW('r')}]}`;

export interface NodeView {
  id: string;
  labels: string[];
  props: Props;
  vesselName: string | null;
}

export interface EdgeView {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Props;
}

/** A node as drawn, with what the evidence and period of its edges may need. */
export interface DrawnNode extends GraphNodeRecord {
  confidence: number | null;
  sourceIds: string[];
  props: Props;
}

const LABEL_SET = new Set<string>(ENTITY_LABELS);

export function primaryLabel(labels: string[]): string {
  return labels.find((l) => LABEL_SET.has(l)) ?? labels[0] ?? 'Node';
}

const s = (v: unknown): string | null => (v == null || v === '' ? null : asText(v));

/** A name a person recognises, for any node. */
export function displayName(label: string, p: Props, vesselName: string | null = null): string {
  switch (label) {
    case 'Leg': {
      const vessel = vesselName ?? s(p.vesselDescription) ?? 'unnamed vessel';
      const when = s(p.departureText) ?? s(p.arrivalText);
      return `${vessel}: ${s(p.fromText) ?? '?'} → ${s(p.toText) ?? '?'}${when ? ` (${when})` : ''}`;
    }
    case 'Transfer':
      return `${s(p.fromVesselDescription) ?? s(p.fromVesselId) ?? '?'} → ${s(p.toVesselDescription) ?? s(p.toVesselId) ?? '?'}${s(p.whenText) ? ` (${s(p.whenText)})` : ''}`;
    case 'Designation':
      return `${s(p.authority) ?? '?'}: ${s(p.measure) ?? 'designation'}${s(p.dateFrom) ? ` (${s(p.dateFrom)})` : ''}`;
    case 'IdentityClaim':
      return (
        [s(p.name), s(p.flagText) ?? s(p.flagCode), s(p.status) === 'FALSE' ? 'false identity' : null]
          .filter(Boolean)
          .join(', ') || String(p.id)
      );
    case 'Source':
      return s(p.title) ?? s(p.publisher) ?? String(p.url ?? p.id);
    case 'Statistic':
      return s(p.statement) ?? String(p.id);
    default:
      return s(p.name) ?? s(p.code) ?? String(p.id);
  }
}

export function toDrawnNode(v: NodeView): DrawnNode {
  const label = primaryLabel(v.labels);
  return {
    id: v.id,
    label,
    name: displayName(label, v.props, v.vesselName),
    confidence: typeof v.props.confidence === 'number' ? v.props.confidence : null,
    sourceIds: Array.isArray(v.props.sourceIds) ? v.props.sourceIds.map(String) : [],
    props: v.props,
  };
}

/** The span of the event an edge belongs to, when the edge has none of its own. */
function eventPeriod(type: string, from: DrawnNode | undefined, to: DrawnNode | undefined): DateRangeRecord | null {
  if (from?.label === 'Leg') {
    if (type === 'FROM') return dateRange(from.props, 'departure');
    if (type === 'TO' || type === 'DESTINATION') return dateRange(from.props, 'arrival');
  }
  if (from?.label === 'Transfer') return dateRange(from.props, 'when');
  if (type === 'DESIGNATED' && to) return dateRange(to.props, 'date');
  if (type === 'CLAIMED' && to) return dateRange(to.props, 'period');
  return null;
}

/**
 * An edge as drawn. Structural edges without evidence of their own (CLAIMED, FLAG) carry the evidence
 * of the identity claim they attach; edges of events (a leg's FROM/TO, a transfer's vessels) carry the
 * event's dates.
 */
export function toDrawnEdge(
  e: EdgeView,
  nodes: Map<string, DrawnNode>,
): GraphEdgeRecord & { period: DateRangeRecord | null } {
  const from = nodes.get(e.source);
  const to = nodes.get(e.target);
  const own = typeof e.props.confidence === 'number';
  const borrowed = e.type === 'CLAIMED' ? to : e.type === 'FLAG' ? from : undefined;
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    period: dateRange(e.props, 'period') ?? eventPeriod(e.type, from, to),
    confidence: own ? (e.props.confidence as number) : (borrowed?.confidence ?? null),
    sourceIds: Array.isArray(e.props.sourceIds) ? e.props.sourceIds.map(String) : (borrowed?.sourceIds ?? []),
  };
}

/**
 * The Cypher parameters of a walk filter (`at` as a DATE so it compares with stored dates): only those
 * the statement of its shape (`shapeOf`) reads; no `types` when they are written in it (`typed`).
 */
export function walkParams(f: WalkFilter, typed = false): Record<string, unknown> {
  const params: Record<string, unknown> = typed ? {} : { types: [...f.types] };
  if (f.at != null) params.at = neoDate(f.at);
  if (f.minConfidence != null) params.minConfidence = f.minConfidence;
  return params;
}
