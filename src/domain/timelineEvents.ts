/**
 * Timeline events from the records of an entity's facts: one place that says what a leg, a transfer,
 * an identity claim, a designation, a tactic or an ownership period looks like on a timeline, seen
 * from a vessel, a port or a company or person. Pure: the resolvers load the records, this module
 * words them, the window filter and the order (timeline.ts) place them.
 */
import { asText } from './text';
import { overlaps } from './dates';

export type EventKind =
  'LEG_DEPARTURE' | 'LEG_ARRIVAL' | 'TRANSFER' | 'IDENTITY' | 'DESIGNATION' | 'TACTIC' | 'RELATION';

export interface EventDate {
  from: string | null;
  to: string | null;
  precision?: string;
  text?: string | null;
}

export interface EventRecord {
  kind: EventKind;
  date: EventDate | null;
  summary: string;
  refId: string | null;
  confidence: number | null;
  sourceIds: string[];
  /** The other entities the event involves (a leg's vessel and ports, a relation's other side …). */
  relatedIds: string[];
}

interface Evidence {
  confidence?: unknown;
  sourceIds?: unknown;
}

export interface LegLike extends Evidence {
  id: string;
  vesselId?: unknown;
  vesselDescription?: unknown;
  fromText?: unknown;
  toText?: unknown;
  cargoText?: unknown;
  departure?: unknown;
  arrival?: unknown;
  discharged?: unknown;
}

export interface TransferLike extends Evidence {
  id: string;
  fromVesselId?: unknown;
  toVesselId?: unknown;
  fromVesselDescription?: unknown;
  toVesselDescription?: unknown;
  portId?: unknown;
  when?: unknown;
}

export interface ClaimLike extends Evidence {
  id: string;
  status?: unknown;
  kind?: unknown;
  name?: unknown;
  flagText?: unknown;
  period?: unknown;
}

export interface DesignationLike extends Evidence {
  id: string;
  authority?: unknown;
  measure?: unknown;
  status?: unknown;
  date?: unknown;
}

export interface TacticUseLike extends Evidence {
  tacticId: string;
  period?: unknown;
  note?: unknown;
}

export interface RelationLike extends Evidence {
  id: string;
  type: string;
  role?: unknown;
  period?: unknown;
  partyId: string;
  targetId: string;
}

function evidence(r: Evidence) {
  return {
    confidence: typeof r.confidence === 'number' ? r.confidence : null,
    sourceIds: Array.isArray(r.sourceIds) ? (r.sourceIds as string[]) : [],
  };
}

