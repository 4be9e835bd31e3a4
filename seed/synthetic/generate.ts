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
import { NodeBatch, RelBatch, RelationshipType, neoDate } from '../../src/db/write/graphWriter';
import { Params } from '../../src/db/database';
import { NodeLabel, labelOfId } from '../../src/domain/ids';
import { confidenceScore, ConfidenceTier } from '../../src/domain/confidence';
import { countryName } from '../../src/domain/identifiers';
import { currentFlag } from '../../src/domain/identity';
import { sourceId } from '../../src/domain/sources';
import { arrivalSeekDay, departureSeekDay } from '../../src/domain/linking';
import { Rng, ZipfSampler } from './prng';
import {
  DEFAULT_SEED,
  DPRK_FLAGS,
  FLAG_COUNTRIES,
  GENERATOR_VERSION,
  HOLDING_COUNTRIES,
  PORT_COUNTRIES,
  SHAPE,
  SHELL_COUNTRIES,
  SIZES,
  SizeName,
  SizeSpec,
} from './spec';

export type SyntheticBatch = { kind: 'nodes'; batch: NodeBatch } | { kind: 'rels'; batch: RelBatch };

/* ------------------------------------------------------------------------------------------------
 * Days, names, ids
 * ---------------------------------------------------------------------------------------------- */

const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const NONE = -2147483648; // "unknown day" in the Int32 arrays

export const portId = (i: number) => `port:syn-${pad(i + 1, 4)}`;
export const portName = (i: number) => `Synport ${pad(i + 1, 4)}`;
export const vesselId = (i: number) => `vessel:syn-${pad(i + 1, 6)}`;
export const vesselName = (i: number) => `Synthetic Vessel ${pad(i + 1, 6)}`;
export const companyId = (i: number) => `company:syn-${pad(i + 1, 5)}`;
export const personId = (i: number) => `person:syn-${pad(i + 1, 5)}`;
export const legId = (i: number) => `leg:syn-${pad(i + 1, 7)}`;
const transferId = (i: number) => `transfer:syn-${pad(i + 1, 6)}`;
const designationId = (i: number) => `designation:syn-${pad(i + 1, 6)}`;
const claimId = (vessel: number, k: number) => `identity:syn-${pad(vessel + 1, 6)}-${k}`;
const sourceUrl = (i: number) => `https://example.org/synthetic/report-${pad(i + 1, 5)}`;

const COMPANY_WORDS = ['Holdings', 'Shipping', 'Maritime', 'Trading', 'Navigation', 'Logistics', 'Marine', 'Resources'];
const COMPANY_SUFFIXES = ['Ltd', 'Co Ltd', 'SA', 'LLC', 'Inc', 'Pte Ltd', 'Corp'];

/** A synthetic IMO ship number: 1 + five digits + the check digit (no real ship's number starts with 1); unique up to 100 000 vessels. */
export function syntheticImo(i: number): string {
  const six = `1${pad(i % 100_000, 5)}`;
  const digits = six.split('').map(Number);
  const sum = digits.reduce((s, d, k) => s + d * (7 - k), 0);
  return `${six}${sum % 10}`;
}

/* ------------------------------------------------------------------------------------------------
 * The plan
 * ---------------------------------------------------------------------------------------------- */

type PortKind = 'PORT' | 'STS_AREA' | 'ANCHORAGE' | 'UNSPECIFIED_IN_COUNTRY';
type CompanyRole = 'shell' | 'holding' | 'manager' | 'operator' | 'front';

interface PortPlan {
  country: string;
  kind: PortKind;
  source: number;
}

interface ClaimPlan {
  name: string;
  flag: string;
  status: 'ASSERTED' | 'VERIFIED' | 'FALSE';
  kind: 'REGISTRATION' | 'FORMER_NAME' | 'AIS_BROADCAST';
  from: number;
  to: number;
}

