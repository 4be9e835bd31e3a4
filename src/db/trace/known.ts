/**
 * What a walk knows of the legs it met, and how it learns more: the continuations of the legs it
 * expanded, the eager part of the legs it only opened, and, for legs that only end routes of
 * `maxHops` legs, whether they go on at all.
 *
 * A route of `maxHops` legs is an answer whatever follows its last leg; the walk only needs to know
 * whether something could (`truncated`). Expanding that leg — every follower, its brief and its link
 * weight — is most of a trace's work (at S, maxHops 2: the last round read ~10 times the legs of the
 * first). A **probe** answers just that: up to `need` ids of legs that may follow (every one when there
 * are fewer; never the leg itself). With `need = maxHops` it is exact: a route of `maxHops` legs holds
 * `maxHops − 1` legs besides its last, so a probe that found `maxHops` followers found one off the route,
 * and one that found fewer found them all. Providers without `round` have every leg expanded. A leg
 * opened (below) is probed for as many ids as the longest route that wanted it has legs (a start leg:
 * one; the same argument); a longer route that meets it later with only its own legs found gets the leg
 * expanded in full.
 *
 * A leg **opened** (a round with many legs to expand, `WalkOptions.partialFrom`) is probed and given
 * only its eager continuations (documented links: few, cheap); the rest (inferred links, each weighing
 * at most `lazyBound`) is fetched only when the walk reaches them. The route is then grown by its eager
 * continuations plus one **placeholder**: the route itself, marked `rest`, scored `score × lazyBound`,
 * an upper bound of every route the rest grows into, which sorts before all of them (rank.ts: a prefix
 * before its extensions). Popping the placeholder fetches the rest; so the walk stays exact, and a
 * dead end (probe: nothing off the route) is an answer without any expansion.
 */
import { Continuation, ContinuationProvider, PendingRoute, walked, WalkedRoute } from './walk';

/** What the walk does with a route next: fetch its last leg, take it as an answer, or grow it (`rest`: and queue a placeholder). */
export type Step<L> =
  { fetch: 'expand' | 'open' | 'probe' } | { answer: WalkedRoute<L> } | { grow: Continuation<L>[]; rest?: boolean };

/**
 * What a round fetches: legs expanded in full, legs opened (expanded, or only their eager part) with the
 * length of the longest route that wants them (their probe's `need`), legs probed.
 */
export interface Wanted {
  expand: Set<string>;
  open: Map<string, number>;
  probe: Set<string>;
}

export const wanted = (): Wanted => ({ expand: new Set(), open: new Map(), probe: new Set() });

/** Adds the last leg of `p` to what a round fetches, as `step` asked. */
export function want<L>(w: Wanted, fetch: 'expand' | 'open' | 'probe', p: PendingRoute<L>): void {
  const last = p.legIds[p.legIds.length - 1];
  if (fetch === 'open') w.open.set(last, Math.max(w.open.get(last) ?? 0, p.legIds.length));
  else w[fetch].add(last);
}

/**
 * A leg opened without a round: its eager continuations (all of them but those weighing at most the
 * provider's `lazyBound`), and ids of legs that do follow it (its eager ones among them), every one
 * when `complete` (else a route that has all of them on it expands the leg in full, and the leg keeps a
 * placeholder for what its eager continuations leave out).
 */
export interface PreOpened<L> {
  eager: Continuation<L>[];
  ids: string[];
  complete: boolean;
}

interface Opened<L> {
  eager: Continuation<L>[];
  eagerIds: Set<string>;
  ids: string[];
  /** How many ids the probe asked for (the longest route that wanted the leg). */
  need: number;
  /** Whether continuations beyond the eager ones may exist. */
  rest: boolean;
}

export class Known<L> {
  private readonly continuations = new Map<string, Continuation<L>[]>();
  /** Probed legs: up to `maxHops` ids of the legs that may follow each (all of them when fewer). */
  private readonly probed = new Map<string, string[]>();
  private readonly opened = new Map<string, Opened<L>>();

  constructor(
    private readonly provider: ContinuationProvider<L>,
    private readonly maxHops: number,
    /** Rounds with more legs to open than this open them partially (when the provider can). */
    private readonly partialFrom = Infinity,
    /**
     * Legs known to go on (true) or to end (false) before anything is fetched: the start legs whose
     * stored onward fact decides it (db/trace/onward.ts). A leg that ends has no continuation at all
     * (an answer on any route); one that goes on has one off a 1-leg route, and every route that route
     * grows into scores at most its score × `lazyBound` (inferred links weigh at most `lazyBound`;
     * documented ones reach legs at most `lazyBound` times as confident, statements.ts GOES_ON): that
     * route grows into its placeholder only (popping it expands the leg in full).
     */
    private readonly decided = new Map<string, boolean>(),
    /**
     * Legs opened before any round (the start statement's documented chains, db/trace/onward.ts): their
     * eager continuations and the ids of legs that may follow them, every one when `complete`.
     */
    opened = new Map<string, PreOpened<L>>(),
  ) {
    for (const [id, o] of opened) this.open(id, o.eager, o.ids, o.complete ? Infinity : o.ids.length);
  }

