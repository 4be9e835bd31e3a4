/**
 * A deterministic synthetic world for measuring Collier at scale: ports with a few hubs and a long
 * tail, vessels sailing time-respecting chains of legs, ownership trees several levels deep ending in
 * single-ship shell companies, identity changes, and a DPRK-trade subset with coal legs from DPRK ports,
 * evasion tactics, ship-to-ship transfer chains and designations.
 *
 * Everything is a function of the size and the seed number (see prng.ts): the plan is drawn first in
 * a fixed order into compact arrays, then emitted as node and relationship batches for the graph
 * writer, a batch at a time, so that the million legs of size L never sit in memory as objects.
 *
 * Every name is obviously synthetic ("Synthetic Vessel 000123", "Placeholder Holdings 00042 Ltd",
 * "Synport 0007"); countries are real ISO codes, ports, vessels and companies never real ones. IMO
 * numbers start with 1 (no real ship's does) and carry a valid check digit.
 */

export { SyntheticBatch } from './batches';
export {
  dayOf,
  isoOf,
  portId,
  portName,
  vesselId,
  vesselName,
  companyId,
  personId,
  legId,
  syntheticImo,
} from './names';
export { World } from './world';
export { planWorld } from './plan';
export { emitBatches } from './emit';
export { benchAnchors, worldStats, legDays } from './stats';
