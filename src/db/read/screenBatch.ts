/**
 * A screening batch from start to end, shared by GraphQL `screen` and the reconciliation route: check
 * every query (problems stay with their query), find candidates for the whole batch in three
 * statements (db/read/screen.ts), score each query's candidates (domain/screenScore.ts) and keep the best.
 */
import { Database, StatementCounter } from '../database';
import { identifierCandidates, LABEL_OF_KIND, screenEntities, textCandidates } from './screen';
import { checkScreenQuery, ScreenProblem, ScreenQueryFields } from '../../domain/screenQuery';
import { QueryNames, rankCandidates, scoreSubject, ScreenFeature } from '../../domain/screenScore';
import { ScreenKind } from '../../domain/screenNames';
import { screenLuceneQuery } from '../../domain/screenText';

const ALL_KINDS: ScreenKind[] = ['VESSEL', 'COMPANY', 'PERSON', 'PORT'];

export interface ScreenCandidateRecord {
  id: string;
  entity: Record<string, unknown> & { id: string };
  score: number;
  matchedName: string | null;
  features: ScreenFeature[];
}

export interface ScreenOutcome {
  candidates: ScreenCandidateRecord[];
  problems: ScreenProblem[];
}

export async function screenBatch(
  db: Database,
  queries: ScreenQueryFields[],
  options: { threshold: number; limit: number },
  counter?: StatementCounter,
): Promise<ScreenOutcome[]> {
  const checked = queries.map(checkScreenQuery);
  const kinds = checked.map((q) => (q.kind != null ? [q.kind] : ALL_KINDS));
  const [text, idHits] = await Promise.all([
    textCandidates(
      db,
      checked.map((q, i) => ({
        lucene: q.name == null ? null : screenLuceneQuery(q.name, q.kind),
        labels: kinds[i].map((k) => LABEL_OF_KIND[k]),
      })),
      counter,
    ),
    identifierCandidates(
      db,
      {
        imos: [...new Set(checked.flatMap((q) => (q.imo ? [q.imo] : [])))],
        mmsis: [...new Set(checked.flatMap((q) => (q.mmsi ? [q.mmsi] : [])))],
        companyImos: [...new Set(checked.flatMap((q) => (q.companyImo ? [q.companyImo] : [])))],
      },
      counter,
    ),
  ]);
  const byValue = new Map<string, string[]>();
  for (const h of idHits) {
    const key = `${h.field}:${h.value}`;
    byValue.set(key, [...(byValue.get(key) ?? []), h.id]);
  }
  const candidateIds = checked.map((q, i) => {
    const ids = new Set(text[i]);
    if (q.imo) for (const id of byValue.get(`imo:${q.imo}`) ?? []) ids.add(id);
    if (q.mmsi) for (const id of byValue.get(`mmsi:${q.mmsi}`) ?? []) ids.add(id);
    if (q.companyImo) for (const id of byValue.get(`companyImo:${q.companyImo}`) ?? []) ids.add(id);
    return [...ids];
  });
  const entities = await screenEntities(db, [...new Set(candidateIds.flat())], counter);

  return checked.map((q, i) => {
    const names = new QueryNames(q.name, q.kind);
    const scored: ScreenCandidateRecord[] = [];
    for (const id of candidateIds[i]) {
      const e = entities.get(id);
      if (!e || !kinds[i].includes(e.subject.kind)) continue;
      const s = scoreSubject(q, names, e.subject);
      scored.push({ id, entity: e.record, ...s });
    }
    return { candidates: rankCandidates(scored, options.threshold, options.limit), problems: q.problems };
  });
}
