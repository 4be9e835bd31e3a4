/**
 * The stored part of the trace: documented links and the departure index keys, kept exact with every
 * write (src/db/write/writeFacts.ts, merge.ts call `maintainNextLinksIn` in the writing transaction; no nightly job).
 *
 * - `NEXT` relationships hold only documented links: a transfer that passed a leg's cargo to another
 *   leg, and the same vessel sailing on from where a leg ended with its cargo aboard (not discharged).
 *   Their number is bounded by a leg's transfers and its vessel's later calls at that port, never by
 *   the port's traffic. Inferred links are not stored: candidates.ts finds them when a trace asks.
 * - Every FROM and TO relationship of a leg carries `portId` and `seekDay` (domain/linking.ts
 *   departureSeekDay / arrivalSeekDay), the keys of the composite RANGE indexes the candidate finding
 *   reads (migrations.ts): writing a leg costs its own relationships.
 * - Every leg carries its onward fact (onward.ts): the least wait to a compatible departure, kept exact
 *   here too (the arrivals in a written departure's window; the legs whose fact a removed one set).
 */
import { Database, toPlain, TxRunner } from '../database';
import { neoDate } from '../write/graphWriter';
import { computeOnwardAllIn, MAINTAIN_ONWARD, maintainOnwardParams } from './onward';
import { RANK_KEYS } from './startOrder';
import { arrivalSeekDay, departureSeekDay, Link, LinkCertainty, linkBetween, LegTiming } from '../../domain/linking';

export interface CandidateRow {
  a: LegTiming;
  b: LegTiming;
  transferId: string | null;
  portId: string | null;
  placeUncertain: boolean;
}

export const TIMING = (v: string) =>
  `{id: ${v}.id, vesselId: ${v}.vesselId, departureFrom: ${v}.departureFrom, departureTo: ${v}.departureTo, ` +
  `arrivalFrom: ${v}.arrivalFrom, arrivalTo: ${v}.arrivalTo, discharged: ${v}.discharged}`;

/** Pairs joined by a transfer, or by the same vessel sailing on from the real port where `a` ended. */
const PAIRS = (scope: string) => `
CALL (x) {
  MATCH (t:Transfer)-[:FROM_LEG]->(x), (t)-[:TO_LEG]->(b:Leg)
  RETURN x AS a, b, t.id AS transferId, null AS portId, false AS placeUncertain
  UNION
  MATCH (t:Transfer)-[:TO_LEG]->(x), (t)-[:FROM_LEG]->(a:Leg)
  RETURN a, x AS b, t.id AS transferId, null AS portId, false AS placeUncertain
  UNION
  MATCH (x)-[:ON]->(:Vessel)<-[:ON]-(y:Leg)
  WITH x, y WHERE x <> y
  UNWIND [[x, y], [y, x]] AS pair
  WITH pair[0] AS a, pair[1] AS b WHERE a.discharged = false
  MATCH (a)-[ra:TO]->(p:Port)<-[rb:FROM]-(b)
  WHERE p.kind <> 'UNSPECIFIED_IN_COUNTRY'
  RETURN a, b, null AS transferId, p.id AS portId, (coalesce(ra.alternative, false) OR coalesce(rb.alternative, false)) AS placeUncertain
}
WITH DISTINCT a, b, transferId, portId, placeUncertain
RETURN ${TIMING('a')} AS a, ${TIMING('b')} AS b, transferId, portId, placeUncertain${scope}`;

const PAIRS_OF = `UNWIND $ids AS id MATCH (x:Leg {id: id}) ${PAIRS('')}`;
const PAIRS_ALL = `MATCH (x:Leg) ${PAIRS('')}`;

export interface NextLink {
  id: string;
  from: string;
  to: string;
  props: Link & { transferId: string | null; portId: string | null; placeUncertain: boolean };
}

/**
 * The documented links the rule gives for candidate pairs; one per pair (a transfer beats a shared
 * port, a sure place an alternative). Inferred links are dropped: they are found when a trace asks.
 */
