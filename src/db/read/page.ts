/**
 * One page of a label's nodes in name order and how many match: the count and the page are two
 * subqueries over the same filter, so memory stays at one page whatever the total (no collect of every
 * match). The label, variable and conditions are fixed fragments of the caller; values are parameters.
 */
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';

export interface NamedPageQuery {
  /** The node label and the variable the conditions use (`Port`, `p`). */
  label: 'Port' | 'Vessel';
  variable: string;
  /** The filter of the count, and of the page (defaults to the count's). */
  where: string;
  pageWhere?: string;
  params: Record<string, unknown>;
  offset: number;
  first: number;
  /** What each item of the page is read as (its parameters in `params`); default `properties(<variable>)`. */
  item?: string;
  /**
   * Read the items (`item` given) as two halves, two statements at once (`readInHalves`), when the
   * request has Neo4j to itself (`Database.alone`): for a page whose items are large reads (a compiled
   * read's nested lists), so that Neo4j works on them in two threads where a thread would be idle.
   */
  halves?: boolean;
}

export async function readNamedPage<T = Record<string, unknown>>(
  db: Database,
  q: NamedPageQuery,
  counter?: StatementCounter,
): Promise<{ total: number; items: T[] }> {
  const { label, variable: v } = q;
  const count = `CALL () { MATCH (${v}:${label}) ${q.where} RETURN count(${v}) AS total }`;
  const page = `MATCH (${v}:${label}) ${q.pageWhere ?? q.where}
       WITH ${v} ORDER BY ${v}.name, ${v}.id SKIP $offset LIMIT $first`;
  const params = { ...q.params, offset: neo4j.int(q.offset), first: neo4j.int(q.first) };
  // in halves only while this request has Neo4j to itself (Database.alone): with requests overlapping,
  // Neo4j's threads are busy already and a second statement would only add its own cost
  if (q.item && q.halves && q.first >= 2 && db.alone) {
    const read = await readInHalves<T>(db, q, count, params, counter);
    if (read) return read;
  }
  if (q.item) {
    // one row an item (an empty page: one row without one): the driver decodes a few large records
    // much faster than one huge one (its string decoding goes slow over a message of many chunks)
    const rows = await db.read<{ total: number; item: T | null }>(
      `${count}
     OPTIONAL CALL () { ${page} RETURN ${q.item} AS item, ${v}.name AS name, ${v}.id AS id }
     RETURN total, item ORDER BY name, id`,
      params,
      counter,
    );
    return { total: rows[0].total, items: rows.filter((r) => r.item != null).map((r) => r.item!) };
  }
  const [row] = await db.read<{ total: number; items: T[] }>(
    `${count}
     CALL () {
       ${page}
       RETURN collect(properties(${v})) AS items
     }
     RETURN total, items`,
    params,
    counter,
  );
  return row;
}

/**
 * A page's items read as two halves by two statements sent at once, each with the ids of the whole
 * page: Neo4j runs a statement in one thread, so the halves take both cores where one statement takes
 * one (docs/performance.md "Session nested11"). The two statements are two reads: where a write between
 * them moved the page (the ids the statements saw differ, or an item is not where its id was), the
 * answer is null and the caller reads the page as one statement.
 */
async function readInHalves<T>(
  db: Database,
  q: NamedPageQuery,
  count: string,
  params: Record<string, unknown>,
  counter?: StatementCounter,
): Promise<{ total: number; items: T[] } | null> {
  const { label, variable: v } = q;
  const where = q.pageWhere ?? q.where;
  const ids = `CALL () { MATCH (${v}:${label}) ${where}
       WITH ${v} ORDER BY ${v}.name, ${v}.id SKIP $offset LIMIT $first RETURN reduce(s = '', id IN collect(${v}.id) | s + id + ' ') AS ids }`;
  const part = `OPTIONAL CALL () { MATCH (${v}:${label}) ${where}
       WITH ${v} ORDER BY ${v}.name, ${v}.id SKIP $partOffset LIMIT $partFirst
       RETURN ${q.item} AS item, ${v}.name AS name, ${v}.id AS id }`;
  const half = Math.ceil(q.first / 2);
  const parts = [
    { from: 0, n: half },
    { from: half, n: q.first - half },
  ];
  // the count in the first statement only: the second reads its half and the page's ids
  const read = (from: number, n: number, withCount: boolean) =>
    db.read<{ total?: number; ids: string; item: T | null; id: string | null }>(
      `${withCount ? count : ''}
     ${ids}
     ${part}
     RETURN ${withCount ? 'total, ' : ''}ids, item, id ORDER BY name, id`,
      { ...params, partOffset: neo4j.int(q.offset + from), partFirst: neo4j.int(n) },
      counter,
    );
  const [first, second] = await Promise.all(parts.map((p, i) => read(p.from, p.n, i === 0)));
  // the page's ids as one text (a row each would repeat a list of `first` ids), each followed by a
  // space: both statements saw the same page, and the items are that page's, in its order
  const pageIds = first[0].ids;
  if (second[0].ids !== pageIds) return null;
  const items: T[] = [];
  let at = 0;
  for (const rows of [first, second])
    for (const row of rows) {
      if (row.item == null) continue;
      const id = String(row.id);
      if (!pageIds.startsWith(id, at) || pageIds[at + id.length] !== ' ') return null;
      at += id.length + 1;
      items.push(row.item);
    }
  if (at !== pageIds.length) return null;
  return { total: first[0].total!, items };
}
