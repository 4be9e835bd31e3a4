/**
 * The documented NEXT links of a planned world (transfers, the same vessel sailing on with its cargo;
 * never an inferred one), for the bulk load: computed from the plan's columns by the same rule as the
 * batched maintenance (db/trace/documentedBatch.ts `portCandidates` → db/trace/documented.ts
 * `computeNextLinks` → domain/linking.ts), fed what the emitted graph holds: each leg's timing
 * (emit.ts `legTiming`, its Leg node's properties), its FROM and TO ports (placeholder ports end no
 * link), and each transfer's FROM_LEG and TO_LEG. The integration test syntheticBulk compares these
 * links with the ones the batched maintenance writes.
 */
import { indexDepartures, portCandidates, DepartureIndex, CandidateRow } from '../../src/db/trace/documentedBatch';
import { computeNextLinks, NextLink } from '../../src/db/trace/documented';
import { PLACEHOLDER_PORT_KIND } from '../../src/domain/graph';
import { LegTiming } from '../../src/domain/linking';
import { legTiming } from './emit';
import { portId, transferId } from './names';
import { World } from './world';

/** Calls `onLink` with every NEXT link of the world, leg by leg; returns the number of candidate pairs weighed. */
export function forEachNextLink(world: World, onLink: (link: NextLink) => void): { candidates: number } {
  const { legs, ports, transfers } = world;
  const n = world.spec.legs;
  const timing: LegTiming[] = new Array<LegTiming>(n);
  for (let i = 0; i < n; i++) timing[i] = legTiming(world, i);

  // The legs leaving each port (FROM), indexed by vessel.
  const departures = new Map<number, { timing: LegTiming; alternative: boolean }[]>();
  for (let i = 0; i < n; i++) {
    let list = departures.get(legs.from[i]);
    if (!list) departures.set(legs.from[i], (list = []));
    list.push({ timing: timing[i], alternative: false });
  }
  const indexes = new Map<string, DepartureIndex>();
  for (const [port, list] of departures) indexes.set(portId(port), indexDepartures(list));
  departures.clear();

  // Transfers from a leg (FROM_LEG) to another (TO_LEG), in the order they were planned.
  const handedOn = new Map<number, { b: LegTiming; transferId: string }[]>();
  for (let t = 0; t < transfers.length; t++) {
    const x = transfers[t];
    let list = handedOn.get(x.fromLeg);
    if (!list) handedOn.set(x.fromLeg, (list = []));
    list.push({ b: timing[x.toLeg], transferId: transferId(t) });
  }

  let candidates = 0;
  const departuresAt = (port: string) => indexes.get(port);
  for (let i = 0; i < n; i++) {
    const a = timing[i];
    const rows: CandidateRow[] = (handedOn.get(i) ?? []).map((t) => ({
      a,
      b: t.b,
      transferId: t.transferId,
      portId: null,
      placeUncertain: false,
    }));
    const to = legs.to[i];
    if (ports[to].kind !== PLACEHOLDER_PORT_KIND)
      for (const row of portCandidates({ a, tos: [{ portId: portId(to), alternative: false }] }, departuresAt))
        rows.push(row);
    if (rows.length === 0) continue;
    candidates += rows.length;
    for (const link of computeNextLinks(rows)) onLink(link);
  }
  return { candidates };
}
