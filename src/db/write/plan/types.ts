/**
 * What a batch planner reads and what its plan holds: rows read from the graph, the lookups a batch
 * needs, each fact's outcome and the writes (no Cypher here; src/db/write/writeFacts.ts runs the plan).
 */
import { NodeLabel } from '../../../domain/ids';
import { FactProblem } from '../../../domain/facts';

export type Props = Record<string, unknown>;

/** Node properties that hold Neo4j DATE values (kept as ISO strings in memory). */
export const DATE_PROPS = new Set([
  'departureFrom',
  'departureTo',
  'arrivalFrom',
  'arrivalTo',
  'periodFrom',
  'periodTo',
  'whenFrom',
  'whenTo',
  'dateFrom',
  'dateTo',
  'date',
]);

/** Structural edges a fact owns (described with the stored graph's shape). */
export { OUT_LINKS, IN_LINKS } from '../../../domain/graph';
import { IN_LINKS, OUT_LINKS } from '../../../domain/graph';
export type LinkType = (typeof OUT_LINKS)[number] | (typeof IN_LINKS)[number];
export const INCOMING = new Set<string>(IN_LINKS);

/** One node as the batch read it. */
export interface NodeRow {
  q: string;
  via: 'id' | 'alias' | 'imo' | 'locode' | 'companyImo';
  label: NodeLabel;
  id: string;
  props: Props;
  out: [string, string][];
  inn: [string, string][];
  claims: Props[];
}

/** One party relation as the batch read it. */
export interface RelRow {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  props: Props;
}

/** What a batch must read: ids by label (and as aliases), natural keys, relation ids by type. */
export interface Lookups {
  ids: Set<string>;
  imos: Set<string>;
  locodes: Set<string>;
  companyImos: Set<string>;
  rels: Map<string, Set<string>>;
}

export type FactStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';

export interface FactOutcome {
  status: FactStatus;
  /** The fact's id: the entity's, the source's, or the relation's. */
  id: string | null;
  /** Its label, or the relation type. */
  label: string | null;
  changed: string[];
  problem: FactProblem | null;
}

export interface ChangeRecord {
  entityId: string;
  entityLabel: string;
  action: 'CREATED' | 'UPDATED';
  factType: string;
  /** Property (or `links.TYPE`) → its value before and after. */
  changes: Record<string, { before: unknown; after: unknown }>;
  subjectId: string | null;
  objectId: string | null;
  note: string | null;
  /** The fact's position in the batch (its line, for imports). */
  factIndex: number;
}

export interface LinkRow {
  type: string;
  id: string;
  fromId: string;
  toId: string;
  props: Props;
}

export interface WritePlan {
  countries: { id: string; code: string; name: string }[];
  nodes: { label: NodeLabel; id: string; props: Props }[];
  aliases: { id: string; targetId: string; label: NodeLabel }[];
  /** Existing nodes whose edges of these types must be reduced to `keep`. */
  staleLinks: { label: NodeLabel; id: string; out: string[]; inn: string[]; keep: string[] }[];
  links: LinkRow[];
  cites: { fromId: string; sourceId: string }[];
  relDeletes: { type: string; id: string }[];
  rels: LinkRow[];
  changes: ChangeRecord[];
  affectedLegs: string[];
  portsWithNewKind: string[];
  outcomes: FactOutcome[];
}

/* ----------------------------------------------------------------------------------------------
 * Lookups
 * -------------------------------------------------------------------------------------------- */
