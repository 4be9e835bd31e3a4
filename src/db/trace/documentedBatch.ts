/**
 * Documented NEXT links for large graphs, a port at a time. `maintainNextLinks` (documented.ts) reads
 * every candidate pair of the graph in one statement and writes every link in one transaction: right
 * for the demo graph and for a few legs written by hand, not for a hundred thousand legs. Here the same
 * links are computed port by port:
 *
 * - the legs that arrive at the given ports are the "from" side (`a`); for each, every leg that can
 *   follow it by a documented link is gathered — the same vessel's legs leaving the ports where `a`
 *   ends (when `a` kept its cargo aboard), and legs a transfer passed its cargo to. Inferred links are
 *   not stored (candidates.ts finds them when a trace asks), so other vessels' departures are never read;
 * - the rule itself stays `computeNextLinks` → `linkBetween` (domain/linking.ts);
 * - each chunk of `a` legs (bounded by the number of candidate pairs) is written in its own
 *   transaction: its outgoing NEXT links are made exactly the computed ones (stale ones deleted, new
 *   ones created, kept ones updated).
 *
 * Because every chunk computes the complete set of outgoing links of its legs, running this over every
 * port (and the legs that end nowhere but hand their cargo on by transfer, `maintainAllNextLinks`) gives
 * the same links as `maintainNextLinks(db)`; the integration test nextLinksBatched checks that.
 * `maintainAllNextLinks` then computes every leg's onward fact (onward.ts) in batches.
 */
import { Database, StatementCounter } from '../database';
import { computeNextLinks, NextLink, TIMING } from './documented';
import { computeOnwardAll } from './onward';
import { LegTiming } from '../../domain/linking';
import { PLACEHOLDER_PORT_KIND } from '../../domain/graph';

export type CandidateRow = Parameters<typeof computeNextLinks>[0][number];

const PLACEHOLDER = PLACEHOLDER_PORT_KIND;

export interface NextLinkOptions {
  /** A chunk of `a` legs is written once its candidate pairs reach this many (default 50 000). */
  maxCandidates?: number;
  /** Rows per write statement inside a chunk's transaction (default 10 000). */
  writeBatch?: number;
  onChunk?: (chunk: { legs: number; candidates: number; links: number; created: number; deleted: number }) => void;
  counter?: StatementCounter;
}

export interface NextLinkReport {
  legs: number;
  candidates: number;
  links: number;
  created: number;
  deleted: number;
  chunks: number;
}

interface Departure {
  timing: LegTiming;
  alternative: boolean;
}

/** The legs leaving one port, by vessel (documented continuations are the same vessel's). */
export interface DepartureIndex {
  byVessel: Map<string, Departure[]>;
}

export function indexDepartures(rows: { timing: LegTiming; alternative: boolean }[]): DepartureIndex {
  const byVessel = new Map<string, Departure[]>();
  for (const r of rows) {
    if (r.timing.vesselId == null) continue;
    const list = byVessel.get(r.timing.vesselId) ?? [];
    list.push({ timing: r.timing, alternative: r.alternative });
    byVessel.set(r.timing.vesselId, list);
  }
  return { byVessel };
}

/**
 * The legs leaving a port that may follow `a` there by a documented continuation: the same vessel's
 * departures, when `a` kept its cargo aboard (a superset of the continuations `linkBetween` accepts).
 */
function followersAt(a: LegTiming, index: DepartureIndex): Departure[] {
  if (a.vesselId == null || a.discharged !== false) return [];
  return (index.byVessel.get(a.vesselId) ?? []).filter((d) => d.timing.id !== a.id);
}

/**
 * The candidate pairs of leg `a` with the legs leaving the real ports it ends at (`departuresAt` gives a
 * port's indexed departures). Pure: the batched maintenance and the synthetic bulk load
 * (seed/synthetic/bulk.ts) both feed these, with the transfer pairs, to `computeNextLinks`.
 */
export function portCandidates(
  arrival: Arrival,
  departuresAt: (portId: string) => DepartureIndex | undefined,
): CandidateRow[] {
  const rows: CandidateRow[] = [];
  for (const to of arrival.tos) {
    const index = departuresAt(to.portId);
    if (!index) continue;
    for (const d of followersAt(arrival.a, index)) {
      rows.push({
        a: arrival.a,
        b: d.timing,
        transferId: null,
        portId: to.portId,
        placeUncertain: to.alternative || d.alternative,
      });
    }
  }
  return rows;
}

/** Reads and indexes the departures of ports, once per port and call. */
class DepartureCache {
  private readonly cache = new Map<string, DepartureIndex>();
  constructor(
    private readonly db: Database,
    private readonly counter?: StatementCounter,
  ) {}

