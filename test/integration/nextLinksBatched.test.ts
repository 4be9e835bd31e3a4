/**
 * The port-by-port maintenance of documented NEXT links (db/trace/documentedBatch.ts) gives exactly
 * the links of the one-statement `maintainNextLinks` (db/trace/documented.ts): on the demo graph and on
 * hand-built edge cases (unknown dates, continuations far apart, transfers from legs that end
 * nowhere). Only documented links are stored: inferred ones are found when a trace asks. Tiny chunks
 * force many transactions.
 */
import { connectTestDatabase, resetDatabase } from './harness';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/upgrade/migrations';
import { maintainNextLinks } from '../../src/db/trace';
import { maintainAllNextLinks, maintainNextLinksForPorts } from '../../src/db/trace/documentedBatch';
import { loadDemoData } from '../../seed/load';
import { day, handBuiltDataset, span } from '../fixtures/handBuilt';
import { datasetToGraph } from '../../seed/graph';
import { writeGraph } from '../../src/db/write/graphWriter';

let db: Database;
beforeAll(async () => {
  db = connectTestDatabase();
  await migrate(db);
});
afterAll(async () => {
  await db.close();
});

type Link = {
  id: string;
  kind: string;
  certainty: string;
  waitMinDays: number | null;
  waitMaxDays: number | null;
  transferId: string | null;
  placeUncertain: boolean;
};

async function links(): Promise<Link[]> {
  return db.read<Link>(
    `MATCH (:Leg)-[n:NEXT]->(:Leg)
     RETURN n.id AS id, n.kind AS kind, n.certainty AS certainty, n.waitMinDays AS waitMinDays, n.waitMaxDays AS waitMaxDays,
            n.transferId AS transferId, n.placeUncertain AS placeUncertain ORDER BY id`,
  );
}

async function compareOn(
  load: () => Promise<void>,
  chunking = { maxCandidates: 40, writeBatch: 20, portGroupLegs: 30, concurrency: 2 },
) {
  await resetDatabase(db);
  await load();
  await maintainNextLinks(db);
  const expected = await links();
  await db.write('MATCH (:Leg)-[n:NEXT]->(:Leg) DELETE n');
  const report = await maintainAllNextLinks(db, chunking);
  expect(report.chunks).toBeGreaterThan(1);
  expect(await links()).toEqual(expected);
  // Run again over a graph that already has them: nothing created, nothing deleted, same links.
  const again = await maintainAllNextLinks(db, { maxCandidates: 50 });
  expect(again.created).toBe(0);
  expect(again.deleted).toBe(0);
  expect(await links()).toEqual(expected);
  return expected;
}

describe('maintainAllNextLinks', () => {
  it('gives the same links as maintainNextLinks on the demo graph', async () => {
    const expected = await compareOn(async () => {
      await loadDemoData(db);
    });
    // the demo graph's documented links: its transfers and the vessels that sailed on with their cargo
    expect(expected.length).toBeGreaterThanOrEqual(3);
    for (const l of expected) expect(['TRANSFER', 'CONTINUATION']).toContain(l.kind);
  });

  it('gives the same links on hand-built edge cases', async () => {
    const expected = await compareOn(
      async () => {
        const d = handBuiltDataset(
          [
            { id: 'in', vessel: '1', from: 'a', to: 'b', departure: day('2020-01-01'), arrival: day('2020-01-10') },
            { id: 'early', vessel: '2', from: 'b', to: 'c', departure: day('2020-01-05'), arrival: day('2020-01-20') },
            { id: 'late', vessel: '3', from: 'b', to: 'd', departure: day('2020-01-15'), arrival: day('2020-01-25') },
            { id: 'cap', vessel: '4', from: 'b', to: 'd', departure: day('2022-01-09'), arrival: day('2022-01-25') },
            {
              id: 'over-cap',
              vessel: '5',
              from: 'b',
              to: 'd',
              departure: day('2022-01-11'),
              arrival: day('2022-01-25'),
            },
            { id: 'undated', vessel: '6', from: 'b', to: 'e', departure: null, arrival: null },
            { id: 'wide', vessel: '7', from: 'b', to: 'e', departure: span('2019-06-01', '2020-02-01'), arrival: null },
            { id: 'stay', vessel: '1', from: 'b', to: 'f', departure: day('2025-06-01'), arrival: day('2025-06-10') },
            {
              id: 'keep-aboard',
              vessel: '8',
              from: 'c',
              to: 'b',
              departure: day('2019-01-01'),
              arrival: day('2019-01-05'),
              discharged: false,
            },
            {
              id: 'later-same',
              vessel: '8',
              from: 'b',
              to: 'g',
              departure: day('2024-01-01'),
              arrival: day('2024-01-05'),
            },
            { id: 'no-arrival', vessel: '9', from: 'g', to: 'b', departure: day('2020-01-02'), arrival: null },
          ],
          [{ id: 'x', fromLeg: 'wide', toLeg: 'stay', at: 'e', when: day('2020-03-01') }],
        );
        const { nodes, rels } = datasetToGraph(d);
        await writeGraph(db, nodes, rels);
      },
      { maxCandidates: 3, writeBatch: 2, portGroupLegs: 4, concurrency: 1 },
    );
    const ids = expected.map((l) => l.id);
    // landed and reloaded onto another vessel: inferred, never stored
    expect(ids).not.toContain('next:leg:test-in->leg:test-late');
    expect(ids).not.toContain('next:leg:test-in->leg:test-cap');
    expect(ids).toContain('next:leg:test-keep-aboard->leg:test-later-same');
    expect(ids).toContain('next:leg:test-wide->leg:test-stay');
  });

  it('per port: recomputes the links of legs arriving there and leaves other ports alone', async () => {
    await resetDatabase(db);
    await loadDemoData(db);
    const all = await links();
    await db.write('MATCH (:Leg)-[n:NEXT]->(:Leg) DELETE n');
    const [port] = await db.read<{ id: string }>(
      `MATCH (p:Port) WHERE p.kind <> 'UNSPECIFIED_IN_COUNTRY' AND COUNT { (p)<-[:TO]-(:Leg) } > 0 AND COUNT { (p)<-[:FROM]-(:Leg) } > 0
       RETURN p.id AS id ORDER BY COUNT { (p)<-[:TO]-(:Leg) } DESC, p.id LIMIT 1`,
    );
    const report = await maintainNextLinksForPorts(db, [port.id]);
    const arriving = new Set(
      (await db.read<{ id: string }>('MATCH (a:Leg)-[:TO]->(:Port {id: $p}) RETURN a.id AS id', { p: port.id })).map(
        (r) => r.id,
      ),
    );
    const expected = all.filter((l) => arriving.has(l.id.slice('next:'.length, l.id.indexOf('->'))));
    expect(report.legs).toBe(arriving.size);
    expect(await links()).toEqual(expected);
  });
});
