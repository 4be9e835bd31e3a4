/**
 * Weighing: the links from a leg given the candidate rows a statement read for it (stored documented
 * links, and the calls in its seek ranges), by the link rule (domain/linking.ts) and the weights
 * (domain/routeConfidence.ts). One link per follower; k, the compatible departures, counted from the
 * same rows (candidates.ts reads them; `weighRound` weighs a round's legs from what its statement read).
 */
import {
  compatibleCargo,
  followerSeekRange,
  LegTiming,
  linkBetween,
  linkUnderWait,
  LinkCertainty,
  LinkKind,
} from '../../domain/linking';
import { linkFactor } from '../../domain/routeConfidence';
import { LegBrief, RouteLinkRecord } from './records';
import { inRange, PortCall } from './seek';
import { Pacer } from './pacer';

export interface FollowerRow {
  from: string;
  to: string;
  kind: LinkKind;
  certainty: LinkCertainty | null;
  waitMinDays: number | null;
  waitMaxDays: number | null;
  transferId: string | null;
  portId: string | null;
  placeUncertain: boolean;
}

export const timingOf = (l: LegBrief): LegTiming => ({
  id: l.id,
  vesselId: l.vesselId,
  departureFrom: l.departureFrom,
  departureTo: l.departureTo,
  arrivalFrom: l.arrivalFrom,
  arrivalTo: l.arrivalTo,
  discharged: l.discharged,
});

/** A link as a route shows it, with the factor it weighs (links are always stated in route order: a → b). */
export interface FoundLink {
  from: string;
  to: string;
  record: RouteLinkRecord;
  factor: number;
}

function reasonOf(kind: LinkKind, k: number, portId: string | null, maxWaitDays: number, transferId: string | null) {
  if (kind === 'TRANSFER') return `documented transfer ${transferId} passed the cargo to this vessel`;
  if (kind === 'CONTINUATION') return 'the same vessel sailed on with the cargo aboard (documented)';
  return k === 1
    ? `inferred: the only compatible departure from ${portId} within ${maxWaitDays} days of the arrival`
    : `inferred: one of ${k} compatible departures from ${portId} within ${maxWaitDays} days of the arrival`;
}

/**
 * The links from leg `a` given the candidate rows read for it: documented ones as stored (under the
 * trace's wait), inferred ones by the rule, each weighed by k (the inferred followers at that port).
 * One link per follower: a transfer before a continuation before an inferred link, a sure place before
 * an alternative, then the fewest alternatives.
 */
export function linksFrom(
  a: LegBrief,
  rows: FollowerRow[],
  briefOf: (id: string) => LegBrief,
  maxWaitDays: number,
): FoundLink[] {
  const documented: FoundLink[] = [];
  const inferred: { b: LegBrief; portId: string; placeUncertain: boolean; link: ReturnType<typeof linkBetween> }[] = [];
  const documentedTo = new Set<string>();
  for (const row of rows) {
    const r = { ...row, leg: briefOf(row.to) };
    if (r.kind !== 'INFERRED') {
      const certainty = linkUnderWait(
        { kind: r.kind, certainty: r.certainty ?? 'POSSIBLE', waitMinDays: r.waitMinDays, waitMaxDays: r.waitMaxDays },
        maxWaitDays,
      );
      if (certainty == null) continue;
      const record: RouteLinkRecord = {
        kind: r.kind,
        certainty: r.placeUncertain ? 'POSSIBLE' : certainty,
        waitMinDays: r.waitMinDays,
        waitMaxDays: r.waitMaxDays,
        placeUncertain: r.placeUncertain,
        transferId: r.transferId,
        alternatives: 1,
        reason: reasonOf(r.kind, 1, null, maxWaitDays, r.transferId),
      };
      documented.push({ from: a.id, to: r.leg.id, record, factor: linkFactor(record) });
      documentedTo.add(r.leg.id);
      continue;
    }
    if (!compatibleCargo(a.commodity, r.leg.commodity)) continue;
    const link = linkBetween(timingOf(a), timingOf(r.leg), false, maxWaitDays);
    // a continuation the rule sees here is documented: it is stored as NEXT and read above
    if (link == null || link.kind !== 'INFERRED') continue;
    inferred.push({ b: r.leg, portId: r.portId!, placeUncertain: r.placeUncertain, link });
  }
  const k = new Map<string, number>();
  for (const i of inferred) k.set(i.portId, (k.get(i.portId) ?? 0) + 1);
  const best = new Map<string, FoundLink>();
  const rank = (l: FoundLink) =>
    (l.record.kind === 'TRANSFER' ? 0 : l.record.kind === 'CONTINUATION' ? 10 : 20) +
    (l.record.placeUncertain ? 5 : 0) -
    l.factor;
  for (const l of documented) if (!best.has(l.to) || rank(l) < rank(best.get(l.to)!)) best.set(l.to, l);
  for (const i of inferred) {
    if (documentedTo.has(i.b.id)) continue;
    const alternatives = k.get(i.portId)!;
    const record: RouteLinkRecord = {
      kind: 'INFERRED',
      certainty: i.placeUncertain ? 'POSSIBLE' : i.link!.certainty,
      waitMinDays: i.link!.waitMinDays,
      waitMaxDays: i.link!.waitMaxDays,
      placeUncertain: i.placeUncertain,
      transferId: null,
      alternatives,
      reason: reasonOf('INFERRED', alternatives, i.portId, maxWaitDays, null),
    };
    const l: FoundLink = { from: a.id, to: i.b.id, record, factor: linkFactor(record) };
    if (!best.has(l.to) || rank(l) < rank(best.get(l.to)!)) best.set(l.to, l);
  }
  return [...best.values()].sort((x, y) => (x.to < y.to ? -1 : x.to > y.to ? 1 : 0));
}

