/**
 * An entity's events in time order: dated events by their earliest day, undated ones last. The
 * events of each kind of fact are worded in timelineEvents.ts; this module gathers them per entity.
 */
import {
  ClaimLike,
  designationEvent,
  DesignationLike,
  EventRecord,
  identityEvent,
  LegLike,
  relationEvent,
  RelationLike,
  tacticEvent,
  TacticUseLike,
  transferEvent,
  TransferLike,
  vesselLegEvents,
} from './timelineEvents';

export interface Dated {
  date: { from: string | null; to: string | null } | null;
}

export function sortByDate<T extends Dated>(events: T[]): T[] {
  const key = (e: T) => e.date?.from ?? e.date?.to ?? '9999-12-31';
  return [...events].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The facts of a vessel a timeline shows (`relations`: its owners, managers … ; vesselTimeline leaves them out). */
export interface VesselFacts {
  legs: LegLike[];
  transfers: TransferLike[];
  claims: ClaimLike[];
  designations: DesignationLike[];
  tactics: TacticUseLike[];
  relations?: RelationLike[];
}

/** A vessel's events, unsorted: legs, transfers, identity claims, designations, tactics, then relations. */
export function vesselEvents(id: string, f: VesselFacts, names: Map<string, string> = new Map()): EventRecord[] {
  return [
    ...f.legs.flatMap(vesselLegEvents),
    ...f.transfers.map((t) => transferEvent(t, id)),
    ...f.claims.map(identityEvent),
    ...f.designations.map(designationEvent),
    ...f.tactics.map(tacticEvent),
    ...(f.relations ?? []).map((r) => relationEvent(r, id, names)),
  ];
}

/** The facts of a company or person a timeline shows. */
export interface PartyFacts {
  designations: DesignationLike[];
  /** Its ties to vessels and companies (what it owns, manages …). */
  holdings: RelationLike[];
  /** The ties of companies and persons to it (who owns or controls it). */
  controllers: RelationLike[];
  tactics: TacticUseLike[];
}

/** A company's or person's events, unsorted: designations, relations both ways, tactics. */
export function partyEvents(id: string, f: PartyFacts, names: Map<string, string>): EventRecord[] {
  return [
    ...f.designations.map(designationEvent),
    ...f.holdings.map((r) => relationEvent(r, id, names)),
    ...f.controllers.map((r) => relationEvent(r, id, names)),
    ...f.tactics.map(tacticEvent),
  ];
}
