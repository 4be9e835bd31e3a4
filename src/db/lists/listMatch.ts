/**
 * After a list is loaded: its companies and persons are compared with the others in the graph by the
 * rules of domain/entityMatch.ts. A sure pair is merged at once with mergeEntities (the merge's audit
 * entries carry the reason; the removed id stays an Alias of the kept entity), an uncertain one is
 * stored as a `(:MergeCandidate)` for an editor to accept (merge) or reject. A candidate once decided
 * is never proposed again, and an automatic merge is kept as a candidate with status AUTO_MERGED, so
 * every merge the lists caused can be listed and reviewed.
 */
import neo4j from 'neo4j-driver';
import { Database } from '../database';
import { MergeError, mergeEntities, MergeResult } from '../write/merge';
import { WriteContext } from '../write/writeFacts';
import { asText } from '../../domain/text';
import { candidateId, MatchLabel, MatchPair, MatchParty, planMatches } from '../../domain/entityMatch';

export interface MatchReport {
  compared: number;
  automaticMerges: number;
  newCandidates: number;
  /** Up to 20 pairs of each kind, for the report. */
  examples: { kind: string; keepId: string; removeId: string; reason: string }[];
}

export type CandidateStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'AUTO_MERGED';

export interface CandidateRecord {
  id: string;
  keepId: string;
  removeId: string;
  keepName: string | null;
  removeName: string | null;
  label: MatchLabel;
  score: number;
  reason: string;
  status: CandidateStatus;
  decidedBy: string | null;
}

async function readParties(db: Database): Promise<MatchParty[]> {
  const rows = await db.read<{
    id: string;
    label: MatchLabel;
    name: unknown;
    aliases: unknown[] | null;
    country: unknown;
    sourceIds: unknown[] | null;
  }>(
    `MATCH (n) WHERE n:Company OR n:Person
     RETURN n.id AS id, CASE WHEN n:Company THEN 'Company' ELSE 'Person' END AS label, n.name AS name,
            n.aliases AS aliases, n.countryCode AS country, n.sourceIds AS sourceIds`,
  );
  return rows
    .filter((r) => r.name != null)
    .map((r) => ({
      id: r.id,
      label: r.label,
      name: asText(r.name),
      aliases: (r.aliases ?? []).map(asText),
      country: r.country == null ? null : asText(r.country),
      sourceIds: (r.sourceIds ?? []).map(asText),
    }));
}

export async function matchListParties(db: Database, listSourceId: string, ctx: WriteContext): Promise<MatchReport> {
  const parties = await readParties(db);
  const incoming = parties.filter((p) => p.sourceIds.includes(listSourceId));
  const existing = parties.filter((p) => !p.sourceIds.includes(listSourceId));
  const pairs = planMatches(existing, incoming);
  // A pair once found (pending, decided, or merged) is never proposed or merged again, whichever list found it.
  const known = new Set((await db.read<{ id: string }>(`MATCH (c:MergeCandidate) RETURN c.id AS id`)).map((r) => r.id));
  const report: MatchReport = { compared: incoming.length, automaticMerges: 0, newCandidates: 0, examples: [] };
  for (const p of pairs) {
    const id = candidateId(p.keepId, p.removeId);
    if (known.has(id)) continue;
    if (p.kind === 'AUTO') {
      try {
        await mergeEntities(db, p.keepId, p.removeId, p.label, ctx, undefined, `automatic: ${p.reason}`);
        await storeCandidate(db, p, 'AUTO_MERGED', ctx.actor);
        report.automaticMerges++;
      } catch (error) {
        // The graph changed under the plan (one side merged or deleted meanwhile): an editor decides.
        if (!(error instanceof MergeError)) throw error;
        await storeCandidate(db, { ...p, reason: `${p.reason}; not merged: ${error.message}` }, 'PENDING', null);
        report.newCandidates++;
      }
    } else {
      await storeCandidate(db, p, 'PENDING', null);
      report.newCandidates++;
    }
    if (report.examples.filter((e) => e.kind === p.kind).length < 20)
      report.examples.push({ kind: p.kind, keepId: p.keepId, removeId: p.removeId, reason: p.reason });
  }
  return report;
}

