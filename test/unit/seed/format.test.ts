/**
 * Integrity checks for the hand-written demo dataset in seed/data/*.json: every reference resolves,
 * every fact names sources listed in sources.json, identifiers and dates are well formed, and the
 * dataset covers every ship and company row of the public-record fact tables.
 */
import * as fs from 'fs';
import { parse } from 'csv-parse/sync';
import * as path from 'path';
import { SEED_FILES, type DateRange, type Evidence, type Quantity, type SeedDataset } from '../../../seed/format';

const DATA_DIR = path.resolve(__dirname, '../../../seed/data');
const FACTS_DIR = path.resolve(__dirname, '../../../../shared/data/coal-facts');

function load(): SeedDataset {
  const out: Partial<Record<keyof SeedDataset, unknown>> = {};
  for (const key of SEED_FILES) {
    out[key] = JSON.parse(fs.readFileSync(path.join(DATA_DIR, `${key}.json`), 'utf8'));
  }
  return out as SeedDataset;
}

const data = load();

// ----------------------------------------------------------------------------- walking helpers

/** Every Evidence object anywhere in the dataset, with where it was found. */
function allEvidence(): { where: string; evidence: Evidence }[] {
  const found: { where: string; evidence: Evidence }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${where}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (Array.isArray(obj.sources) && typeof obj.confidence === 'string') {
        found.push({ where, evidence: obj as unknown as Evidence });
      }
      for (const [k, v] of Object.entries(obj)) walk(v, `${where}.${k}`);
    }
  };
  for (const key of SEED_FILES) {
    if (key !== 'sources') walk(data[key], key);
  }
  return found;
}

/** Every DateRange in the dataset (objects with from/to/precision/text). */
function allDateRanges(): { where: string; range: DateRange }[] {
  const found: { where: string; range: DateRange }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${where}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if ('precision' in obj && 'from' in obj && 'to' in obj) {
        found.push({ where, range: obj as unknown as DateRange });
      }
      for (const [k, v] of Object.entries(obj)) walk(v, `${where}.${k}`);
    }
  };
  for (const key of SEED_FILES) walk(data[key], key);
  return found;
}

function allQuantities(): { where: string; quantity: Quantity }[] {
  const out: { where: string; quantity: Quantity }[] = [];
  for (const v of data.vessels) {
    if (v.deadweight) out.push({ where: `${v.id}.deadweight`, quantity: v.deadweight });
    if (v.grossTonnage) out.push({ where: `${v.id}.grossTonnage`, quantity: v.grossTonnage });
  }
  for (const l of data.legs) {
    for (const q of [...l.tonnage, ...l.value]) out.push({ where: l.id, quantity: q });
  }
  for (const t of data.transfers) for (const q of t.tonnage) out.push({ where: t.id, quantity: q });
  for (const s of data.statistics) for (const q of s.quantities) out.push({ where: s.id, quantity: q });
  return out;
}

/** IMO check digit: weights 7..2 on the first six digits; the seventh is the sum mod 10. */
function isValidImo(imo: string): boolean {
  if (!/^\d{7}$/.test(imo)) return false;
  const digits = Array.from(imo, Number);
  const sum = digits.slice(0, 6).reduce((acc, d, i) => acc + d * (7 - i), 0);
  return sum % 10 === digits[6];
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The fact tables as records by header (csv-parse: quoted fields, doubled quotes, blank lines skipped). */
function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true });
}

// ----------------------------------------------------------------------------- expected coverage

/** The 47 ships of vessels.csv. */
const VESSEL_NAMES = [
  'Wise Honest',
  'Dong Thanh',
  'Sky Angel',
  'Rich Glory',
  'Shining Rich',
  'Jin Long',
  'Jin Ao',
  'Rich Vigor',
  'Ul Ji Bong 6',
  'Rung Ra 2',
  'Petrel 8',
  'Hao Fan 6',
  'Tong San 2',
  'Jie Shun',
  'Xin Guang Hai',
  'Asia Bridge 1',
  'Asia Bridge',
  'Lucky Star',
  'Calm Bridge',
  'Star 18',
  'Surplus Ocean 1',
  'Hua Fu',
  'Dong Feng 6',
  'Hao Fan 2',
  'Fan Ke',
  'Oriental Treasure',
  'Kai Xiang',
  'Glory Hope 1',
  'Xin Sheng Hai',
  'Jia Feng',
  'East Glory 7',
  'Jin Hung 9',
  'Ever Glory',
  'Lao Chuan Zhang 717',
  'Myong Sin',
  'Kum Ya',
  'K Morning',
  'Jin Hung 8',
  'Tae Yang',
  'DE YI',
  'Tok Song',
  'Pu Hae',
  'Ryon Hwa 2',
  'Mi Yang 5',
  'Pu Hung 1',
  'Neng Yuan',
  'Ocean Skipper',
];