  async load(portIds: string[]): Promise<void> {
    const missing = [...new Set(portIds)].filter((p) => !this.cache.has(p));
    if (missing.length === 0) return;
    const rows = await this.db.read<{ portId: string; b: LegTiming; alternative: boolean }>(
      `UNWIND $ports AS pid
       MATCH (p:Port {id: pid})<-[rb:FROM]-(b:Leg)
       RETURN pid AS portId, ${TIMING('b')} AS b, coalesce(rb.alternative, false) AS alternative`,
      { ports: missing },
      this.counter,
    );
    const grouped = new Map<string, { timing: LegTiming; alternative: boolean }[]>(missing.map((p) => [p, []]));
    for (const r of rows) grouped.get(r.portId)!.push({ timing: r.b, alternative: r.alternative });
    for (const [p, list] of grouped) this.cache.set(p, indexDepartures(list));
  }

  get(portId: string): DepartureIndex | undefined {
    return this.cache.get(portId);
  }
}

export interface Arrival {
  a: LegTiming;
  /** Every real port `a` ends at (several when the sources give alternatives). */
  tos: { portId: string; alternative: boolean }[];
}

/** Writes the outgoing links of a chunk of legs: exactly `links`, in one transaction. */
async function writeChunk(
  db: Database,
  legIds: string[],
  links: NextLink[],
  writeBatch: number,
  counter?: StatementCounter,
) {
  const existing = await db.read<{ from: string; id: string }>(
    `UNWIND $ids AS id MATCH (a:Leg {id: id})-[n:NEXT]->(:Leg) RETURN id AS from, n.id AS id`,
    { ids: legIds },
    counter,
  );
  const have = new Set(existing.map((e) => e.id));
  const keep = new Set(links.map((l) => l.id));
  const stale = existing.filter((e) => !keep.has(e.id));
  const fresh = links.filter((l) => !have.has(l.id));
  const kept = links.filter((l) => have.has(l.id));
  const statements: { cypher: string; params: Record<string, unknown> }[] = [];
  for (let i = 0; i < stale.length; i += writeBatch) {
    statements.push({
      cypher: `UNWIND $stale AS s MATCH (:Leg {id: s.from})-[n:NEXT {id: s.id}]->(:Leg) DELETE n`,
      params: { stale: stale.slice(i, i + writeBatch) },
    });
  }
  for (let i = 0; i < fresh.length; i += writeBatch) {
    statements.push({
      cypher: `UNWIND $links AS l MATCH (a:Leg {id: l.from}) MATCH (b:Leg {id: l.to}) CREATE (a)-[n:NEXT {id: l.id}]->(b) SET n += l.props`,
      params: { links: fresh.slice(i, i + writeBatch) },
    });
  }
  for (let i = 0; i < kept.length; i += writeBatch) {
    statements.push({
      cypher: `UNWIND $links AS l MATCH (:Leg {id: l.from})-[n:NEXT {id: l.id}]->(:Leg {id: l.to}) SET n += l.props`,
      params: { links: kept.slice(i, i + writeBatch) },
    });
  }
  if (statements.length > 0) {
    if (counter) counter.count += statements.length;
    await db.writeAll(statements);
  }
  return { created: fresh.length, deleted: stale.length };
}

/** Computes and writes the outgoing links of the legs `arrivals` (plus transfers from them), chunk by chunk. */
async function linkFrom(
  db: Database,
  arrivals: Arrival[],
  departures: DepartureCache,
  options: NextLinkOptions,
  report: NextLinkReport,
) {
  const maxCandidates = options.maxCandidates ?? 50_000;
  const writeBatch = options.writeBatch ?? 10_000;
  let chunk: Arrival[] = [];
  let rows: CandidateRow[] = [];

  const flush = async () => {
    if (chunk.length === 0) return;
    const ids = chunk.map((c) => c.a.id);
    const viaTransfer = await db.read<{ a: LegTiming; b: LegTiming; transferId: string }>(
      `UNWIND $ids AS id
       MATCH (t:Transfer)-[:FROM_LEG]->(a:Leg {id: id}), (t)-[:TO_LEG]->(b:Leg)
       RETURN ${TIMING('a')} AS a, ${TIMING('b')} AS b, t.id AS transferId`,
      { ids },
      options.counter,
    );
    const all = [
      ...viaTransfer.map((r) => ({ a: r.a, b: r.b, transferId: r.transferId, portId: null, placeUncertain: false })),
      ...rows,
    ];
    const links = computeNextLinks(all);
    const written = await writeChunk(db, ids, links, writeBatch, options.counter);
    report.legs += ids.length;
    report.candidates += all.length;
    report.links += links.length;
    report.created += written.created;
    report.deleted += written.deleted;
    report.chunks++;
    options.onChunk?.({ legs: ids.length, candidates: all.length, links: links.length, ...written });
    chunk = [];
    rows = [];
  };

  for (const arrival of arrivals) {
    await departures.load(arrival.tos.map((t) => t.portId));
    for (const row of portCandidates(arrival, (portId) => departures.get(portId))) rows.push(row);
    chunk.push(arrival);
    if (rows.length >= maxCandidates || chunk.length >= writeBatch) await flush();
  }
  await flush();
}

