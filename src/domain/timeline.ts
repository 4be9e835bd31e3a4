/**
 * A vessel's timeline: its legs, transfers, identity claims, designations and tactics as dated events
 * with a one-line summary each, in time order (dated events by their earliest day, undated ones last).
 * Pure; the resolver gathers the records through the request's loaders.
 */
import { asText } from './text';

export interface Dated {
  date: { from: string | null; to: string | null } | null;
}

export function sortByDate<T extends Dated>(events: T[]): T[] {
  const key = (e: T) => e.date?.from ?? e.date?.to ?? '9999-12-31';
  return [...events].sort((a, b) => key(a).localeCompare(key(b)));
}

export enum TimelineEventKind {
  LEG_DEPARTURE = 'LEG_DEPARTURE',
  LEG_ARRIVAL = 'LEG_ARRIVAL',
  TRANSFER = 'TRANSFER',
  IDENTITY = 'IDENTITY',
  DESIGNATION = 'DESIGNATION',
  TACTIC = 'TACTIC',
}

type DateLike = { from: string | null; to: string | null } | null;

/** One event as the TimelineEvent type shows it (sourceIds resolve to sources). */
export interface TimelineEventRecord {
  kind: TimelineEventKind;
  date: DateLike;
  summary: string;
  refId: string;
  confidence: number | null;
  sourceIds: string[];
}

/** A stored record as the loaders give it: its id and its properties. */
export type StoredRecord = Readonly<Record<string, unknown>> & { id: string };

/** What the timeline is built from: the vessel's records, as the loaders read them. */
export interface VesselHistory {
  legs: StoredRecord[];
  transfers: StoredRecord[];
  claims: StoredRecord[];
  designations: StoredRecord[];
  tactics: { tacticId: string; period: DateLike; note: string | null; confidence?: number; sourceIds?: string[] }[];
}

const ev = (r: object) => ({
  confidence: (r as { confidence?: number }).confidence ?? null,
  sourceIds: (r as { sourceIds?: string[] }).sourceIds ?? [],
});
const date = (v: unknown) => v as DateLike;
const words = (v: unknown) => String(v).toLowerCase().replace(/_/g, ' ');

/** Every dated event of vessel `vesselId`, in time order; an undated arrival is left out. */
export function vesselTimelineEvents(vesselId: string, h: VesselHistory): TimelineEventRecord[] {
  const events: TimelineEventRecord[] = [
    ...h.legs.flatMap((l) => [
      {
        kind: TimelineEventKind.LEG_DEPARTURE,
        date: date(l.departure),
        summary: `left ${asText(l.fromText)} for ${asText(l.toText)} (${asText(l.cargoText)})`,
        refId: l.id,
        ...ev(l),
      },
      {
        kind: TimelineEventKind.LEG_ARRIVAL,
        date: date(l.arrival),
        summary: `reached ${asText(l.toText)}${l.discharged === false ? ' (cargo not landed)' : ''}`,
        refId: l.id,
        ...ev(l),
      },
    ]),
    ...h.transfers.map((t) => ({
      kind: TimelineEventKind.TRANSFER,
      date: date(t.when),
      summary:
        t.fromVesselId === vesselId
          ? `passed cargo to ${asText(t.toVesselDescription ?? t.toVesselId ?? 'another vessel')}`
          : `took cargo from ${asText(t.fromVesselDescription ?? t.fromVesselId ?? 'another vessel')}`,
      refId: t.id,
      ...ev(t),
    })),
    ...h.claims.map((c) => ({
      kind: TimelineEventKind.IDENTITY,
      date: date(c.period),
      summary: `${c.status === 'FALSE' ? 'false identity' : words(c.kind)}: ${[c.name, c.flagText].filter(Boolean).join(', ')}`,
      refId: c.id,
      ...ev(c),
    })),
    ...h.designations.map((d) => ({
      kind: TimelineEventKind.DESIGNATION,
      date: date(d.date),
      summary: `${asText(d.authority)}: ${asText(d.measure)} (${words(d.status)})`,
      refId: d.id,
      ...ev(d),
    })),
    ...h.tactics.map((u) => ({
      kind: TimelineEventKind.TACTIC,
      date: u.period,
      summary: `tactic ${u.tacticId.replace('tactic:', '')}${u.note ? `: ${u.note}` : ''}`,
      refId: u.tacticId,
      ...ev(u),
    })),
  ];
  return sortByDate(events.filter((e) => e.date != null || e.kind !== TimelineEventKind.LEG_ARRIVAL));
}