/** The 30 rows of companies.csv, each with the names it must produce (two persons for the Chiang row). */
const COMPANY_ROWS: Record<string, string[]> = {
  'Korea Songi Shipping Co': ['Korea Songi Shipping Co'],
  'Korea Songi General Trading Corp (Songi Trading Co)': ['Korea Songi General Trading Corp', 'Songi Trading Co'],
  'Weihai World-Shipping Freight Agency Co Ltd': ['Weihai World-Shipping Freight Agency Co Ltd'],
  'Ascending Enterprise Ltd': ['Ascending Enterprise Ltd'],
  'Huaxin Shipping (Hongkong) Ltd': ['Huaxin Shipping (Hongkong) Ltd'],
  'Shanghai Dongfeng Shipping Co Ltd': ['Shanghai Dongfeng Shipping Co Ltd'],
  'Weihai Huijiang Trade Ltd': ['Weihai Huijiang Trade Ltd'],
  'Always Smooth Ltd': ['Always Smooth Ltd'],
  'Good Siblings Ltd': ['Good Siblings Ltd'],
  'Silver Bridge Shipping Co': ['Silver Bridge Shipping Co'],
  'Thinh Cuong Co Ltd': ['Thinh Cuong Co Ltd'],
  'Korea Daizin Trading Corp': ['Korea Daizin Trading Corp'],
  'Trendy Sunshine': ['Trendy Sunshine'],
  'Zhejiang Haoheng Shipping': ['Zhejiang Haoheng Shipping'],
  'Dalian Longgang Shipping': ['Dalian Longgang Shipping'],
  'Nampho Fishery': ['Nampho Fishery'],
  'K Brothers Marine': ['K Brothers Marine'],
  'Korea Rungrado Ryongak Trading': ['Korea Rungrado Ryongak Trading'],
  'Rungrado General Trading Corp': ['Rungrado General Trading Corp'],
  'Pro-Gain Group Corp': ['Pro-Gain Group Corp'],
  'Kingly Won International Co Ltd': ['Kingly Won International Co Ltd'],
  'Tsang Yung Yuan (individual)': ['Tsang Yung Yuan'],
  'Ricoh-Union Co': ['Ricoh-Union Co'],
  'Chiang Kuo-hua and Chiang Heng (individuals)': ['Chiang Kuo-hua', 'Chiang Heng'],
  'Formosa Plastics Group (Vietnam operation)': ['Formosa Plastics Group (Vietnam operation)'],
  'Korea South-East Power Co': ['Korea South-East Power Co'],
  'Eko Setyamoko (individual)': ['Eko Setyamoko'],
  'Dandong Chengtai': ['Dandong Chengtai'],
  'Porta Shipping Ltd': ['Porta Shipping Ltd'],
  RasonConTrans: ['RasonConTrans'],
};
const INDIVIDUAL_ROWS = Object.keys(COMPANY_ROWS).filter((n) => /\(individuals?\)$/.test(n));

// ----------------------------------------------------------------------------- indexes

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
const vessels = byId(data.vessels);
const ports = byId(data.ports);
const companies = byId(data.companies);
const legs = byId(data.legs);
const transfers = byId(data.transfers);
const sourceUrls = new Set(data.sources.map((s) => s.url));
const countryCodes = new Set(data.countries.map((c) => c.code));
const tacticCodes = new Set(data.tactics.map((t) => t.code));

const CONFIDENCE = ['HIGH', 'MEDIUM_HIGH', 'MEDIUM', 'LOW'];
const PRECISION = [
  'DAY',
  'APPROXIMATE_DAY',
  'PART_OF_MONTH',
  'MONTH',
  'MONTH_RANGE',
  'SEASON',
  'YEAR',
  'OPEN',
  'UNKNOWN',
];

// ============================================================================= tests

