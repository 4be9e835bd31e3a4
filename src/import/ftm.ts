/**
 * FollowTheMoney entities, one JSON object per line as OpenSanctions publishes them
 * (`{"id", "schema", "properties": {name: [..], ...}, "datasets": [..], "referents": [..], …}`), mapped
 * onto Collier's facts. Pure: each entity becomes the same plain record a Collier JSON Lines line
 * would be, checked by the same rules (domain/facts.ts), then marked as FtM-sourced: it keeps its FtM
 * id and datasets as provenance, cites its datasets (and `sourceUrl`s) as sources, and only fills
 * fields analysts have not set ('fill' mode).
 *
 *   Vessel                           → vessel (imoNumber, mmsi, callSign, flag, type, buildDate, tonnage,
 *                                      aliases), identity claims (previousName, pastFlags, pastTypes with
 *                                      nameChangeDate), relations OWNS/OPERATES (owner, operator)
 *   Company, Organization, LegalEntity → company (jurisdiction/country, imoNumber, registrationNumber, address)
 *   Person                           → person   (nationality/citizenship/country, address)
 *   Ownership (owner → asset)        → relation OWNS
 *   Directorship (director → organization) → relation CONTROLS, role "director"
 *   UnknownLink, Representation, Associate, Family → relation ASSOCIATED_WITH, its role saying which
 *   Sanction (entity)                → designation (authority, program, provisions, startDate/listingDate, endDate)
 *   Address                          → the `address` text of the entities whose addressEntity points at it
 * Other schemas are skipped. Where each property goes is the table in ./ftmSchema.ts (FTM_MAPPING);
 * every other property is reported as skipped or unknown, by name (ftmPropertyReport).
 */
import { isValidImo, isValidMmsi, normalizeImo } from '../domain/identifiers';
import { Authority, ConfidenceTier, DesignationStatus, SourceKind } from '../domain/enums';
import { all, clip, country, earliest, first, FtmEntity, ftmDate, parseFtmEntity } from './ftmValues';

export { ftmDate, parseFtmEntity };
export type { FtmEntity };
import { FACT_PHASE, Fact, FactProblem, FactType, ftmKey, Provenance, validateFact } from '../domain/facts';
import { classifyProperties } from './ftmMapping';
import {
  pastFlagsMappable,
  RELATION_SCHEMAS,
  relationField,
  relationRecord,
  vesselExtras,
  vesselTonnage,
} from './ftmLinks';

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
  UnknownLink: 'relation',
  Representation: 'relation',
  Associate: 'relation',
  Family: 'relation',
  Sanction: 'designation',
};

/**
 * What one FtM line becomes: its fact, plus the facts it implies (a vessel's identity claims and
 * owner/operator relations), or an address, or nothing (a schema Collier does not map).
 */
export type FtmMapped = { fact: Fact; extra: Fact[] } | { skipped: string } | { address: FtmAddress };

/**
 * The phases (domain/facts FACT_PHASE) a schema's facts are written in; [-1] for Address (read
 * first), null for skipped schemas. A vessel writes itself (1), then its claims and relations (2).
 */
export function ftmPhases(schema: string): number[] | null {
  if (schema === 'Address') return [-1];
  const type = ENTITY_SCHEMAS[schema];
  if (!type) return null;
  if (schema === 'Vessel') return [FACT_PHASE.vessel, FACT_PHASE.identityClaim];
  return [FACT_PHASE[type]];
}

/**
 * The properties of an entity Collier does not keep, by name: `skipped` ones the FtM schema defines
 * (Collier has no place for them, or, for a vessel's past flags, no date orders them against its
 * current flag), `unknown` ones the schema does not define.
 */
