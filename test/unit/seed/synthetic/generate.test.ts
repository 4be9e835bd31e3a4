/** The synthetic world generator: deterministic from its seed, obviously synthetic names, a plausible shape. */
import {
  emitBatches,
  planWorld,
  SyntheticBatch,
  worldStats,
  legDays,
  syntheticImo,
} from '../../../../seed/synthetic/generate';
import { Rng, ZipfSampler } from '../../../../seed/synthetic/prng';
import { SIZES } from '../../../../seed/synthetic/spec';
import { isValidImo } from '../../../../src/domain/identifiers';
import { labelOfId } from '../../../../src/domain/ids';
import { readDataset } from '../../../../seed/load';

const tactics = readDataset().tactics;

function firstBatches(seed: number, count: number): SyntheticBatch[] {
  const out: SyntheticBatch[] = [];
  for (const b of emitBatches(planWorld('S', seed), 500, tactics)) {
    out.push(b);
    if (out.length === count) break;
  }
  return out;
}

const rowsOf = (batches: SyntheticBatch[], label: string) =>
  batches.flatMap((b) => (b.kind === 'nodes' && b.batch.label === label ? b.batch.rows : []));

describe('prng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('draws Zipf ranks: the first rank far more often than the last', () => {
    const z = new ZipfSampler(100, 1);
    const rng = new Rng(7);
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[z.sample(rng)]++;
    expect(counts[0]).toBeGreaterThan(counts[99] * 20);
    expect(z.share(0)).toBeCloseTo(1 / 5.187, 2);
  });
});

describe('synthetic world', () => {
  const world = planWorld('S');
  let batches: SyntheticBatch[] = [];
  beforeAll(() => {
    batches = [...emitBatches(world, 1000, tactics)];
  });

  it('is the same world for the same seed: identical first rows', () => {
    const x = firstBatches(1, 12);
    const y = firstBatches(1, 12);
    expect(JSON.stringify(y)).toEqual(JSON.stringify(x));
    const z = firstBatches(2, 12);
    expect(JSON.stringify(rowsOf(z, 'Port'))).not.toEqual(JSON.stringify(rowsOf(x, 'Port')));
  });

  it('has the size it names', () => {
    const stats = worldStats(world);
    expect(stats.vessels).toBe(SIZES.S.vessels);
    expect(stats.legs).toBe(SIZES.S.legs);
    expect(stats.ports).toBe(SIZES.S.ports);
    expect(stats.companies).toBe(SIZES.S.companies);
    expect(stats.dprkVessels).toBeGreaterThan(5);
    expect(stats.dprkCoalLegs).toBeGreaterThan(20);
    expect(stats.transfers).toBeGreaterThan(5);
    expect(stats.designatedVessels).toBeGreaterThan(0);
    expect(stats.identityClaims).toBeGreaterThan(stats.vessels);
  });

  it('uses obviously synthetic names and valid ids, never real ones', () => {
    for (const r of rowsOf(batches, 'Vessel')) {
      expect(r.props.name).toMatch(/^Synthetic Vessel \d{6}$/);
      expect(isValidImo(String(r.props.imo))).toBe(true);
      expect(String(r.props.imo).startsWith('1')).toBe(true);
    }
    for (const r of rowsOf(batches, 'Company'))
      expect(r.props.name).toMatch(/^Placeholder [A-Z][a-z]+ \d{5} [A-Za-z ]+$/);
    for (const r of rowsOf(batches, 'Person')) expect(r.props.name).toMatch(/^Synthetic Person \d{5}$/);
    for (const r of rowsOf(batches, 'Port'))
      expect(r.props.name).toMatch(/^Synport \d{4}( \(a port in .+, not named\))?$/);
    for (const r of rowsOf(batches, 'Country')) expect(r.id).toMatch(/^country:[A-Z]{2}$/);
    for (const b of batches)
      for (const row of b.batch.rows)
        expect(labelOfId(row.id) ?? labelOfId((row as { fromId?: string }).fromId ?? '')).not.toBeNull();
    expect(syntheticImo(123)).toMatch(/^1\d{6}$/);
  });

  it('writes every relationship after both of its nodes, in batches no larger than asked', () => {
    const seen = new Set<string>();
    for (const b of batches) {
      expect(b.batch.rows.length).toBeLessThanOrEqual(1000);
      if (b.kind === 'nodes') for (const r of b.batch.rows) seen.add(r.id);
      else for (const r of b.batch.rows) expect(seen.has(r.fromId) && seen.has(r.toId)).toBe(true);
    }
  });

  it('sails each vessel through time: every leg leaves after the vessel arrived from the previous one', () => {
    let previous = { vessel: -1, arrTo: null as string | null };
    for (let i = 0; i < SIZES.S.legs; i++) {
      const leg = legDays(world, i);
      if (leg.vessel === previous.vessel && previous.arrTo != null && leg.depFrom != null) {
        // Month-precision bounds may overlap; the days themselves are ordered, so the earliest departure
        // is never before the month of the previous arrival.
        expect(leg.depFrom.slice(0, 7) >= previous.arrTo.slice(0, 7) || leg.depFrom >= previous.arrTo).toBe(true);
      }
      previous = { vessel: leg.vessel, arrTo: leg.arrTo };
    }
  });

  it('has hub ports and a long tail of small ones', () => {
    const calls = new Map<number, number>();
    for (let i = 0; i < SIZES.S.legs; i++) calls.set(world.legs.to[i], (calls.get(world.legs.to[i]) ?? 0) + 1);
    const sorted = [...calls.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(sorted[0]).toBeGreaterThan(median * 5);
  });
});