interface VesselPlan {
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

interface CompanyPlan {
  role: CompanyRole;
  country: string;
  /** Who controls it (a company index, or a person as -1 - index), or null at the top. */
  parent: number | null;
  dprk: boolean;
  designated: boolean;
  source: number;
}

interface TransferPlan {
  fromLeg: number;
  toLeg: number;
  port: number;
  day: number;
  sts: boolean;
  source: number;
}

/** Per-leg facts in columns (size L has a million legs). */
interface LegColumns {
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
const TRANSFER_WINDOW_DAYS = 30;
const F_DPRK_COAL = 1;
const F_DISCHARGED = 2;
const F_MONTH = 4;
const F_RECEIVED = 8;
const F_RETURN = 16;

const LEG_TACTICS = [
  'AIS_DARK',
  'AIS_SPOOFING',
  'FALSE_DOCUMENTS',
  'STS_TRANSFER',
  'NIGHT_OPERATIONS',
  'LOITERING',
  'THIRD_COUNTRY_TRANSHIPMENT',
];
const VESSEL_TACTICS = ['IDENTITY_ALTERATION', 'FLAG_HOPPING', 'AIS_SPOOFING', 'FALSE_FLAG'];

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

function monthBounds(day: number): [number, number] {
  const d = new Date(day * DAY_MS);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
  const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY_MS;
  return [first, last];
}

/** Draws the whole world (everything but the emitted property maps) from the seed; tests may pass a smaller spec of their own. */
export function planWorld(size: SizeName | SizeSpec, seed: number = DEFAULT_SEED): World {
  const spec = typeof size === 'string' ? SIZES[size] : size;
  const root = new Rng(seed);
  const first = dayOf(SHAPE.firstDay);
  const last = dayOf(SHAPE.lastDay);

  /* Ports: the DPRK ports first, then one unnamed placeholder per port country, then the rest. */
  const pr = root.fork(1);
  const ports: PortPlan[] = [];
  for (let i = 0; i < SHAPE.dprkPorts; i++) ports.push({ country: 'KP', kind: 'PORT', source: pr.int(spec.sources) });
  const placeholderOf = new Map<string, number>();
  for (const [country] of PORT_COUNTRIES.slice(0, 6)) {
    placeholderOf.set(country, ports.length);
    ports.push({ country, kind: 'UNSPECIFIED_IN_COUNTRY', source: pr.int(spec.sources) });
  }
  const general: number[] = []; // ports open to ordinary traffic, in popularity order
  while (ports.length < spec.ports) {
    const x = pr.next();
    const kind: PortKind =
      x < SHAPE.stsAreaShare ? 'STS_AREA' : x < SHAPE.stsAreaShare + SHAPE.anchorageShare ? 'ANCHORAGE' : 'PORT';
    general.push(ports.length);
    ports.push({ country: pr.weighted(PORT_COUNTRIES), kind, source: pr.int(spec.sources) });
  }
  const zipf = new ZipfSampler(general.length, SHAPE.portZipfExponent);
  const stsAreas = general.filter((p) => ports[p].kind === 'STS_AREA');
  const nearDprk = general.filter((p) => ['CN', 'RU', 'VN'].includes(ports[p].country) && ports[p].kind === 'PORT');
  const drawPort = (rng: Rng, not: number) => {
    for (;;) {
      const p = general[zipf.sample(rng)];
      if (p !== not) return p;
    }
  };

  /* Persons and companies: ownership trees person → top holding → holdings → shell → vessel. */
  const cr = root.fork(2);
  const persons = Array.from({ length: spec.persons }, () => ({
    country: cr.weighted(HOLDING_COUNTRIES),
    source: cr.int(spec.sources),
  }));
  const companies: CompanyPlan[] = [];
  const byRole: Record<CompanyRole, number[]> = { shell: [], holding: [], manager: [], operator: [], front: [] };
  for (let i = 0; i < spec.companies; i++) {
    const x = cr.next();
    const role: CompanyRole =
      x < 0.5 ? 'shell' : x < 0.7 ? 'holding' : x < 0.83 ? 'manager' : x < 0.95 ? 'operator' : 'front';
    const country =
      role === 'shell'
        ? cr.weighted(SHELL_COUNTRIES)
        : role === 'front'
          ? cr.weighted([
              ['KP', 3],
              ['HK', 3],
              ['CN', 3],
              ['SG', 1],
            ] as const)
          : cr.weighted(HOLDING_COUNTRIES);
    byRole[role].push(i);
    companies.push({
      role,
      country,
      parent: null,
      dprk: role === 'front',
      designated: false,
      source: cr.int(spec.sources),
    });
  }
  const holdings = byRole.holding;
  const tops = holdings.slice(0, Math.max(1, Math.round(holdings.length * SHAPE.topHoldingShare)));
  holdings.forEach((h, k) => {
    if (k < tops.length) {
      companies[h].parent = persons.length > 0 && cr.chance(0.5) ? -1 - cr.int(persons.length) : null;
    } else {
      // A mid-level holding answers to a top or to an earlier mid-level one: trees 2 to 5 levels deep.
      companies[h].parent =
        cr.chance(0.5) || k === tops.length ? cr.pick(tops) : holdings[tops.length + cr.int(k - tops.length)];
    }
  });
  for (const s of byRole.shell)
    companies[s].parent =
      holdings.length > 0
        ? cr.chance(0.8) && holdings.length > tops.length
          ? holdings[tops.length + cr.int(holdings.length - tops.length)]
          : cr.pick(tops)
        : null;
  for (const f of byRole.front) companies[f].parent = cr.chance(0.6) && holdings.length > 0 ? cr.pick(holdings) : null;
  const managerZipf = new ZipfSampler(Math.max(1, byRole.manager.length), 1.0);
  const operatorZipf = new ZipfSampler(Math.max(1, byRole.operator.length), 1.0);
  // DPRK-trade shells: a slice of the shells, owned through the front companies.
  const dprkShells = byRole.shell.filter((_, k) => k % 20 === 7);
  for (const s of dprkShells) {
    companies[s].dprk = true;
    if (byRole.front.length > 0) companies[s].parent = cr.pick(byRole.front);
  }
  // Fleets: half the shells own one ship, a few own up to 50; vessels are dealt out in a shuffled order.
  const fleetOwner = new Int32Array(spec.vessels).fill(-1);
  const ordinaryShells = byRole.shell.filter((s) => !companies[s].dprk);
  if (ordinaryShells.length > 0) {
    const order = Array.from({ length: spec.vessels }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = cr.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let next = 0;
    for (let k = 0; next < order.length; k = (k + 1) % ordinaryShells.length) {
      const x = cr.next();
      const fleet = x < 0.5 ? 1 : x < 0.8 ? cr.range(2, 5) : x < 0.95 ? cr.range(6, 20) : cr.range(21, 50);
      for (let f = 0; f < fleet && next < order.length; f++) fleetOwner[order[next++]] = ordinaryShells[k];
    }
  }

  /* Vessels and their legs. */
  const vr = root.fork(3);
  const legs: LegColumns = {
    vessel: new Int32Array(spec.legs),
    from: new Int32Array(spec.legs),
    to: new Int32Array(spec.legs),
    depFrom: new Int32Array(spec.legs),
    depTo: new Int32Array(spec.legs),
    arrFrom: new Int32Array(spec.legs),
    arrTo: new Int32Array(spec.legs),
    flags: new Uint8Array(spec.legs),
    tactics: new Uint8Array(spec.legs),
    tonnage: new Int32Array(spec.legs),
    source: new Int32Array(spec.legs),
  };
  // Leg counts: 5 to 15 a vessel, adjusted so that they add up to exactly spec.legs.
  const counts = Array.from({ length: spec.vessels }, () => vr.range(5, 15));
  let diff = spec.legs - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % spec.vessels) {
    if (diff > 0) {
      counts[i]++;
      diff--;
    } else if (counts[i] > 1) {
      counts[i]--;
      diff++;
    }
  }

  const vessels: VesselPlan[] = [];
  let leg = 0;
  for (let v = 0; v < spec.vessels; v++) {
    const dprk = vr.chance(SHAPE.dprkVesselShare);
    const legCount = counts[v];
    const span = legCount * 45;
    const start = first + vr.int(Math.max(1, last - first - span));
    let port = dprk ? vr.int(SHAPE.dprkPorts) : drawPort(vr, -1);
    let day = start;
    const firstLeg = leg;
    for (let k = 0; k < legCount; k++, leg++) {
      let to: number;
      let flags = 0;
      let tactics = 0;
      if (dprk && ports[port].country === 'KP') {
        // Coal out of a DPRK port: to a transfer area, an unnamed port, a small port nearby, or anywhere.
        const x = vr.next();
        to =
          x < 0.35 && stsAreas.length > 0
            ? vr.pick(stsAreas)
            : x < 0.45
              ? (placeholderOf.get(vr.pick(['CN', 'RU', 'VN'].filter((c) => placeholderOf.has(c)))) ??
                drawPort(vr, port))
              : x < 0.8 && nearDprk.length > 0
                ? vr.pick(nearDprk)
                : drawPort(vr, port);
        flags |= F_DPRK_COAL | F_DISCHARGED;
        const n = vr.range(1, 3);
        for (let t = 0; t < n; t++) tactics |= 1 << vr.int(LEG_TACTICS.length);
      } else if (dprk && vr.chance(0.7)) {
        to = vr.int(SHAPE.dprkPorts);
        flags |= F_RETURN | F_DISCHARGED;
      } else {
        to = drawPort(vr, port);
        if (!vr.chance(SHAPE.notDischargedShare)) flags |= F_DISCHARGED;
      }
      const depDay = day + vr.range(SHAPE.stayDays[0], SHAPE.stayDays[1]);
      const arrDay = depDay + vr.range(SHAPE.voyageDays[0], SHAPE.voyageDays[1]);
      let [df, dt, af, at] = [depDay, depDay, arrDay, arrDay];
      if (vr.chance(SHAPE.monthPrecisionShare)) {
        flags |= F_MONTH;
        [df, dt] = monthBounds(depDay);
        [af, at] = monthBounds(arrDay);
        af = Math.max(af, df);
      }
      if (vr.chance(SHAPE.unknownArrivalShare)) [af, at] = [NONE, NONE];
      legs.vessel[leg] = v;
      legs.from[leg] = port;
      legs.to[leg] = to;
      legs.depFrom[leg] = df;
      legs.depTo[leg] = dt;
      legs.arrFrom[leg] = af;
      legs.arrTo[leg] = at;
      legs.flags[leg] = flags;
      legs.tactics[leg] = tactics;
      legs.tonnage[leg] = vr.range(8, 80) * 1000;
      legs.source[leg] = vr.int(spec.sources);
      port = to;
      day = arrDay;
    }

    // Identity: the registration now, and for some vessels earlier names and flags (DPRK ones: false identities too).
    const flagTable = dprk ? DPRK_FLAGS : FLAG_COUNTRIES;
    const claims: ClaimPlan[] = [];
    const endDay = day;
    const renames = dprk ? vr.range(1, 3) : vr.chance(SHAPE.renamedVesselShare) ? vr.range(1, 2) : 0;
    let from = start - vr.range(365, 3650);
    const cuts = Array.from({ length: renames }, () => start + vr.int(Math.max(1, endDay - start))).sort(
      (a, b) => a - b,
    );
    cuts.forEach((cut, k) => {
      claims.push({
        name: `${vesselName(v)}-${String.fromCharCode(65 + k)}`,
        flag: vr.weighted(flagTable),
        status: 'ASSERTED',
        kind: 'FORMER_NAME',
        from,
        to: cut,
      });
      from = cut + 1;
    });
    claims.push({
      name: vesselName(v),
      flag: vr.weighted(flagTable),
      status: vr.chance(0.5) ? 'VERIFIED' : 'ASSERTED',
      kind: 'REGISTRATION',
      from,
      to: NONE,
    });
    if (dprk && vr.chance(0.6)) {
      const at = start + vr.int(Math.max(1, endDay - start));
      claims.push({
        name: `Synthetic Spoof ${pad(v + 1, 6)}`,
        flag: vr.weighted(FLAG_COUNTRIES),
        status: 'FALSE',
        kind: 'AIS_BROADCAST',
        from: at,
        to: at + vr.range(10, 120),
      });
    }

    // Owners: a shell (the DPRK trade's own shells for DPRK vessels), sometimes an earlier one.
    const owners: VesselPlan['owners'] = [];
    const currentOwner = dprk && dprkShells.length > 0 ? vr.pick(dprkShells) : fleetOwner[v];
    if (currentOwner >= 0) {
      if (renames > 0 && vr.chance(0.7)) {
        const earlier =
          dprk && dprkShells.length > 0 ? vr.pick(dprkShells) : ordinaryShells[vr.int(ordinaryShells.length)];
        owners.push({ company: earlier, from: start - vr.range(365, 3650), to: cuts[0] });
        owners.push({ company: currentOwner, from: cuts[0] + 1, to: NONE });
      } else {
        owners.push({ company: currentOwner, from: start - vr.range(30, 3650), to: NONE });
      }
    }
    vessels.push({
      dprk,
      firstLeg,
      legCount,
      claims,
      owners,
      manager: byRole.manager.length > 0 && vr.chance(0.8) ? byRole.manager[managerZipf.sample(vr)] : null,
      operator: byRole.operator.length > 0 && vr.chance(0.3) ? byRole.operator[operatorZipf.sample(vr)] : null,
      designated: dprk && vr.chance(0.5),
      vesselType: vr.chance(0.85) ? 'bulk carrier' : 'general cargo',
      buildYear: vr.range(1985, 2018),
      dwt: vr.range(3, 90) * 1000,
      source: vr.int(spec.sources),
    });
  }

  // Designations reach up the DPRK ownership chains.
  const dr = root.fork(4);
  for (const s of dprkShells) if (dr.chance(0.5)) companies[s].designated = true;
  for (const f of byRole.front) if (dr.chance(0.6)) companies[f].designated = true;

  /* Transfer chains: coal that reached a transfer area or a port goes on in another vessel leaving there within a week. */
  const tr = root.fork(5);
  const departuresAt = new Map<number, number[]>();
  for (let i = 0; i < spec.legs; i++) {
    const p = legs.from[i];
    if (ports[p].kind === 'PORT' && ports[p].country === 'KP') continue;
    let list = departuresAt.get(p);
    if (!list) departuresAt.set(p, (list = []));
    list.push(i);
  }
  for (const list of departuresAt.values()) list.sort((a, b) => legs.depFrom[a] - legs.depFrom[b] || a - b);
  const received = new Set<number>();
  const transfers: TransferPlan[] = [];
  const findReceiver = (a: number): number | null => {
    const p = legs.to[a];
    const list = departuresAt.get(p);
    if (!list || legs.arrTo[a] === NONE) return null;
    const after = legs.arrTo[a];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (legs.depFrom[list[mid]] < after) lo = mid + 1;
      else hi = mid;
    }
    const options: number[] = [];
    for (
      let k = lo;
      k < list.length && options.length < 5 && legs.depFrom[list[k]] <= after + TRANSFER_WINDOW_DAYS;
      k++
    ) {
      const b = list[k];
      if (legs.vessel[b] !== legs.vessel[a] && !received.has(b) && !(legs.flags[b] & F_DPRK_COAL)) options.push(b);
    }
    return options.length > 0 ? tr.pick(options) : null;
  };
  for (let a = 0; a < spec.legs; a++) {
    if (!(legs.flags[a] & F_DPRK_COAL)) {
      // Ordinary lightering: a few cargoes reaching a transfer area or anchorage go on in another vessel.
      if (ports[legs.to[a]].kind !== 'STS_AREA' && ports[legs.to[a]].kind !== 'ANCHORAGE') continue;
      if (!tr.chance(0.05)) continue;
      const b = findReceiver(a);
      if (b == null) continue;
      received.add(b);
      const sts = ports[legs.to[a]].kind === 'STS_AREA';
      transfers.push({
        fromLeg: a,
        toLeg: b,
        port: legs.to[a],
        day: legs.arrTo[a] + tr.int(Math.max(1, legs.depFrom[b] - legs.arrTo[a] + 1)),
        sts,
        source: tr.int(spec.sources),
      });
      continue;
    }
    const sts = ports[legs.to[a]].kind === 'STS_AREA';
    if (!tr.chance(sts ? 0.9 : 0.4)) continue;
    let from = a;
    for (let depth = 0; depth < 3; depth++) {
      const b = findReceiver(from);
      if (b == null) break;
      received.add(b);
      legs.flags[b] |= F_RECEIVED;
      if (sts || ports[legs.to[from]].kind === 'STS_AREA') legs.tactics[b] |= 1 << LEG_TACTICS.indexOf('STS_TRANSFER');
      transfers.push({
        fromLeg: from,
        toLeg: b,
        port: legs.to[from],
        day: legs.arrTo[from] + tr.int(Math.max(1, legs.depFrom[b] - legs.arrTo[from] + 1)),
        sts: ports[legs.to[from]].kind === 'STS_AREA',
        source: tr.int(spec.sources),
      });
      if (legs.arrTo[b] === NONE || !tr.chance(ports[legs.to[b]].kind === 'STS_AREA' ? 0.8 : 0.4)) break;
      from = b;
    }
  }

