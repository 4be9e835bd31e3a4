/**
 * What a walk knows of the legs it met, and how it learns more: the continuations of the legs it
 * expanded, and, for legs that only end routes of `maxHops` legs, whether they go on at all.
 *
 * A route of `maxHops` legs is an answer whatever follows its last leg; the walk only needs to know
 * whether something could (`truncated`). Expanding that leg — every follower, its brief and its link
 * weight — is most of a trace's work (at S, maxHops 2: the last round read ~10 times the legs of the
 * first). A **probe** answers just that: up to `need` ids of legs that may follow (every one when there
 * are fewer; never the leg itself). With `need = maxHops` it is exact: a route of `maxHops` legs holds
 * `maxHops − 1` legs besides its last, so a probe that found `maxHops` followers found one off the route,
 * and one that found fewer found them all. Providers without `expandAndProbe` have every leg expanded.
 */
import { Continuation, ContinuationProvider, PendingRoute, walked, WalkedRoute } from './walk';

/** What the walk does with a route next: fetch its last leg, take it as an answer, or grow it. */
export type Step<L> = { fetch: 'expand' | 'probe' } | { answer: WalkedRoute<L> } | { grow: Continuation<L>[] };

export class Known<L> {
  private readonly continuations = new Map<string, Continuation<L>[]>();
  /** Probed legs: up to `maxHops` ids of the legs that may follow each (all of them when fewer). */
  private readonly probed = new Map<string, string[]>();

  constructor(
    private readonly provider: ContinuationProvider<L>,
    private readonly maxHops: number,
  ) {}

  /** Legs fetched so far (expanded or probed): what the legs cap counts. */
  get size(): number {
    return this.continuations.size + this.probed.size;
  }

  get expanded(): number {
    return this.continuations.size;
  }

  /** The continuations of an expanded leg (undefined: not expanded). */
  of(legId: string): Continuation<L>[] | undefined {
    return this.continuations.get(legId);
  }

  /** The next step for a route (see the file comment). */
  step(p: PendingRoute<L>): Step<L> {
    const last = p.legIds[p.legIds.length - 1];
    const atEnd = p.legIds.length >= this.maxHops;
    const list = this.continuations.get(last);
    if (list) {
      const onRoute = new Set(p.legIds);
      const next = list.filter((c) => !onRoute.has(c.legId));
      if (next.length === 0 || atEnd) return { answer: walked(p, next.length > 0) };
      return { grow: next };
    }
    if (!atEnd) return { fetch: 'expand' };
    const ids = this.probed.get(last);
    if (!ids) return { fetch: this.provider.expandAndProbe ? 'probe' : 'expand' };
    return {
      answer: walked(
        p,
        ids.some((id) => !p.legIds.includes(id)),
      ),
    };
  }

  /** One round: the given legs expanded, the others probed (one provider call). */
  async fetch(expand: string[], probe: string[]): Promise<void> {
    const full = new Set(expand);
    const light = [...new Set(probe)].filter((id) => !full.has(id) && !this.continuations.has(id));
    if (light.length > 0 && this.provider.expandAndProbe) {
      const found = await this.provider.expandAndProbe([...full], light, this.maxHops);
      for (const l of full) this.continuations.set(l, found.expanded.get(l) ?? []);
      for (const l of light) this.probed.set(l, found.probed.get(l) ?? []);
      return;
    }
    const all = [...full, ...light];
    if (all.length === 0) return;
    const found = await this.provider.expand(all);
    for (const l of all) this.continuations.set(l, found.get(l) ?? []);
  }
}