describe('seed data files', () => {
  it('has one JSON array per SeedDataset key, pretty-printed with 2 spaces', () => {
    for (const key of SEED_FILES) {
      const text = fs.readFileSync(path.join(DATA_DIR, `${key}.json`), 'utf8');
      expect(Array.isArray(data[key])).toBe(true);
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    }
  });

  it('has unique ids, each prefixed by its kind', () => {
    const prefixed: [string, { id: string }[], RegExp][] = [
      ['ports', data.ports, /^port:[a-z0-9-]+$/],
      ['vessels', data.vessels, /^vessel:[a-z0-9-]+$/],
      ['identityClaims', data.identityClaims, /^identity:[a-z0-9-]+:[a-z0-9-]+$/],
      ['companies', data.companies, /^(company|person):[a-z0-9-]+$/],
      ['relations', data.relations, /^rel:[a-z-]+:[a-z0-9-]+:[a-z0-9-]+$/],
      ['legs', data.legs, /^leg:[a-z0-9:-]+$/],
      ['transfers', data.transfers, /^transfer:[a-z0-9:-]+$/],
      ['tacticUses', data.tacticUses, /^tactic-use:[a-z0-9:-]+$/],
      ['designations', data.designations, /^designation:[a-z-]+:[a-z0-9-]+:[a-z0-9-]+$/],
      ['statistics', data.statistics, /^statistic:[a-z0-9-]+$/],
    ];
    const all = new Set<string>();
    for (const [name, records, pattern] of prefixed) {
      for (const r of records) {
        expect({ file: name, id: r.id, ok: pattern.test(r.id) }).toEqual({ file: name, id: r.id, ok: true });
        expect(all.has(r.id)).toBe(false);
        all.add(r.id);
      }
    }
    for (const c of data.companies) expect(c.id.startsWith(c.kind === 'PERSON' ? 'person:' : 'company:')).toBe(true);
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(data.sources.map((s) => s.url));
    unique(data.countries.map((c) => c.code));
    unique(data.tactics.map((t) => t.code));
  });
});

describe('referential integrity', () => {
  it('resolves every vessel, port, company, leg and transfer reference', () => {
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => {
      if (!ok) missing.push(what);
    };
    for (const c of data.identityClaims) need(vessels.has(c.vesselId), `${c.id} -> ${c.vesselId}`);
    for (const r of data.relations) {
      need(companies.has(r.fromId), `${r.id} from ${r.fromId}`);
      need(vessels.has(r.toId) || companies.has(r.toId), `${r.id} to ${r.toId}`);
    }
    for (const l of data.legs) {
      if (l.vesselId !== null) need(vessels.has(l.vesselId), `${l.id} -> ${l.vesselId}`);
      else need(!!l.vesselDescription, `${l.id} has neither vesselId nor vesselDescription`);
      for (const p of [...l.fromPortIds, ...l.toPortIds]) need(ports.has(p), `${l.id} -> ${p}`);
    }
    for (const t of data.transfers) {
      for (const v of [t.fromVesselId, t.toVesselId]) if (v !== null) need(vessels.has(v), `${t.id} -> ${v}`);
      if (t.portId !== null) need(ports.has(t.portId), `${t.id} -> ${t.portId}`);
      for (const l of [t.fromLegId, t.toLegId]) if (l !== null) need(legs.has(l), `${t.id} -> ${l}`);
    }
    for (const u of data.tacticUses) {
      const s = u.subjectId;
      need(vessels.has(s) || companies.has(s) || legs.has(s) || transfers.has(s), `${u.id} -> ${s}`);
    }
    for (const d of data.designations)
      need(vessels.has(d.targetId) || companies.has(d.targetId), `${d.id} -> ${d.targetId}`);
    for (const s of data.statistics)
      for (const p of [...s.fromPortIds, ...s.toPortIds]) need(ports.has(p), `${s.id} -> ${p}`);
    expect(missing).toEqual([]);
  });

  it('links each transfer to legs of the same vessels', () => {
    for (const t of data.transfers) {
      if (t.fromLegId) expect(legs.get(t.fromLegId)!.vesselId).toBe(t.fromVesselId);
      if (t.toLegId) expect(legs.get(t.toLegId)!.vesselId).toBe(t.toVesselId);
    }
  });

  it('knows every country code used', () => {
    const used = new Set<string>();
    for (const p of data.ports) if (p.countryCode) used.add(p.countryCode);
    for (const c of data.identityClaims) if (c.flagCode) used.add(c.flagCode);
    for (const c of data.companies) if (c.countryCode) used.add(c.countryCode);
    for (const l of data.legs) if (l.destinationCountryCode) used.add(l.destinationCountryCode);
    for (const s of data.statistics) s.countryCodes.forEach((c) => used.add(c));
    expect([...used].filter((c) => !countryCodes.has(c))).toEqual([]);
    for (const c of data.countries) expect(c.code).toMatch(/^[A-Z]{2}$/);
  });

  it('knows every tactic code used', () => {
    const used = [
      ...data.legs.flatMap((l) => l.tacticCodes),
      ...data.transfers.flatMap((t) => t.tacticCodes),
      ...data.tacticUses.map((u) => u.tacticCode),
      ...data.statistics.flatMap((s) => s.tacticCodes),
    ];
    expect(used.filter((c) => !tacticCodes.has(c))).toEqual([]);
    for (const code of [
      'AIS_DARK',
      'AIS_SPOOFING',
      'IDENTITY_ALTERATION',
      'FLAG_HOPPING',
      'FALSE_FLAG',
      'STS_TRANSFER',
      'THIRD_COUNTRY_TRANSHIPMENT',
      'FALSE_DOCUMENTS',
      'LOITERING',
      'INDIRECT_ROUTE',
      'FRONT_COMPANY',
      'BARGE_TRANSLOADING',
      'PAYMENT_OBFUSCATION',
      'NIGHT_OPERATIONS',
      'CHARTER_INTERMEDIARY',
    ]) {
      expect(tacticCodes.has(code)).toBe(true);
    }
  });
});

