/**
 * `recordLeg` at the busiest port of the loaded world against one at a quiet port (issue 13: writing a
 * leg at a hub must cost what its window holds, not what the port ever held; target p50 within 3×).
 *
 * Samples alternate hub and quiet writes (so that load on the shared machine drifts over both alike):
 * each writes a new leg of one synthetic vessel arriving at the port, or leaving it, on the port's
 * median day. Afterwards the legs written are deleted with their audit entries and the vessel's
 * documented links are recomputed, so that the store is as loaded (checked: NEXT links before = after).
 */
import neo4j, { Driver } from 'neo4j-driver';
import { Database, toPlain } from '../src/db/database';
import { maintainNextLinks } from '../src/db/trace';

export const BENCH_WRITER_KEY_NAME = 'bench-writer';

const RECORD = 'mutation ($input: LegInput!) { recordLeg(input: $input) { id status } }';
const SOURCE = 'https://example.org/collier-bench/record-leg';

interface Port {
  id: string;
  calls: number;
  day: string;
}

async function read(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const { records } = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
  return records.map((r) => toPlain(r.toObject()));
}

/** The real port with the most legs, and the one with the fewest (at least two), each with its median day. */
async function ports(driver: Driver): Promise<{ busy: Port; quiet: Port }> {
  const rows = await read(
    driver,
    `MATCH (p:Port) WHERE p.kind <> 'UNSPECIFIED_IN_COUNTRY'
     WITH p, COUNT { (p)<-[:FROM|TO]-(:Leg) } AS calls WHERE calls >= 2
     ORDER BY calls DESC, p.id
     WITH collect({id: p.id, calls: calls}) AS ranked
     UNWIND [head(ranked), last(ranked)] AS port
     CALL (port) {
       MATCH (:Port {id: port.id})<-[r:FROM]-(l:Leg) WHERE l.departureFrom IS NOT NULL
       WITH l.departureFrom AS d ORDER BY d
       WITH collect(d) AS days
       RETURN toString(days[size(days) / 2]) AS day
     }
     RETURN port.id AS id, port.calls AS calls, day`,
  );
  return { busy: rows[0], quiet: rows[1] };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface RecordLegResult {
  vesselId: string;
  busy: Port & { p50: number; p95: number; statements: number | null };
  quiet: Port & { p50: number; p95: number; statements: number | null };
  ratioP50: number;
  nextLinksBefore: number;
  nextLinksAfter: number;
}

/** Measures `samples` writes at each port through the service at `url` (an editor key in `key`). */
export async function measureRecordLeg(
  url: string,
  key: string,
  driver: Driver,
  db: Database,
  vesselId: string,
  samples: number,
): Promise<RecordLegResult> {
  const { busy, quiet } = await ports(driver);
  const other = busy.id === quiet.id ? null : busy.id;
  const [{ next: nextLinksBefore }] = await read(driver, 'MATCH ()-[n:NEXT]->() RETURN count(n) AS next');
  const written: string[] = [];
  const times: Record<'busy' | 'quiet', number[]> = { busy: [], quiet: [] };
  const statements: Record<'busy' | 'quiet', number | null> = { busy: null, quiet: null };
  try {
    for (let i = 0; i < samples * 2; i++) {
      const which = i % 2 === 0 ? 'busy' : 'quiet';
      const port = which === 'busy' ? busy : quiet;
      // the far end: the other measured port (so both writes touch one hub and one quiet port alike)
      const far = which === 'busy' ? quiet.id : (other ?? quiet.id);
      const n = Math.floor(i / 2);
      const dep = addDays(port.day, n);
      const arr = addDays(port.day, n + 3);
      const arriving = n % 2 === 0;
      const input = {
        vessel: vesselId,
        from: [arriving ? far : port.id],
        to: [arriving ? port.id : far],
        departure: { from: dep, to: dep, precision: 'DAY' },
        arrival: { from: arr, to: arr, precision: 'DAY' },
        cargoOrigin: 'UNCONFIRMED',
        sources: [{ url: SOURCE, publisher: 'Collier bench (synthetic writes)', kind: 'REFERENCE', tier: 'HIGH' }],
      };
      const t = process.hrtime.bigint();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: RECORD, variables: { input } }),
      });
      const body = (await res.json()) as { data?: { recordLeg?: { id: string } }; errors?: unknown[] };
      times[which].push(Number(process.hrtime.bigint() - t) / 1e6);
      if (body.errors || !body.data?.recordLeg) throw new Error(`recordLeg failed: ${JSON.stringify(body.errors)}`);
      written.push(body.data.recordLeg.id);
      statements[which] = Number(res.headers.get('x-collier-statements') ?? NaN) || null;
    }
  } finally {
    // leave the store as loaded: the legs written, their audit entries, then the vessel's documented links
    await db.write(
      `UNWIND $ids AS id MATCH (l:Leg {id: id}) DETACH DELETE l
       WITH count(*) AS legs
       OPTIONAL MATCH (c:Change) WHERE c.entityId IN $ids DETACH DELETE c
       WITH count(*) AS changes
       OPTIONAL MATCH (s:Source {url: $url}) WHERE NOT EXISTS { (s)--() } DELETE s`,
      { ids: written, url: SOURCE },
    );
    const legs = await read(driver, 'MATCH (l:Leg)-[:ON]->(:Vessel {id: $id}) RETURN l.id AS id', { id: vesselId });
    // the legs removed too: the onward facts they set at the ports are recomputed (src/db/trace/onward.ts)
    await maintainNextLinks(db, [...legs.map((l: { id: string }) => l.id), ...written]);
  }
  const [{ next: nextLinksAfter }] = await read(driver, 'MATCH ()-[n:NEXT]->() RETURN count(n) AS next');
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: Math.round(percentile(s, 50) * 10) / 10, p95: Math.round(percentile(s, 95) * 10) / 10 };
  };
  const b = { ...busy, ...stats(times.busy), statements: statements.busy };
  const q = { ...quiet, ...stats(times.quiet), statements: statements.quiet };
  return {
    vesselId,
    busy: b,
    quiet: q,
    ratioP50: Math.round((b.p50 / q.p50) * 100) / 100,
    nextLinksBefore,
    nextLinksAfter,
  };
}