function emptyReport(): NextLinkReport {
  return { legs: 0, candidates: 0, links: 0, created: 0, deleted: 0, chunks: 0 };
}

/**
 * Recomputes the NEXT links leaving every leg that arrives at one of `portIds` (and so every link into
 * a leg that leaves from one of them), in chunks of bounded size, each in its own transaction.
 */
export async function maintainNextLinksForPorts(
  db: Database,
  portIds: string[],
  options: NextLinkOptions = {},
): Promise<NextLinkReport> {
  const report = emptyReport();
  const ports = [...new Set(portIds)].sort();
  if (ports.length === 0) return report;
  const rows = await db.read<Arrival>(
    `UNWIND $ports AS pid
     MATCH (p:Port {id: pid}) WHERE p.kind <> '${PLACEHOLDER}'
     MATCH (a:Leg)-[:TO]->(p)
     WITH DISTINCT a
     RETURN ${TIMING('a')} AS a,
            [(a)-[r:TO]->(q:Port) WHERE q.kind <> '${PLACEHOLDER}' | {portId: q.id, alternative: coalesce(r.alternative, false)}] AS tos
     ORDER BY coalesce(a.arrivalFrom, a.departureFrom), a.id`,
    { ports },
    options.counter,
  );
  for (const r of rows) r.tos.sort((x, y) => x.portId.localeCompare(y.portId));
  const departures = new DepartureCache(db, options.counter);
  await departures.load(ports);
  await linkFrom(db, rows, departures, options, report);
  return report;
}

/**
 * Recomputes every NEXT link of the graph in bounded chunks: port group by port group (ports grouped
 * until they hold `portGroupLegs` calls; `concurrency` groups at a time), then the legs that end at no real port but either handed
 * their cargo on by transfer or still have links from before.
 */
export async function maintainAllNextLinks(
  db: Database,
  options: NextLinkOptions & {
    portGroupLegs?: number;
    concurrency?: number;
    onPortGroup?: (done: number, total: number) => void;
  } = {},
): Promise<NextLinkReport> {
  const report = emptyReport();
  const ports = await db.read<{ id: string; calls: number }>(
    `MATCH (p:Port) WHERE p.kind <> '${PLACEHOLDER}'
     RETURN p.id AS id, COUNT { (p)<-[:TO|FROM]-(:Leg) } AS calls ORDER BY p.id`,
    {},
    options.counter,
  );
  const limit = options.portGroupLegs ?? 5_000;
  const groups: string[][] = [];
  let group: string[] = [];
  let calls = 0;
  for (const p of ports) {
    if (p.calls === 0) continue;
    if (group.length > 0 && calls + p.calls > limit) {
      groups.push(group);
      group = [];
      calls = 0;
    }
    group.push(p.id);
    calls += p.calls;
  }
  if (group.length > 0) groups.push(group);
  // Port groups are independent (each writes the links leaving its own legs): a few run at once.
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < groups.length) {
      const r = await maintainNextLinksForPorts(db, groups[next++], options);
      for (const k of Object.keys(report) as (keyof NextLinkReport)[]) report[k] += r[k];
      options.onPortGroup?.(++done, groups.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  const portless = await db.read<Arrival>(
    `MATCH (a:Leg)
     WHERE NOT EXISTS { (a)-[:TO]->(q:Port) WHERE q.kind <> '${PLACEHOLDER}' }
       AND (EXISTS { (a)<-[:FROM_LEG]-(:Transfer) } OR EXISTS { (a)-[:NEXT]->(:Leg) })
     RETURN ${TIMING('a')} AS a, [] AS tos ORDER BY a.id`,
    {},
    options.counter,
  );
  await linkFrom(db, portless, new DepartureCache(db, options.counter), options, report);
  // the onward fact of every leg (onward.ts), in batches: it reads the index keys the loaders wrote
  await computeOnwardAll(db);
  return report;
}
