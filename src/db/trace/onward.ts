/**
 * The stored onward fact (domain/linking.ts `ONWARD_CAP_DAYS`, docs/trace-engine.md "Session trace7"):
 * on every leg, `onwardWait`, the least wait at which a compatible departure from a port where it
 * arrived takes its cargo on by an inferred link (within the cap; `ONWARD_NONE` when none), and
 * `onwardBy`, the id of one departure that gives it. The start statement of a trace answers from it
 * whether each start leg is a dead end under the trace's wait, without a round (statements.ts).
 *
 * Kept exact in the writing transaction (`maintainOnwardIn`, called by documented.ts
 * `maintainNextLinksIn` on every write path) for the legs written, `ids`:
 * 1. recomputed from scratch (the rule's Cypher twin over the departure index, as a probe reads it) for
 *    the legs of `ids` (as arrivals) and for every leg whose `onwardBy` is one of them (a departure
 *    changed or removed may have set their least wait: the only facts a removal can raise);
 * 2. lowered, for the departures of `ids`: the arrivals at their ports whose wait window holds them
 *    (one range of the arrival index, `leg_arrival_seek`), when the new link waits less.
 * A write costs the arrivals in its window (the cap), never the port's history. A leg without the fact
 * (a store not migrated yet) is left without it: the trace then probes it (undecided).
 */
import { int } from 'neo4j-driver';
import { Database, TxRunner } from '../database';
import { inferredLinkCypher, ONWARD_ANY, ONWARD_CAP_DAYS, ONWARD_NONE } from '../../domain/linking';
import { INFERRED_LINK_FACTOR } from '../../domain/routeConfidence';
import { candidateRule, FOLLOWER_RANGE, LEG_PROPS, SEEK, startExpansionParams } from './seek';
import { LegBriefRow, LegRankRow } from './statements';
import { TraceQuery } from './records';
import { PreOpened } from './known';
import type { CypherCandidates, FollowerRow, FoundLink } from './candidates';

/** The parameters of the statements below (the cap is the rule's `$maxWait`). */
const params = () => ({
  ...startExpansionParams(ONWARD_CAP_DAYS),
  onwardAny: int(ONWARD_ANY),
  onwardNone: int(ONWARD_NONE),
});

/** The seek range of the arrivals a departure `x` may follow (domain/linking.ts `predecessorSeekRange`, a day wider at each end). */
const PREDECESSOR_RANGE = (x: string) =>
  `lo: CASE WHEN ${x}.departureFrom IS NULL THEN $firstDay ELSE ${x}.departureFrom - duration({days: $maxWait + 1}) END,
   hi: CASE WHEN coalesce(${x}.departureTo, ${x}.arrivalTo) IS NULL THEN $lastDay
            ELSE coalesce(${x}.departureTo, ${x}.arrivalTo) + duration({days: $seekSpan + 1}) END`;

/** The fact of leg `x` from scratch: `w` (null: none) and `by`, over the departures its ranges hold. */
const FACT_OF = `CALL (x) {
  WITH x, x {${LEG_PROPS}} AS xm
  OPTIONAL CALL (x, xm) {
    MATCH (x)-[:TO]->(p:Port) WHERE p.kind <> $placeholderKind
    UNWIND [{id: p.id, ${FOLLOWER_RANGE('x')}}, {id: p.id, lo: $wideDay, hi: $wideDay}] AS q
    ${SEEK('FROM', 'q')}
    ${candidateRule('FORWARD')}
    RETURN coalesce(${inferredLinkCypher('xm', 'c', '$maxWait').waitMin}, $onwardAny) AS w, l.id AS by
    ORDER BY w, by
    LIMIT 1
  }
  RETURN w, by
}
SET x.onwardWait = coalesce(w, $onwardNone), x.onwardBy = by`;

/** Recomputes the fact of the legs `$ids` and of the legs whose `onwardBy` is one of them. */
const RECOMPUTE = `CALL () {
  UNWIND $ids AS id MATCH (x:Leg {id: id}) RETURN x
  UNION
  MATCH (x:Leg) WHERE x.onwardBy IN $ids RETURN x
}
${FACT_OF}`;

/** Lowers the fact of the arrivals that the departures `$ids` may follow, where the new link waits less. */
const LOWER = `UNWIND $ids AS id
MATCH (x:Leg {id: id})
WITH x, x {${LEG_PROPS}} AS xm
MATCH (x)-[:FROM]->(p:Port) WHERE p.kind <> $placeholderKind
UNWIND [{id: p.id, ${PREDECESSOR_RANGE('x')}}, {id: p.id, lo: $wideDay, hi: $wideDay}] AS q
${SEEK('TO', 'q')}
${candidateRule('BACKWARD')} AND l.onwardWait IS NOT NULL
WITH l, coalesce(${inferredLinkCypher('c', 'xm', '$maxWait').waitMin}, $onwardAny) AS w, x.id AS by
WHERE w < l.onwardWait
WITH l, w, by ORDER BY w, by
WITH l, collect([w, by])[0] AS best
SET l.onwardWait = best[0], l.onwardBy = best[1]`;

/**
 * Keeps the fact exact after the legs `$ids` were written, changed or removed (see the file comment),
 * as the tail of the statement that sets their index keys (documented.ts: no statement more a write;
 * the recomputation is complete, one row, before the lowering reads what it wrote).
 */
export const MAINTAIN_ONWARD = `WITH count(*) AS keyed
CALL () {
  ${RECOMPUTE}
  RETURN count(*) AS recomputed
}
CALL () {
  ${LOWER}
  RETURN count(*) AS lowered
}
RETURN recomputed, lowered`;

