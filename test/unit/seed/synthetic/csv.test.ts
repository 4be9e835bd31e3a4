/**
 * What the bulk load's CSV writer relies on (seed/synthetic/bulk.ts): the parts of a world that its
 * worker threads write are the whole world, each row once; the emitter never repeats a node or a
 * relationship (the writer keeps no sets of written ids); the leg timing the NEXT links are computed
 * from is the Leg node's; and a batch's CSV file holds each value as the importer reads it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { emitBatches, legRange, legTiming, WHOLE } from '../../../../seed/synthetic/emit';
import { planWorld } from '../../../../seed/synthetic/generate';
import { writeCsvBatches } from '../../../../seed/synthetic/csv';
import { SyntheticBatch } from '../../../../seed/synthetic/batches';
import { asText } from '../../../../src/domain/text';
import { neoDate } from '../../../../src/db/write/graphWriter';
import { readDataset } from '../../../../seed/load';

const tactics = readDataset().tactics;
const world = planWorld('S', 11);

/** Every row of the batches as one line of text each, sorted. */
function rowsOf(batches: Iterable<SyntheticBatch>): string[] {
  const out: string[] = [];
  for (const b of batches) {
    if (b.kind === 'nodes')
      for (const r of b.batch.rows)
        out.push(
          `node ${[b.batch.label, ...(b.batch.extraLabels ?? [])].join(':')} ${r.id} ${JSON.stringify(r.props)}`,
        );
    else
      for (const r of b.batch.rows)
        out.push(`rel ${b.batch.type} ${r.id} ${r.fromId} ${r.toId} ${JSON.stringify(r.props)}`);
  }
  return out.sort();
}

describe('the synthetic world in parts', () => {
  const whole = rowsOf(emitBatches(world, 1000, tactics));

  it('emits each node and each relationship once', () => {
    const nodes = whole.filter((r) => r.startsWith('node ')).map((r) => r.split(' ')[2]);
    const rels = whole.filter((r) => r.startsWith('rel ')).map((r) => r.split(' ').slice(1, 3).join(' '));
    expect(nodes.length).toBeGreaterThan(10_000);
    expect(new Set(nodes).size).toBe(nodes.length);
    expect(new Set(rels).size).toBe(rels.length);
  });

  it.each([2, 3])('is the whole world, each row once, when split in %i parts', (count) => {
    const parts = Array.from({ length: count }, (_, index) =>
      rowsOf(emitBatches(world, 700, tactics, { index, count })),
    );
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(parts.flat().sort()).toEqual(whole);
  });

  it('splits the legs into consecutive ranges, fewer for the first part', () => {
    expect(legRange(1000, WHOLE)).toEqual([0, 1000]);
    const ranges = [0, 1, 2].map((index) => legRange(1_000_000, { index, count: 3 }));
    expect(ranges[0][0]).toBe(0);
    expect(ranges[1][0]).toBe(ranges[0][1]);
    expect(ranges[2][0]).toBe(ranges[1][1]);
    expect(ranges[2][1]).toBe(1_000_000);
    expect(ranges[0][1] - ranges[0][0]).toBeLessThan(ranges[1][1] - ranges[1][0]);
  });

  it('gives the NEXT computation the timing of each Leg node', () => {
    const legs = [...emitBatches(world, 1000, tactics)].flatMap((b) =>
      b.kind === 'nodes' && b.batch.label === 'Leg' ? b.batch.rows : [],
    );
    expect(legs.length).toBe(world.spec.legs);
    const text = (v: unknown) => (v == null ? null : asText(v));
    legs.forEach((row, i) => {
      const p = row.props;
      expect(legTiming(world, i)).toEqual({
        id: row.id,
        vesselId: p.vesselId,
        departureFrom: text(p.departureFrom),
        departureTo: text(p.departureTo),
        arrivalFrom: text(p.arrivalFrom),
        arrivalTo: text(p.arrivalTo),
        discharged: p.discharged,
      });
    });
  });
});

describe('the CSV writer', () => {
  it('writes each value as the importer reads it: typed columns, quoted text, lists, no cell for null', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collier-csv-'));
    try {
      const part = writeCsvBatches(
        [
          {
            kind: 'nodes',
            batch: {
              label: 'Company',
              extraLabels: ['Party'],
              rows: [
                {
                  id: 'company:a',
                  props: { name: 'Say "hi", Ltd', aliases: [], n: 1.5, on: null, day: neoDate('2020-02-03') },
                },
                { id: 'company:b', props: { name: 'B – Co', aliases: ['x', 'y'], n: 2, on: true, day: null } },
              ],
            },
          },
        ],
        dir,
      );
      expect(part).toMatchObject({ nodes: 2, relationships: 0 });
      expect(part.emptyLists).toEqual([{ label: 'Company', key: 'aliases', ids: ['company:a'] }]);
      const rows: string[][] = parse(fs.readFileSync(part.nodeFiles[0], 'utf8'), { skip_empty_lines: true });
      expect(rows).toEqual([
        ['id:ID', ':LABEL', 'name:string', 'aliases:string[]', 'n:double', 'on:boolean', 'day:date'],
        ['company:a', 'Company;Party', 'Say "hi", Ltd', '', '1.5', '', '2020-02-03'],
        ['company:b', 'Company;Party', 'B – Co', 'x;y', '2', 'true', ''],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
