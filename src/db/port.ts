/** Ports, transfer areas and anchorages: lookups by UN/LOCODE and by name, and filtered lists. */
import { Database, StatementCounter } from './database';
import { toRecord } from './records';

export async function findPortByLocode(db: Database, locode: string, counter?: StatementCounter) {
  const rows = await db.read<{ props: Record<string, unknown> }>(
    'MATCH (p:Port {locode: $locode}) RETURN properties(p) AS props',
    { locode },
    counter,
  );
  return rows.length ? toRecord('Port', rows[0].props) : null;
}

export interface PortQuery {
  name: string | null;
  countryCode: string | null;
  kind: string | null;
  offset: number;
  first: number;
}

export async function listPorts(db: Database, q: PortQuery, counter?: StatementCounter) {
  const [row] = await db.read<{ total: number; items: Record<string, unknown>[] }>(
    `CALL {
       MATCH (p:Port)
       WHERE ($name IS NULL OR toLower(p.name) CONTAINS $name OR any(a IN p.aliases WHERE toLower(a) CONTAINS $name))
         AND ($country IS NULL OR p.countryCode = $country)
         AND ($kind IS NULL OR p.kind = $kind)
       RETURN p ORDER BY p.name, p.id
     }
     WITH collect(p) AS matches
     RETURN size(matches) AS total, [p IN matches[$offset..($offset + $first)] | properties(p)] AS items`,
    { name: q.name?.toLowerCase() ?? null, country: q.countryCode, kind: q.kind, offset: q.offset, first: q.first },
    counter,
  );
  return { total: row.total, items: row.items.map((p) => toRecord('Port', p)) };
}
