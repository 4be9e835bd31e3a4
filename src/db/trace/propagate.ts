/**
 * Where the cargo ended up, by propagation of mass instead of enumerating routes (`destinations`).
 *
 * A route's score is its weakest leg's confidence times the product of its link factors
 * (domain/routeConfidence.ts). Leg confidences take few values, so the walk's state "at leg x after d
 * legs, weakest leg so far m" carries, summed over every route that reaches it: the number of routes,
 * the sum and the maximum of their link products, the earliest first day, and the tonnage figures of
 * the last leg that gave one. Growing a state by a continuation is a product (m falls to the new leg's
 * confidence when it is weaker), so each hop costs the states and their links, never the routes: 300
 * faint routes to one port are 300 additions, and no cap is needed. A route ends where the
 * enumeration ends it (walk.ts): no continuation, or `maxHops` legs.
 *
 * A route never repeats a leg. Links only go forward in time, so a cycle needs dates vague enough
 * that two legs may each have followed the other (at M: one pair among 8,890 legs reached). A route
 * passes through a strongly connected group of legs in one stretch (leaving it and coming back would
 * put the legs between into the group), so the state also carries the legs of the current group
 * already on the route, only while it is in a group of more than one leg: exact, at the cost of those
 * few groups. First every leg reached before the last hop is expanded (one provider call per hop),
 * then the groups are found (Tarjan) and the mass propagated in memory. If the states grow past
 * `maxStates` (large groups of legs with vague dates), `cyclic` says so and the caller enumerates
 * routes instead (index.ts). The vessels of a place are those of the legs on some route that ends
 * there, found by marking the states backwards from the ends.
 *
 * Pure (no Cypher); the property test (test/unit/db/trace/walk.test.ts) compares it with enumeration.
 */
import { Continuation, ContinuationProvider, StartLeg } from './walk';

/** What propagation needs to know of a leg (the walk's briefs give it). */
export interface MassLeg {
  /** Where a route ending on this leg ends up (the group key); null: such a route is no answer. */
  place: string | null;
  vesselId: string | null;
  /** The day the route starts (this leg as the first one), null when unknown. */
  firstDay: string | null;
  /** The day the route ends (this leg as the last one), null when unknown. */
  lastDay: string | null;
  /** The tonnage figures a route ending at or after this leg takes from it (null: the leg gives none). */
  tonnage: { low: number | null; high: number | null } | null;
}

/** The routes that end at one place, summed. */
export interface PlaceMass {
  place: string;
  routes: number;
  /** Sum of the routes' scores (unrounded confidences). */
  mass: number;
  bestScore: number;
  firstDay: string | null;
  lastDay: string | null;
  /** Per final leg, the lowest and highest figure a route ending there gives (domain/destinations.ts sums them). */
  finalLegs: Map<string, { low: number | null; high: number | null }>;
  vesselIds: Set<string>;
}

export interface PropagationResult {
  places: Map<string, PlaceMass>;
  /** Too many states inside cycles of legs (see above): no sums; the caller enumerates instead. */
  cyclic: boolean;
  rounds: number;
  /** Stopped at the legs cap (`maxExpanded`): the sums are short. */
  capped: boolean;
}

interface State {
  legId: string;
  minLeg: number;
  /** The legs of the current strongly connected group on the route (empty outside such groups). */
  visited: string[];
  routes: number;
  sum: number;
  max: number;
  firstDay: string | null;
  low: number | null;
  high: number | null;
  /** Keys of the states it grows into at the next hop (for the backward marking of vessels). */
  children: string[];
}

const minDay = (a: string | null, b: string | null) => (a == null ? b : b == null ? a : a < b ? a : b);
const maxDay = (a: string | null, b: string | null) => (a == null ? b : b == null ? a : a > b ? a : b);
const minOf = (a: number | null, b: number | null) => (a == null ? b : b == null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a == null ? b : b == null ? a : Math.max(a, b));

/** The strongly connected group of each leg expanded, for the legs in a group of more than one (Tarjan, iterative). */
function groupsOf(known: Map<string, Continuation<unknown>[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const group = new Map<string, number>();
  let counter = 0;
  let groups = 0;
  for (const root of known.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const list = known.get(top.id) ?? [];
      if (top.next < list.length) {
        const w = list[top.next++].legId;
        if (!known.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) low.set(top.id, Math.min(low.get(top.id)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.id)!));
      }
      if (low.get(top.id) === index.get(top.id)) {
        const members: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          members.push(w);
        } while (w !== top.id);
        if (members.length > 1) {
          for (const m of members) group.set(m, groups);
          groups++;
        }
      }
    }
  }
  return group;
}

/**
 * Sums every route from `starts` up to `maxHops` legs per place: one provider call per hop (legs at
 * the last hop are not expanded: a route there ends whatever follows).
 */
