/**
 * The seeks of candidate finding, as Cypher: what may follow (walking forwards) or precede (walking
 * backwards) a batch of legs. One builder for both directions: forwards the stored `NEXT` links leave
 * the legs and the departure index (FROM `(portId, seekDay)`) is read at the ports where they arrived;
 * backwards the links reach them and the arrival index (TO) is read at the ports where they left.
 *
 * - `expandStatement`: every candidate, with the briefs the link rule needs (candidates.ts applies it);
 * - `probeStatement`: only whether a leg goes on (known.ts): up to `$need` legs the rule links, found
 *   in Cypher by the rule's twin (domain/linking.ts `inferredLinkCypher`), no brief read.
 */
import { int } from 'neo4j-driver';
import { neoDate } from '../write/graphWriter';
import { FIRST_DAY, inferredLinkCypher, LAST_DAY, SEEK_SPAN_DAYS, WIDE_SEEK_DAY } from '../../domain/linking';
import { PLACEHOLDER_PORT_KIND } from '../../domain/graph';
import { LEG_BRIEF, LINK_ROW } from './statements';
import { LegBrief, TraceDirection } from './records';

/** Per direction: the stored links of leg `x` to candidate `l`, and the index read at a port. */
const SIDES = {
  FORWARD: { next: (x: string) => `(${x})-[n:NEXT]->(l:Leg)`, index: 'FROM', from: 'x', to: 'l' },
  BACKWARD: { next: (x: string) => `(l:Leg)-[n:NEXT]->(${x})`, index: 'TO', from: 'l', to: 'x' },
} as const;

/** A documented link holds under the trace's wait (domain/linking.ts `linkUnderWait`: documented ones always). */
const UNDER_WAIT = `(n.kind <> 'INFERRED' OR n.waitMinDays IS NULL OR n.waitMinDays <= $maxWait)`;

/**
 * The link rule's Cypher twin (domain/linking.ts `inferredLinkCypher`) between leg `x` and a candidate
 * `l` the index found, as a `WITH … WHERE` after the seek, over maps of the properties the rule reads:
 * `xm` (LEG_PROPS of `x`, projected once a leg) and `c` (of the candidate, once a candidate), so that no
 * term of the rule reads a property again (PROFILE at L, a round opening 400 legs: 16 db hits a
 * candidate → 5). `keep`: the other variables the statement goes on with.
 */
export const candidateRule = (direction: TraceDirection, keep = 'x, xm') => {
  const rule =
    direction === 'FORWARD'
      ? inferredLinkCypher('xm', 'c', '$maxWait', 'x <> l')
      : inferredLinkCypher('c', 'xm', '$maxWait', 'x <> l');
  return `WITH ${keep}, l, l {${LEG_PROPS}} AS c
    WHERE ${rule.holds}`;
};

/** The properties of a leg the rule reads (as `a` and as `b`). */
export const LEG_PROPS = '.arrivalFrom, .arrivalTo, .departureFrom, .departureTo, .commodity, .vesselId, .discharged';

/** `x` with `xm`, its properties the rule reads (candidateRule). */
const WITH_PROPS = (keep: string) => `WITH ${keep}, x {${LEG_PROPS}} AS xm`;

/** The index range read of one port's calls in `[q.lo, q.hi]`, candidate `l`, relationship `r`. */
export const SEEK = (index: string, q: string) => `MATCH (l:Leg)-[r:${index}]->()
  USING INDEX r:${index}(portId, seekDay)
  WHERE r.portId = ${q}.id AND r.seekDay >= ${q}.lo AND r.seekDay <= ${q}.hi`;

/**
 * For a batch of legs (`$legs`): their stored links (each as `{from, to, ...}` in route order), and per
 * real port the calls in the given ranges (`$ports`, merged per port: each call read once per round
 * however many legs' ranges hold it), with the briefs of the legs found that were not briefed earlier in the
 * trace (`$briefed`; a list comprehension, not a subquery: at L a round's briefs are megabytes, and a
 * collecting subquery counts them against the database's memory limit of one query, which a round of
 * 2,753 legs from the L bench origin exceeded). Each leg then takes the calls in its own range (`inRange`,
 * in JS) and the rule decides.
 */
export function expandStatement(direction: TraceDirection): string {
  return `
${LINKS_AND_CALLS(direction)}
WITH links, calls, linked + called AS found
RETURN links, calls, [l IN found WHERE NOT l.id IN $briefed | ${LEG_BRIEF('l')}] AS legs`;
}

/** A call the index found as a row. */
const CALL_ROW = `{portId: q.id, id: l.id, seekDay: toString(r.seekDay), alternative: coalesce(r.alternative, false)}`;

