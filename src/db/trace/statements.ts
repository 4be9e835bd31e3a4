import { LegBrief } from './records';
import { MAX_HOPS_CAP } from '../../domain/traceLimits';

/**
 * The Cypher text the trace shares: how a place names a port, what a leg looks like to the walk and to
 * a client, and where a walk starts. (Candidate finding has its own statements: candidates.ts.)
 */

/**
 * The port a place names: by id, else by UN/LOCODE (both through their unique indexes), else by name
 * or alias (a scan of the ports, only when neither index found it: names are matched case-insensitively).
 */
const RESOLVE_PORT = `
CALL {
  OPTIONAL MATCH (byId:Port {id: $place})
  OPTIONAL MATCH (byLocode:Port {locode: $locode})
  WITH coalesce(byId, byLocode) AS direct
  OPTIONAL CALL (direct) {
    // one row only when neither index found the port, so that the scan of ports below never runs otherwise
    UNWIND CASE WHEN direct IS NULL THEN [true] ELSE [] END AS byName
    MATCH (p:Port)
    WHERE toLower(p.name) = $name OR any(a IN p.aliases WHERE toLower(a) = $name)
    RETURN p AS named
    ORDER BY CASE WHEN toLower(p.name) = $name THEN 0 ELSE 1 END, p.id
    LIMIT 1
  }
  WITH coalesce(direct, named) AS anchor
  WHERE anchor IS NOT NULL
  RETURN anchor
}`;

/**
 * Everything a route shows of a leg: its properties, its ports and its vessel's name. Its days come as
 * text (what db/database.ts toPlain makes of a DATE): a route's legs are most of what a trace sends
 * back, and the driver builds an object of three integers for each DATE.
 */
const LEG_VIEW = `{
  props: l {.*, ${['departureFrom', 'departureTo', 'arrivalFrom', 'arrivalTo'].map((k) => `${k}: toString(l.${k})`).join(', ')}},
  ports: [(l)-[r:FROM|TO]->(p:Port) | {direction: type(r), id: p.id, name: p.name, countryCode: p.countryCode, kind: p.kind, alternative: coalesce(r.alternative, false)}],
  vesselName: head([(l)-[:ON]->(v:Vessel) | v.name])
}`;

/** The views of legs by id: how the routes a client asks to see are filled in (the legView loader). */
export const LEG_VIEWS_BY_ID = `UNWIND $keys AS key MATCH (l:Leg {id: key}) RETURN key, ${LEG_VIEW} AS view`;

/**
 * What the walk reads of a leg (records.ts LegBrief), as a list rather than a map: a round reads
 * thousands, and a map would carry every key with every leg (`legBrief` reads it back).
 */
export const LEG_BRIEF = (l: string) => `[
  ${l}.id, ${l}.confidence, ${l}.vesselId,
  toString(${l}.departureFrom), toString(${l}.departureTo), toString(${l}.arrivalFrom), toString(${l}.arrivalTo), ${l}.discharged,
  ${l}.commodity, ${l}.cargoOrigin, ${l}.tonnageMin, ${l}.tonnageMax, ${l}.destinationCountryCode,
  [(${l})-[r:FROM|TO]->(p:Port) | [type(r), p.id, p.countryCode, p.kind, coalesce(r.alternative, false)]]
]`;

/**
 * What ranking needs of a start leg (walk.ts StartLeg): its id, its confidence (a one-leg route's score,
 * domain/routeConfidence.ts: the weakest leg times no link) and the day the rank order uses (rank.ts:
 * when it left). The start statement reads only this for an anchor with many legs; the walk briefs the
 * legs it reaches (candidates.ts `brief`).
 */
export const LEG_RANK = (l: string) => `[${l}.id, ${l}.confidence, toString(${l}.departureFrom)]`;

/**
 * Whether leg `l` goes on under the trace's wait by an inferred link, from its stored onward fact
 * (onward.ts; domain/linking.ts `onwardDeadEnd`, negated): true, false (no inferred follower), or null
 * when the fact does not decide (not stored, beyond its cap, or the trace does not use it).
 */
const INFERRED_ON = (l: string) => `CASE WHEN NOT $useOnward OR ${l}.onwardWait IS NULL THEN null
  WHEN ${l}.onwardWait = $onwardNone THEN CASE WHEN $maxWait <= $onwardCap THEN false ELSE null END
  ELSE ${l}.onwardWait <= $maxWait END`;

