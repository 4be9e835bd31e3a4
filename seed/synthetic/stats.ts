/**
 * Figures about a planned world: its counts, the anchors the benchmark starts from, a leg's days.
 */
import { DEFAULT_SEED, GENERATOR_VERSION } from './spec';
import { NONE, companyId, isoOf, personId, portId, vesselId } from './names';
import { F_DPRK_COAL, World } from './world';

/** Entities the benchmark asks about: the busiest DPRK port, a designated DPRK vessel and the top of its ownership chain. */
export function benchAnchors(world: World): {
  originPortId: string;
  vesselId: string;
  pathToId: string;
  hubPortIds: string[];
} {
  const { legs, vessels, companies } = world;
  const out = new Map<number, number>();
  for (let i = 0; i < legs.vessel.length; i++)
    if (legs.flags[i] & F_DPRK_COAL) out.set(legs.from[i], (out.get(legs.from[i]) ?? 0) + 1);
  const origin = [...out.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const v = Math.max(
    0,
    vessels.findIndex((x) => x.dprk && x.designated && x.owners.length > 0),
  );
  // The vessel's owner's controlling parent (or the owner itself): a path of length 2 through the shell.
  const owner = vessels[v].owners[vessels[v].owners.length - 1]?.company;
  const parent = owner != null ? companies[owner].parent : null;
  const pathTo =
    parent != null
      ? parent < 0
        ? personId(-1 - parent)
        : companyId(parent)
      : owner != null
        ? companyId(owner)
        : portId(origin);
  return { originPortId: portId(origin), vesselId: vesselId(v), pathToId: pathTo, hubPortIds: world.hubs.map(portId) };
}

/** Counts of what a world holds, for reports and tests. */
export function worldStats(world: World): Record<string, number> {
  let dprkCoalLegs = 0;
  for (let i = 0; i < world.legs.flags.length; i++) if (world.legs.flags[i] & F_DPRK_COAL) dprkCoalLegs++;
  return {
    ports: world.ports.length,
    vessels: world.vessels.length,
    dprkVessels: world.vessels.filter((v) => v.dprk).length,
    legs: world.legs.vessel.length,
    dprkCoalLegs,
    companies: world.companies.length,
    persons: world.persons.length,
    transfers: world.transfers.length,
    identityClaims: world.vessels.reduce((s, v) => s + v.claims.length, 0),
    designatedVessels: world.vessels.filter((v) => v.designated).length,
    designatedCompanies: world.companies.filter((c) => c.designated).length,
  };
}

/** The days-based columns of a leg, for tests. */
export function legDays(world: World, i: number): { depFrom: string | null; arrTo: string | null; vessel: number } {
  const d = (x: number) => (x === NONE ? null : isoOf(x));
  return { depFrom: d(world.legs.depFrom[i]), arrTo: d(world.legs.arrTo[i]), vessel: world.legs.vessel[i] };
}

export { DEFAULT_SEED, GENERATOR_VERSION };
