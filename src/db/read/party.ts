/** Companies and persons, and the ties between them and vessels. */
import neo4j from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { toRecord } from '../records';

/** How a company or person is tied to a vessel or company: the party relationship types of the model. */
export { RELATION_TYPES } from '../../domain/graph';

export interface PartyQuery {
  name: string | null;
  countryCode: string | null;
  kind: 'COMPANY' | 'PERSON' | null;
  designated: boolean | null;
  offset: number;
  first: number;
}

/** One page of companies and persons and how many match, without collecting every match (see listVessels). */
export async function listParties(db: Database, q: PartyQuery, counter?: StatementCounter) {
  const conditions = [
    q.name != null ? '(toLower(p.name) CONTAINS $name OR any(a IN p.aliases WHERE toLower(a) CONTAINS $name))' : null,
    q.countryCode != null ? 'p.countryCode = $country' : null,
    q.kind != null ? 'p.kind = $kind' : null,
    q.designated != null ? "EXISTS { (p)-[:DESIGNATED]->(:Designation {status: 'IN_FORCE'}) } = $designated" : null,
  ].filter((c): c is string => c != null);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [row] = await db.read<{ total: number; items: { labels: string[]; props: Record<string, unknown> }[] }>(
    `CALL () { MATCH (p:Party) ${where} RETURN count(p) AS total }
     CALL () {
       MATCH (p:Party) ${where}
       WITH p ORDER BY p.name, p.id SKIP $offset LIMIT $first
       RETURN collect({labels: labels(p), props: properties(p)}) AS items
     }
     RETURN total, items`,
    {
      name: q.name?.toLowerCase() ?? null,
      country: q.countryCode,
      kind: q.kind,
      designated: q.designated,
      offset: neo4j.int(q.offset),
      first: neo4j.int(q.first),
    },
    counter,
  );
  return {
    total: row.total,
    items: row.items.map((i) => toRecord(i.labels.includes('Person') ? 'Person' : 'Company', i.props)),
  };
}
