/** Planning the synthetic world: every choice drawn from the seeded generator, before anything is emitted. */
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
import { NONE, dayOf, pad, vesselName } from './names';
import {
  ClaimPlan,
  CompanyPlan,
  CompanyRole,
  F_DISCHARGED,
  F_DPRK_COAL,
  F_MONTH,
  F_RECEIVED,
  F_RETURN,
  LEG_TACTICS,
  LegColumns,
  PortKind,
  PortPlan,
  TRANSFER_WINDOW_DAYS,
  TransferPlan,
  VesselPlan,
  World,
  monthBounds,
  withCountriesAndHubs,
} from './world';

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

  return withCountriesAndHubs({
    spec,
    seed,
    version: GENERATOR_VERSION,
    ports,
    vessels,
    companies,
    persons,
    legs,
    transfers,
  });
}
