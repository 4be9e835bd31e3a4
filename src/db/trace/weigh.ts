/**
 * Weighing: the links from a leg given the candidate rows a statement read for it (stored documented
 * links, and the calls in its seek ranges), by the link rule (domain/linking.ts) and the weights
 * (domain/routeConfidence.ts). One link per follower; k, the compatible departures, counted from the
 * same rows (candidates.ts reads them).
 */
import { compatibleCargo, LegTiming, linkBetween, linkUnderWait, LinkCertainty, LinkKind } from '../../domain/linking';
import { linkFactor } from '../../domain/routeConfidence';
import { LegBrief, RouteLinkRecord } from './records';

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
