/**
 * A synthetic hub for hardening checks: one port ("Test Hub Port") that `ships` vessels ("Carrier
 * 0001" …) leave and reach, ten anchorages around it, one shell company ("Test Shell 0042 Ltd") that
 * owns every carrier, and transfers at the hub between neighbouring carriers. Names nobody could
 * mistake for real ones; written as Collier JSON Lines and loaded through the ordinary import path
 * (src/import/pipeline.ts), so it is exactly what `npm run import` would make of it.
 */
import { Database } from '../src/db/database';
import { importLines, ImportReport, linesOf } from '../src/import/pipeline';
import { syntheticImo } from '../seed/synthetic/generate';

export const HUB_PORT_ID = 'port:test-hub-port';
export const HUB_OWNER = 'Test Shell 0042 Ltd';
export const HUB_SOURCE = 'https://example.org/reports/synthetic-hub-for-hardening-checks';

const pad = (n: number, width = 4) => String(n).padStart(width, '0');
const day = (i: number) => new Date(Date.UTC(2019, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** The hub as JSON Lines (sources first, then entities, then legs, relations and transfers). */
export function hubJsonl(ships: number): string {
  const src = [HUB_SOURCE];
  const lines: object[] = [
    {
      type: 'source',
      url: HUB_SOURCE,
      publisher: 'Synthetic Test Data',
      kind: 'INVESTIGATIVE',
      tier: 'MEDIUM',
      date: '2024-01-01',
    },
    { type: 'port', name: 'Test Hub Port', kind: 'PORT', sources: src },
    { type: 'company', name: HUB_OWNER, sources: src },
  ];
  for (let a = 1; a <= 10; a++)
    lines.push({ type: 'port', name: `Test Anchorage ${pad(a, 2)}`, kind: 'ANCHORAGE', sources: src });
  for (let i = 1; i <= ships; i++) {
    const imo = syntheticImo(900 + i);
    const anchorage = `port:test-anchorage-${pad(1 + (i % 10), 2)}`;
    lines.push({ type: 'vessel', name: `Carrier ${pad(i)}`, imo, status: 'IMPLICATED', sources: src });
    lines.push({
      type: 'relation',
      relation: 'OWNS',
      from: `company:${HUB_OWNER.toLowerCase().replace(/ /g, '-')}`,
      to: `imo:${imo}`,
      role: 'registered owner',
      sources: src,
    });
    lines.push({
      type: 'leg',
      id: `leg:carrier-${pad(i)}:out`,
      vessel: `imo:${imo}`,
      from: [HUB_PORT_ID],
      to: [anchorage],
      departure: day(i),
      cargoOrigin: 'DPRK',
      sources: src,
    });
    lines.push({
      type: 'leg',
      id: `leg:carrier-${pad(i)}:in`,
      vessel: `imo:${imo}`,
      from: [anchorage],
      to: [HUB_PORT_ID],
      departure: day(i + 20),
      cargoOrigin: 'DPRK',
      sources: src,
    });
  }
  for (let i = 1; i < ships; i += 2) {
    lines.push({
      type: 'transfer',
      fromVessel: `imo:${syntheticImo(900 + i)}`,
      toVessel: `imo:${syntheticImo(901 + i)}`,
      port: HUB_PORT_ID,
      when: day(i + 3),
      sources: src,
    });
  }
  return lines.map((l) => JSON.stringify(l)).join('\n');
}

/** Imports the hub through the ordinary import path; throws if any line is rejected. */
export async function importHub(db: Database, ships: number): Promise<ImportReport> {
  const report = await importLines(db, linesOf(hubJsonl(ships)), { format: 'jsonl', actor: 'synthetic-hub' });
  if (report.rejected > 0) {
    throw new Error(`the synthetic hub was not imported whole: ${JSON.stringify(report.rejections.slice(0, 3))}`);
  }
  return report;
}
