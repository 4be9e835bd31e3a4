/**
 * Candidate finding: what may follow (or precede) a batch of legs, one statement per batch, and the
 * link rule applied to each pair in JS (domain/linking.ts; the Cypher only narrows the pairs).
 *
 * - Documented links (transfers, the same vessel sailing on with its cargo) are stored as `NEXT`
 *   (documented.ts) and read by relationship.
 * - Inferred links are found through the departure index: every FROM (TO) relationship carries
 *   `portId` and `seekDay` (domain/linking.ts departureSeekDay, arrivalSeekDay) under the composite
 *   RANGE index `leg_departure_seek` (`leg_arrival_seek`), so that the departures that may follow an
 *   arrival are one index range per port, plus the few legs whose dates are too wide to index by day.
 *   Reading them costs the window, not the port's history.
 *
 * The weight of an inferred link needs k, the compatible departures that could have taken the cargo
 * on: they are exactly the inferred followers of the arriving leg at that port, so k is counted from
 * the same rows. Walking backwards, the legs that may precede a leg are found through the arrival
 * index, and then expanded forwards (the same statement, the same rule), so that a link weighs the
 * same in both directions.
 *
 * This file reads (the statements, the briefs and links kept per trace, the walk's view of them);
 * weigh.ts turns what a statement read into weighed links (`weighRound`), paced by pacer.ts.
 */
import { int } from 'neo4j-driver';
import { Database, StatementCounter } from '../database';
import { followerSeekRange, predecessorSeekRange } from '../../domain/linking';
import { INFERRED_LINK_FACTOR } from '../../domain/routeConfidence';
import { Continuation, ContinuationProvider } from './walk';
import { LegBrief, TraceDirection } from './records';
import { callsByPort, FollowerRow, FoundLink, RoundRows, timingOf, weighRound } from './weigh';
import { Pacer } from './pacer';
import { LEG_BRIEFS_BY_ID, legBrief, LegBriefRow } from './statements';
import {
  expandStatement,
  inRange,
  PortCall,
  portRanges,
  probeStatement,
  roundStatement,
  startExpansionParams,
} from './seek';

export type { FollowerRow, FoundLink } from './weigh';

const EXPAND_BACKWARD = expandStatement('BACKWARD');
const PROBE = { FORWARD: probeStatement('FORWARD'), BACKWARD: probeStatement('BACKWARD') };
const ROUND_FORWARD = roundStatement();
/** A forward round of at most this many legs to expand reads the hop after them too (seek.ts deeperExpansion) … */
export const DEEP_FROM = 8;
/** … when that hop holds at most this many legs. */
export const DEEP_LEGS = 32;

/** What a statement read one hop beyond its legs (seek.ts deeperExpansion, DEEPER_RETURN). */
export interface DeeperRow {
  deeperIds: string[];
  links2: FollowerRow[];
  calls2: PortCall[];
  found2: LegBriefRow[];
}

/**
 * The provider the walk asks, over Neo4j. It remembers every leg brief it read (the answers are shaped
 * from them) and every leg it expanded forwards (a backward walk reuses them to weigh its links).
 */
export class CypherCandidates {
  readonly briefs = new Map<string, LegBrief>();
  private readonly forward = new Map<string, FoundLink[]>();
  statements = 0;

  constructor(
    private readonly db: Database,
    private readonly maxWaitDays: number,
    private readonly counter?: StatementCounter,
  ) {}

  /** Keeps the briefs read (rows of statements.ts LEG_BRIEF). */
  remember(rows: LegBriefRow[]): void {
    for (const row of rows) this.briefs.set(row[0], legBrief(row));
  }

