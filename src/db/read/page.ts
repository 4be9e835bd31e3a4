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
}

export async function readNamedPage(db: Database, q: NamedPageQuery, counter?: StatementCounter) {
  const { label, variable: v } = q;
  const [row] = await db.read<{ total: number; items: Record<string, unknown>[] }>(
    `CALL () { MATCH (${v}:${label}) ${q.where} RETURN count(${v}) AS total }
     CALL () {
       MATCH (${v}:${label}) ${q.pageWhere ?? q.where}
       WITH ${v} ORDER BY ${v}.name, ${v}.id SKIP $offset LIMIT $first
       RETURN collect(properties(${v})) AS items
     }
     RETURN total, items`,
    { ...q.params, offset: neo4j.int(q.offset), first: neo4j.int(q.first) },
    counter,
  );
  return row;
}