/** The stored links of `$legs` and the calls in `$ports` (expandStatement), as two aggregating subqueries. */
const LINKS_AND_CALLS = (direction: TraceDirection) => {
  const side = SIDES[direction];
  return `CALL () {
  UNWIND $legs AS id
  MATCH ${side.next('x:Leg {id: id}')}
  RETURN collect(${LINK_ROW(side.from, side.to)}) AS links, collect(l) AS linked
}
CALL () {
  UNWIND $ports AS q
  ${SEEK(side.index, 'q')}
  RETURN collect(${CALL_ROW}) AS calls, collect(l) AS called
}`;
};

/**
 * The forward expansion of the leg nodes in `list` inside the statement that found them (statements.ts
 * START, for an anchor with few legs: one round trip fewer): `links`/`linked` and `calls`/`called` as
 * in expandStatement, the seek ranges computed in Cypher — per leg and real port where it arrived, the
 * range of domain/linking.ts `followerSeekRange` widened by a day at each end (the calls are then
 * taken per leg by the exact range in JS, candidates.ts), and the wide calls — each call once.
 */
export function startExpansion(list: string, suffix = ''): string {
  const side = SIDES.FORWARD;
  return `CALL (${list}) {
  UNWIND ${list} AS x
  MATCH ${side.next('x')}
  RETURN collect(${LINK_ROW(side.from, side.to)}) AS links${suffix}, collect(l) AS linked${suffix}
}
CALL (${list}) {
  UNWIND ${list} AS x
  MATCH (x)-[:TO]->(p:Port) WHERE p.kind <> $placeholderKind
  UNWIND [{id: p.id, ${FOLLOWER_RANGE('x')}}, {id: p.id, lo: $wideDay, hi: $wideDay}] AS q
  WITH DISTINCT q
  ${SEEK(side.index, 'q')}
  RETURN collect(DISTINCT ${CALL_ROW}) AS calls${suffix}, collect(DISTINCT l) AS called${suffix}
}`;
}

/**
 * One hop more in the same statement, for a small round: the legs the rule links to the legs of `list`
 * (stored links under the wait, and the calls its Cypher twin links), not in `list`, as `deeper` when
 * there are at most `$deep` of them (else none), expanded as startExpansion does (`links2`, `calls2`,
 * …). The walk finds them expanded when it reaches them (no statement); a leg missed or added here
 * costs a statement or some rows, never exactness (the rule in JS decides). `level` 3, 4 …: the hop
 * after a deeper one (`deeper3`, `links3` …), read only when `gate` (a Cypher condition) holds.
 */
export function deeperExpansion(list: string, level = 2, gate = 'true'): string {
  const s = level === 2 ? '' : String(level);
  const rule = candidateRule('FORWARD');
  return `CALL (${list}) {
  UNWIND ${list} AS x
  ${WITH_PROPS('x')}
  CALL (x, xm) {
    MATCH ${SIDES.FORWARD.next('x')}
    WHERE ${UNDER_WAIT}
    RETURN l
    UNION
    MATCH (x)-[:TO]->(p:Port) WHERE p.kind <> $placeholderKind
    UNWIND [{id: p.id, ${FOLLOWER_RANGE('x')}}, {id: p.id, lo: $wideDay, hi: $wideDay}] AS q
    ${SEEK('FROM', 'q')}
    ${rule}
    RETURN l
  }
  WITH DISTINCT l WHERE NOT l IN ${list}
  RETURN collect(l) AS next${s}
}
${deeperGate(s, gate)}
${startExpansion(`deeper${s}`, String(level))}`;
}

/** The legs of `next${s}` a statement expands at the next level (`deeper${s}`): all when they are at most `$deep` and `gate` holds, else none. */
export const deeperGate = (s: string, gate: string) =>
  `WITH *, CASE WHEN size(next${s}) <= $deep AND ${gate} THEN next${s} ELSE [] END AS deeper${s}`;

/**
 * One hop of the forward expansion of the leg nodes in `list`, one pass over each leg (the start
 * statement, index.ts START_FORWARD): what startExpansion reads (`links${suffix}`, `linked${suffix}`,
 * `calls${suffix}`, `called${suffix}`) and, with `next`, the legs the rule links to them (stored links
 * under the wait, and the calls its Cypher twin links), not in `list`, as `next`: what deeperExpansion's
 * first subquery finds, from the same rows. Each leg's calls are sought once (startExpansion and
 * deeperExpansion seek them twice) and the statement is shorter (docs/performance.md "Session demo10").
 */
