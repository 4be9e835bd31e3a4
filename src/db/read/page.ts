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