/** Port calls grouped by port, each group in the order read. */
export function callsByPort(calls: PortCall[]): Map<string, PortCall[]> {
  const byPort = new Map<string, PortCall[]>();
  for (const c of calls) {
    const list = byPort.get(c.portId);
    if (list) list.push(c);
    else byPort.set(c.portId, [c]);
  }
  return byPort;
}

/** What a forward round's statement read: the stored links of its legs, and the port calls in their seek ranges. */
export interface RoundRows {
  links: FollowerRow[];
  calls: PortCall[];
}

/**
 * Weighs what a forward round read (`row`): every link of the legs of `expand` (their stored links, and
 * an inferred candidate for each call in their follower range at a port they reached), each leg's
 * links handed to `keep` as weighed (paced: pacer.ts); and the documented links of the legs of `open`
 * (returned: they do not depend on k, so they weigh as in a full expansion).
 */
export async function weighRound(
  row: RoundRows,
  expand: string[],
  open: string[],
  briefOf: (id: string) => LegBrief,
  maxWaitDays: number,
  keep: (id: string, links: FoundLink[]) => void,
): Promise<Map<string, FoundLink[]>> {
  const wanted = expand.map((id) => {
    const a = briefOf(id);
    return { a, range: followerSeekRange(timingOf(a), maxWaitDays) };
  });
  const byPort = callsByPort(row.calls);
  const byLeg = new Map<string, FollowerRow[]>([...expand, ...open].map((id) => [id, []]));
  for (const r of row.links) byLeg.get(r.from)?.push(r);
  for (const { a, range } of wanted) {
    for (const to of a.ports.filter((p) => p.direction === 'TO')) {
      for (const c of byPort.get(to.id) ?? []) {
        if (c.id === a.id || !inRange(c, range)) continue;
        byLeg.get(a.id)!.push({
          from: a.id,
          to: c.id,
          kind: 'INFERRED',
          certainty: null,
          waitMinDays: null,
          waitMaxDays: null,
          transferId: null,
          portId: to.id,
          placeUncertain: to.alternative || c.alternative,
        });
      }
    }
  }
  const pacer = new Pacer();
  for (const id of expand) {
    keep(id, linksFrom(briefOf(id), byLeg.get(id)!, briefOf, maxWaitDays));
    await pacer.pace();
  }
  // (a leg opened without stored links may be unbriefed: seek.ts roundStatement)
  return new Map(
    open.map((id) => {
      const rows = byLeg.get(id)!;
      return [id, rows.length === 0 ? [] : linksFrom(briefOf(id), rows, briefOf, maxWaitDays)];
    }),
  );
}