  /**
   * Reads the briefs of the given legs not briefed yet (one statement, none when all are): the start
   * legs a walk reaches, when the start statement read only what ranks them (statements.ts LEG_RANK).
   */
  async brief(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.briefs.has(id));
    if (missing.length === 0) return;
    const rows = await this.read<{ row: LegBriefRow }>(LEG_BRIEFS_BY_ID, { ids: missing });
    this.remember(rows.map((r) => r.row));
  }

  private async read<T>(cypher: string, params: Record<string, unknown>): Promise<T[]> {
    this.statements++;
    return this.db.read<T>(cypher, params, this.counter);
  }

  /** The forward links of the given legs (read once per leg and trace; `deep`: a small batch reads the hop after it too). */
  async followers(ids: string[], deep = true): Promise<Map<string, FoundLink[]>> {
    await this.forwardRound(ids, [], [], () => 0, deep);
    return new Map(ids.map((id) => [id, this.forward.get(id)!]));
  }

  /**
   * One forward round, one statement: `expand` expanded (kept in `forward`), `open` given their
   * documented links only (`eager`; their inferred ones weigh at most INFERRED_LINK_FACTOR, known.ts)
   * and probed with `probe` (up to `need(leg)` follower ids each: those that need one in a probe that
   * stops at one, the others in one that stops at the most any of them needs).
   */
  private async forwardRound(
    expand: string[],
    open: string[],
    probe: string[],
    need: (legId: string) => number,
    deep = true,
  ): Promise<{ eager: Map<string, FoundLink[]>; probed: Map<string, string[]> }> {
    // a full expansion needs its ranges in JS; a leg only probed or opened is briefed by the round itself
    await this.brief(expand);
    const openUnbriefed = [...new Set(open)].filter((id) => !this.briefs.has(id));
    const unbriefed = [...new Set(probe)].filter((id) => !this.briefs.has(id) && !openUnbriefed.includes(id));
    const missing = [...new Set(expand)].filter((id) => !this.forward.has(id));
    // a leg expanded already (the start statement's expansion) is probed from its links
    const known = probe.filter((id) => this.forward.has(id));
    const probed = new Map(
      known.map((id) => [
        id,
        this.forward
          .get(id)!
          .map((l) => l.to)
          .slice(0, need(id)),
      ]),
    );
    const probing = [...probe.filter((id) => !this.forward.has(id)), ...open];
    // an opened leg's stored links are read by the round itself: its probe looks for inferred links only
    const linked = new Set(open);
    const probes = this.probes(
      'FORWARD',
      probing.filter((id) => need(id) > 1),
      linked,
    );
    const probesOne = this.probes(
      'FORWARD',
      probing.filter((id) => need(id) <= 1),
      linked,
    );
    if (missing.length === 0 && probing.length === 0) return { eager: new Map(), probed };
    const wanted = missing.map((id) => {
      const a = this.briefs.get(id)!;
      return { a, range: followerSeekRange(timingOf(a), this.maxWaitDays) };
    });
    const ranges = wanted.flatMap(({ a, range }) =>
      a.ports.filter((p) => p.direction === 'TO').map((port) => ({ port, ...range })),
    );
    const [row] = await this.read<
      DeeperRow & { links: FollowerRow[]; calls: PortCall[]; legs: LegBriefRow[]; probed: [string, string[]][] }
    >(ROUND_FORWARD, {
      legs: [...missing, ...open],
      ports: portRanges(ranges),
      briefed: [...this.briefs.keys()],
      unbriefed,
      openUnbriefed,
      probes,
      probesOne,
      need: int(Math.max(1, ...probing.map(need))),
      deepLegs: deep && missing.length <= DEEP_FROM && open.length === 0 ? missing : [],
      deep: int(DEEP_LEGS),
      ...startExpansionParams(this.maxWaitDays),
    });
    this.remember(row.legs);
    const eager = await this.absorb(missing, open, row);
    await this.absorbDeeper(row);
    for (const [id, ids] of row.probed) probed.set(id, ids);
    // an opened leg goes on by its stored links (under the wait, seek.ts UNDER_WAIT) or the inferred ones found
    const stored = new Map<string, string[]>();
    for (const r of row.links)
      if (linked.has(r.from) && (r.kind !== 'INFERRED' || r.waitMinDays == null || r.waitMinDays <= this.maxWaitDays))
        stored.set(r.from, [...(stored.get(r.from) ?? []), r.to]);
    for (const [id, tos] of stored)
      probed.set(id, [...new Set([...tos, ...(probed.get(id) ?? [])])].slice(0, need(id)));
    return { eager, probed };
  }

  /** Takes in the hop a statement read beyond its legs (seek.ts deeperExpansion). */
  async absorbDeeper(row: DeeperRow): Promise<void> {
    this.remember(row.found2);
    const deeper = row.deeperIds.filter((id) => !this.forward.has(id));
    if (deeper.length > 0) await this.absorb(deeper, [], { links: row.links2, calls: row.calls2 });
  }

  /**
   * Takes in what a forward round read: the links of `expand` (kept in `forward`) from their stored
   * links and the calls in their ranges; the documented links of `open` (returned).
   */
  async absorb(expand: string[], open: string[], row: RoundRows): Promise<Map<string, FoundLink[]>> {
    const briefOf = (id: string) => this.briefs.get(id)!;
    return weighRound(row, expand, open, briefOf, this.maxWaitDays, (id, links) => this.forward.set(id, links));
  }

  private readonly byPair = new Map<string, Map<string, FoundLink>>();

  /** The forward link from `from` to `to`, once `from` was expanded. */
  private linkOf(from: string, to: string): FoundLink | undefined {
    let m = this.byPair.get(from);
    if (!m) {
      m = new Map(this.forward.get(from)!.map((l) => [l.to, l]));
      this.byPair.set(from, m);
    }
    return m.get(to);
  }

  /** The backward links of the given legs: the legs that may precede each, with the link as it weighs forwards. */
  async predecessors(ids: string[]): Promise<Map<string, FoundLink[]>> {
    await this.brief(ids);
    const wanted = ids.map((id) => {
      const b = this.briefs.get(id)!;
      return { b, range: predecessorSeekRange(timingOf(b), this.maxWaitDays) };
    });
    const ranges = wanted.flatMap(({ b, range }) =>
      b.ports.filter((p) => p.direction === 'FROM').map((port) => ({ port, ...range })),
    );
    const [row] = await this.read<{ links: { from: string; to: string }[]; calls: PortCall[]; legs: LegBriefRow[] }>(
      EXPAND_BACKWARD,
      { legs: ids, ports: portRanges(ranges), briefed: [...this.briefs.keys()] },
    );
    this.remember(row.legs);
    const pairs = [...row.links];
    const byPort = callsByPort(row.calls);
    const pacer = new Pacer();
    for (const { b, range } of wanted) {
      for (const from of b.ports.filter((p) => p.direction === 'FROM'))
        for (const c of byPort.get(from.id) ?? [])
          if (c.id !== b.id && inRange(c, range)) pairs.push({ from: c.id, to: b.id });
      await pacer.pace();
    }
    // the forward hop after the predecessors is not where a backward walk goes: no deeper read
    await this.followers([...new Set(pairs.map((p) => p.from))], false);
    const out = new Map<string, FoundLink[]>(ids.map((id) => [id, []]));
    const seen = new Set<string>();
    for (const r of pairs) {
      const key = `${r.from}>${r.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const link = this.linkOf(r.from, r.to);
      if (link) out.get(r.to)!.push(link);
    }
    for (const list of out.values()) list.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
    return out;
  }

  /**
   * Whether each leg goes on, walking in `direction`: up to `need` ids of the legs linked to it (seek.ts
   * `probeStatement`: the rule's Cypher twin, no brief read, stopping at `need`), for the legs that end
   * routes of `maxHops` legs (known.ts).
   */
  async probe(direction: TraceDirection, ids: string[], need: number): Promise<Map<string, string[]>> {
    await this.brief(ids);
    const rows = await this.read<{ id: string; ids: string[] }>(PROBE[direction], {
      probes: this.probes(direction, ids),
      need: int(need),
      ...startExpansionParams(this.maxWaitDays),
    });
    return new Map(rows.map((r) => [r.id, r.ids]));
  }

  /**
   * The probe rows of the given legs: each with its own seek ranges (forwards, a leg not briefed: computed
   * in Cypher), and whether its stored links are read elsewhere in the statement (`linked`).
   */
  private probes(direction: TraceDirection, ids: string[], linked = new Set<string>()) {
    return ids.map((id) => {
      const leg = this.briefs.get(id);
      if (!leg) return { id, ranges: null, linked: linked.has(id) };
      const range =
        direction === 'FORWARD'
          ? followerSeekRange(timingOf(leg), this.maxWaitDays)
          : predecessorSeekRange(timingOf(leg), this.maxWaitDays);
      const side = direction === 'FORWARD' ? 'TO' : 'FROM';
      return {
        id,
        ranges: portRanges(leg.ports.filter((p) => p.direction === side).map((port) => ({ port, ...range }))),
        linked: linked.has(id),
      };
    });
  }

  /** Links as the walk's continuations in `direction` (the link always stated a → b in route order). */
  private continuations(found: Map<string, FoundLink[]>, forward: boolean): Map<string, Continuation<FoundLink>[]> {
    const out = new Map<string, Continuation<FoundLink>[]>();
    for (const [id, links] of found) {
      out.set(
        id,
        links.map((l) => {
          const legId = forward ? l.to : l.from;
          return { legId, legConfidence: this.briefs.get(legId)?.confidence ?? 0, factor: l.factor, link: l };
        }),
      );
    }
    return out;
  }

  /**
   * The forward continuations of legs opened by the statement that read their stored links (`links`,
   * weighed as a round weighs an opened leg's, the briefs remembered first): the start statement's
   * documented chains (onward.ts `openedStarts`).
   */
  async opened(ids: string[], links: FollowerRow[]): Promise<Map<string, Continuation<FoundLink>[]>> {
    return this.continuations(await this.absorb([], ids, { links, calls: [] }), true);
  }

  /** The walk's view: continuations in walk direction, the link always stated a → b in route order. */
  provider(direction: TraceDirection): ContinuationProvider<FoundLink> {
    const forward = direction === 'FORWARD';
    const asContinuations = (found: Map<string, FoundLink[]>) => this.continuations(found, forward);
    const expand = async (ids: string[]) =>
      asContinuations(forward ? await this.followers(ids) : await this.predecessors(ids));
    if (!forward)
      return {
        expand,
        round: async (want) => ({
          expanded: want.expand.length > 0 ? await expand(want.expand) : new Map<string, Continuation<FoundLink>[]>(),
          opened: new Map(),
          probed: await this.probe(direction, want.probe, Math.max(1, ...want.probe.map(want.need))),
        }),
      };
    return {
      expand,
      // a leg opened gets its documented links; the inferred ones weigh at most this (known.ts)
      lazyBound: INFERRED_LINK_FACTOR,
      round: async (want) => {
        const r = await this.forwardRound(want.expand, want.open, want.probe, want.need);
        const eager = asContinuations(r.eager);
        return {
          expanded: asContinuations(new Map(want.expand.map((id) => [id, this.forward.get(id)!]))),
          opened: new Map(want.open.map((id) => [id, { eager: eager.get(id) ?? [], ids: r.probed.get(id) ?? [] }])),
          probed: r.probed,
        };
      },
    };
  }
}