export function levelExpansion(list: string, suffix: string, next?: string): string {
  const rule = inferredLinkCypher('xm', 'c', '$maxWait', 'x <> l');
  return `CALL (${list}) {
  UNWIND ${list} AS x
  ${WITH_PROPS(`x, ${list}`)}
  CALL (x, xm) {
    MATCH ${SIDES.FORWARD.next('x')}
    RETURN l, ${LINK_ROW('x', 'l')} AS link, null AS call, ${next ? UNDER_WAIT : 'false'} AS follows
    UNION ALL
    MATCH (x)-[:TO]->(p:Port) WHERE p.kind <> $placeholderKind
    UNWIND [{id: p.id, ${FOLLOWER_RANGE('x')}}, {id: p.id, lo: $wideDay, hi: $wideDay}] AS q
    ${SEEK('FROM', 'q')}
    WITH x, xm, q, l, r, l {${LEG_PROPS}} AS c
    RETURN l, null AS link, ${CALL_ROW} AS call, ${next ? rule.holds : 'false'} AS follows
  }
  RETURN collect(link) AS links${suffix}, collect(CASE WHEN link IS NOT NULL THEN l END) AS linked${suffix},
    collect(DISTINCT call) AS calls${suffix}, collect(DISTINCT CASE WHEN call IS NOT NULL THEN l END) AS called${suffix}${
      next ? `,\n    collect(DISTINCT CASE WHEN follows AND NOT l IN ${list} THEN l END) AS ${next}` : ''
    }
}`;
}

/**
 * What deeperExpansion of `level` adds to a statement's RETURN: the legs it expanded, their links, calls
 * and (unless `briefs` is false: the statement briefs the legs of every level in one list) their briefs.
 */
export const deeperReturn = (level = 2, briefs = true) => {
  const s = level === 2 ? '' : String(level);
  const ids = `[l IN deeper${s} | l.id] AS deeperIds${s}, links${level}, calls${level}`;
  return briefs
    ? `${ids},
       [l IN linked${level} + called${level} WHERE NOT l.id IN $briefed | ${LEG_BRIEF('l')}] AS found${level}`
    : ids;
};
export const DEEPER_RETURN = deeperReturn();

/**
 * The seek range of the departures that may follow leg `x` as `lo: …, hi: …` (domain/linking.ts
 * `followerSeekRange`, widened by a day at each end; traceRanking.test.ts compares both on a grid).
 */
export const FOLLOWER_RANGE = (x: string) =>
  `lo: CASE WHEN coalesce(${x}.arrivalFrom, ${x}.departureFrom) IS NULL THEN $firstDay
           ELSE coalesce(${x}.arrivalFrom, ${x}.departureFrom) - duration({days: $seekSpan + 1}) END,
   hi: CASE WHEN ${x}.arrivalTo IS NULL THEN $lastDay ELSE ${x}.arrivalTo + duration({days: $maxWait + 1}) END`;

/** The parameters of `startExpansion`. */
export const startExpansionParams = (maxWaitDays: number) => ({
  placeholderKind: PLACEHOLDER_PORT_KIND,
  firstDay: neoDate(FIRST_DAY),
  lastDay: neoDate(LAST_DAY),
  wideDay: neoDate(WIDE_SEEK_DAY),
  seekSpan: int(SEEK_SPAN_DAYS),
  maxWait: int(maxWaitDays),
});

/**
 * Whether each leg of `$probes` (`{id, ranges: [{id: port, lo, hi}]}`, its own seek ranges) goes on:
 * up to `$need` ids of the legs linked to it — stored links under the wait, or calls in its ranges
 * that the rule links (`inferredLinkCypher`, tested equal to the rule) — stopping at `$need`.
 */
export function probeStatement(direction: TraceDirection): string {
  return `
UNWIND $probes AS p
${PROBE_ONE(direction)}
RETURN p.id AS id, ids`;
}

/**
 * For one row `p` of `$probes`: `ids`, up to `$need` legs linked to it (probeStatement). A row with
 * `linked: true` (a leg opened, whose stored links the same statement reads) looks for inferred links
 * only: candidates.ts adds the stored ones (the NEXT relationships were read twice).
 */
const PROBE_ONE = (direction: TraceDirection, limit = '$need') => {
  const side = SIDES[direction];
  const rule = candidateRule(direction, 'x, xm, p');
  return `MATCH (x:Leg {id: p.id})
${WITH_PROPS('p, x')}
CALL (x, xm, p) {
  CALL (x, xm, p) {
    UNWIND CASE WHEN p.linked THEN [] ELSE [x] END AS y
    MATCH ${side.next('y')}
    WHERE ${UNDER_WAIT}
    RETURN l
    UNION
    UNWIND ${direction === 'FORWARD' ? `coalesce(p.ranges, ${OWN_RANGES('x')})` : 'p.ranges'} AS q
    ${SEEK(side.index, 'q')}
    ${rule}
    RETURN l
  }
  WITH l LIMIT ${limit}
  RETURN collect(l.id) AS ids
}`;
};