export function ftmPropertyReport(e: FtmEntity): { skipped: string[]; unknown: string[] } {
  const r = classifyProperties(e.schema, e.properties);
  if (e.schema === 'Vessel' && e.properties.pastFlags?.length && !pastFlagsMappable(e)) r.skipped.push('pastFlags');
  return r;
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

export function sourcesOf(e: FtmEntity, o: FtmOptions): Record<string, unknown>[] {
  const sources: Record<string, unknown>[] = e.datasets.slice(0, 10).map((d) => ({
    url: `https://www.opensanctions.org/datasets/${encodeURIComponent(d)}/`,
    publisher: `OpenSanctions dataset ${d}`,
    kind: o.sourceKind,
    tier: o.tier,
  }));
  // At most 50 sources a fact: 10 datasets and 40 addresses.
  for (const url of all(e, 'sourceUrl').slice(0, 40)) {
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

function names(e: FtmEntity): { name: string | undefined; others: string[] } {
  const ns = all(e, 'name');
  const name = ns[0];
  const others = [...new Set([...ns.slice(1), ...all(e, 'alias', 'weakAlias', 'previousName')])]
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
  identityClaim: { sources: 'datasets' },
  relation: { sources: 'datasets' },
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
  const notes = clip([...all(e, 'summary', 'description', 'notes')].join(' '), 5000) || undefined;
  const program = all(e, 'program').join('; ');
  const note = clip([notes, program && `program: ${program}`].filter(Boolean).join(' — '), 2000) || undefined;
  let record: Record<string, unknown>;
  let externalId: string | undefined;
  let extras: { type: FactType; prop: string; record: Record<string, unknown> }[] = [];

  switch (e.schema) {
    case 'Vessel': {
      const n = names(e);
      const imos = all(e, 'imoNumber');
      const mmsis = all(e, 'mmsi');
      const buildDate = first(e, 'buildDate');
      const tonnage = vesselTonnage(e);
      if (tonnage.bad) throw new FactProblem(tonnage.bad, 'must be a number of tonnes');
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
        grossTonnage: tonnage.grossTonnage,
        deadweight: tonnage.deadweight,
        evidenceNote: program ? clip(`program: ${program}`, 2000) : undefined,
      };
      externalId = `vessel:ftm-${key}`;
      extras = vesselExtras(e);
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
        evidenceNote: note,
      };
      if (!person) {
        record.imoCompanyNumber = first(e, 'imoNumber');
        record.registrationNumber = clip(first(e, 'registrationNumber'), 100);
      }
      if (record.country == null && addressEntity?.country) record.country = addressEntity.country;
      externalId = `${person ? 'person' : 'company'}:ftm-${key}`;
      break;
    }
    case 'Sanction': {
      const target = first(e, 'entity');
      const end = earliest(all(e, 'endDate'));
      const start = earliest(all(e, 'startDate', 'listingDate', 'date'));
      const authorityText = all(e, 'authority').join('; ');
      record = {
        id: `designation:ftm-${key}`,
        target: target ? `ftm:${target}` : undefined,
        authority: ftmAuthority(e),
        measure: clip(first(e, 'provisions') ?? (program || 'sanction'), 1000),
        status: designationStatus(first(e, 'status')) ?? (end && end.slice(0, 10) <= o.today ? 'LIFTED' : 'IN_FORCE'),
        date: ftmDate(start),
        reference: clip(first(e, 'unscId', 'authorityId', 'programId') ?? (program || undefined), 1000),
        evidenceNote:
          clip(
            [
              authorityText && `authority: ${authorityText}`,
              program && `program: ${program}`,
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
      if (!RELATION_SCHEMAS[e.schema]) return { skipped: `schema ${e.schema} is not mapped` };
      record = { ...relationRecord(e), evidenceNote: notes ? clip(notes, 2000) : undefined };
      break;
  }
  const provenance: Provenance = { ftmIds: [e.id, ...e.referents].slice(0, 50), datasets: e.datasets };
  const fact = checked(e, type, { ...record, sources }, undefined);
  if (externalId && (fact.type === 'vessel' || fact.type === 'company' || fact.type === 'person'))
    fact.externalId = externalId;
  const extra = extras.map((x) => checked(e, x.type, { ...x.record, sources }, x.prop));
  for (const f of [fact, ...extra]) {
    if (!('evidence' in f)) continue;
    f.mode = 'fill';
    f.provenance = provenance;
  }
  return { fact, extra };
}

/** A Sanction's `status` when it names one of Collier's (a Collier FtM export writes them), else undefined. */
function designationStatus(text: string | undefined): string | undefined {
  const up = text
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return up && (Object.values(DesignationStatus) as string[]).includes(up) ? up : undefined;
}

/** Validates a mapped record; a problem names the FtM property it came from. */
function checked(e: FtmEntity, type: FactType, record: Record<string, unknown>, prop: string | undefined): Fact {
  try {
    return validateFact(type, record);
  } catch (error) {
    if (!(error instanceof FactProblem)) throw error;
    const root = error.field.split(/[.[]/)[0];
    const field = prop ?? relationField(e.schema, root) ?? FIELD_FROM[type]?.[root];
    throw new FactProblem(field ?? error.field, error.problem);
  }
}
