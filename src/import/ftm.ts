/**
 * FollowTheMoney entities, one JSON object per line as OpenSanctions publishes them
 * (`{"id", "schema", "properties": {name: [..], ...}, "datasets": [..], "referents": [..], …}`), mapped
 * onto Collier's facts. Pure: each entity becomes the same plain record a Collier JSON Lines line
 * would be, checked by the same rules (domain/facts.ts), then marked as FtM-sourced: it keeps its FtM
 * id and datasets as provenance, cites its datasets (and `sourceUrl`s) as sources, and only fills
 * fields analysts have not set ('fill' mode).
 *
 *   Vessel                           → vessel   (imoNumber, mmsi, callSign, flag, type, buildDate, aliases)
 *   Company, Organization, LegalEntity → company (jurisdiction/country, imoNumber, registrationNumber, address)
 *   Person                           → person   (nationality/citizenship/country, address)
 *   Ownership (owner → asset)        → relation OWNS
 *   Directorship (director → organization) → relation CONTROLS, role "director"
 *   Sanction (entity)                → designation (authority, program, provisions, startDate/listingDate, endDate)
 *   Address                          → the `address` text of the entities whose addressEntity points at it
 * Other schemas are skipped.
 */
import { isValidCountryCode, isValidImo, isValidMmsi, normalizeImo } from '../domain/identifiers';
import { isIsoDate } from '../domain/dates';
import { Authority, ConfidenceTier, DatePrecision, SourceKind } from '../domain/enums';
import { Fact, FactProblem, FactType, ftmKey, Provenance, validateFact } from '../domain/facts';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
}

export interface FtmAddress {
  full: string;
  country: string | null;
}

export interface FtmOptions {
  /** How the publisher's datasets are cited: a faithful copy of official lists by default. */
  sourceKind: SourceKind;
  tier: ConfidenceTier;
  /** Today (YYYY-MM-DD): a sanction whose end date has passed is LIFTED. */
  today: string;
}

export const DEFAULT_FTM_OPTIONS: Omit<FtmOptions, 'today'> = {
  sourceKind: SourceKind.OFFICIAL,
  tier: ConfidenceTier.HIGH,
};

const ENTITY_SCHEMAS: Record<string, FactType> = {
  Vessel: 'vessel',
  Company: 'company',
  Organization: 'company',
  LegalEntity: 'company',
  Person: 'person',
  Ownership: 'relation',
  Directorship: 'relation',
  Sanction: 'designation',
};

/** What one FtM line becomes. */
export type FtmMapped = { fact: Fact } | { skipped: string } | { address: FtmAddress };

/** Parses a line into an FtM entity (shape only). Throws FactProblem. */
export function parseFtmEntity(text: string): FtmEntity {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (error) {
    throw new FactProblem('', `not valid JSON (${(error as Error).message})`);
  }
  if (typeof v !== 'object' || v == null || Array.isArray(v))
    throw new FactProblem('', 'each line must be one FtM entity object');
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.trim() === '') throw new FactProblem('id', 'an FtM entity needs its id');
  if (typeof o.schema !== 'string' || o.schema === '')
    throw new FactProblem('schema', 'an FtM entity needs its schema');
  const props = o.properties ?? {};
  if (typeof props !== 'object' || props == null || Array.isArray(props))
    throw new FactProblem('properties', 'must be an object of value lists');
  const properties: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(props as Record<string, unknown>)) {
    const values = Array.isArray(list) ? list : [list];
    properties[k] = values
      .filter((x): x is string | number => typeof x === 'string' || typeof x === 'number')
      .map((x) => String(x).trim())
      .filter(Boolean);
  }
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  return {
    id: o.id.trim(),
    schema: o.schema,
    properties,
    datasets: strings(o.datasets),
    referents: strings(o.referents),
  };
}