export async function propagate<L>(
  provider: ContinuationProvider<L>,
  o: { starts: StartLeg[]; maxHops: number; leg: (id: string) => MassLeg; maxExpanded?: number; maxStates?: number },
): Promise<PropagationResult> {
  const maxExpanded = o.maxExpanded ?? 200_000;
  const maxStates = o.maxStates ?? 2_000_000;
  const known = new Map<string, Continuation<L>[]>();
  const places = new Map<string, PlaceMass>();
  let rounds = 0;
  let capped = false;
  // 1. expand every leg reached before the last hop, a hop a call
  let reached = [...new Set(o.starts.map((s) => s.legId))];
  for (let hop = 1; hop < o.maxHops && reached.length > 0; hop++) {
    const want = reached.filter((id) => !known.has(id));
    if (want.length === 0) break;
    if (known.size + want.length > maxExpanded) {
      capped = true;
      break;
    }
    const found = await provider.expand(want);
    for (const id of want) known.set(id, found.get(id) ?? []);
    rounds++;
    reached = [...new Set(want.flatMap((id) => known.get(id)!.map((c) => c.legId)))];
  }
  if (capped) return { places, cyclic: false, rounds, capped };
  // 2. propagate, hop by hop, in memory
  const group = groupsOf(known);
  const keyOf = (legId: string, minLeg: number, visited: string[]) =>
    visited.length > 0 ? `${legId}|${minLeg}|${visited.join(',')}` : `${legId}|${minLeg}`;
  const add = (layer: Map<string, State>, s: Omit<State, 'children'>): string => {
    const key = keyOf(s.legId, s.minLeg, s.visited);
    const n = layer.get(key);
    if (!n) layer.set(key, { ...s, children: [] });
    else {
      n.routes += s.routes;
      n.sum += s.sum;
      n.max = Math.max(n.max, s.max);
      n.firstDay = minDay(n.firstDay, s.firstDay);
      n.low = minOf(n.low, s.low);
      n.high = maxOf(n.high, s.high);
    }
    return key;
  };
  let layer = new Map<string, State>();
  for (const s of o.starts) {
    const leg = o.leg(s.legId);
    add(layer, {
      legId: s.legId,
      minLeg: s.legConfidence,
      visited: group.has(s.legId) ? [s.legId] : [],
      routes: 1,
      sum: 1,
      max: 1,
      firstDay: leg.firstDay,
      low: leg.tonnage?.low ?? null,
      high: leg.tonnage?.high ?? null,
    });
  }
  const layers: Map<string, State>[] = [];
  const ends = new Set<State>();
  let states = 0;
  for (let hop = 1; layer.size > 0; hop++) {
    layers.push(layer);
    states += layer.size;
    if (states > maxStates) return { places: new Map(), cyclic: true, rounds, capped };
    const next = new Map<string, State>();
    for (const st of layer.values()) {
      const conts = hop >= o.maxHops ? [] : known.get(st.legId)!.filter((c) => !st.visited.includes(c.legId));
      if (hop >= o.maxHops || conts.length === 0) {
        ends.add(st);
        end(places, o.leg, st);
        continue;
      }
      const g = group.get(st.legId);
      for (const c of conts) {
        const cg = group.get(c.legId);
        const visited = cg == null ? [] : cg === g ? [...st.visited, c.legId].sort() : [c.legId];
        const t = o.leg(c.legId).tonnage;
        const key = add(next, {
          legId: c.legId,
          minLeg: Math.min(st.minLeg, c.legConfidence),
          visited,
          routes: st.routes,
          sum: st.sum * c.factor,
          max: st.max * c.factor,
          firstDay: st.firstDay,
          low: t ? t.low : st.low,
          high: t ? t.high : st.high,
        });
        st.children.push(key);
      }
    }
    layer = next;
  }
  markVessels(layers, ends, o.leg, places);
  return { places, cyclic: false, rounds, capped };
}

/** Adds the routes of a state that ends (no continuation, or the last hop) to its leg's place. */
function end(places: Map<string, PlaceMass>, legOf: (id: string) => MassLeg, st: State): void {
  const leg = legOf(st.legId);
  if (leg.place == null) return;
  let p = places.get(leg.place);
  if (!p) {
    p = {
      place: leg.place,
      routes: 0,
      mass: 0,
      bestScore: -Infinity,
      firstDay: null,
      lastDay: null,
      finalLegs: new Map(),
      vesselIds: new Set(),
    };
    places.set(leg.place, p);
  }
  p.routes += st.routes;
  p.mass += st.minLeg * st.sum;
  p.bestScore = Math.max(p.bestScore, st.minLeg * st.max);
  p.firstDay = minDay(p.firstDay, st.firstDay);
  p.lastDay = maxDay(p.lastDay, leg.lastDay);
  const f = p.finalLegs.get(st.legId);
  p.finalLegs.set(st.legId, { low: minOf(f?.low ?? null, st.low), high: maxOf(f?.high ?? null, st.high) });
}

/**
 * The vessels of each place: of every leg on a route that ends there. Backwards from the last hop, the
 * places each state reaches as the end of a route; then every state's leg gives its vessel to them.
 */
function markVessels(
  layers: Map<string, State>[],
  ends: Set<State>,
  legOf: (id: string) => MassLeg,
  places: Map<string, PlaceMass>,
): void {
  let after = new Map<string, Set<string>>();
  for (let i = layers.length - 1; i >= 0; i--) {
    const here = new Map<string, Set<string>>();
    for (const [key, st] of layers[i]) {
      const leg = legOf(st.legId);
      const reached = new Set<string>();
      if (ends.has(st)) {
        if (leg.place != null) reached.add(leg.place);
      } else for (const k of st.children) for (const p of after.get(k) ?? []) reached.add(p);
      here.set(key, reached);
      if (leg.vesselId != null) for (const p of reached) places.get(p)?.vesselIds.add(leg.vesselId);
    }
    after = here;
  }
}
