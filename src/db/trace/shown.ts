/**
 * What a trace read for the client (TraceQuery.show): the views of legs, their origins, final ports and
 * countries, and vessels. A small trace's start statement reads them for every leg it met; after the
 * walk, one statement reads them for the answer's legs it did not (`completeShown`). Cut down to the
 * answer's routes, they prime the service's loaders (resolvers/trace.ts `walked`).
 */
import { int } from 'neo4j-driver';
import { labelOfId } from '../../domain/ids';
import { Database, StatementCounter } from '../database';
import { NodeRecord, toRecord } from '../records';
import { LegView, RouteRecord, Shown, TraceDirection } from './records';
import { SHOWN_BY_ID } from './statements';

/** What one trace read for the client, by id; `legs`: the legs whose views and records it read. */
export interface ShownRead {
  views: Map<string, LegView>;
  nodes: Map<string, NodeRecord>;
  legs: Set<string>;
}

type ShownRow = { views?: [string, LegView][]; nodes?: Record<string, unknown>[] };

/**
 * The views and records of a statement's row (empty when the query showed nothing); `met`: the legs
 * that statement read them for, when it read any.
 */
export function readShown(
  row: ShownRow,
  anchor: NodeRecord | null,
  show: Shown | undefined,
  met: Iterable<string>,
): ShownRead {
  const views = new Map(row.views ?? []);
  const nodes = new Map<string, NodeRecord>();
  for (const props of row.nodes ?? []) nodes.set(String(props.id), toRecord(labelOfId(String(props.id))!, props));
  const legs = new Set(views.size > 0 || nodes.size > 0 ? met : []);
  // the origin of a route forwards: the port it starts from
  if (show?.places && anchor) nodes.set(anchor.id, anchor);
  return { views, nodes, legs };
}

/**
 * What was read for the client of these routes, completed by one statement (SHOWN_BY_ID) for their
 * legs not read yet: the statement that replaces the legView and node loaders' two after the walk
 * (backwards it also reads the ports the legs left: a route's origin). None without `show`, or when
 * everything was read already (a small trace: its start statement read it).
 */
export async function completeShown(
  db: Database,
  shown: ShownRead,
  routes: RouteRecord[],
  show: Shown | undefined,
  direction: TraceDirection,
  counter?: StatementCounter,
): Promise<ShownRead> {
  if (!show) return shown;
  const ids = [...new Set(routes.flatMap((r) => r.legIds))].filter((id) => !shown.legs.has(id));
  if (ids.length === 0) return shown;
  const rows = await db.read<{ nodes: Record<string, unknown>[] | null; view: [string, LegView] | null }>(
    SHOWN_BY_ID,
    { ids, show: int(ids.length), shown: { ...show, origins: show.places && direction === 'BACKWARD' } },
    counter,
  );
  const more = readShown({ nodes: rows[0]?.nodes ?? [], views: rows.slice(1).map((r) => r.view!) }, null, show, ids);
  return {
    views: new Map([...shown.views, ...more.views]),
    nodes: new Map([...shown.nodes, ...more.nodes]),
    legs: new Set([...shown.legs, ...more.legs]),
  };
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
