/** Full-text search over the names and aliases of vessels (and their claimed identities), ports, companies, persons and countries. */
import { Database, StatementCounter } from '../database';
import { FULLTEXT_INDEX } from '../upgrade/migrations';
import { NodeRecord, toRecord } from '../records';
import { NodeLabel } from '../../domain/ids';

const SEARCHABLE: NodeLabel[] = ['Vessel', 'Port', 'Company', 'Person', 'Country'];

export interface SearchHit {
  node: NodeRecord;
  score: number;
  matchedName: string | null;
}

export async function searchEntities(
  db: Database,
  luceneQuery: string,
  offset: number,
  first: number,
  counter?: StatementCounter,
): Promise<{ total: number; hits: SearchHit[] }> {
  const [row] = await db.read<{
    total: number;
    hits: { labels: string[]; props: Record<string, unknown>; score: number; matched: string | null }[];
  }>(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: 1000}) YIELD node, score
     WITH CASE WHEN node:IdentityClaim THEN head([(v:Vessel)-[:CLAIMED]->(node) | v]) ELSE node END AS hit,
          score, node.name AS matched
     WHERE hit IS NOT NULL
     WITH hit, score, matched ORDER BY score DESC
     WITH hit, max(score) AS score, head(collect(matched)) AS matched
     ORDER BY score DESC, hit.name
     WITH collect({labels: labels(hit), props: properties(hit), score: score, matched: matched}) AS matches
     RETURN size(matches) AS total, matches[$offset..($offset + $first)] AS hits`,
    { index: FULLTEXT_INDEX, query: luceneQuery, offset, first },
    counter,
  );
  return {
    total: row.total,
    hits: row.hits.map((h) => {
      const label = SEARCHABLE.find((l) => h.labels.includes(l)) ?? 'Vessel';
      return { node: toRecord(label, h.props), score: h.score, matchedName: h.matched };
    }),
  };
}