/**
 * Whether start leg `l` goes on: `documented`, it has stored links (they hold under any wait), and
 * GOES_ON (`on`): without documented links, true or false (a dead end: no inferred link either) when the
 * fact decides, else null; with them, true when every leg they reach (another leg) is at most
 * `$lazyBound` times as confident as `l` — then every route from `l` scores at most its placeholder's
 * `confidence × $lazyBound` (an inferred link weighs at most that; a documented one at most 1 to such a
 * leg: known.ts `decided`), so the walk need not open `l` to rank its routes — else null (the start
 * statement opens the first such legs, below; the walk opens the others as before). At L every
 * documented start leg leads to legs of confidence 0.75 or 0.6 from its 0.9: none is opened.
 */
const GOES_ON = (
  l: string,
) => `WITH ${l}, CASE WHEN $useOnward THEN EXISTS { (${l})-[:NEXT]->() } ELSE false END AS documented
  WITH ${l}, documented, CASE WHEN NOT documented THEN ${INFERRED_ON(l)}
    WHEN all(c IN [(${l})-[:NEXT]->(x) | CASE WHEN x = ${l} THEN null ELSE coalesce(x.confidence, 0) END]
             WHERE c <= coalesce(${l}.confidence, 0) * $lazyBound) THEN true
    ELSE null END AS on`;

/**
 * LEG_RANK of a start leg from the rank keys of its FROM (`k`, startOrder.ts): its id, its confidence
 * (minus `rankConf`: negation is exact, and an unknown confidence is 0 to the walk either way) and its
 * day (`rankDay`, '' when unknown) — the keys the index read, not the leg's properties again
 * (test/integration/traceStartRanks.test.ts checks the rows against the legs).
 */
const RANK_OF_KEYS = (k: string) => `[${k}[2], 0.0 - ${k}[0], CASE WHEN ${k}[1] = '' THEN null ELSE ${k}[1] END]`;

/**
 * The start legs of a forward trace from `anchor` in rank order (rank.ts: confidence, an unknown day
 * first, day, id), read through the index of their rank keys (startOrder.ts: the order of the index, no
 * sort) and cut after `$startBatch` legs that pass the trace's filters: `starts`, their `ranks`
 * (LEG_RANK from the rank keys, RANK_OF_KEYS, with GOES_ON) and `ends` (`[leg, documented]` of the dead ends and the legs with documented
 * links not decided, in rank order); `unread`, the first leg after them (`[LEG_RANK, rank keys]`; none when all were
 * read). With `after`, from the leg whose rank keys are `$after` on (a later batch).
 */
const RANKED_STARTS = (after: boolean) => `CALL (anchor) {
  MATCH (l:Leg)-[r:FROM]->(anchor)
  USING INDEX r:FROM(portId, rankConf, rankDay, rankId)
  WHERE r.portId = anchor.id AND ${after ? 'r.rankConf >= $after.conf' : 'r.rankConf IS NOT NULL'}
    AND r.rankDay IS NOT NULL AND r.rankId IS NOT NULL
    ${after ? 'AND (r.rankConf > $after.conf OR r.rankDay > $after.day OR (r.rankDay = $after.day AND r.rankId >= $after.id))' : ''}
    AND ${STARTS.FORWARD}
  WITH l, r ORDER BY r.portId, r.rankConf, r.rankDay, r.rankId
  LIMIT $startBatch + 1
  RETURN collect(l) AS read, collect([r.rankConf, r.rankDay, r.rankId]) AS keys
}
WITH anchor, read[..$startBatch] AS batch, keys,
     [i IN range($startBatch, size(read) - 1) | [${LEG_RANK('read[i]')}, keys[i]]] AS unread
CALL (batch) {
  UNWIND batch AS l
  ${GOES_ON('l')}
  RETURN collect(l) AS starts, collect([on]) AS ons,
         collect(CASE WHEN on = false OR (documented AND on IS NULL) THEN [l, documented] END) AS ends
}
WITH anchor, starts, ends, unread, [i IN range(0, size(starts) - 1) | ${RANK_OF_KEYS('keys[i]')} + ons[i]] AS ranks`;