  const countries = new Set<string>(['KP']);
  for (const p of ports) countries.add(p.country);
  for (const c of companies) countries.add(c.country);
  for (const p of persons) countries.add(p.country);
  for (const v of vessels) for (const c of v.claims) countries.add(c.flag);

  const calls = new Map<number, number>();
  for (let i = 0; i < spec.legs; i++) calls.set(legs.to[i], (calls.get(legs.to[i]) ?? 0) + 1);
  const hubs = [...calls.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([p]) => p);

  return {
    spec,
    seed,
    version: GENERATOR_VERSION,
    ports,
    vessels,
    companies,
    persons,
    legs,
    transfers,
    countries: [...countries].sort(),
    hubs,
  };
}

/* ------------------------------------------------------------------------------------------------
 * Emitting batches
 * ---------------------------------------------------------------------------------------------- */

const TIERS: ConfidenceTier[] = ['HIGH', 'MEDIUM_HIGH', 'MEDIUM', 'LOW'];

const sourceIds: string[] = [];
/** The id of synthetic source i (hashed once). */
function src(i: number): string {
  return (sourceIds[i] ??= sourceId(sourceUrl(i)));
}

function evidence(source: number, tier: ConfidenceTier): Params {
  return {
    sourceIds: [src(source)],
    confidence: confidenceScore(tier),
    confidenceTier: tier,
    evidenceNote: 'synthetic',
  };
}

function range(prefix: string, from: number, to: number, month = false): Params {
  const text =
    from === NONE && to === NONE
      ? null
      : month
        ? isoOf(from).slice(0, 7)
        : from === to
          ? isoOf(from)
          : `${from === NONE ? '?' : isoOf(from)} – ${to === NONE ? 'open' : isoOf(to)}`;
  return {
    [`${prefix}From`]: from === NONE ? null : neoDate(isoOf(from)),
    [`${prefix}To`]: to === NONE ? null : neoDate(isoOf(to)),
    [`${prefix}Precision`]:
      from === NONE && to === NONE
        ? null
        : month
          ? 'MONTH'
          : from === to
            ? 'DAY'
            : to === NONE
              ? 'OPEN'
              : 'MONTH_RANGE',
    [`${prefix}Text`]: text,
  };
}

function quantity(min: number, max: number, unit: string, source: number, tier: ConfidenceTier): string {
  return JSON.stringify([{ min, max, unit, text: `${min} t (synthetic)`, ...evidence(source, tier) }]);
}

/** Buffers rows per (type, labels) and hands out full batches. */
class Batcher {
  private nodes = new Map<string, NodeBatch>();
  private rels = new Map<string, RelBatch>();
  constructor(private readonly size: number) {}

