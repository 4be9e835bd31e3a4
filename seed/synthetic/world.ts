/**
 * The shape of a planned synthetic world: its ports, vessels, companies, transfers and legs (as columns).
 */
import { SizeSpec } from './spec';
import { DAY_MS } from './names';

/* ------------------------------------------------------------------------------------------------
 * The plan
 * ---------------------------------------------------------------------------------------------- */

export type PortKind = 'PORT' | 'STS_AREA' | 'ANCHORAGE' | 'UNSPECIFIED_IN_COUNTRY';
export type CompanyRole = 'shell' | 'holding' | 'manager' | 'operator' | 'front';

export interface PortPlan {
  country: string;
  kind: PortKind;
  source: number;
}

export interface ClaimPlan {
  name: string;
  flag: string;
  status: 'ASSERTED' | 'VERIFIED' | 'FALSE';
  kind: 'REGISTRATION' | 'FORMER_NAME' | 'AIS_BROADCAST';
  from: number;
  to: number;
}

export interface VesselPlan {
  dprk: boolean;
  firstLeg: number;
  legCount: number;
  claims: ClaimPlan[];
  owners: { company: number; from: number; to: number }[];
  manager: number | null;
  operator: number | null;
  designated: boolean;
  vesselType: string;
  buildYear: number;
  dwt: number;
  source: number;
}

export interface CompanyPlan {
  role: CompanyRole;
  country: string;
  /** Who controls it (a company index, or a person as -1 - index), or null at the top. */
  parent: number | null;
  dprk: boolean;
  designated: boolean;
  source: number;
}

export interface TransferPlan {
  fromLeg: number;
  toLeg: number;
  port: number;
  day: number;
  sts: boolean;
  source: number;
}

/** Per-leg facts in columns (size L has a million legs). */
export interface LegColumns {
  vessel: Int32Array;
  from: Int32Array;
  to: Int32Array;
  depFrom: Int32Array;
  depTo: Int32Array;
  arrFrom: Int32Array;
  arrTo: Int32Array;
  /** bit 0 DPRK coal, 1 discharged, 2 month precision, 3 received by transfer, 4 return to DPRK */
  flags: Uint8Array;
  /** bit per entry of LEG_TACTICS */
  tactics: Uint8Array;
  tonnage: Int32Array;
  source: Int32Array;
}

/** A transfer passes the cargo to a vessel leaving the place within this many days. */
export const TRANSFER_WINDOW_DAYS = 30;
export const F_DPRK_COAL = 1;
export const F_DISCHARGED = 2;
export const F_MONTH = 4;
export const F_RECEIVED = 8;
export const F_RETURN = 16;

export const LEG_TACTICS = [
  'AIS_DARK',
  'AIS_SPOOFING',
  'FALSE_DOCUMENTS',
  'STS_TRANSFER',
  'NIGHT_OPERATIONS',
  'LOITERING',
  'THIRD_COUNTRY_TRANSHIPMENT',
];
export const VESSEL_TACTICS = ['IDENTITY_ALTERATION', 'FLAG_HOPPING', 'AIS_SPOOFING', 'FALSE_FLAG'];

export interface World {
  spec: SizeSpec;
  seed: number;
  version: number;
  ports: PortPlan[];
  vessels: VesselPlan[];
  companies: CompanyPlan[];
  persons: { country: string; source: number }[];
  legs: LegColumns;
  transfers: TransferPlan[];
  countries: string[];
  /** Hub ports (most port calls first), for reports. */
  hubs: number[];
}

export function monthBounds(day: number): [number, number] {
  const d = new Date(day * DAY_MS);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
  const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY_MS;
  return [first, last];
}

/** Completes a planned world: every country it names, and its five busiest arrival ports (the hubs). */
export function withCountriesAndHubs(w: Omit<World, 'countries' | 'hubs'>): World {
  const countries = new Set<string>(['KP']);
  for (const p of w.ports) countries.add(p.country);
  for (const c of w.companies) countries.add(c.country);
  for (const p of w.persons) countries.add(p.country);
  for (const v of w.vessels) for (const c of v.claims) countries.add(c.flag);

  const calls = new Map<number, number>();
  for (let i = 0; i < w.spec.legs; i++) calls.set(w.legs.to[i], (calls.get(w.legs.to[i]) ?? 0) + 1);
  const hubs = [...calls.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([p]) => p);
  return { ...w, countries: [...countries].sort(), hubs };
}