/**
 * Forwards, the seek ranges of leg `x` computed in Cypher (FOLLOWER_RANGE at each real port where it
 * arrived, and the wide calls there): the ranges of a probe row without its own (`ranges: null`, a leg
 * not briefed yet). Wider by a day at each end than the exact ones; the rule's twin decides.
 */
const OWN_RANGES = (
  x: string,
) => `reduce(rs = [], pt IN [(${x})-[:TO]->(pt:Port) WHERE pt.kind <> $placeholderKind | pt] |
      rs + [{id: pt.id, ${FOLLOWER_RANGE(x)}}, {id: pt.id, lo: $wideDay, hi: $wideDay}])`;

/**
 * One forward round of a walk in one statement: `$legs` expanded (their stored links, and the calls in
 * `$ports`) and `$probes` probed (`probed`: `[id, ids]` pairs), with the briefs of the legs found not
 * briefed yet; and for a small round (`$deepLegs`, its legs), the hop after it (deeperExpansion). A leg
 * only opened (known.ts) is in `$legs` without ranges in `$ports` (its stored links only) and in `$probes`.
 * The legs of `$unbriefed` (start legs the walk reaches, probed with the ranges OWN_RANGES computes)
 * are briefed here too: no round trip of their own. Of `$openUnbriefed` (start legs opened) only those
 * a route may end with or pass on by a documented link: a dead end (the probe found fewer than it
 * asked for) or a leg with stored links. A leg that goes on by inferred links only is briefed when its
 * placeholder is reached (candidates.ts `brief`): at L, 350 of the 400 legs of an opening round (the
 * briefs were 40 % of the rows and a quarter of the db hits).
 */
export function roundStatement(): string {
  return `
${LINKS_AND_CALLS('FORWARD')}
CALL () {
  UNWIND $probes AS p
  ${PROBE_ONE('FORWARD')}
  RETURN collect([p.id, ids]) AS probedMany
}
CALL () {
  UNWIND $probesOne AS p
  ${PROBE_ONE('FORWARD', '1')}
  RETURN collect([p.id, ids]) AS probedOne
}
CALL () {
  UNWIND $deepLegs AS id
  MATCH (x:Leg {id: id})
  RETURN collect(x) AS level
}
CALL () {
  UNWIND $unbriefed AS id
  MATCH (x:Leg {id: id})
  RETURN collect(x) AS unbriefed
}
CALL () {
  UNWIND $openUnbriefed AS id
  MATCH (x:Leg {id: id})
  RETURN collect(x) AS openUnbriefed
}
WITH *, [pr IN probedOne WHERE size(pr[1]) = 0 | pr[0]] + [pr IN probedMany WHERE size(pr[1]) < $need | pr[0]]
        + [r IN links | r.from] AS ending
${deeperExpansion('level')}
RETURN links, calls, probedMany + probedOne AS probed,
       [l IN linked + called WHERE NOT l.id IN $briefed | ${LEG_BRIEF('l')}] + [l IN unbriefed | ${LEG_BRIEF('l')}]
       + [l IN openUnbriefed WHERE l.id IN ending | ${LEG_BRIEF('l')}] AS legs,
       ${DEEPER_RETURN}`;
}

/** A call at a port the index found: a departure (forwards) or an arrival (backwards). */
export interface PortCall {
  portId: string;
  id: string;
  seekDay: string;
  alternative: boolean;
}

export type SeekRange = { port: LegBrief['ports'][number]; from: string; to: string };

/**
 * Per real port, the given ranges merged where they overlap (each a range read of the index: a call
 * is read once per round however many legs' ranges hold it, and a hub's quiet months between two
 * arrivals are not read), and the wide calls. Placeholder ports ("a port in X, not named") are no
 * meeting place.
 */
export function portRanges(ranges: SeekRange[]) {
  const byPort = new Map<string, { from: string; to: string }[]>();
  for (const { port, ...r } of ranges) {
    if (port.kind === PLACEHOLDER_PORT_KIND) continue;
    const list = byPort.get(port.id);
    if (list) list.push(r);
    else byPort.set(port.id, [r]);
  }
  const wide = neoDate(WIDE_SEEK_DAY);
  return [...byPort.entries()].flatMap(([id, list]) => {
    list.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
    const merged: { from: string; to: string }[] = [];
    for (const r of list) {
      const last = merged[merged.length - 1];
      if (last && r.from <= last.to) {
        if (r.to > last.to) last.to = r.to;
      } else merged.push({ ...r });
    }
    return [...merged.map((r) => ({ id, lo: neoDate(r.from), hi: neoDate(r.to) })), { id, lo: wide, hi: wide }];
  });
}

export const inRange = (c: PortCall, r: { from: string; to: string }) =>
  c.seekDay === WIDE_SEEK_DAY || (c.seekDay >= r.from && c.seekDay <= r.to);