  node(label: NodeLabel, id: string, props: Params, extraLabels?: string[]): SyntheticBatch[] {
    let b = this.nodes.get(label);
    if (!b) this.nodes.set(label, (b = { label, extraLabels, rows: [] }));
    b.rows.push({ id, props });
    if (b.rows.length < this.size) return [];
    this.nodes.delete(label);
    return [{ kind: 'nodes', batch: b }];
  }

  rel(type: RelationshipType, fromId: string, toId: string, props: Params = {}, id?: string): SyntheticBatch[] {
    const fromLabel = labelOfId(fromId)!;
    const toLabel = labelOfId(toId)!;
    const key = `${type}|${fromLabel}|${toLabel}`;
    let b = this.rels.get(key);
    if (!b) this.rels.set(key, (b = { type, fromLabel, toLabel, rows: [] }));
    b.rows.push({ id: id ?? `${type}:${fromId}->${toId}`, fromId, toId, props });
    if (b.rows.length < this.size) return [];
    this.rels.delete(key);
    return [{ kind: 'rels', batch: b }];
  }

  /** Everything buffered: nodes first, so that the relationships find both ends. */
  flush(): SyntheticBatch[] {
    const out: SyntheticBatch[] = [
      ...[...this.nodes.values()].map((batch) => ({ kind: 'nodes' as const, batch })),
      ...[...this.rels.values()].map((batch) => ({ kind: 'rels' as const, batch })),
    ];
    this.nodes.clear();
    this.rels.clear();
    return out;
  }