/** Stores a pair (once). */
async function storeCandidate(db: Database, p: MatchPair, status: CandidateStatus, by: string | null): Promise<void> {
  await db.write(
    `MERGE (c:MergeCandidate {id: $id})
     ON CREATE SET c.keepId = $keepId, c.removeId = $removeId, c.label = $label, c.score = $score,
                   c.reason = $reason, c.status = $status, c.decidedBy = $by, c.createdAt = datetime()`,
    {
      id: candidateId(p.keepId, p.removeId),
      keepId: p.keepId,
      removeId: p.removeId,
      label: p.label,
      score: p.score,
      reason: p.reason,
      status,
      by,
    },
  );
}

const CANDIDATE_FIELDS = `c.id AS id, c.keepId AS keepId, c.removeId AS removeId, c.label AS label, c.score AS score,
  c.reason AS reason, c.status AS status, c.decidedBy AS decidedBy,
  COALESCE(k.name, ka.name) AS keepName, COALESCE(r.name, ra.name) AS removeName`;

const WITH_NAMES = `OPTIONAL MATCH (k:Company|Person {id: c.keepId})
  OPTIONAL MATCH (:Alias {id: c.keepId})-[:MERGED_INTO]->(ka)
  OPTIONAL MATCH (r:Company|Person {id: c.removeId})
  OPTIONAL MATCH (:Alias {id: c.removeId})-[:MERGED_INTO]->(ra)`;

export async function listCandidates(
  db: Database,
  status: CandidateStatus | null,
  offset: number,
  limit: number,
): Promise<{ total: number; items: CandidateRecord[] }> {
  const [count] = await db.read<{ n: number }>(
    `MATCH (c:MergeCandidate) WHERE $status IS NULL OR c.status = $status RETURN count(c) AS n`,
    { status },
  );
  const items = await db.read<CandidateRecord>(
    `MATCH (c:MergeCandidate) WHERE $status IS NULL OR c.status = $status
     WITH c ORDER BY c.score DESC, c.id SKIP $offset LIMIT $limit
     ${WITH_NAMES}
     RETURN ${CANDIDATE_FIELDS}`,
    { status, offset: neo4j.int(offset), limit: neo4j.int(limit) },
  );
  return { total: count?.n ?? 0, items };
}

export async function getCandidate(db: Database, id: string): Promise<CandidateRecord | null> {
  const [row] = await db.read<CandidateRecord>(
    `MATCH (c:MergeCandidate {id: $id}) ${WITH_NAMES} RETURN ${CANDIDATE_FIELDS}`,
    { id },
  );
  return row ?? null;
}

export class CandidateError extends Error {
  constructor(
    readonly kind: 'NOT_FOUND' | 'BAD_INPUT',
    message: string,
  ) {
    super(message);
  }
}

/** Accepts a pending candidate (merges the pair, reason recorded) or rejects it (never proposed again). */
export async function decideCandidate(
  db: Database,
  id: string,
  accept: boolean,
  ctx: WriteContext,
): Promise<{ candidate: CandidateRecord; merge: MergeResult | null }> {
  const c = await getCandidate(db, id);
  if (!c) throw new CandidateError('NOT_FOUND', `no merge candidate ${id}`);
  if (c.status !== 'PENDING')
    throw new CandidateError('BAD_INPUT', `candidate ${id} was already decided (${c.status})`);
  let merge: MergeResult | null = null;
  if (accept)
    merge = await mergeEntities(db, c.keepId, c.removeId, c.label, ctx, undefined, `accepted candidate: ${c.reason}`);
  await db.write(
    `MATCH (c:MergeCandidate {id: $id}) SET c.status = $status, c.decidedBy = $by, c.decidedAt = datetime()`,
    {
      id,
      status: accept ? 'ACCEPTED' : 'REJECTED',
      by: ctx.actor,
    },
  );
  return { candidate: (await getCandidate(db, id))!, merge };
}
