/** Vessels: lookups by IMO number and filtered lists. */
import { Database, StatementCounter } from '../database';
import { NodeRecords, toRecord } from '../records';
import { compileNode, decodeNode, NodePlan } from './compiled';
import { readNamedPage } from './page';

export async function findVesselByImo(db: Database, imo: string, counter?: StatementCounter) {
  const rows = await db.read<{ props: Record<string, unknown> }>(
    'MATCH (v:Vessel {imo: $imo}) RETURN properties(v) AS props',
    { imo },
    counter,
  );
  return rows.length ? toRecord('Vessel', rows[0].props) : null;
}

/**
 * From this page size on, a page of vessels whose compiled read holds lists within lists (owners →
 * holdings, holdings → legs: thousands of rows) is read in two halves at once (db/read/page.ts).
 */
export const HALVES_MIN_PAGE = 16;

/** Whether a compiled read holds a list below one of its lists (a list's ends with lists of their own). */
function listsInLists(plan: NodePlan): boolean {
  return plan.lists.some(({ list }) => list.kind === 'relations' && list.ends.some((e) => e.node.lists.length > 0));
}

export interface VesselQuery {
  name: string | null;
  flagCode: string | null;
  designated: boolean | null;
  tactic: string | null;
  status: string | null;
  offset: number;
  first: number;
}

/**
 * One page of vessels and how many match: the count and the page are two subqueries over the same
 * filter, so memory stays at one page whatever the total (no collect of every match). Only the
 * conditions of the filters given are written into the statement (fixed fragments, values as parameters).
 */
export async function listVessels(
  db: Database,
  q: VesselQuery,
  counter?: StatementCounter,
  compiled?: NodePlan | null,
): Promise<{ total: number; items: NodeRecords['Vessel'][] }> {
  const conditions = [
    q.name != null
      ? '(toLower(v.name) CONTAINS $name OR any(n IN v.otherNames WHERE toLower(n) CONTAINS $name))'
      : null,
    q.flagCode != null ? 'v.flagCode = $flag' : null,
    q.status != null ? 'v.status = $status' : null,
    q.designated != null ? "EXISTS { (v)-[:DESIGNATED]->(:Designation {status: 'IN_FORCE'}) } = $designated" : null,
    q.tactic != null
      ? '(EXISTS { (v)-[:USED]->(:Tactic {code: $tactic}) } OR EXISTS { (v)<-[:ON]-(:Leg)-[:USED]->(:Tactic {code: $tactic}) })'
      : null,
  ].filter((c): c is string => c != null);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  // Every vessel has a name (every write path requires one), so `v.name IS NOT NULL` changes no answer;
  // it lets the page be read in the order of the vessel_name index instead of sorting every vessel.
  const pageWhere = `WHERE ${['v.name IS NOT NULL', ...conditions].join(' AND ')}`;
  // a compiled selection (src/resolvers/compiled.ts connectionNodePlan) reads each vessel as it asks,
  // with its compiled lists, in this same statement (db/read/compiled.ts)
  const item = compiled ? compileNode('v', 'Vessel', compiled) : null;
  const row = await readNamedPage<unknown>(
    db,
    {
      label: 'Vessel',
      variable: 'v',
      where,
      pageWhere,
      params: {
        name: q.name?.toLowerCase() ?? null,
        flag: q.flagCode,
        status: q.status,
        designated: q.designated,
        tactic: q.tactic,
        ...item?.params,
      },
      offset: q.offset,
      first: q.first,
      item: item?.expr,
      // a large page of nested reads (the nested query's vessels, their owners, holdings and legs) in
      // two halves at once
      halves: compiled != null && q.first >= HALVES_MIN_PAGE && listsInLists(compiled),
    },
    counter,
  );
  const items = compiled
    ? row.items.map((r) => decodeNode(compiled, r as unknown[]) as NodeRecords['Vessel'])
    : row.items.map((p) => toRecord('Vessel', p as Record<string, unknown>));
  return { total: row.total, items };
}