  /** Takes in what a later batch of start legs brought (walk.ts `MoreStarts`): legs decided and opened. */
  learn(decided?: Map<string, boolean>, opened?: Map<string, PreOpened<L>>): void {
    for (const [id, goes] of decided ?? []) this.decided.set(id, goes);
    for (const [id, o] of opened ?? [])
      if (!this.opened.has(id) && !this.continuations.has(id))
        this.open(id, o.eager, o.ids, o.complete ? Infinity : o.ids.length);
  }

  /**
   * Keeps what is known of an opened leg: its eager continuations and `ids`, the legs found that may
   * follow it, `need` how many were asked for (fewer found: every one; as many: there may be more).
   */
  private open(id: string, eager: Continuation<L>[], ids: string[], need: number): void {
    const eagerIds = new Set(eager.map((c) => c.legId));
    // every follower found, and fewer than asked, all eager: nothing is left out
    const rest = ids.length >= need || ids.some((i) => !eagerIds.has(i));
    this.opened.set(id, { eager, eagerIds, ids, need, rest });
  }

  /** Legs fetched so far (expanded, opened or probed): what the legs cap counts. */
  get size(): number {
    return this.continuations.size + this.probed.size + this.opened.size;
  }

  get expanded(): number {
    return this.continuations.size;
  }

  /** The next step for a route (see the file comment). */
  step(p: PendingRoute<L>): Step<L> {
    const last = p.legIds[p.legIds.length - 1];
    const list = this.continuations.get(last);
    if (p.rest) {
      // a placeholder: the continuations its route's eager ones left out
      if (!list) return { fetch: 'expand' };
      const onRoute = new Set(p.legIds);
      const eager = this.opened.get(last)?.eagerIds ?? new Set<string>();
      return { grow: list.filter((c) => !onRoute.has(c.legId) && !eager.has(c.legId)) };
    }
    const atEnd = p.legIds.length >= this.maxHops;
    if (list) {
      const onRoute = new Set(p.legIds);
      const next = list.filter((c) => !onRoute.has(c.legId));
      if (next.length === 0 || atEnd) return { answer: walked(p, next.length > 0) };
      return { grow: next };
    }
    const open = this.opened.get(last);
    const probed = this.probed.get(last);
    const ids = probed ?? open?.ids;
    if (!ids) {
      const goes = this.decided.get(last);
      if (goes === false) return { answer: walked(p, false) };
      // (a 1-leg route at maxHops 1 is an answer: fetched as before, which briefs its leg)
      if (goes === true && p.legIds.length === 1 && !atEnd && this.provider.lazyBound != null)
        return { grow: [], rest: true };
      return { fetch: atEnd ? (this.provider.round ? 'probe' : 'expand') : 'open' };
    }
    const goesOn = ids.some((id) => !p.legIds.includes(id));
    // a probe for a shorter route found only legs of this one: there may be more (a full expansion tells)
    if (!goesOn && ids.length >= (probed ? this.maxHops : open!.need)) return { fetch: 'expand' };
    if (atEnd || !goesOn) return { answer: walked(p, goesOn) };
    if (!open) return { fetch: 'open' };
    return { grow: open.eager.filter((c) => !p.legIds.includes(c.legId)), rest: open.rest };
  }

  /** One round (one provider call): legs expanded, opened (partially when many) and probed. */
  async fetch(want: Wanted): Promise<void> {
    const lazy = this.provider.lazyBound != null && want.open.size > this.partialFrom;
    const full = new Set([...want.expand, ...(lazy ? [] : want.open.keys())]);
    const open = lazy ? [...want.open.keys()].filter((id) => !full.has(id) && !this.opened.has(id)) : [];
    const light = [...want.probe].filter(
      (id) => !full.has(id) && !this.continuations.has(id) && !this.opened.has(id) && !open.includes(id),
    );
    if ((light.length > 0 || open.length > 0) && this.provider.round) {
      // a leg opened is probed for as many legs as the longest route that wants it holds (a start leg: 1)
      const need = (id: string) => want.open.get(id) ?? this.maxHops;
      const found = await this.provider.round({ expand: [...full], open, probe: light, need });
      for (const l of full) this.continuations.set(l, found.expanded.get(l) ?? []);
      for (const l of light) this.probed.set(l, found.probed.get(l) ?? []);
      for (const l of open) {
        const o = found.opened.get(l) ?? { eager: [], ids: [] };
        this.open(l, o.eager, o.ids, need(l));
      }
      return;
    }
    const all = [...full, ...light];
    if (all.length === 0) return;
    const found = await this.provider.expand(all);
    for (const l of all) this.continuations.set(l, found.get(l) ?? []);
  }
}