/** The phase (domain/facts FACT_PHASE) a schema maps into; -1 for Address (read first), null for skipped schemas. */
export function ftmPhase(schema: string): number | null {
  if (schema === 'Address') return -1;
  const type = ENTITY_SCHEMAS[schema];
  if (!type) return null;
  return type === 'relation' || type === 'designation' ? 2 : 1;
}

const first = (e: FtmEntity, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = e.properties[n]?.[0];
    if (v) return v;
  }
  return undefined;
};
const all = (e: FtmEntity, ...names: string[]): string[] => names.flatMap((n) => e.properties[n] ?? []);

/** The first value that is an ISO country (FtM writes codes in lower case; it also has codes like "suhh" that are not ISO). */
function country(e: FtmEntity, ...names: string[]): string | undefined {
  return all(e, ...names)
    .find((c) => isValidCountryCode(c))
    ?.toUpperCase();
}

/** An FtM date ("2017", "2017-10", "2017-10-03", or a timestamp) → a Collier date range. */
export function ftmDate(
  value: string | undefined,
  text?: string,
): { from: string; to: string; precision: DatePrecision; text: string | null } | undefined {
  if (!value) return undefined;
  const v = value.slice(0, 10);
  if (/^\d{4}$/.test(v))
    return { from: `${v}-01-01`, to: `${v}-12-31`, precision: DatePrecision.YEAR, text: text ?? v };
  if (/^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const from = `${v}-01`;
    if (!isIsoDate(from)) return undefined;
    return { from, to: `${v}-${String(last).padStart(2, '0')}`, precision: DatePrecision.MONTH, text: text ?? v };
  }
  if (isIsoDate(v)) return { from: v, to: v, precision: DatePrecision.DAY, text: text ?? null };
  return undefined;
}

function earliest(values: string[]): string | undefined {
  return [...values].filter((v) => ftmDate(v)).sort()[0];
}

/** Which Collier authority a Sanction's authority and programme text name. */
export function ftmAuthority(e: FtmEntity): Authority {
  const text = [...all(e, 'authority', 'program', 'programId', 'sourceUrl')].join(' ').toLowerCase();
  const unscId = first(e, 'unscId');
  const countries = all(e, 'country').map((c) => c.toLowerCase());
  const isUn = /security council|united nations|\bunsc\b|\bun\b/.test(text) || unscId != null;
  if (isUn)
    return /1718|dprk|north korea|democratic people|korea/.test(text) || unscId?.toUpperCase().startsWith('KP')
      ? Authority.UN_1718_COMMITTEE
      : Authority.OTHER;
  if (/\bofac\b|office of foreign assets|u\.s\. department of the treasury|us treasury/.test(text))
    return Authority.US_OFAC;
  if (/department of justice|\bdoj\b/.test(text)) return Authority.US_DOJ;
  if (/european union|council of the eu|\beu\b/.test(text) || countries.includes('eu')) return Authority.EU;
  if (/hm treasury|\bofsi\b|united kingdom|\buk\b|foreign, commonwealth/.test(text) || countries.includes('gb'))
    return Authority.UK;
  if (/republic of korea|south korea|\bmofa\b/.test(text) || countries.includes('kr')) return Authority.ROK_GOVERNMENT;
  if (countries.includes('us')) return Authority.US_OFAC;
  return Authority.OTHER;
}

function sourcesOf(e: FtmEntity, o: FtmOptions): Record<string, unknown>[] {
  const sources: Record<string, unknown>[] = e.datasets.slice(0, 10).map((d) => ({
    url: `https://www.opensanctions.org/datasets/${encodeURIComponent(d)}/`,
    publisher: `OpenSanctions dataset ${d}`,
    kind: o.sourceKind,
    tier: o.tier,
  }));
  for (const url of all(e, 'sourceUrl').slice(0, 5)) {
    if (!/^https?:\/\/\S+$/i.test(url)) continue;
    let host = url;
    try {
      host = new URL(url).hostname;
    } catch {
      continue;
    }
    sources.push({ url, publisher: host, kind: o.sourceKind, tier: o.tier });
  }
  return sources;
}