  /** Node batches only (relationship batches stay buffered until their nodes are out). */
  flushNodes(): SyntheticBatch[] {
    const out = [...this.nodes.values()].map((batch) => ({ kind: 'nodes' as const, batch }));
    this.nodes.clear();
    return out;
  }
}

/**
 * The world as node and relationship batches of at most `batchSize` rows, in an order where every
 * relationship comes after both of its nodes. Property maps are built here, batch by batch.
 */
export function* emitBatches(
  world: World,
  batchSize = 10_000,
  tactics: { code: string; name: string; description: string }[] = [],
): Generator<SyntheticBatch> {
  const { spec, ports, vessels, companies, persons, legs, transfers } = world;
  const out = new Batcher(batchSize);
  const personRef = (p: number) => personId(-1 - p);

  for (const code of world.countries)
    yield* out.node('Country', `country:${code}`, { code, name: countryName(code) ?? code });
  for (const t of tactics)
    yield* out.node('Tactic', `tactic:${t.code}`, { code: t.code, name: t.name, description: t.description });
  for (let s = 0; s < spec.sources; s++) {
    const tier = TIERS[s % 3];
    yield* out.node('Source', src(s), {
      url: sourceUrl(s),
      publisher: `Synthetic Publisher ${pad((s % 17) + 1, 2)}`,
      kind: (['OFFICIAL', 'INVESTIGATIVE', 'NEWS'] as const)[s % 3],
      tier,
      confidence: confidenceScore(tier),
      title: `Synthetic report ${pad(s + 1, 5)}`,
      date: neoDate(isoOf(dayOf('2010-01-01') + ((s * 97) % 5000))),
    });
  }
  yield* out.flushNodes();

  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    const id = portId(i);
    const name =
      p.kind === 'UNSPECIFIED_IN_COUNTRY'
        ? `${portName(i)} (a port in ${countryName(p.country) ?? p.country}, not named)`
        : portName(i);
    yield* out.node('Port', id, {
      name,
      aliases: [],
      aliasesText: '',
      kind: p.kind,
      countryCode: p.country,
      locode: null,
      lat: null,
      lon: null,
      role: p.country === 'KP' ? 'DPRK coal port (synthetic)' : null,
      ...evidence(p.source, 'HIGH'),
    });
    yield* out.rel('IN', id, `country:${p.country}`);
    yield* out.rel('CITED_IN', id, src(p.source));
  }
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i];
    const id = personId(i);
    yield* out.node(
      'Person',
      id,
      {
        name: `Synthetic Person ${pad(i + 1, 5)}`,
        kind: 'PERSON',
        aliases: [],
        aliasesText: '',
        countryCode: p.country,
        countryText: countryName(p.country) ?? p.country,
        imoCompanyNumber: null,
        address: null,
        role: 'beneficial owner (synthetic)',
        ...evidence(p.source, 'MEDIUM'),
      },
      ['Party'],
    );
    yield* out.rel('IN', id, `country:${p.country}`);
    yield* out.rel('CITED_IN', id, src(p.source));
  }
  for (let i = 0; i < companies.length; i++) {
    const c = companies[i];
    const id = companyId(i);
    const name = `Placeholder ${COMPANY_WORDS[i % COMPANY_WORDS.length]} ${pad(i + 1, 5)} ${COMPANY_SUFFIXES[(i * 7) % COMPANY_SUFFIXES.length]}`;
    const role = {
      shell: 'registered owner (single-ship company)',
      holding: 'holding company',
      manager: 'ship manager',
      operator: 'operator',
      front: 'front company',
    }[c.role];
    yield* out.node(
      'Company',
      id,
      {
        name,
        kind: 'COMPANY',
        aliases: [],
        aliasesText: '',
        countryCode: c.country,
        countryText: countryName(c.country) ?? c.country,
        imoCompanyNumber: null,
        address: null,
        role,
        ...evidence(c.source, c.dprk ? 'HIGH' : 'MEDIUM'),
      },
      ['Party'],
    );
    yield* out.rel('IN', id, `country:${c.country}`);
    yield* out.rel('CITED_IN', id, src(c.source));
  }
  yield* out.flushNodes();
  for (let i = 0; i < companies.length; i++) {
    const parent = companies[i].parent;
    if (parent == null) continue;
    const from = parent < 0 ? personRef(parent) : companyId(parent);
    yield* out.rel('CONTROLS', from, companyId(i), {
      role: parent < 0 ? 'beneficial owner' : 'parent company',
      ...range('period', NONE, NONE),
      ...evidence(companies[i].source, 'MEDIUM'),
    });
  }

  let designations = 0;
  const designate = function* (targetId: string, source: number, day: number): Generator<SyntheticBatch> {
    const id = designationId(designations++);
    const un = designations % 2 === 0;
    yield* out.node('Designation', id, {
      targetId,
      authority: un ? 'UN_1718_COMMITTEE' : 'US_OFAC',
      measure: un ? 'asset freeze and port entry ban (synthetic)' : 'blocked property (synthetic)',
      status: 'IN_FORCE',
      reference: `SYN-REF-${pad(designations, 6)}`,
      ...range('date', day, day),
      ...evidence(source, 'HIGH'),
    });
    yield* out.rel('DESIGNATED', targetId, id, evidence(source, 'HIGH'));
    yield* out.rel('CITED_IN', id, src(source));
  };
  for (let i = 0; i < companies.length; i++)
    if (companies[i].designated)
      yield* designate(companyId(i), companies[i].source, dayOf('2016-03-02') + ((i * 31) % 2500));

  for (let v = 0; v < vessels.length; v++) {
    const plan = vessels[v];
    const id = vesselId(v);
    const flag = currentFlag(
      plan.claims.map((c) => ({
        name: c.name,
        flagCode: c.flag,
        flagText: countryName(c.flag) ?? c.flag,
        status: c.status,
        kind: c.kind,
        periodFrom: isoOf(c.from),
        periodTo: c.to === NONE ? null : isoOf(c.to),
      })),
    );
    const otherNames = plan.claims.map((c) => c.name).filter((n) => n !== vesselName(v));
    const tier: ConfidenceTier = plan.dprk ? 'HIGH' : 'MEDIUM';
    yield* out.node('Vessel', id, {
      name: vesselName(v),
      imo: syntheticImo(v),
      mmsi: null,
      callSign: null,
      vesselType: plan.vesselType,
      buildYear: plan.buildYear,
      deadweightJson: quantity(plan.dwt, plan.dwt, 'DWT', plan.source, tier),
      grossTonnageJson: '[]',
      description: plan.dprk ? 'Synthetic vessel in the DPRK coal trade.' : 'Synthetic bulk trade vessel.',
      status: plan.dprk ? 'IMPLICATED' : 'UNCONFIRMED',
      flagCode: flag.code,
      flagText: flag.text,
      otherNames,
      aliasesText: otherNames.join(' | '),
      ...evidence(plan.source, tier),
    });
    for (let k = 0; k < plan.claims.length; k++) {
      const c = plan.claims[k];
      yield* out.node('IdentityClaim', claimId(v, k + 1), {
        vesselId: id,
        name: c.name,
        imo: syntheticImo(v),
        mmsi: null,
        callSign: null,
        flagCode: c.flag,
        flagText: countryName(c.flag) ?? c.flag,
        status: c.status,
        kind: c.kind,
        ...range('period', c.from, c.to),
        ...evidence(plan.source, tier),
      });
    }
  }
  yield* out.flushNodes();
  for (let v = 0; v < vessels.length; v++) {
    const plan = vessels[v];
    const id = vesselId(v);
    const tier: ConfidenceTier = plan.dprk ? 'HIGH' : 'MEDIUM';
    yield* out.rel('CITED_IN', id, src(plan.source));
    for (let k = 0; k < plan.claims.length; k++) {
      const cid = claimId(v, k + 1);
      yield* out.rel('CLAIMED', id, cid);
      yield* out.rel('FLAG', cid, `country:${plan.claims[k].flag}`);
      yield* out.rel('CITED_IN', cid, src(plan.source));
    }
    for (let k = 0; k < plan.owners.length; k++) {
      const o = plan.owners[k];
      yield* out.rel(
        'OWNS',
        companyId(o.company),
        id,
        { role: 'registered owner', ...range('period', o.from, o.to), ...evidence(plan.source, tier) },
        `OWNS:${companyId(o.company)}->${id}:${k}`,
      );
    }
    if (plan.manager != null)
      yield* out.rel('MANAGES', companyId(plan.manager), id, {
        role: 'ship manager',
        ...range('period', NONE, NONE),
        ...evidence(plan.source, tier),
      });
    if (plan.operator != null)
      yield* out.rel('OPERATES', companyId(plan.operator), id, {
        role: 'operator',
        ...range('period', NONE, NONE),
        ...evidence(plan.source, tier),
      });
    if (plan.designated) yield* designate(id, plan.source, dayOf('2017-08-05') + ((v * 13) % 2000));
    if (plan.dprk) {
      const used = new Set<string>();
      for (let k = 0; k < 2; k++) used.add(VESSEL_TACTICS[(v + k * 3) % VESSEL_TACTICS.length]);
      for (const code of used)
        yield* out.rel(
          'USED',
          id,
          `tactic:${code}`,
          { note: 'synthetic', ...range('period', NONE, NONE), ...evidence(plan.source, 'HIGH') },
          `USED:${id}->tactic:${code}`,
        );
    }
  }
  yield* out.flush();

  /* Legs, a batch at a time, each batch's nodes before its relationships. */
  for (let i = 0; i < spec.legs; i++) {
    const f = legs.flags[i];
    const v = legs.vessel[i];
    const id = legId(i);
    const from = legs.from[i];
    const to = legs.to[i];
    const dprkCoal = (f & F_DPRK_COAL) !== 0;
    const receivedCoal = (f & F_RECEIVED) !== 0;
    const month = (f & F_MONTH) !== 0;
    const tier: ConfidenceTier = dprkCoal ? 'HIGH' : receivedCoal ? 'MEDIUM_HIGH' : 'MEDIUM';
    const tonnage = legs.tonnage[i];
    const commodity = dprkCoal || receivedCoal ? 'COAL' : f & F_RETURN ? 'UNKNOWN' : i % 9 < 5 ? 'COAL' : 'UNKNOWN';
    const ev = evidence(legs.source[i], tier);
    const toCountry = ports[to].country;
    const tacticCodes = LEG_TACTICS.filter((_, k) => legs.tactics[i] & (1 << k));
    yield* out.node('Leg', id, {
      vesselId: vesselId(v),
      vesselDescription: null,
      fromText: portName(from),
      toText: portName(to),
      ...range('departure', legs.depFrom[i], legs.depTo[i], month),
      ...range('arrival', legs.arrFrom[i], legs.arrTo[i], month),
      commodity,
      cargoText: commodity === 'COAL' ? 'coal (synthetic)' : 'cargo not stated (synthetic)',
      tonnageJson: quantity(tonnage, tonnage, 'TONNES', legs.source[i], tier),
      tonnageMin: tonnage,
      tonnageMax: tonnage,
      valueJson: '[]',
      cargoOrigin: dprkCoal
        ? i % 5 < 3
          ? 'DPRK'
          : 'DPRK_SUSPECTED'
        : receivedCoal
          ? 'DPRK_SUSPECTED'
          : i % 4 === 0
            ? 'RUSSIA'
            : 'UNCONFIRMED',
      declaredOrigin: dprkCoal || receivedCoal ? 'RU' : null,
      legality: dprkCoal
        ? i % 5 < 3
          ? 'VIOLATION'
          : 'SUSPECTED_VIOLATION'
        : receivedCoal
          ? 'SUSPECTED_VIOLATION'
          : 'UNDETERMINED',
      discharged: (f & F_DISCHARGED) !== 0,
      destinationCountryCode: toCountry,
      tacticsText: tacticCodes.length > 0 ? tacticCodes.join(', ').toLowerCase() : null,
      ...ev,
    });
    yield* out.rel('ON', id, vesselId(v), ev);
    // the departure index keys of the trace (src/db/trace/documented.ts), as a write would set them
    const iso = (d: number) => (d === NONE ? null : isoOf(d));
    const timing = {
      id,
      vesselId: null,
      departureFrom: iso(legs.depFrom[i]),
      departureTo: iso(legs.depTo[i]),
      arrivalFrom: iso(legs.arrFrom[i]),
      arrivalTo: iso(legs.arrTo[i]),
      discharged: null,
    };
    yield* out.rel('FROM', id, portId(from), {
      alternative: false,
      ...ev,
      portId: portId(from),
      seekDay: neoDate(departureSeekDay(timing)),
    });
    yield* out.rel('TO', id, portId(to), {
      alternative: false,
      ...ev,
      portId: portId(to),
      seekDay: neoDate(arrivalSeekDay(timing)),
    });
    yield* out.rel('DESTINATION', id, `country:${toCountry}`, ev);
    yield* out.rel('CITED_IN', id, src(legs.source[i]));
    for (const code of tacticCodes) yield* out.rel('USED', id, `tactic:${code}`, ev);
    if ((i + 1) % batchSize === 0) yield* out.flush();
  }
  yield* out.flush();

  for (let t = 0; t < transfers.length; t++) {
    const x = transfers[t];
    const id = transferId(t);
    const fromVessel = vesselId(legs.vessel[x.fromLeg]);
    const toVessel = vesselId(legs.vessel[x.toLeg]);
    const ev = evidence(x.source, 'MEDIUM_HIGH');
    yield* out.node('Transfer', id, {
      fromVesselId: fromVessel,
      fromVesselDescription: null,
      toVesselId: toVessel,
      toVesselDescription: null,
      portId: portId(x.port),
      kind: x.sts ? 'SHIP_TO_SHIP' : 'AT_PORT',
      ...range('when', x.day, x.day),
      tonnageJson: quantity(legs.tonnage[x.fromLeg], legs.tonnage[x.fromLeg], 'TONNES', x.source, 'MEDIUM_HIGH'),
      tonnageMin: legs.tonnage[x.fromLeg],
      tonnageMax: legs.tonnage[x.fromLeg],
      ...ev,
    });
    yield* out.rel('FROM_VESSEL', id, fromVessel, ev);
    yield* out.rel('TO_VESSEL', id, toVessel, ev);
    yield* out.rel('AT', id, portId(x.port), ev);
    yield* out.rel('FROM_LEG', id, legId(x.fromLeg), ev);
    yield* out.rel('TO_LEG', id, legId(x.toLeg), ev);
    if (x.sts) yield* out.rel('USED', id, 'tactic:STS_TRANSFER', ev);
    yield* out.rel('CITED_IN', id, src(x.source));
    if ((t + 1) % batchSize === 0) yield* out.flush();
  }
  yield* out.flush();
}

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
