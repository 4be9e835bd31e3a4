/**
 * Shaping answers: a walked route (legs in walk order, links in route order) into the route record a
 * client sees, and a shown route's steps and drawable graph. Pure: the trace engine (src/db/trace)
 * walks and reads the legs; the records are defined in routes.ts.
 */
import { createHash } from 'node:crypto';
import { asText } from '../text';
import { roundConfidence } from '../routeConfidence';
import {
  GraphEdgeRecord,
  GraphNodeRecord,
  LegBrief,
  LegRecord,
  LegView,
  PeriodRecord,
  RouteDetail,
  RouteLinkRecord,
  RouteRecord,
  TraceDirection,
  WalkedRouteOf,
} from './routes';

/** A walked route's links: each carries the record a client sees. */
type Walked = WalkedRouteOf<{ record: RouteLinkRecord }>;

function routeId(legIds: string[]): string {
  return `route:${createHash('sha1').update(legIds.join('|')).digest('hex').slice(0, 16)}`;
}

/** A walked route in route order: its legs' briefs and its links (null: a leg the walk did not read). */
export function inRouteOrder(w: Walked, direction: TraceDirection) {
  const legIds = direction === 'FORWARD' ? w.legIds : [...w.legIds].reverse();
  const links = direction === 'FORWARD' ? w.links : [...w.links].reverse();
  return { legIds, links: links.map((l) => l.record) };
}

/** Where a route whose last leg is `last` ends: its sure final port (else the first), and that port's country (else the leg's). */
export function finalPlace(last: LegBrief) {
  const finals = last.ports.filter((p) => p.direction === 'TO');
  const port = finals.find((p) => !p.alternative) ?? finals[0];
  const countryCode = port?.countryCode ?? last.destinationCountryCode;
  return port && countryCode ? { port, portId: port.id, countryCode } : null;
}

/** Shapes one walked route into a route record; null when it has no port to start or end at. */
export function summarizeRoute(
  w: Walked,
  direction: TraceDirection,
  briefOf: (id: string) => LegBrief,
): RouteRecord | null {
  const { legIds, links } = inRouteOrder(w, direction);
  const legs = legIds.map(briefOf);
  const first = legs[0];
  const last = legs[legs.length - 1];
  const origin = first.ports.find((p) => p.direction === 'FROM');
  const end = finalPlace(last);
  if (!origin || !end) return null;
  const { port: final, countryCode: finalCountryCode } = end;

  const tonnageLeg = [...legs].reverse().find((l) => l.tonnageMin != null || l.tonnageMax != null);
  const portIds = new Set<string>();
  legs.forEach((l, i) => {
    for (const p of l.ports) {
      const isOrigin = i === 0 && p.direction === 'FROM';
      const isFinal = i === legs.length - 1 && p.direction === 'TO';
      if (!isOrigin && !isFinal && p.id !== origin.id && p.id !== final.id) portIds.add(p.id);
    }
  });
  return {
    id: routeId(legIds),
    originId: origin.id,
    finalPortId: final.id,
    finalCountryCode,
    legIds,
    links,
    transferIds: links.map((l) => l.transferId).filter((t): t is string => t != null),
    // the walk's score (weakest leg times the link factors, domain/routeConfidence.ts), rounded
    confidence: roundConfidence(w.score),
    score: w.score,
    rankDay: w.day,
    walkLegIds: w.legIds,
    inferredLinks: links.filter((l) => l.kind === 'INFERRED').length,
    possibleLinks: links.filter((l) => l.certainty === 'POSSIBLE').length,
    hops: legs.length,
    truncated: w.truncated,
    firstDay: first.departureFrom ?? null,
    lastDay: last.arrivalTo ?? null,
    tonnage: { min: tonnageLeg?.tonnageMin ?? null, max: tonnageLeg?.tonnageMax ?? null },
    portIds: [...portIds],
    vesselSpans: legs
      .filter((l) => l.vesselId)
      .map((l) => ({ vesselId: String(l.vesselId), from: l.departureFrom ?? null, to: l.arrivalTo ?? null })),
  };
}

