/**
 * The start legs of a forward trace in rank order (rank.ts), read through an index a batch at a time
 * (docs/trace-engine.md, "Session trace9"). Every FROM relationship carries, besides its seek keys
 * (documented.ts), the rank keys of its leg:
 *
 * - `rankConf`: minus the leg's confidence (0 when unknown: the score walk.ts gives it), so that the
 *   highest confidence sorts first in ascending order (negation is exact on floats);
 * - `rankDay`: the day it left as text (`toString`, as the walk reads it), '' when unknown (rank.ts:
 *   an unknown day before any known one);
 * - `rankId`: the leg's id.
 *
 * under the composite RANGE index `leg_departure_rank` on `(portId, rankConf, rankDay, rankId)`, so that
 * `ORDER BY r.rankConf, r.rankDay, r.rankId` over one port's departures is the index order (no sort) and
 * a `LIMIT` stops the read. A composite index leaves out a relationship missing any of its properties:
 * every FROM gets all three (`0`, `''` rather than null), set with the seek keys by every write
 * (documented.ts SET_SEEK_KEYS), by the synthetic loaders (seed/synthetic/emit.ts) and on an older
 * store by the upgrade step (schemaVersion.ts version 3, `setRankKeysAll`).
 */
import { int } from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { MORE_STARTS, LegBriefRow, LegRankRow } from './statements';
import { MoreStarts, StartLeg } from './walk';
import { decidedStarts, inLegBatches, onwardParams, openedStarts, OpenedRows } from './onward';
import type { CypherCandidates, FoundLink } from './candidates';
import { TraceQuery } from './records';
import { neoDate } from '../write/graphWriter';

/** The rank keys of FROM relationship `r` of leg `l`, as a SET clause's items. */
export const RANK_KEYS = (l: string, r: string) =>
  `${r}.rankConf = 0.0 - toFloat(coalesce(${l}.confidence, 0)), ` +
  `${r}.rankDay = coalesce(toString(${l}.departureFrom), ''), ${r}.rankId = ${l}.id`;

/** The rank keys in JS (the synthetic loaders write them as the Cypher above would). */
export function rankKeys(leg: { id: string; confidence: number | null; departureFrom: string | null }) {
  return { rankConf: 0 - (leg.confidence ?? 0), rankDay: leg.departureFrom ?? '', rankId: leg.id };
}

/**
 * Sets the rank keys of every leg's FROM relationships, in batches of `batch` legs in id order, each its
 * own transaction (the upgrade of a store written before them).
 */
export async function setRankKeysAll(
  db: Database,
  options: { batch?: number; onBatch?: (legs: number) => void } = {},
): Promise<{ legs: number }> {
  const body = `CALL (x) { MATCH (x)-[r:FROM]->(:Port) SET ${RANK_KEYS('x', 'r')} }`;
  return inLegBatches(db, body, {}, { batch: 20_000, ...options });
}

/**
 * How many start legs a ranked forward trace reads first, per answer wanted (each later batch reads twice
 * the last). At L (bench origin, 2,753 start legs, `limit` 50) the 50 best routes are the first 50 dead
 * ends in rank order: about 480 legs down the order.
 */
const START_PER_ANSWER = 12;

/** The rank keys of the first leg after a batch, as RANKED_STARTS reads it (statements.ts). */
export type NextRow = [LegRankRow, [number, string, string]];

/** The start statement's first batch: how many legs (all of them when the trace is not ranked). */
export function firstStartBatch(q: TraceQuery, eagerStart: number): number {
  if (q.best == null) return ALL;
  // at least the legs the start statement expands itself (an anchor with no more is read whole)
  return Math.max(1, q.startBatch ?? Math.max(eagerStart + 1, START_PER_ANSWER * q.best.limit));
}
const ALL = 1_000_000_000;

const startLegOf = ([legId, confidence, day]: LegRankRow): StartLeg => ({ legId, legConfidence: confidence ?? 0, day });

/** The start legs of a batch (LEG_RANK rows) as the walk takes them. */
export const startLegs = (ranks: LegRankRow[]): StartLeg[] => ranks.map(startLegOf);

/**
 * The start legs after the first batch (walk.ts `MoreStarts`), null when the first batch read them all:
 * each later batch one statement (statements.ts MORE_STARTS) from the stand-in's leg on, twice as many
 * legs as the last, with its dead ends and documented chains decided and opened as the first batch's
 * (onward.ts `decidedStarts`, `openedStarts`).
 */
export function moreStarts(
  db: Database,
  q: TraceQuery,
  anchorId: string,
  first: number,
  next: NextRow[] | undefined,
  candidates: CypherCandidates,
  counter?: StatementCounter,
): MoreStarts<FoundLink> | undefined {
  if (!next || next.length === 0) return undefined;
  let size = first;
  // the rank keys of the next leg to read (the stand-in's): the first after the last batch read
  let after = next[0][1];
  return {
    next: startLegOf(next[0][0]),
    read: async () => {
      size *= 2;
      const [conf, day, id] = after;
      const [row] = await db.read<{ ranks: LegRankRow[]; next: NextRow[]; deadBriefs: LegBriefRow[] } & OpenedRows>(
        MORE_STARTS,
        {
          anchorId,
          after: { conf, day, id },
          startBatch: int(size),
          commodities: q.commodities,
          cargoOrigins: q.cargoOrigins,
          windowFrom: neoDate(q.windowFrom),
          windowTo: neoDate(q.windowTo),
          maxHops: int(q.maxHops),
          maxWait: int(q.maxWaitDays),
          ...onwardParams(q),
        },
        counter,
      );
      candidates.statements++;
      const nextRow = row.next[0];
      if (nextRow) after = nextRow[1];
      return {
        starts: startLegs(row.ranks),
        next: nextRow ? startLegOf(nextRow[0]) : null,
        decided: decidedStarts(row, candidates),
        opened: await openedStarts(row, candidates),
      };
    },
  };
}
