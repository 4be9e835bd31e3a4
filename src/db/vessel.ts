/** Vessels: lookups by IMO number and filtered lists. */
import { Database, StatementCounter } from './database';
import { toRecord } from './records';

export async function findVesselByImo(db: Database, imo: string, counter?: StatementCounter) {
  const rows = await db.read<{ props: Record<string, unknown> }>(
    'MATCH (v:Vessel {imo: $imo}) RETURN properties(v) AS props',
    { imo },
    counter,
  );
  return rows.length ? toRecord('Vessel', rows[0].props) : null;
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

export async function listVessels(db: Database, q: VesselQuery, counter?: StatementCounter) {
  const [row] = await db.read<{ total: number; items: Record<string, unknown>[] }>(
    `CALL {
       MATCH (v:Vessel)
       WHERE ($name IS NULL OR toLower(v.name) CONTAINS $name OR any(n IN v.otherNames WHERE toLower(n) CONTAINS $name))
         AND ($flag IS NULL OR v.flagCode = $flag)
         AND ($status IS NULL OR v.status = $status)
         AND ($designated IS NULL OR EXISTS { (v)-[:DESIGNATED]->(:Designation {status: 'IN_FORCE'}) } = $designated)
         AND ($tactic IS NULL
              OR EXISTS { (v)-[:USED]->(:Tactic {code: $tactic}) }
              OR EXISTS { (v)<-[:ON]-(:Leg)-[:USED]->(:Tactic {code: $tactic}) })
       RETURN v ORDER BY v.name, v.id
     }
     WITH collect(v) AS matches
     RETURN size(matches) AS total, [v IN matches[$offset..($offset + $first)] | properties(v)] AS items`,
    {
      name: q.name?.toLowerCase() ?? null,
      flag: q.flagCode,
      status: q.status,
      designated: q.designated,
      tactic: q.tactic,
      offset: q.offset,
      first: q.first,
    },
    counter,
  );
  return { total: row.total, items: row.items.map((p) => toRecord('Vessel', p)) };
}
