/** Companies and persons, and the ties between them and vessels. */
import { Database, StatementCounter } from './database';
import { toRecord } from './records';

export const RELATION_TYPES = [
  'OWNS',
  'MANAGES',
  'OPERATES',
  'CONTROLS',
  'CHARTERED',
  'BROKERED',
  'CONSIGNEE_OF',
  'ASSOCIATED_WITH',
] as const;

export interface PartyQuery {
  name: string | null;
  countryCode: string | null;
  kind: 'COMPANY' | 'PERSON' | null;
  designated: boolean | null;
  offset: number;
  first: number;
}

export async function listParties(db: Database, q: PartyQuery, counter?: StatementCounter) {
  const [row] = await db.read<{ total: number; items: { labels: string[]; props: Record<string, unknown> }[] }>(
    `CALL {
       MATCH (p:Party)
       WHERE ($name IS NULL OR toLower(p.name) CONTAINS $name OR any(a IN p.aliases WHERE toLower(a) CONTAINS $name))
         AND ($country IS NULL OR p.countryCode = $country)
         AND ($kind IS NULL OR p.kind = $kind)
         AND ($designated IS NULL OR EXISTS { (p)-[:DESIGNATED]->(:Designation {status: 'IN_FORCE'}) } = $designated)
       RETURN p ORDER BY p.name, p.id
     }
     WITH collect(p) AS matches
     RETURN size(matches) AS total,
            [p IN matches[$offset..($offset + $first)] | {labels: labels(p), props: properties(p)}] AS items`,
    {
      name: q.name?.toLowerCase() ?? null,
      country: q.countryCode,
      kind: q.kind,
      designated: q.designated,
      offset: q.offset,
      first: q.first,
    },
    counter,
  );
  return {
    total: row.total,
    items: row.items.map((i) => toRecord(i.labels.includes('Person') ? 'Person' : 'Company', i.props)),
  };
}