/**
 * From `ends` (RANKED_STARTS, in rank order): `deadBriefs`, the briefs of the first `$deadBriefs` dead
 * ends, and `documented`, the legs with documented links ranked before the `$openUpTo`-th dead end (at
 * most `$openStarts`), whose chains OPENED opens.
 */
const DECIDED_ENDS = (ends: string) => `CALL (ends${ends === 'ends' ? '' : ', eager'}) {
  WITH ${ends} AS sorted
  WITH sorted, [i IN range(0, size(sorted) - 1) WHERE NOT sorted[i][1]] AS deadAt
  WITH sorted, deadAt, CASE WHEN size(deadAt) >= $openUpTo THEN deadAt[$openUpTo - 1] ELSE size(sorted) END AS cut
  RETURN [l IN [i IN deadAt[..$deadBriefs] | sorted[i][0]] | ${LEG_BRIEF('l')}] AS deadBriefs,
         [e IN sorted[..cut] WHERE e[1] | e[0]][..$openStarts] AS documented
}`;

/** A stored link as a row (links are stated in route order: from → to). */
export const LINK_ROW = (from: string, to: string) =>
  `{from: ${from}.id, to: ${to}.id, kind: n.kind, certainty: n.certainty, waitMinDays: n.waitMinDays,
    waitMaxDays: n.waitMaxDays, transferId: n.transferId, portId: null, placeUncertain: coalesce(n.placeUncertain, false)}`;

/** A start leg as LEG_RANK reads it, with GOES_ON (the start statement of a forward trace). */
export type LegRankRow = [string, number | null, string | null, (boolean | null)?];

/** The briefs of legs by id (`$ids`): the start legs a walk reaches, read when it reaches them. */
export const LEG_BRIEFS_BY_ID = `UNWIND $ids AS id MATCH (l:Leg {id: id}) RETURN ${LEG_BRIEF('l')} AS row`;

/** A leg brief as LEG_BRIEF reads it. */
export type LegBriefRow = [
  string,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  boolean | null,
  string | null,
  string | null,
  number | null,
  number | null,
  string | null,
  ['FROM' | 'TO', string, string | null, string, boolean][],
];

/** The brief of a row of LEG_BRIEF. */
export function legBrief(row: LegBriefRow): LegBrief {
  const [id, confidence, vesselId, departureFrom, departureTo, arrivalFrom, arrivalTo, discharged] = row;
  const [, , , , , , , , commodity, cargoOrigin, tonnageMin, tonnageMax, destinationCountryCode, ports] = row;
  return {
    id,
    confidence,
    vesselId,
    departureFrom,
    departureTo,
    arrivalFrom,
    arrivalTo,
    discharged,
    commodity,
    cargoOrigin,
    tonnageMin,
    tonnageMax,
    destinationCountryCode,
    ports: ports.map(([direction, portId, countryCode, kind, alternative]) => ({
      direction,
      id: portId,
      countryCode,
      kind,
      alternative,
    })),
  };
}

/** Day bounds of a leg for window filters: when it left, or when it arrived if the departure is unknown. */
const WINDOW = (v: string, side: 'departure' | 'arrival') => {
  const [a, b] = side === 'departure' ? ['departure', 'arrival'] : ['arrival', 'departure'];
  return `($windowFrom IS NULL OR coalesce(${v}.${a}To, ${v}.${b}To) IS NULL OR coalesce(${v}.${a}To, ${v}.${b}To) >= $windowFrom)
    AND ($windowTo IS NULL OR coalesce(${v}.${a}From, ${v}.${b}From) IS NULL OR coalesce(${v}.${a}From, ${v}.${b}From) <= $windowTo)`;
};

/** The legs at the anchor a walk starts from (forward: left it; backward: reached it), as a WHERE over `l`. */
const STARTS = {
  FORWARD: `l.commodity IN $commodities AND l.cargoOrigin IN $cargoOrigins AND ${WINDOW('l', 'departure')}`,
  BACKWARD: `l.commodity IN $commodities AND ${WINDOW('l', 'arrival')}`,
};

/**
 * Where a walk starts: the port, and the legs at it that the trace follows (forward: the legs that
 * left it with the commodity, cargo origin and window asked; backward: the legs that reached it with
 * the commodity, in the window). Null anchor: no port.
 */
