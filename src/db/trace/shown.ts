/**
 * What the start statement of a small trace read for the client (TraceQuery.show): the views of the
 * legs it met, their origins, final ports and countries, and vessels. Kept per trace, then cut down to
 * the answer's routes, it primes the service's loaders (resolvers/trace.ts).
 */
import { labelOfId } from '../../domain/ids';
import { NodeRecord, toRecord } from '../records';
import { LegView, RouteRecord, Shown } from './records';

/** What one trace's start statement read for the client, by id. */
export interface ShownRead {
  views: Map<string, LegView>;
  nodes: Map<string, NodeRecord>;
}

/** The views and records of a start statement's row (empty when the query showed nothing). */
export function readShown(
  row: { views?: [string, LegView][]; nodes?: Record<string, unknown>[] },
  anchor: NodeRecord,
  show: Shown | undefined,
): ShownRead {
  const views = new Map(row.views ?? []);
  const nodes = new Map<string, NodeRecord>();
  for (const props of row.nodes ?? []) nodes.set(String(props.id), toRecord(labelOfId(String(props.id))!, props));
  // the origin of a route forwards: the port it starts from
  if (show?.places) nodes.set(anchor.id, anchor);
  return { views, nodes };
}

/** What was read for the client of the legs, origins, final ports and countries, and vessels of these routes. */
export function shownOf(shown: ShownRead, routes: RouteRecord[]): { legViews: LegView[]; nodes: NodeRecord[] } {
  const legViews = new Map<string, LegView>();
  const nodes = new Map<string, NodeRecord>();
  const take = (id: string) => {
    const n = shown.nodes.get(id);
    if (n) nodes.set(id, n);
  };
  for (const r of routes) {
    for (const id of r.legIds) {
      const v = shown.views.get(id);
      if (v) legViews.set(id, v);
    }
    take(r.originId);
    take(r.finalPortId);
    take(`country:${r.finalCountryCode}`);
    for (const s of r.vesselSpans) take(s.vesselId);
  }
  return { legViews: [...legViews.values()], nodes: [...nodes.values()] };
}