const clip = (s: string | undefined, n: number) => (s == null ? undefined : s.length > n ? `${s.slice(0, n - 1)}…` : s);

function names(e: FtmEntity): { name: string | undefined; others: string[] } {
  const ns = all(e, 'name');
  const name = ns[0];
  const others = [...new Set([...ns.slice(1), ...all(e, 'alias', 'previousName')])]
    .filter((n) => n !== name)
    .map((n) => clip(n, 300)!);
  return { name: clip(name, 300), others: others.slice(0, 100) };
}

/** The FtM property a Collier field came from, so a rejection names what the publisher wrote. */
const FIELD_FROM: Record<string, Record<string, string>> = {
  vessel: {
    imo: 'imoNumber',
    mmsi: 'mmsi',
    callSign: 'callSign',
    flag: 'flag',
    name: 'name',
    buildYear: 'buildDate',
    sources: 'datasets',
  },
  company: { imoCompanyNumber: 'imoNumber', country: 'jurisdiction', name: 'name', sources: 'datasets' },
  person: { country: 'nationality', name: 'name', sources: 'datasets' },
  relation: { from: 'owner', to: 'asset', period: 'startDate', sources: 'datasets' },
  designation: { target: 'entity', date: 'startDate', sources: 'datasets' },
};

/**
 * Maps one FtM entity. `addresses` holds the Address entities of the file (read in a first pass).
 * Throws FactProblem (naming the FtM property) when the entity cannot become a valid fact.
 */