export const START = {
  FORWARD: `${RESOLVE_PORT}
RETURN properties(anchor) AS anchor, COLLECT {
  MATCH (anchor)<-[:FROM]-(l:Leg)
  WHERE ${STARTS.FORWARD}
  RETURN ${LEG_BRIEF('l')}
} AS legs`,
  BACKWARD: `${RESOLVE_PORT}
RETURN properties(anchor) AS anchor, COLLECT {
  MATCH (anchor)<-[:TO]-(l:Leg)
  WHERE ${STARTS.BACKWARD}
  RETURN ${LEG_BRIEF('l')}
} AS legs`,
};

/**
 * What a client is shown of the legs of `met` (when there are at most `$show`): `shown`, those legs
 * (distinct), and as `nodes` (their properties) the records a route's fields read through the node
 * loader: with `$shown.places` the ports the legs reached and the countries of those ports and of the
 * legs' stated destinations (finalPort, finalCountry), with `$shown.vessels` their vessels, with
 * `$shown.origins` the ports they left (a backward route's origin; forwards the origin is the anchor).
 */
const SHOWN = (met: string) => `CALL (${met}) {
  UNWIND CASE WHEN size(${met}) <= $show THEN ${met} ELSE [] END AS l
  WITH DISTINCT l
  RETURN collect(l) AS shown
}
CALL (shown) {
  UNWIND shown AS l
  CALL (l) {
    WITH l WHERE $shown.places
    MATCH (l)-[:TO]->(p:Port)
    OPTIONAL MATCH (c:Country {code: p.countryCode})
    UNWIND [p, c] AS n
    RETURN n
    UNION
    WITH l WHERE $shown.places
    MATCH (n:Country {code: l.destinationCountryCode})
    RETURN n
    UNION
    WITH l WHERE $shown.vessels
    MATCH (l)-[:ON]->(n:Vessel)
    RETURN n
    UNION
    WITH l WHERE $shown.origins
    MATCH (l)-[:FROM]->(n:Port)
    RETURN n
  }
  WITH DISTINCT n WHERE n IS NOT NULL
  RETURN collect(properties(n)) AS nodes
}`;

/** SHOWN's answer: with `$shown.views` the views of the legs as `[id, view]` pairs (LEG_VIEW), and `nodes`. */
const SHOWN_RETURN = `CASE WHEN $shown.views THEN [l IN shown | [l.id, ${LEG_VIEW}]] ELSE [] END AS views, nodes`;

/**
 * The documented chains from the first `$openStarts` start legs with documented links in rank order
 * (not expanded here): every leg they reach by stored links within `$maxHops` legs (the start legs
 * among them), opened as a round would open it (onward.ts `openedStarts`, known.ts `PreOpened`):
 * `opened`, `[id, INFERRED_ON, onwardBy]` per leg; `openLinks`, their stored links (FollowerRow); and
 * `openBriefs`, the briefs of those legs and of the legs their links reach. The walk then grows them
 * with no round: a documented link weighs 1, so a start leg's chain ranks with the start legs.
 */
/** The longest documented chain OPENED follows (its legs are at most `$maxHops`). */
const MAX_CHAIN = MAX_HOPS_CAP - 1;
const OPENED = `CALL (documented) {
  UNWIND documented AS l
  MATCH chain = (l)-[:NEXT*0..${MAX_CHAIN}]->(x:Leg)
  WHERE length(chain) < $maxHops
  WITH DISTINCT x
  RETURN collect(x) AS chain
}
CALL (chain) {
  UNWIND chain AS x
  MATCH (x)-[n:NEXT]->(l:Leg)
  RETURN collect(${LINK_ROW('x', 'l')}) AS openLinks, collect(DISTINCT l) AS chainNext
}
WITH *, [x IN chain | [x.id, ${INFERRED_ON('x')}, x.onwardBy]] AS opened,
     [l IN chain | ${LEG_BRIEF('l')}] + [l IN chainNext WHERE NOT l IN chain | ${LEG_BRIEF('l')}] AS openBriefs`;

