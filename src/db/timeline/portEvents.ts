/**
 * A port's timeline, paged inside Neo4j: every leg that left it or came to it and every transfer held
 * there, in date order, filtered by a window, one page at a time. A hub has thousands of calls: the
 * statement reads the port's own relationships (its cost follows the port's degree), sorts them by
 * day, and returns only the page's records; nothing of other ports is read.
 */
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { toRecord } from '../records';

export interface PortEventRow {
  /** FROM: a leg left the port; TO: a leg came to it; AT: a transfer held there. */
  direction: 'FROM' | 'TO' | 'AT';
  record: Record<string, unknown> & { id: string };
  vesselName: string | null;
}

const PAGE = `
MATCH (p:Port {id: $id})
CALL (p) {
  MATCH (p)<-[:FROM]-(x:Leg) RETURN 'FROM' AS direction, x, x.departureFrom AS lo, x.departureTo AS hi
  UNION ALL
  MATCH (p)<-[:TO]-(x:Leg) RETURN 'TO' AS direction, x, x.arrivalFrom AS lo, x.arrivalTo AS hi
  UNION ALL
  MATCH (p)<-[:AT]-(x:Transfer) RETURN 'AT' AS direction, x, x.whenFrom AS lo, x.whenTo AS hi
}
WITH direction, x, lo, hi, date($from) AS wf, date($to) AS wt
WHERE (wf IS NULL AND wt IS NULL)
   OR ((lo IS NOT NULL OR hi IS NOT NULL)
       AND (wt IS NULL OR lo IS NULL OR lo <= wt) AND (wf IS NULL OR hi IS NULL OR hi >= wf))
WITH direction, x ORDER BY coalesce(lo, hi), x.id, direction
WITH collect({direction: direction, x: x}) AS events
WITH size(events) AS total, events[$offset..($offset + $first)] AS slice
CALL (slice) {
  UNWIND slice AS e
  WITH e.direction AS direction, e.x AS x
  RETURN collect({direction: direction, props: properties(x), vesselName: head([(x)-[:ON]->(v:Vessel) | v.name])}) AS page
}
RETURN total, page`;

/**
 * One page of a port's events and how many there are in the window (undated ones last; with a
 * window, only events with a date that overlaps it). Dates are YYYY-MM-DD; null: open.
 */
export async function portEvents(
  db: Database,
  q: { portId: string; from: string | null; to: string | null; offset: number; first: number },
  counter?: StatementCounter,
): Promise<{ total: number; items: PortEventRow[] }> {
  const rows = await db.read<{
    total: number;
    page: { direction: PortEventRow['direction']; props: Record<string, unknown>; vesselName: string | null }[];
  }>(PAGE, { id: q.portId, from: q.from, to: q.to, offset: neo4j.int(q.offset), first: neo4j.int(q.first) }, counter);
  if (rows.length === 0) return { total: 0, items: [] };
  return {
    total: rows[0].total,
    items: rows[0].page.map((e) => ({
      direction: e.direction,
      record: toRecord(e.direction === 'AT' ? 'Transfer' : 'Leg', e.props),
      vesselName: e.vesselName,
    })),
  };
}
