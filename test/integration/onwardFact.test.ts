/**
 * The stored onward fact (src/db/trace/onward.ts): after random sequences of writes through the service
 * (importFacts of new and changed legs, transfers, recordLeg, merges of ports and vessels), at a
 * synthetic hub and on the demo graph, the fact stored on EVERY leg equals the fact recomputed from
 * scratch by the rule in JS over all legs (domain/linking.ts `onwardWait`), and the dead ends it decides
 * at several waits are those of the link rule. The schema upgrade's batch computation gives it too.
 */
import { resetDatabase, startTestService, TestService } from './harness';
import { migrate } from '../../src/db/upgrade/migrations';
import { computeOnwardAll } from '../../src/db/trace/onward';
import { linkBetween, LegTiming, onwardDeadEnd, onwardWait, compatibleCargo } from '../../src/domain/linking';
import { PLACEHOLDER_PORT_KIND } from '../../src/domain/graph';
import { Rng } from '../../seed/synthetic/prng';

const ADMIN = 'admin-key-for-tests-onward';
const SOURCE = 'https://example.org/collier-test-onward';

type Leg = LegTiming & { commodity: string | null; tos: string[]; froms: string[]; fact: number | null };

async function legsOf(t: TestService): Promise<Leg[]> {
  return t.db.read<Leg>(
    `MATCH (l:Leg)
     RETURN l.id AS id, l.vesselId AS vesselId, toString(l.departureFrom) AS departureFrom,
            toString(l.departureTo) AS departureTo, toString(l.arrivalFrom) AS arrivalFrom,
            toString(l.arrivalTo) AS arrivalTo, l.discharged AS discharged, l.commodity AS commodity,
            [(l)-[:TO]->(p:Port) WHERE p.kind <> $ph | p.id] AS tos,
            [(l)-[:FROM]->(p:Port) WHERE p.kind <> $ph | p.id] AS froms, l.onwardWait AS fact`,
    { ph: PLACEHOLDER_PORT_KIND },
  );
}

/** Every leg's stored fact against the rule in JS over all legs, and its dead ends at several waits. */
async function expectExact(t: TestService): Promise<number> {
  const legs = await legsOf(t);
  const byFrom = new Map<string, Leg[]>();
  for (const l of legs) for (const p of new Set(l.froms)) byFrom.set(p, [...(byFrom.get(p) ?? []), l]);
  const wrong: unknown[] = [];
  for (const a of legs) {
    const followers = [...new Set([...new Set(a.tos)].flatMap((p) => byFrom.get(p) ?? []))];
    const expected = onwardWait(a, followers);
    if (a.fact !== expected) wrong.push({ id: a.id, stored: a.fact, expected });
    for (const w of [0, 7, 30, 60, 120]) {
      const goesOn = followers.some((b) => {
        const link = linkBetween(a, b, false, w);
        return link?.kind === 'INFERRED' && compatibleCargo(a.commodity, b.commodity);
      });
      if (onwardDeadEnd(a.fact, w) !== !goesOn) wrong.push({ id: a.id, wait: w, fact: a.fact, goesOn });
    }
  }
  expect(wrong).toEqual([]);
  // and the rank keys of every departure (src/db/trace/startOrder.ts): what the leg says, on every FROM
  const keys = await t.db.read<{ id: string }>(
    `MATCH (l:Leg)-[r:FROM]->(p:Port)
     WHERE r.portId IS NULL OR r.portId <> p.id OR r.rankConf IS NULL OR r.rankConf <> 0.0 - toFloat(coalesce(l.confidence, 0))
        OR r.rankDay IS NULL OR r.rankDay <> coalesce(toString(l.departureFrom), '') OR r.rankId IS NULL OR r.rankId <> l.id
     RETURN l.id AS id`,
  );
  expect(keys).toEqual([]);
  return legs.length;
}

/** A seeded sequence in [0, 1) (the synthetic generator's), so that a failing sequence can be replayed. */
function prng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const imo = (n: number) => {
  const base = String(300000 + n);
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(base[i]) * (7 - i);
  return `${base}${sum % 10}`;
};