/**
 * START forwards with the first round in the same statement when the anchor has at most `$eagerStart`
 * legs: `expansion` (seek.ts startExpansion over `eager`, and deeperExpansion: the hop after) reads
 * their links and the calls that may follow them, `found` the briefs of the legs it met (`met`, every
 * level's in one list: deeperReturn without briefs), `expanded`
 * whether it ran. `ranks`: what ranking needs of every start leg (LEG_RANK); `legs`: their briefs, only
 * when they are expanded here or `$briefStarts` (else the walk briefs those it reaches: at L, 2,753
 * legs leave the bench origin and the best 50 routes are 50 of them). When it expanded, and the start
 * legs and the legs its expansion met (`met`, a Cypher list) are at most `$show`: what a client is shown
 * of them (SHOWN: with `$shown.views` their views as `[id, view]` pairs, LEG_VIEW; `nodes`), so that
 * the service answers a small trace (the demo graph's) with no statement after the walk. `$show` 0:
 * nothing. When it did not expand (a large anchor), what a client is shown of the first `$showDead`
 * dead ends in rank order (at L the answer is the first 50; index.ts `shownDead`), so that the service
 * sends no statement after the walk there either. `$showMet`: the most legs it reads for when it
 * expanded; `$show` the most in all. Each rank carries GOES_ON (the stored onward fact under
 * `$maxWait`), and `deadBriefs` are the briefs of the first `$deadBriefs` dead ends in rank order
 * (rank.ts; not expanded here): the walk takes them as answers with no round (index.ts).
 */
export const startExpanding = (expansion: string, deeperReturn: string, met: string) => `${RESOLVE_PORT}
${RANKED_STARTS(false)}
WITH anchor, starts, ranks, ends, unread,
     CASE WHEN size(unread) = 0 AND size(starts) <= $eagerStart THEN starts ELSE [] END AS eager
${DECIDED_ENDS('CASE WHEN size(eager) = 0 THEN ends ELSE [] END')}
${OPENED}
${expansion}
WITH *, CASE WHEN $show = 0 THEN []
  WHEN size(eager) = 0 THEN [e IN ends WHERE NOT e[1] | e[0]][..$showDead]
  WHEN size(starts + ${met}) <= $showMet THEN starts + ${met} ELSE [] END AS met
${SHOWN('met')}
RETURN properties(anchor) AS anchor, ranks, unread AS next, deadBriefs, opened, openLinks, openBriefs,
       CASE WHEN size(eager) > 0 OR $briefStarts THEN [l IN starts | ${LEG_BRIEF('l')}] ELSE [] END AS legs,
       size(eager) > 0 AS expanded,
       links, calls, [l IN ${met} WHERE NOT l.id IN $briefed | ${LEG_BRIEF('l')}] AS found, ${deeperReturn},
       ${SHOWN_RETURN}`;

/**
 * The next `$startBatch` start legs of a forward trace in rank order, from the leg `$after` (the
 * stand-in's, walk.ts `MoreStarts`), with what the first batch reads of its legs (RANKED_STARTS,
 * DECIDED_ENDS, OPENED): a later batch of startOrder.ts.
 */
export const MORE_STARTS = `MATCH (anchor:Port {id: $anchorId})
${RANKED_STARTS(true)}
${DECIDED_ENDS('ends')}
${OPENED}
RETURN ranks, unread AS next, deadBriefs, opened, openLinks, openBriefs`;

/**
 * What a client is shown of the legs `$ids` (SHOWN over them; `$show` their number), read in one
 * statement after the walk for the legs of the answer that the start statement did not read (shown.ts
 * `completeShown`): the views and records the legView and node loaders would read in two. A first row
 * with the records (`nodes`), then a row per leg with its view (`view`, with `$shown.views`): the driver
 * decodes a record that spans many chunks of the Bolt stream at about half the speed of small ones (S,
 * 79 legs: 7.6 ms of client CPU as one row, 4.6 ms as rows).
 */
export const SHOWN_BY_ID = `UNWIND $ids AS id
MATCH (l:Leg {id: id})
WITH collect(l) AS met
${SHOWN('met')}
UNWIND [null] + CASE WHEN $shown.views THEN shown ELSE [] END AS l
RETURN CASE WHEN l IS NULL THEN nodes END AS nodes, CASE WHEN l IS NOT NULL THEN [l.id, ${LEG_VIEW}] END AS view`;