export function computeNextLinks(rows: CandidateRow[]): NextLink[] {
  const best = new Map<string, NextLink>();
  const rank = (l: NextLink) => (l.props.transferId ? 0 : l.props.placeUncertain ? 2 : 1);
  for (const row of rows) {
    const link = linkBetween(row.a, row.b, row.transferId != null);
    if (!link || link.kind === 'INFERRED') continue;
    const certainty: LinkCertainty = row.placeUncertain ? 'POSSIBLE' : link.certainty;
    const candidate: NextLink = {
      id: `next:${row.a.id}->${row.b.id}`,
      from: row.a.id,
      to: row.b.id,
      props: { ...link, certainty, transferId: row.transferId, portId: row.portId, placeUncertain: row.placeUncertain },
    };
    const current = best.get(candidate.id);
    if (!current || rank(candidate) < rank(current)) best.set(candidate.id, candidate);
  }
  return [...best.values()].sort((x, y) => x.id.localeCompare(y.id));
}

/** The index keys of legs' FROM and TO relationships (see the file comment). */
export function seekKeys(legs: LegTiming[]): { id: string; dep: unknown; arr: unknown }[] {
  return legs.map((l) => ({ id: l.id, dep: neoDate(departureSeekDay(l)), arr: neoDate(arrivalSeekDay(l)) }));
}

export const SET_SEEK_KEYS = `UNWIND $keys AS k
MATCH (l:Leg {id: k.id})
CALL (l, k) { MATCH (l)-[r:FROM]->(p:Port) SET r.portId = p.id, r.seekDay = k.dep, ${RANK_KEYS('l', 'r')} }
CALL (l, k) { MATCH (l)-[r:TO]->(p:Port) SET r.portId = p.id, r.seekDay = k.arr }`;

/**
 * Recomputes the NEXT links and index keys of the given legs (all legs when `legIds` is omitted) and
 * writes them in one transaction: links that still hold are kept, new ones added, stale ones removed.
 */
export async function maintainNextLinks(db: Database, legIds?: string[]): Promise<{ links: number }> {
  return db.transaction((tx) => maintainNextLinksIn(tx, legIds));
}

/**
 * The same inside a transaction the caller holds, so that legs and transfers and the links they imply
 * are written together (src/db/write/writeFacts.ts): a reader never sees one without the other.
 */
export async function maintainNextLinksIn(tx: TxRunner, legIds?: string[]): Promise<{ links: number }> {
  if (legIds != null && legIds.length === 0) return { links: 0 };
  const ids = [...new Set(legIds ?? [])];
  const result = await tx.run(legIds == null ? PAIRS_ALL : PAIRS_OF, { ids });
  const rows = result.records.map((r) => toPlain(r.toObject()) as CandidateRow);
  const links = computeNextLinks(rows);
  const keep = links.map((l) => l.id);
  await tx.run(
    legIds == null
      ? `MATCH (:Leg)-[n:NEXT]->(:Leg) WHERE NOT n.id IN $keep DELETE n`
      : `UNWIND $ids AS id MATCH (:Leg {id: id})-[n:NEXT]-(:Leg) WHERE NOT n.id IN $keep WITH DISTINCT n DELETE n`,
    { ids, keep },
  );
  await tx.run(
    `UNWIND $links AS l
     MATCH (a:Leg {id: l.from}) MATCH (b:Leg {id: l.to})
     MERGE (a)-[n:NEXT {id: l.id}]->(b) SET n += l.props`,
    { links },
  );
  const timings = await tx.run(
    legIds == null
      ? `MATCH (l:Leg) RETURN ${TIMING('l')} AS t`
      : `UNWIND $ids AS id MATCH (l:Leg {id: id}) RETURN ${TIMING('l')} AS t`,
    { ids },
  );
  const keys = seekKeys(timings.records.map((r) => toPlain(r.get('t')) as LegTiming));
  // then the onward fact (onward.ts), from the index keys just set; ids of legs removed recompute what they set
  if (legIds == null) {
    await tx.run(SET_SEEK_KEYS, { keys });
    await computeOnwardAllIn(tx);
  } else await tx.run(`${SET_SEEK_KEYS}\n${MAINTAIN_ONWARD}`, { keys, ids, ...maintainOnwardParams() });
  return { links: links.length };
}