const dateOf = (v: unknown): EventDate | null => (v == null ? null : (v as EventDate));
const ids = (...values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string' && v !== '');
const words = (v: unknown): string => String(v).toLowerCase().replace(/_/g, ' ');

/** A vessel's leg: its departure and (when dated) its arrival. */
export function vesselLegEvents(l: LegLike): EventRecord[] {
  const dep: EventRecord = {
    kind: 'LEG_DEPARTURE',
    date: dateOf(l.departure),
    summary: `left ${asText(l.fromText)} for ${asText(l.toText)} (${asText(l.cargoText)})`,
    refId: l.id,
    ...evidence(l),
    relatedIds: [],
  };
  const arr: EventRecord = {
    kind: 'LEG_ARRIVAL',
    date: dateOf(l.arrival),
    summary: `reached ${asText(l.toText)}${l.discharged === false ? ' (cargo not landed)' : ''}`,
    refId: l.id,
    ...evidence(l),
    relatedIds: [],
  };
  return arr.date != null ? [dep, arr] : [dep];
}

/** A leg seen from a port it leaves (FROM) or reaches (TO): a port call of its vessel. */
export function portCallEvent(l: LegLike, direction: 'FROM' | 'TO', vesselName: string | null): EventRecord {
  const vessel = vesselName ?? (l.vesselDescription != null ? asText(l.vesselDescription) : 'a vessel');
  return direction === 'FROM'
    ? {
        kind: 'LEG_DEPARTURE',
        date: dateOf(l.departure),
        summary: `${vessel} left for ${asText(l.toText)} (${asText(l.cargoText)})`,
        refId: l.id,
        ...evidence(l),
        relatedIds: ids(l.vesselId),
      }
    : {
        kind: 'LEG_ARRIVAL',
        date: dateOf(l.arrival),
        summary: `${vessel} arrived from ${asText(l.fromText)}${l.discharged === false ? ' (cargo not landed)' : ''}`,
        refId: l.id,
        ...evidence(l),
        relatedIds: ids(l.vesselId),
      };
}

/** A transfer, seen from one of its vessels (`vesselId`) or from the place it happened at (null). */
export function transferEvent(t: TransferLike, vesselId: string | null): EventRecord {
  const from = asText(t.fromVesselDescription ?? t.fromVesselId ?? 'another vessel');
  const to = asText(t.toVesselDescription ?? t.toVesselId ?? 'another vessel');
  const summary =
    vesselId == null
      ? `${from} passed cargo to ${to}`
      : t.fromVesselId === vesselId
        ? `passed cargo to ${to}`
        : `took cargo from ${from}`;
  const related = vesselId == null ? ids(t.fromVesselId, t.toVesselId) : ids(t.fromVesselId, t.toVesselId, t.portId);
  return {
    kind: 'TRANSFER',
    date: dateOf(t.when),
    summary,
    refId: t.id,
    ...evidence(t),
    relatedIds: related.filter((id) => id !== vesselId),
  };
}

export function identityEvent(c: ClaimLike): EventRecord {
  return {
    kind: 'IDENTITY',
    date: dateOf(c.period),
    summary: `${c.status === 'FALSE' ? 'false identity' : words(c.kind)}: ${[c.name, c.flagText].filter(Boolean).join(', ')}`,
    refId: c.id,
    ...evidence(c),
    relatedIds: [],
  };
}

export function designationEvent(d: DesignationLike): EventRecord {
  return {
    kind: 'DESIGNATION',
    date: dateOf(d.date),
    summary: `${asText(d.authority)}: ${asText(d.measure)} (${words(d.status)})`,
    refId: d.id,
    ...evidence(d),
    relatedIds: [],
  };
}

export function tacticEvent(u: TacticUseLike): EventRecord {
  return {
    kind: 'TACTIC',
    date: dateOf(u.period),
    summary: `tactic ${u.tacticId.replace('tactic:', '')}${u.note ? `: ${asText(u.note)}` : ''}`,
    refId: u.tacticId,
    ...evidence(u),
    relatedIds: [],
  };
}

const ACTIVE: Record<string, [string, string]> = {
  OWNS: ['owns', 'owned by'],
  MANAGES: ['manages', 'managed by'],
  OPERATES: ['operates', 'operated by'],
  CONTROLS: ['controls', 'controlled by'],
  CHARTERED: ['chartered', 'chartered by'],
  BROKERED: ['brokered', 'brokered by'],
  CONSIGNEE_OF: ['consignee of', 'consignee:'],
  ASSOCIATED_WITH: ['associated with', 'associated with'],
};

/**
 * An ownership, management, control … period, seen from `viewpointId` (its party or its target);
 * `names` gives the other side's name where it is known.
 */
export function relationEvent(r: RelationLike, viewpointId: string, names: Map<string, string>): EventRecord {
  const fromParty = r.partyId === viewpointId;
  const other = fromParty ? r.targetId : r.partyId;
  const [active, passive] = ACTIVE[r.type] ?? [words(r.type), `${words(r.type)} (by)`];
  const role = r.role != null && r.role !== '' ? ` (${asText(r.role)})` : '';
  return {
    kind: 'RELATION',
    date: dateOf(r.period),
    summary: `${fromParty ? active : passive} ${names.get(other) ?? other}${role}`,
    refId: r.id,
    ...evidence(r),
    relatedIds: [other],
  };
}

/**
 * Is the event in the window? An event with no date at all is left out of any window (nothing says
 * it falls in it); one with an open side overlaps as a period does (domain/dates.ts).
 */
export function inWindow(
  e: { date: EventDate | null },
  window: { from: string | null; to: string | null } | null,
): boolean {
  if (window == null || (window.from == null && window.to == null)) return true;
  if (e.date == null || (e.date.from == null && e.date.to == null)) return false;
  return overlaps({ from: e.date.from, to: e.date.to }, window);
}
