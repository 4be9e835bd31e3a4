/**
 * Risk alerts (`minRisk`): after a write has committed, the watched vessels it touched that a
 * watchlist with `minRisk` watches are scored again (db/read/risk.ts + domain/risk.ts, the configured
 * weights), and each watchlist whose threshold the score reached from below gets an alert. "From
 * below" compares with the score last judged for that vessel, stored on its watch target
 * (`WatchTarget.lastRisk`), so a vessel staying above the threshold alerts once. Bounded: nothing is
 * read unless the write touched a watched vessel; one lookup, then one risk statement per such vessel
 * watched with `minRisk`. Not in the write's transaction (the score reads the committed graph).
 */
import { Database } from '../database';
import { riskFacts } from '../read/risk';
import { createAlertsIn } from './alerts';
import { assessRisk, resolveRiskWeights, RiskWeights } from '../../domain/risk';
import { planRiskAlerts, PlannedAlert, watchKey } from '../../domain/watch';
import { riskWeightsFromEnv } from '../../config';

let weights: RiskWeights | null = null;

/** The vessels a write's alerts name, with the change ids of the alerts naming them. */
export function watchedVessels(alerts: readonly PlannedAlert[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of alerts)
    if (a.entityId.startsWith('vessel:'))
      out.set(a.entityId, [...new Set([...(out.get(a.entityId) ?? []), ...a.changeIds])]);
  return out;
}

/** Scores the touched watched vessels again and stores the alerts of the thresholds crossed; answers how many. */
export async function recordRiskAlerts(
  db: Database,
  vessels: ReadonlyMap<string, string[]>,
  who: { actor: string; operation: string },
): Promise<number> {
  if (vessels.size === 0) return 0;
  const rows = await db.read<{ id: string; last: number | null; lists: { id: string; minRisk: number }[] }>(
    `UNWIND $ids AS id
     MATCH (t:WatchTarget {key: 'entity|' + id})<-[:WATCHES]-(w:Watchlist) WHERE w.minRisk IS NOT NULL
     RETURN id, t.lastRisk AS last, collect({id: w.id, minRisk: w.minRisk}) AS lists`,
    { ids: [...vessels.keys()] },
  );
  if (rows.length === 0) return 0;
  weights ??= resolveRiskWeights(riskWeightsFromEnv(process.env));
  const scores: { key: string; score: number }[] = [];
  const alerts: PlannedAlert[] = [];
  for (const r of rows) {
    const found = await riskFacts(db, r.id, null);
    if (!found) continue;
    const score = assessRisk(found.facts, weights).score;
    scores.push({ key: watchKey.entity(r.id), score });
    alerts.push(...planRiskAlerts(r.id, r.last, score, r.lists, vessels.get(r.id) ?? [], who));
  }
  await db.transaction(async (tx) => {
    await tx.run('UNWIND $scores AS s MATCH (t:WatchTarget {key: s.key}) SET t.lastRisk = s.score', { scores });
    await createAlertsIn(tx, alerts, who);
  });
  return alerts.length;
}