/** The legs, steps and graph of a route, from the views of its legs and their records (in route order). */
export function routeDetail(route: RouteRecord, views: LegView[], legs: LegRecord[]): RouteDetail {
  const steps: RouteDetail['steps'] = [];
  legs.forEach((leg, i) => {
    const link = i > 0 ? route.links[i - 1] : null;
    if (link?.transferId) {
      steps.push({
        index: steps.length,
        kind: 'TRANSFER',
        leg: null,
        transfer: { id: link.transferId },
        transferId: link.transferId,
        link: null,
      });
    }
    steps.push({ index: steps.length, kind: 'LEG', leg, transfer: null, transferId: null, link });
  });
  return { legs, steps, graph: routeGraph(views, legs, route.links) };
}

/** The route as the graph stores it: legs with their ports and vessels, NEXT links, transfers. */
function routeGraph(views: LegView[], legs: LegRecord[], links: RouteLinkRecord[]): RouteDetail['graph'] {
  const nodes = new Map<string, GraphNodeRecord>();
  const edges: GraphEdgeRecord[] = [];
  const ev = (l: LegRecord) => ({
    confidence: Number(l.confidence),
    sourceIds: l.sourceIds as string[],
  });
  views.forEach((view, i) => {
    const leg = legs[i];
    const from =
      view.ports
        .filter((p) => p.direction === 'FROM')
        .map((p) => p.name)
        .join(' / ') || String(leg.fromText);
    const to =
      view.ports
        .filter((p) => p.direction === 'TO')
        .map((p) => p.name)
        .join(' / ') || String(leg.toText);
    const vessel = view.vesselName ?? (leg.vesselDescription as string | null) ?? 'unnamed vessel';
    nodes.set(leg.id, { id: leg.id, label: 'Leg', name: `${vessel}: ${from} → ${to}` });
    for (const p of view.ports) {
      nodes.set(p.id, { id: p.id, label: 'Port', name: p.name });
      edges.push({
        id: `${p.direction}:${leg.id}->${p.id}`,
        type: p.direction,
        source: leg.id,
        target: p.id,
        period: (p.direction === 'FROM' ? leg.departure : leg.arrival) as PeriodRecord | null,
        ...ev(leg),
      });
    }
    if (leg.vesselId) {
      const vesselId = asText(leg.vesselId);
      nodes.set(vesselId, { id: vesselId, label: 'Vessel', name: view.vesselName ?? vesselId });
      edges.push({
        id: `ON:${leg.id}->${vesselId}`,
        type: 'ON',
        source: leg.id,
        target: vesselId,
        period: null,
        ...ev(leg),
      });
    }
    if (i > 0) {
      const link = links[i - 1];
      const prev = legs[i - 1];
      if (link.transferId) {
        const fromName = views[i - 1].vesselName ?? 'unnamed vessel';
        const toName = view.vesselName ?? 'unnamed vessel';
        nodes.set(link.transferId, { id: link.transferId, label: 'Transfer', name: `${fromName} → ${toName}` });
        edges.push({
          id: `FROM_LEG:${link.transferId}->${prev.id}`,
          type: 'FROM_LEG',
          source: link.transferId,
          target: prev.id,
          period: null,
          confidence: null,
          sourceIds: [],
        });
        edges.push({
          id: `TO_LEG:${link.transferId}->${leg.id}`,
          type: 'TO_LEG',
          source: link.transferId,
          target: leg.id,
          period: null,
          confidence: null,
          sourceIds: [],
        });
      }
      edges.push({
        id: `next:${prev.id}->${leg.id}`,
        type: 'NEXT',
        source: prev.id,
        target: leg.id,
        period: null,
        confidence: null,
        sourceIds: [],
      });
    }
  });
  return { nodes: [...nodes.values()], edges, truncated: false };
}
