/**
 * The planned world as node and relationship batches, in an order where every edge finds its ends.
 */
import { confidenceScore, ConfidenceTier } from '../../src/domain/confidence';
import { countryName } from '../../src/domain/identifiers';
import { currentFlag } from '../../src/domain/identity';
import { arrivalSeekDay, departureSeekDay, LegTiming } from '../../src/domain/linking';
import { rankKeys } from '../../src/db/trace/startOrder';
import { Batcher, SyntheticBatch, TIERS, dateOf, evidence, quantity, range, src } from './batches';
import {
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  NONE,
  claimId,
  companyId,
  dayOf,
  designationId,
  isoOf,
  legId,
  pad,
  personId,
  portId,
  portName,
  sourceUrl,
  syntheticImo,
  transferId,
  vesselId,
  vesselName,
} from './names';
import { F_DISCHARGED, F_DPRK_COAL, F_MONTH, F_RECEIVED, F_RETURN, LEG_TACTICS, VESSEL_TACTICS, World } from './world';

type Tactics = { code: string; name: string; description: string }[];

/**
 * A part of the world for one of `count` writers working at once (the bulk load's CSV workers): part 0
 * holds everything but the legs and transfers, plus a first slice of the legs; the other parts share
 * the remaining legs; the last part holds the transfers. The parts together are the whole world, each
 * row in exactly one of them.
 */
export interface WorldPart {
  index: number;
  count: number;
}

/** The whole world in one part. */
export const WHOLE: WorldPart = { index: 0, count: 1 };

/** Share of the emitting work that is not legs (at L about a fifth of the rows, with fewer properties). */
const HEAD_SHARE = 0.2;

/** The legs [start, end) of a part: part 0 takes fewer, since it also holds everything else. */
export function legRange(legs: number, part: WorldPart): [number, number] {
  if (part.count <= 1) return [0, legs];
  const first = Math.round((legs * Math.max(0, 1 / part.count - HEAD_SHARE)) / (1 - HEAD_SHARE));
  const bound = (k: number) => (k === 0 ? 0 : first + Math.round(((legs - first) * (k - 1)) / (part.count - 1)));
  return [bound(part.index), part.index === part.count - 1 ? legs : bound(part.index + 1)];
}

/** The commodity of leg i (its Leg node's `commodity`). */
export function legCommodity(world: World, i: number): 'COAL' | 'UNKNOWN' {
  const f = world.legs.flags[i];
  return (f & F_DPRK_COAL) !== 0 || (f & F_RECEIVED) !== 0
    ? 'COAL'
    : f & F_RETURN
      ? 'UNKNOWN'
      : i % 9 < 5
        ? 'COAL'
        : 'UNKNOWN';
}

/** What a trace knows of leg i's dates, vessel and cargo (its Leg node's properties, as documented.ts reads them). */
export function legTiming(world: World, i: number): LegTiming {
  const { legs } = world;
  const iso = (d: number) => (d === NONE ? null : isoOf(d));
  return {
    id: legId(i),
    vesselId: vesselId(legs.vessel[i]),
    departureFrom: iso(legs.depFrom[i]),
    departureTo: iso(legs.depTo[i]),
    arrivalFrom: iso(legs.arrFrom[i]),
    arrivalTo: iso(legs.arrTo[i]),
    discharged: (legs.flags[i] & F_DISCHARGED) !== 0,
  };
}

/** Properties a writer adds to leg i's node (the bulk load: its onward fact, seed/synthetic/onward.ts). */
export type LegExtra = (i: number) => Record<string, unknown>;

/**
 * The world (or one part of it) as node and relationship batches of at most `batchSize` rows, in an
 * order where every relationship comes after both of its nodes (within a part; a part's relationships
 * may end at another part's nodes). Property maps are built here, batch by batch; `legExtra` adds
 * properties at the end of each leg's.
 */
export function* emitBatches(
  world: World,
  batchSize = 10_000,
  tactics: Tactics = [],
  part: WorldPart = WHOLE,
  legExtra?: LegExtra,
): Generator<SyntheticBatch> {
  const out = new Batcher(batchSize);
  if (part.index === 0) yield* emitHead(world, out, tactics);
  yield* emitLegs(world, out, batchSize, ...legRange(world.spec.legs, part), legExtra);
  if (part.index === part.count - 1) yield* emitTransfers(world, out, batchSize);
}

/** Countries, tactics, sources, ports, parties, companies, designations, vessels and their identities. */
function* emitHead(world: World, out: Batcher, tactics: Tactics): Generator<SyntheticBatch> {
  const { spec, ports, vessels, companies, persons } = world;
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
      date: dateOf(isoOf(dayOf('2010-01-01') + ((s * 97) % 5000))),
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
}

/** Legs [start, end), a batch at a time, each batch's nodes before its relationships. */
function* emitLegs(world: World, out: Batcher, batchSize: number, start: number, end: number, legExtra?: LegExtra) {
  const { ports, legs } = world;
  for (let i = start; i < end; i++) {
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
    const commodity = legCommodity(world, i);
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
      ...legExtra?.(i),
    });
    yield* out.rel('ON', id, vesselId(v), ev);
    // the departure index keys of the trace (src/db/trace/documented.ts), as a write would set them
    const timing = legTiming(world, i);
    yield* out.rel('FROM', id, portId(from), {
      alternative: false,
      ...ev,
      portId: portId(from),
      seekDay: dateOf(departureSeekDay(timing)),
      // the rank keys of the trace's start legs (src/db/trace/startOrder.ts), as a write would set them
      ...rankKeys({
        id,
        confidence: confidenceScore(tier),
        departureFrom: legs.depFrom[i] === NONE ? null : isoOf(legs.depFrom[i]),
      }),
    });
    yield* out.rel('TO', id, portId(to), {
      alternative: false,
      ...ev,
      portId: portId(to),
      seekDay: dateOf(arrivalSeekDay(timing)),
    });
    yield* out.rel('DESTINATION', id, `country:${toCountry}`, ev);
    yield* out.rel('CITED_IN', id, src(legs.source[i]));
    for (const code of tacticCodes) yield* out.rel('USED', id, `tactic:${code}`, ev);
    if ((i + 1) % batchSize === 0) yield* out.flush();
  }
  yield* out.flush();
}

function* emitTransfers(world: World, out: Batcher, batchSize: number) {
  const { legs, transfers } = world;
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