export function mapFtmEntity(e: FtmEntity, addresses: ReadonlyMap<string, FtmAddress>, o: FtmOptions): FtmMapped {
  if (e.schema === 'Address') {
    const full =
      first(e, 'full') ??
      [first(e, 'street'), first(e, 'city'), first(e, 'postalCode'), first(e, 'region')].filter(Boolean).join(', ');
    return { address: { full: clip(full, 1000) ?? '', country: country(e, 'country') ?? null } };
  }
  const type = ENTITY_SCHEMAS[e.schema];
  if (!type) return { skipped: `schema ${e.schema} is not mapped` };
  const sources = sourcesOf(e, o);
  if (sources.length === 0)
    throw new FactProblem('datasets', 'an FtM entity needs at least one dataset or sourceUrl to cite');
  const key = ftmKey(e.id);
  const provenance: Provenance = { ftmIds: [e.id, ...e.referents].slice(0, 50), datasets: e.datasets };
  const notes = clip([...all(e, 'summary', 'description', 'notes')].join(' '), 5000) || undefined;
  let record: Record<string, unknown>;
  let externalId: string | undefined;

  switch (e.schema) {
    case 'Vessel': {
      const n = names(e);
      const imos = all(e, 'imoNumber');
      const mmsis = all(e, 'mmsi');
      const buildDate = first(e, 'buildDate');
      record = {
        name: n.name,
        otherNames: n.others,
        imo: imos.find((v) => isValidImo(normalizeImo(v))) ?? imos[0],
        mmsi: mmsis.find((v) => isValidMmsi(v)) ?? mmsis[0],
        callSign: clip(first(e, 'callSign'), 20),
        vesselType: clip(first(e, 'type'), 100),
        buildYear: buildDate && /^\d{4}/.test(buildDate) ? Number(buildDate.slice(0, 4)) : undefined,
        flag: country(e, 'flag'),
        description: notes,
      };
      externalId = `vessel:ftm-${key}`;
      break;
    }
    case 'Company':
    case 'Organization':
    case 'LegalEntity':
    case 'Person': {
      const n = names(e);
      const addressEntity = all(e, 'addressEntity')
        .map((id) => addresses.get(id))
        .find((a) => a && a.full);
      const person = e.schema === 'Person';
      record = {
        name: n.name,
        aliases: n.others,
        country: person
          ? country(e, 'nationality', 'citizenship', 'country')
          : country(e, 'jurisdiction', 'country', 'mainCountry'),
        address: clip(first(e, 'address'), 1000) ?? addressEntity?.full,
        role: clip(first(e, 'position', 'sector'), 1000),
      };
      if (!person) {
        const imo = first(e, 'imoNumber');
        record.imoCompanyNumber = imo;
        record.registrationNumber = clip(first(e, 'registrationNumber'), 100);
        if (record.country == null && addressEntity?.country) record.country = addressEntity.country;
      } else if (record.country == null && addressEntity?.country) {
        record.country = addressEntity.country;
      }
      externalId = `${person ? 'person' : 'company'}:ftm-${key}`;
      break;
    }
    case 'Ownership': {
      const owner = first(e, 'owner');
      const asset = first(e, 'asset');
      const pct = first(e, 'percentage');
      record = {
        id: `rel:ftm-${key}`,
        relation: 'OWNS',
        from: owner ? `ftm:${owner}` : undefined,
        to: asset ? `ftm:${asset}` : undefined,
        role: clip(first(e, 'role', 'ownershipType') ?? (pct ? `owner (${pct}%)` : 'owner'), 300),
        period: period(e),
      };
      break;
    }
    case 'Directorship': {
      const director = first(e, 'director');
      const org = first(e, 'organization');
      record = {
        id: `rel:ftm-${key}`,
        relation: 'CONTROLS',
        from: director ? `ftm:${director}` : undefined,
        to: org ? `ftm:${org}` : undefined,
        role: clip(first(e, 'role') ?? 'director', 300),
        period: period(e),
      };
      break;
    }
    case 'Sanction': {
      const target = first(e, 'entity');
      const end = earliest(all(e, 'endDate'));
      const start = earliest(all(e, 'startDate', 'listingDate', 'date'));
      const authorityText = all(e, 'authority').join('; ');
      const programText = all(e, 'program').join('; ');
      record = {
        id: `designation:ftm-${key}`,
        target: target ? `ftm:${target}` : undefined,
        authority: ftmAuthority(e),
        measure: clip(first(e, 'provisions') ?? (programText || 'sanction'), 1000),
        status: end && end.slice(0, 10) <= o.today ? 'LIFTED' : 'IN_FORCE',
        date: ftmDate(start),
        reference: clip(first(e, 'unscId', 'authorityId', 'programId') ?? (programText || undefined), 1000),
        evidenceNote:
          clip(
            [
              authorityText && `authority: ${authorityText}`,
              programText && `program: ${programText}`,
              first(e, 'reason') && `reason: ${first(e, 'reason')}`,
            ]
              .filter(Boolean)
              .join('; '),
            2000,
          ) || undefined,
      };
      break;
    }
    default:
      return { skipped: `schema ${e.schema} is not mapped` };
  }
  record.sources = sources;
  let fact: Fact;
  try {
    fact = validateFact(type, record);
  } catch (error) {
    if (error instanceof FactProblem) {
      const root = error.field.split(/[.[]/)[0];
      const from = FIELD_FROM[type]?.[root];
      const field =
        type === 'relation' && e.schema === 'Directorship'
          ? ({ from: 'director', to: 'organization' }[root] ?? from)
          : from;
      throw new FactProblem(field ?? error.field, error.problem);
    }
    throw error;
  }
  if (fact.type === 'source') return { fact };
  fact.mode = 'fill';
  fact.provenance = provenance;
  if (externalId && (fact.type === 'vessel' || fact.type === 'company' || fact.type === 'person'))
    fact.externalId = externalId;
  return { fact };
}

function period(e: FtmEntity) {
  const start = ftmDate(earliest(all(e, 'startDate', 'date')));
  const end = ftmDate(earliest(all(e, 'endDate')));
  if (!start && !end) return undefined;
  return {
    from: start?.from ?? null,
    to: end?.to ?? null,
    precision: DatePrecision.OPEN,
    text: [start && `from ${first(e, 'startDate', 'date')}`, end && `until ${first(e, 'endDate')}`]
      .filter(Boolean)
      .join(' '),
  };
}