/** Random writes at `ports` (ids), with legs `leg:test-onward-*` and vessels of the test's own. */
function writer(t: TestService, rand: () => number, ports: string[], year = 2021) {
  const day = (offset: number) => new Date(Date.UTC(year, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  let next = 0;
  const legIds: string[] = [];
  const vessels = Array.from({ length: 8 }, (_, v) => v);
  const dates = () => {
    const r = rand();
    const dep = Math.floor(rand() * 240);
    const arr = dep + 1 + Math.floor(rand() * 20);
    if (r < 0.1) return { arrival: day(arr) }; // departure unknown
    if (r < 0.2) return { departure: day(dep) }; // arrival unknown
    if (r < 0.3)
      return { departure: { from: day(dep), to: day(dep + 30) }, arrival: { from: day(arr), to: day(arr + 30) } };
    if (r < 0.35) return { departure: { from: day(dep), to: day(dep + 90) }, arrival: day(arr + 91) }; // wide: indexed apart
    return { departure: day(dep), arrival: day(arr) };
  };
  const legLine = (id: string) =>
    JSON.stringify({
      type: 'leg',
      id,
      vessel: `imo:${imo(pick(vessels))}`,
      from: [pick(ports)],
      to: rand() < 0.15 ? [pick(ports), pick(ports)] : [pick(ports)],
      ...dates(),
      commodity: pick(['COAL', 'COAL_OR_PIG_IRON', 'UNKNOWN']),
      cargoOrigin: 'DPRK',
      discharged: rand() < 0.7,
      sources: [SOURCE],
    });
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: any };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const importLines = (lines: string[]) =>
    gql(`mutation($p: String!) { importFacts(format: JSONL, payload: $p) { rejected rejections { reason } } }`, {
      p: lines.join('\n'),
    }).then((d) => expect(d.importFacts.rejections).toEqual([]));
  return {
    legIds,
    async setup() {
      const lines = [
        JSON.stringify({
          type: 'source',
          url: SOURCE,
          publisher: 'Example Onward Monitor',
          kind: 'NEWS',
          tier: 'MEDIUM_HIGH',
        }),
      ];
      for (let v = 0; v < 8; v++)
        lines.push(
          JSON.stringify({ type: 'vessel', name: `Onward Test Carrier ${v}`, imo: imo(v), sources: [SOURCE] }),
        );
      await importLines(lines);
    },
    /** One random write: new legs, changed legs, a transfer, or a merge. */
    async step(kind: 'new' | 'change' | 'transfer' | 'merge-vessel') {
      if (kind === 'new' || legIds.length < 2) {
        const lines = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => {
          const id = `leg:test-onward-${next++}`;
          legIds.push(id);
          return legLine(id);
        });
        await importLines(lines);
      } else if (kind === 'change') {
        await importLines([legLine(pick(legIds))]);
      } else if (kind === 'transfer') {
        const [a, b] = [pick(legIds), pick(legIds)];
        if (a === b) return;
        await importLines([
          JSON.stringify({
            type: 'transfer',
            fromVessel: `imo:${imo(vessels[0])}`,
            toVessel: `imo:${imo(vessels[vessels.length - 1])}`,
            port: pick(ports),
            when: day(Math.floor(rand() * 240)),
            fromLeg: a,
            toLeg: b,
            sources: [SOURCE],
          }),
        ]);
      } else {
        const [keep, remove] = [pick(vessels), pick(vessels)];
        if (keep === remove || vessels.length < 3) return;
        const ids = await t.db.read<{ id: string }>(
          'MATCH (v:Vessel) WHERE v.imo IN $imos RETURN v.id AS id ORDER BY v.imo',
          {
            imos: [imo(keep), imo(remove)],
          },
        );
        if (ids.length < 2) return;
        await gql(`mutation($k: ID!, $r: ID!) { mergeEntities(keep: $k, remove: $r) { status } }`, {
          k: ids[0].id,
          r: ids[1].id,
        });
        vessels.splice(vessels.indexOf(Math.max(keep, remove)), 1);
      }
    },
    async mergePorts(keep: string, remove: string) {
      await gql(`mutation($k: ID!, $r: ID!) { mergeEntities(keep: $k, remove: $r) { status } }`, {
        k: keep,
        r: remove,
      });
    },
  };
}

const STEPS: ('new' | 'change' | 'transfer' | 'merge-vessel')[] = [
  'new',
  'new',
  'change',
  'transfer',
  'new',
  'change',
  'merge-vessel',
  'change',
  'new',
  'transfer',
  'change',
  'change',
];

describe('the onward fact at a synthetic hub', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ seed: 'keep', env: { COLLIER_API_KEYS: `admin:lead:${ADMIN}` } });
    await resetDatabase(t.db);
    await migrate(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is exact on every leg after each of a random sequence of writes (two seeds), a port merge, and the batch upgrade', async () => {
    const hubs = ['port:test-onward-a', 'port:test-onward-b', 'port:test-onward-c'];
    const rand = prng(13);
    const w = writer(t, rand, hubs);
    await w.setup();
    const lines = hubs.map((id, i) =>
      JSON.stringify({ type: 'port', id, name: `Onward Test Port ${i}`, country: 'CN', sources: [SOURCE] }),
    );
    await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({
        query: `mutation($p: String!) { importFacts(format: JSONL, payload: $p) { rejected } }`,
        variables: { p: lines.join('\n') },
      }),
    });
    for (const kind of [...STEPS, ...STEPS]) {
      await w.step(kind);
      await expectExact(t);
    }
    await w.mergePorts(hubs[0], hubs[1]);
    expect(await expectExact(t)).toBeGreaterThanOrEqual(15);
    // the upgrade step from scratch gives the same facts
    await t.db.write('MATCH (l:Leg) REMOVE l.onwardWait, l.onwardBy');
    await computeOnwardAll(t.db, { batch: 7 });
    await expectExact(t);
  });
});

describe('the onward fact on the demo graph', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ env: { COLLIER_API_KEYS: `admin:lead:${ADMIN}` } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is exact as loaded, and after random writes at its ports', async () => {
    await expectExact(t);
    const ports = (
      await t.db.read<{ id: string }>(
        `MATCH (p:Port)<-[:TO]-(:Leg) WHERE p.kind <> $ph RETURN DISTINCT p.id AS id ORDER BY id LIMIT 4`,
        { ph: PLACEHOLDER_PORT_KIND },
      )
    ).map((p) => p.id);
    const w = writer(t, prng(7), ports, 2018);
    await w.setup();
    for (const kind of STEPS) {
      await w.step(kind);
      await expectExact(t);
    }
  });
});
