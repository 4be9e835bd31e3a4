/**
 * The sizes of the synthetic world and the knobs of its shape. Changing anything here that changes the
 * generated graph must bump GENERATOR_VERSION, so that a benchmark database loaded by an older
 * generator is reloaded instead of measured as if it were the new one.
 */

export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20240601;

export type SizeName = 'S' | 'M' | 'L';

export interface SizeSpec {
  name: SizeName;
  vessels: number;
  legs: number;
  companies: number;
  persons: number;
  ports: number;
  sources: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  S: { name: 'S', vessels: 1_000, legs: 10_000, companies: 1_000, persons: 100, ports: 100, sources: 50 },
  M: { name: 'M', vessels: 10_000, legs: 100_000, companies: 10_000, persons: 1_000, ports: 1_000, sources: 250 },
  L: { name: 'L', vessels: 100_000, legs: 1_000_000, companies: 50_000, persons: 5_000, ports: 5_000, sources: 1_000 },
};

export function isSizeName(value: string): value is SizeName {
  return value === 'S' || value === 'M' || value === 'L';
}

/** Shape of the world (same for every size, so that sizes differ only in scale). */
export const SHAPE = {
  /** Legs are dated between these days. */
  firstDay: '2005-01-01',
  lastDay: '2024-12-31',
  /** Port popularity: the share of port calls of the port ranked r is ∝ 1/r^exponent (a few hubs, a long tail). */
  portZipfExponent: 0.55,
  /** Share of vessels in the DPRK trade (origin subset with tactics, transfers and designations). */
  dprkVesselShare: 0.03,
  /** Number of DPRK ports (the first ports, in KP). */
  dprkPorts: 5,
  /** Share of ports that are ship-to-ship transfer areas / anchorages. */
  stsAreaShare: 0.04,
  anchorageShare: 0.02,
  /** Day a port call lasts between arrival and the next departure, and a voyage lasts. */
  stayDays: [2, 40] as const,
  voyageDays: [3, 25] as const,
  /** Share of legs whose dates are known only to the month (their links become POSSIBLE). */
  monthPrecisionShare: 0.1,
  /** Share of legs whose arrival is not known at all. */
  unknownArrivalShare: 0.02,
  /** Share of ordinary legs after which the cargo stays aboard (CONTINUATION links). */
  notDischargedShare: 0.1,
  /** Share of vessels with earlier identities (renames, reflagging). */
  renamedVesselShare: 0.2,
  /** Of the holding companies, the share at the top of an ownership tree. */
  topHoldingShare: 0.3,
};

/** Real ISO 3166 codes (the countries are real; ports, vessels and companies never are). */
export const PORT_COUNTRIES: readonly (readonly [string, number])[] = [
  ['CN', 30],
  ['JP', 10],
  ['KR', 8],
  ['RU', 8],
  ['VN', 8],
  ['ID', 8],
  ['IN', 6],
  ['MY', 5],
  ['TW', 5],
  ['PH', 4],
  ['TH', 4],
  ['SG', 2],
  ['HK', 2],
  ['AU', 5],
  ['BD', 2],
  ['KH', 1],
  ['AE', 2],
];
export const FLAG_COUNTRIES: readonly (readonly [string, number])[] = [
  ['PA', 20],
  ['LR', 15],
  ['MH', 15],
  ['HK', 8],
  ['SG', 8],
  ['MT', 5],
  ['CN', 8],
  ['KR', 3],
  ['JP', 3],
  ['VN', 3],
  ['SL', 2],
  ['TG', 2],
  ['KM', 1],
  ['BZ', 2],
  ['MN', 1],
  ['KH', 1],
];
/** Flags of convenience the DPRK trade hops between (and the DPRK flag itself). */
export const DPRK_FLAGS: readonly (readonly [string, number])[] = [
  ['KP', 20],
  ['SL', 10],
  ['TG', 10],
  ['KM', 5],
  ['BZ', 5],
  ['MN', 5],
  ['PA', 5],
  ['KH', 3],
  ['TZ', 3],
];
export const SHELL_COUNTRIES: readonly (readonly [string, number])[] = [
  ['MH', 20],
  ['PA', 15],
  ['HK', 15],
  ['SC', 10],
  ['VG', 10],
  ['LR', 8],
  ['SG', 5],
  ['BZ', 5],
  ['GB', 3],
];
export const HOLDING_COUNTRIES: readonly (readonly [string, number])[] = [
  ['CN', 25],
  ['HK', 20],
  ['SG', 10],
  ['GR', 8],
  ['JP', 8],
  ['KR', 8],
  ['RU', 5],
  ['AE', 5],
  ['GB', 5],
  ['TW', 6],
];