describe('evidence and sources', () => {
  const evidence = allEvidence();

  it('gives every fact at least one source, each listed in sources.json, and a valid confidence', () => {
    const bad = evidence.filter(
      ({ evidence: e }) =>
        e.sources.length === 0 || e.sources.some((u) => !sourceUrls.has(u)) || !CONFIDENCE.includes(e.confidence),
    );
    expect(bad.map((b) => b.where)).toEqual([]);
  });

  it('uses every source at least once', () => {
    const used = new Set(evidence.flatMap(({ evidence: e }) => e.sources));
    expect(data.sources.map((s) => s.url).filter((u) => !used.has(u))).toEqual([]);
  });

  it('describes each source with publisher, kind, tier, no invented title, and a date only when well formed', () => {
    const kinds = ['OFFICIAL', 'COURT', 'INVESTIGATIVE', 'NEWS', 'REPOST', 'FORUM', 'REFERENCE'];
    for (const s of data.sources) {
      expect(s.url).toMatch(/^https?:\/\//);
      expect(s.publisher.length).toBeGreaterThan(0);
      expect(kinds).toContain(s.kind);
      expect(CONFIDENCE).toContain(s.tier);
      expect(s.title).toBeNull();
      if (s.date !== null) {
        expect(isIsoDate(s.date)).toBe(true);
        const [y, m, d] = s.date.split('-');
        // the date must be written in the address itself
        expect(s.url.includes(`${y}/${m}/${d}`) || s.url.includes(`${y}-${m}-${d}`)).toBe(true);
      }
    }
    const sdn = data.sources.find((s) => s.url.includes('jackdwyer/specially-designated-nationals-list'));
    expect(sdn).toMatchObject({ publisher: 'OFAC SDN list (copy on GitHub)', tier: 'HIGH' });
  });

  it('never rates a fact above its best source', () => {
    const tierOf = new Map(data.sources.map((s) => [s.url, CONFIDENCE.indexOf(s.tier)]));
    const tooHigh = evidence.filter(({ evidence: e }) => {
      const best = Math.min(...e.sources.map((u) => tierOf.get(u) ?? 99));
      return CONFIDENCE.indexOf(e.confidence) < best;
    });
    expect(tooHigh.map((t) => t.where)).toEqual([]);
  });
});

describe('dates and quantities', () => {
  it('uses valid ISO dates with from <= to, and null bounds for UNKNOWN', () => {
    const problems: string[] = [];
    for (const { where, range } of allDateRanges()) {
      if (!PRECISION.includes(range.precision)) problems.push(`${where}: precision ${range.precision}`);
      if (typeof range.text !== 'string' || range.text.length === 0) problems.push(`${where}: no text`);
      for (const d of [range.from, range.to]) if (d !== null && !isIsoDate(d)) problems.push(`${where}: bad date ${d}`);
      if (range.from && range.to && range.from > range.to) problems.push(`${where}: ${range.from} > ${range.to}`);
      if (range.precision === 'UNKNOWN' && (range.from !== null || range.to !== null))
        problems.push(`${where}: UNKNOWN with bounds`);
      if (['DAY', 'APPROXIMATE_DAY'].includes(range.precision) && range.from !== range.to)
        problems.push(`${where}: day range`);
    }
    expect(problems).toEqual([]);
  });

  it('departs no later than it arrives', () => {
    for (const l of data.legs) {
      if (l.departure?.from && l.arrival?.to) expect(l.departure.from <= l.arrival.to).toBe(true);
    }
  });

  it('keeps quantities ordered and sourced', () => {
    for (const { where, quantity } of allQuantities()) {
      if (quantity.min !== null && quantity.max !== null)
        expect({ where, ok: quantity.min <= quantity.max }).toEqual({ where, ok: true });
      expect(quantity.text.length).toBeGreaterThan(0);
    }
  });
});

describe('identifiers', () => {
  it('has a valid IMO check digit for every IMO in the data', () => {
    const imos = [...data.vessels.map((v) => v.imo), ...data.identityClaims.map((c) => c.imo)].filter(
      (x): x is string => x !== null,
    );
    expect(imos.length).toBeGreaterThan(0);
    expect(imos.filter((i) => !isValidImo(i))).toEqual([]);
    const vesselImos = data.vessels.map((v) => v.imo).filter((x) => x !== null);
    expect(new Set(vesselImos).size).toBe(vesselImos.length);
  });

  it('has no MMSI or call sign anywhere (none is found in the sources)', () => {
    expect(data.vessels.filter((v) => v.mmsi !== null || v.callSign !== null).map((v) => v.id)).toEqual([]);
    expect(data.identityClaims.filter((c) => c.mmsi !== null || c.callSign !== null).map((c) => c.id)).toEqual([]);
  });

  it('gives every vessel a registration claim', () => {
    for (const v of data.vessels) {
      expect({
        v: v.id,
        n: data.identityClaims.filter((c) => c.vesselId === v.id && c.kind === 'REGISTRATION').length > 0,
      }).toEqual({ v: v.id, n: true });
    }
  });

  it('keeps placeholder ports without coordinates or codes', () => {
    for (const p of data.ports.filter((x) => x.kind === 'UNSPECIFIED_IN_COUNTRY')) {
      expect(p.id).toMatch(/^port:unspecified-[a-z]{2}$/);
      expect([p.lat, p.lon, p.locode]).toEqual([null, null, null]);
      expect(p.name).toMatch(/not named/);
    }
    // KRTAN is South Korea's Taean, not the DPRK's
    expect(ports.get('port:taean')!.locode).toBeNull();
  });
});

describe('coverage of the fact tables', () => {
  it('has all 47 ships of vessels.csv', () => {
    expect(VESSEL_NAMES).toHaveLength(47);
    const names = new Set(data.vessels.map((v) => v.name));
    expect(VESSEL_NAMES.filter((n) => !names.has(n))).toEqual([]);
    expect(data.vessels).toHaveLength(47);
  });

  it('has every company and person of the 30 companies.csv rows', () => {
    expect(Object.keys(COMPANY_ROWS)).toHaveLength(30);
    const names = new Set(data.companies.flatMap((c) => [c.name, ...c.aliases]));
    const missing = Object.values(COMPANY_ROWS)
      .flat()
      .filter((n) => !names.has(n));
    expect(missing).toEqual([]);
    const persons = INDIVIDUAL_ROWS.flatMap((r) => COMPANY_ROWS[r]);
    expect(persons).toHaveLength(4);
    for (const p of persons) expect(data.companies.find((c) => c.name === p)!.kind).toBe('PERSON');
  });

  const factsPresent = fs.existsSync(path.join(FACTS_DIR, 'vessels.csv'));
  (factsPresent ? it : it.skip)('matches the names in the fact tables themselves', () => {
    expect(
      readCsv(path.join(FACTS_DIR, 'vessels.csv'))
        .map((r) => r.name)
        .sort(),
    ).toEqual([...VESSEL_NAMES].sort());
    expect(
      readCsv(path.join(FACTS_DIR, 'companies.csv'))
        .map((r) => r.name)
        .sort(),
    ).toEqual(Object.keys(COMPANY_ROWS).sort());
    const tableUrls = new Set(
      ['vessels', 'vessel-ids', 'companies', 'ports', 'ports-geo', 'shipments']
        .flatMap((f) => readCsv(path.join(FACTS_DIR, `${f}.csv`)))
        .flatMap((r) =>
          (r.source_urls ?? '')
            .split(';')
            .map((u) => u.trim())
            .filter(Boolean),
        ),
    );
    // every address in sources.json comes verbatim from the tables
    expect(data.sources.map((s) => s.url).filter((u) => !tableUrls.has(u))).toEqual([]);
    // every IMO comes from the tables
    const tableImos = new Set(
      [...readCsv(path.join(FACTS_DIR, 'vessels.csv')), ...readCsv(path.join(FACTS_DIR, 'vessel-ids.csv'))]
        .map((r) => r.imo)
        .filter(Boolean),
    );
    expect(data.vessels.map((v) => v.imo).filter((i) => i !== null && !tableImos.has(i))).toEqual([]);
  });
});

describe('spot checks', () => {
  const claimsOf = (vesselId: string) => data.identityClaims.filter((c) => c.vesselId === vesselId);
  const designationsOf = (id: string) => data.designations.filter((d) => d.targetId === id);
  const relationsTo = (id: string) => data.relations.filter((r) => r.toId === id);
  const legsOf = (vesselId: string) => data.legs.filter((l) => l.vesselId === vesselId);

  it('finds Glory Hope 1 by its former name Orient Shenyu', () => {
    const hit = data.identityClaims.filter((c) => c.name === 'Orient Shenyu');
    expect(hit.map((c) => [c.vesselId, c.kind])).toEqual([['vessel:glory-hope-1', 'FORMER_NAME']]);
  });

  it('has IMO 9114555 as Ul Ji Bong 6, North Korea-flagged, UN port ban of 28 Dec 2017', () => {
    const v = data.vessels.find((x) => x.imo === '9114555')!;
    expect(v.id).toBe('vessel:ul-ji-bong-6');
    expect(claimsOf(v.id).some((c) => c.kind === 'REGISTRATION' && c.flagCode === 'KP')).toBe(true);
    const un = designationsOf(v.id).find((d) => d.authority === 'UN_1718_COMMITTEE')!;
    expect(un.date.from).toBe('2017-12-28');
    expect(un.evidence.sources.length).toBeGreaterThan(0);
  });

  it('has Xin Guang Hai owned by Ascending Enterprise (GB) and managed by Weihai World-Shipping (UN 30 Mar 2018)', () => {
    const rels = relationsTo('vessel:xin-guang-hai');
    const owner = rels.find((r) => r.type === 'OWNS')!;
    const manager = rels.find((r) => r.type === 'MANAGES')!;
    expect(companies.get(owner.fromId)).toMatchObject({ name: 'Ascending Enterprise Ltd', countryCode: 'GB' });
    expect(companies.get(manager.fromId)!.name).toBe('Weihai World-Shipping Freight Agency Co Ltd');
    const un = designationsOf(manager.fromId).find((d) => d.authority === 'UN_1718_COMMITTEE')!;
    expect([un.date.from, un.date.to, un.date.precision]).toEqual(['2018-03-30', '2018-03-30', 'DAY']);
  });

  it('links Lucky Star and Asia Bridge to Weihai Huijiang Trade', () => {
    for (const v of ['vessel:lucky-star', 'vessel:asia-bridge']) {
      expect(relationsTo(v).some((r) => r.fromId === 'company:weihai-huijiang-trade')).toBe(true);
    }
  });

  it('chains Wise Honest to Balikpapan, the transfer to Dong Thanh, then Kemaman, Vung Tau, Ho Chi Minh City', () => {
    const wh = legsOf('vessel:wise-honest');
    expect(wh.map((l) => [l.fromPortIds, l.toPortIds, l.discharged])).toEqual([
      [['port:nampho'], ['port:balikpapan'], false],
    ]);
    const t = transfers.get('transfer:wise-honest:dong-thanh')!;
    expect([t.fromLegId, t.portId]).toEqual([wh[0].id, 'port:balikpapan']);
    const chain: string[] = [];
    let leg = legs.get(t.toLegId!)!;
    chain.push(leg.fromPortIds[0], leg.toPortIds[0]);
    for (;;) {
      const next = data.legs.find(
        (l) => l.vesselId === leg.vesselId && l.fromPortIds[0] === leg.toPortIds[0] && l.id !== leg.id,
      );
      if (!next) break;
      expect(next.departure!.to! >= leg.arrival!.from!).toBe(true);
      leg = next;
      chain.push(leg.toPortIds[0]);
    }
    expect(chain).toEqual(['port:balikpapan', 'port:kemaman', 'port:vung-tau', 'port:ho-chi-minh-city']);
    expect(leg.discharged).toBe(true);
    expect(leg.arrival!.from).toBe('2019-11-09');
  });

  it('has the 2017 Russia route: unnamed legs and Ul Ji Bong 6 to Kholmsk, then Sky Angel and Rich Glory to ROK', () => {
    const unnamed = data.legs.filter((l) => l.vesselId === null && l.toPortIds.includes('port:kholmsk'));
    expect(unnamed.map((l) => l.fromPortIds[0]).sort()).toEqual(['port:chongjin', 'port:wonsan']);
    for (const l of unnamed) {
      expect([l.arrival!.from, l.arrival!.to, l.declaredOrigin]).toEqual(['2017-07-01', '2017-09-30', 'Russia']);
    }
    const ujb = legsOf('vessel:ul-ji-bong-6')[0];
    expect([ujb.toPortIds, ujb.arrival!.from]).toEqual([['port:kholmsk'], '2017-09-05']);
    const sky = legsOf('vessel:sky-angel')[0];
    expect([sky.fromPortIds, sky.toPortIds, sky.arrival!.from]).toEqual([
      ['port:kholmsk'],
      ['port:incheon'],
      '2017-10-02',
    ]);
    const rich = legsOf('vessel:rich-glory')[0];
    expect([rich.fromPortIds, rich.toPortIds, rich.arrival!.from]).toEqual([
      ['port:kholmsk'],
      ['port:pohang'],
      '2017-10-11',
    ]);
    expect(rich.tonnage.map((q) => q.min).sort()).toEqual([5000, 5500]);
  });

  it('has Kai Xiang Nampho to Cam Pha and Jia Feng Nampho to Malaysia', () => {
    expect(legsOf('vessel:kai-xiang').map((l) => [l.fromPortIds, l.toPortIds])).toEqual([
      [['port:nampho'], ['port:cam-pha']],
    ]);
    expect(
      legsOf('vessel:jia-feng').some(
        (l) => l.fromPortIds[0] === 'port:nampho' && l.toPortIds[0] === 'port:unspecified-my',
      ),
    ).toBe(true);
  });

  it('keeps conflicting flags side by side (Kai Xiang: Panama and Hong Kong)', () => {
    const flags = claimsOf('vessel:kai-xiang')
      .filter((c) => c.kind === 'REGISTRATION')
      .map((c) => c.flagCode)
      .sort();
    expect(flags).toEqual(['HK', 'PA']);
  });

  it('marks spoofed identities FALSE', () => {
    expect(claimsOf('vessel:tae-yang').find((c) => c.name === 'Krysper Singa')).toMatchObject({
      status: 'FALSE',
      kind: 'AIS_BROADCAST',
    });
    expect(claimsOf('vessel:ever-glory').find((c) => c.name === 'GE')).toMatchObject({
      status: 'FALSE',
      kind: 'AIS_BROADCAST',
    });
  });

  it("treats Ocean Skipper's Russian coal as cleared, not a violation", () => {
    expect(vessels.get('vessel:ocean-skipper')!.status).toBe('CLEARED');
    expect(legsOf('vessel:ocean-skipper').map((l) => [l.cargoOrigin, l.legality])).toEqual([
      ['RUSSIA', 'NOT_A_VIOLATION'],
    ]);
  });

  it('keeps DE YI unflagged', () => {
    const reg = claimsOf('vessel:de-yi').find((c) => c.kind === 'REGISTRATION')!;
    expect([reg.flagCode, reg.flagText]).toEqual([null, 'unflagged']);
  });

  it('uses PRE_BAN only for movements wholly before the UN full ban of 5 Aug 2017', () => {
    for (const l of data.legs.filter((x) => x.legality === 'PRE_BAN')) {
      const latest = l.arrival?.to ?? l.departure?.to;
      expect({ leg: l.id, ok: latest !== null && latest !== undefined && latest < '2017-08-05' }).toEqual({
        leg: l.id,
        ok: true,
      });
    }
  });
});
