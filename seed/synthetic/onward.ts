/**
 * The stored onward fact of a planned world's legs (src/db/trace/onward.ts, docs/trace-engine.md
 * "Session trace7"), for the bulk load: its CSV writers (csvWorker.ts) put `onwardWait`/`onwardBy` on
 * every Leg row, so that the imported store needs no schema upgrade step 2 (the Cypher batches over a
 * million legs took half an hour at L). The rule stays domain/linking.ts `onwardFact`, fed what the
 * emitted graph holds: each leg's timing and commodity (emit.ts `legTiming`, `legCommodity`), the port
 * it arrives at (TO; a placeholder port ends no link) and the legs leaving that port (FROM).
 *
 * The followers fed to the rule are the ones the Cypher's seek reads (the departure index by port and
 * day: the wide departures and the seek range `followerSeekRange` under the cap), pruned once the
 * least wait is known: a narrow departure's least wait is the days from the arrival's latest day to its
 * seek day (its earliest departure), so past the first day a follower links on, no later one can wait
 * less or as little (the whole day is kept, for the tie on the least id). The integration test
 * syntheticBulk checks the facts written against `computeOnwardAll` on the imported store.
 */
import { int, Integer } from 'neo4j-driver';
import { PLACEHOLDER_PORT_KIND } from '../../src/domain/graph';
import {
  departureSeekDay,
  followerSeekRange,
  LegTiming,
  ONWARD_CAP_DAYS,
  onwardFact,
  WIDE_SEEK_DAY,
} from '../../src/domain/linking';
import { legCommodity, legTiming } from './emit';
import { World } from './world';

type Timed = LegTiming & { commodity: string | null };

/** The Leg properties of the fact (onwardBy absent when none links, as Cypher's SET of null leaves it). */
export type OnwardProps = {
  onwardWait: Integer;
  onwardBy: string | null;
};

/** The first index of `days[lo, hi)` whose day is ≥ `day` (`strict`: > `day`). */
function bound(days: string[], lo: number, hi: number, day: string, strict: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? days[mid] <= day : days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The onward fact of the legs [start, end) of `world`, by leg: `fact(i)` gives leg i's properties.
 * Builds the departures of every port (sorted by seek day) first.
 */
export function onwardFacts(world: World, start: number, end: number): (i: number) => OnwardProps {
  const { legs, ports } = world;
  const n = world.spec.legs;
  const timing: Timed[] = new Array<Timed>(n);
  for (let i = 0; i < n; i++) {
    const t = legTiming(world, i) as Timed;
    t.commodity = legCommodity(world, i);
    timing[i] = t;
  }

  // The departures of each port (FROM), by seek day: a port's slice of `order`, from `first[p]` to `first[p + 1]`.
  const first = new Int32Array(ports.length + 1);
  for (let i = 0; i < n; i++) first[legs.from[i] + 1]++;
  for (let p = 0; p < ports.length; p++) first[p + 1] += first[p];
  const fill = first.slice(0, ports.length);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[legs.from[i]]++] = i;
  const seekDay = timing.map(departureSeekDay);
  const days: string[] = new Array<string>(n);
  // the wide departures (WIDE_SEEK_DAY sorts before every day) open each slice: `wideEnd[p]`
  const wideEnd = new Int32Array(ports.length);
  for (let p = 0; p < ports.length; p++) {
    const slice = Array.from(order.subarray(first[p], first[p + 1])).sort((x, y) =>
      seekDay[x] < seekDay[y] ? -1 : seekDay[x] > seekDay[y] ? 1 : x - y,
    );
    order.set(slice, first[p]);
    for (let k = first[p]; k < first[p + 1]; k++) days[k] = seekDay[order[k]];
    wideEnd[p] = bound(days, first[p], first[p + 1], WIDE_SEEK_DAY, true);
  }

  const wait = new Int32Array(end - start);
  const by = new Array<string | null>(end - start).fill(null);
  const one: Timed[] = [timing[0]];
  const followers: Timed[] = [];
  for (let i = start; i < end; i++) {
    const a = timing[i];
    const p = legs.to[i];
    followers.length = 0;
    if (ports[p].kind !== PLACEHOLDER_PORT_KIND) {
      for (let k = first[p]; k < wideEnd[p]; k++) followers.push(timing[order[k]]);
      const range = followerSeekRange(a, ONWARD_CAP_DAYS);
      let lo = bound(days, wideEnd[p], first[p + 1], range.from, false);
      let hi = bound(days, lo, first[p + 1], range.to, true);
      if (a.arrivalTo != null) {
        // the first day a follower links on, all of it (the ones before it link to nothing), then no more
        let k = lo;
        while (k < hi && ((one[0] = timing[order[k]]), onwardFact(a, one).by == null)) k++;
        if (k < hi) [lo, hi] = [bound(days, lo, k, days[k], false), bound(days, k, hi, days[k], true)];
        else lo = hi;
      }
      for (let k = lo; k < hi; k++) followers.push(timing[order[k]]);
    }
    const fact = onwardFact(a, followers);
    wait[i - start] = fact.wait;
    by[i - start] = fact.by;
  }
  return (i) => ({ onwardWait: int(wait[i - start]), onwardBy: by[i - start] });
}