/** The parameters of MAINTAIN_ONWARD besides `$ids`. */
export const maintainOnwardParams = params;

/** The fact of every leg, recomputed from scratch in one transaction (the demo graph, `maintainNextLinks(db)`). */
export async function computeOnwardAllIn(tx: TxRunner): Promise<void> {
  await tx.run(`MATCH (x:Leg) ${FACT_OF}`, params());
}

/**
 * The fact of every leg, recomputed in batches of `batch` legs, each its own transaction (the schema
 * upgrade of a store written before it, the synthetic loaders): legs are read in id order.
 */
export async function computeOnwardAll(
  db: Database,
  options: { batch?: number; onBatch?: (legs: number) => void } = {},
): Promise<{ legs: number }> {
  return inLegBatches(db, FACT_OF, params(), { batch: 10_000, ...options });
}

/**
 * Runs `body` (Cypher over the leg `x`) on every leg, in batches of `batch` legs in id order, each its
 * own transaction (the schema upgrade steps: the onward fact, startOrder.ts's rank keys).
 */
export async function inLegBatches(
  db: Database,
  body: string,
  parameters: Record<string, unknown>,
  options: { batch?: number; onBatch?: (legs: number) => void },
): Promise<{ legs: number }> {
  const batch = options.batch ?? 10_000;
  let after = '';
  let legs = 0;
  for (;;) {
    const [row] = await db.write<{ last: string | null; n: number }>(
      `CALL () {
         MATCH (x:Leg) WHERE x.id > $after
         WITH x ORDER BY x.id LIMIT $batch
         ${body}
         RETURN x.id AS id
       }
       RETURN max(id) AS last, count(id) AS n`,
      { after, batch: int(batch), ...parameters },
    );
    if (!row || row.n === 0 || row.last == null) break;
    legs += row.n;
    after = row.last;
    options.onBatch?.(legs);
    if (row.n < batch) break;
  }
  return { legs };
}

/** The start statement's use of the stored onward fact (onward.ts, statements.ts GOES_ON): on for ranked traces. */
export const onwardParams = (q: TraceQuery) => ({
  useOnward: q.best != null && q.onward !== false,
  // a documented start leg whose links all reach legs at most this times as confident goes on as a
  // leg with inferred links only does (statements.ts GOES_ON, known.ts `decided`)
  lazyBound: INFERRED_LINK_FACTOR,
  onwardNone: int(ONWARD_NONE),
  onwardCap: int(ONWARD_CAP_DAYS),
  // the briefs of the first dead ends in rank order (statements.ts startExpanding): a route ending there is an answer
  deadBriefs: int(q.best == null || q.onward === false ? 0 : DEAD_BRIEFS_PER_ANSWER * q.best.limit),
  // the documented chains from the start legs with documented links ranked before the limit-th dead end
  // (at most OPEN_STARTS_PER_ANSWER a answer; statements.ts OPENED)
  openUpTo: int(Math.max(1, q.best?.limit ?? 1)),
  openStarts: int(q.best == null || q.onward === false ? 0 : OPEN_STARTS_PER_ANSWER * q.best.limit),
});
/** How many dead-end start legs per answer wanted the start statement briefs (the walk briefs any other it reaches). */
const DEAD_BRIEFS_PER_ANSWER = 2;
/** The most start legs with documented links per answer wanted the start statement opens (with their chains). */
const OPEN_STARTS_PER_ANSWER = 8;

/**
 * The start legs the walk knows go on or end before any round (walk.ts `decided`): those whose onward
 * fact decides it, when the start statement did not expand them; a dead end only when it was briefed
 * (an answer is shaped from its brief).
 */
export function decidedStarts(
  row: { ranks?: LegRankRow[]; expanded?: boolean; deadBriefs?: LegBriefRow[] },
  candidates: { remember(rows: LegBriefRow[]): void; briefs: Map<string, unknown> },
): Map<string, boolean> {
  const decided = new Map<string, boolean>();
  if (!row.ranks || row.expanded) return decided;
  candidates.remember(row.deadBriefs ?? []);
  for (const [id, , , on] of row.ranks)
    if (on === true || (on === false && candidates.briefs.has(id))) decided.set(id, on);
  return decided;
}

/** What the start statement read of the documented chains it opened (statements.ts OPENED). */
export interface OpenedRows {
  expanded?: boolean;
  /** `[id, goes on by an inferred link (null: the fact does not decide), onwardBy]` per leg. */
  opened?: [string, boolean | null, string | null][];
  openLinks?: FollowerRow[];
  openBriefs?: LegBriefRow[];
}

/**
 * The legs of the documented chains the start statement opened, as a round opens a leg (known.ts
 * `PreOpened`): their documented continuations (eager), and as ids the legs those reach and, when the
 * stored fact says an inferred link follows, `onwardBy` (a follower under the wait: its link waits the
 * least); complete when the fact says no inferred link follows. The walk grows them with no round.
 */
export async function openedStarts(
  row: OpenedRows,
  candidates: Pick<CypherCandidates, 'remember' | 'opened'>,
): Promise<Map<string, PreOpened<FoundLink>>> {
  const out = new Map<string, PreOpened<FoundLink>>();
  if (row.expanded || !row.opened || row.opened.length === 0) return out;
  candidates.remember(row.openBriefs ?? []);
  const eager = await candidates.opened(
    row.opened.map(([id]) => id),
    row.openLinks ?? [],
  );
  for (const [id, on, by] of row.opened) {
    const continuations = eager.get(id) ?? [];
    const ids = continuations.map((c) => c.legId);
    if (on === true && by != null && !ids.includes(by)) ids.push(by);
    out.set(id, { eager: continuations, ids, complete: on === false });
  }
  return out;
}
