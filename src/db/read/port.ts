/** Ports, transfer areas and anchorages: lookups by UN/LOCODE and by name, and filtered lists. */
import { Database, StatementCounter } from '../database';
import { toRecord } from '../records';
import { readNamedPage } from './page';

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

/** One page of ports and how many match, without collecting every match (see listVessels). */
export async function listPorts(db: Database, q: PortQuery, counter?: StatementCounter) {
  const conditions = [
    q.name != null ? '(toLower(p.name) CONTAINS $name OR any(a IN p.aliases WHERE toLower(a) CONTAINS $name))' : null,
    q.countryCode != null ? 'p.countryCode = $country' : null,
    q.kind != null ? 'p.kind = $kind' : null,
  ].filter((c): c is string => c != null);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const row = await readNamedPage(
    db,
    {
      label: 'Port',
      variable: 'p',
      where,
      params: { name: q.name?.toLowerCase() ?? null, country: q.countryCode, kind: q.kind },
      offset: q.offset,
      first: q.first,
    },
    counter,
  );
  return { total: row.total, items: row.items.map((p) => toRecord('Port', p)) };
}
