/**
 * Where each property of the FtM schemata Collier reads goes in Collier's graph (FTM_MAPPING: the
 * import maps exactly these, and docs/import.md's table is this one), and the sorting of an entity's
 * properties into mapped, skipped (the schema defines them, Collier has no place for them) and unknown
 * (the schema does not define them). The schemata's own property lists are in ./ftmSchema.ts.
 */
import { FtmReadSchema, ftmProperties } from './ftmSchema';

const PARTY: Record<string, string> = {
  name: 'name (the first; the others become aliases)',
  alias: 'aliases',
  previousName: 'aliases',
  weakAlias: 'aliases',
  country: 'country (when no more specific country is given)',
  address: 'address',
  addressEntity: 'address (the Address entity it names)',
  sourceUrl: 'a cited Source',
  program: 'evidence note',
};
const ORGANIZATION: Record<string, string> = {
  ...PARTY,
  jurisdiction: 'country',
  mainCountry: 'country (after jurisdiction)',
  registrationNumber: 'registrationNumber',
  imoNumber: 'imoCompanyNumber',
  sector: 'role',
  summary: 'evidence note',
  notes: 'evidence note',
  description: 'evidence note',
};
const INTERVAL: Record<string, string> = {
  startDate: 'period.from',
  endDate: 'period.to',
  date: 'period.from (without a startDate)',
  sourceUrl: 'a cited Source',
  summary: 'evidence note',
  description: 'evidence note',
};

/**
 * Where each property of a read schema goes in Collier (the import maps exactly these; the docs'
 * table is this table). A property of the schema not listed here is skipped and counted by name.
 */
export const FTM_MAPPING: Record<FtmReadSchema, Record<string, string>> = {
  Vessel: {
    name: 'vessel.name (the first; the others become other names)',
    alias: 'vessel.otherNames',
    weakAlias: 'vessel.otherNames',
    previousName: 'identity claim FORMER_NAME (period until nameChangeDate when one former name is given)',
    nameChangeDate: 'identity claim periods: the former name until, the current name from this date',
    imoNumber: 'vessel.imo (check digit verified)',
    mmsi: 'vessel.mmsi',
    callSign: 'vessel.callSign',
    flag: 'vessel.flag',
    pastFlags:
      "identity claims REGISTRATION with the flag (undated), beside a claim of the current flag dated by nameChangeDate or the entity's last_change; without a current flag and such a date: skipped",
    type: 'vessel.vesselType',
    pastTypes: 'identity claim REGISTRATION with vesselType',
    buildDate: 'vessel.buildYear',
    tonnage: 'vessel.grossTonnage (unit GT, text "tonnage …")',
    grossRegisteredTonnage: 'vessel.grossTonnage (unit GT, text "gross registered tonnage …")',
    deadweightTonnage: 'vessel.deadweight (unit DWT)',
    summary: 'vessel.description',
    notes: 'vessel.description',
    description: 'vessel.description',
    sourceUrl: 'a cited Source',
    owner: 'relation OWNS from the owner',
    operator: 'relation OPERATES from the operator',
    program: 'evidence note',
  },
  Company: ORGANIZATION,
  Organization: ORGANIZATION,
  // LegalEntity does not define imoNumber (Organization does): a LegalEntity's imoNumber is reported unknown.
  LegalEntity: Object.fromEntries(Object.entries(ORGANIZATION).filter(([p]) => p !== 'imoNumber')),
  Person: {
    ...PARTY,
    nationality: 'country',
    citizenship: 'country (after nationality)',
    position: 'role',
    summary: 'evidence note',
    notes: 'evidence note',
    description: 'evidence note',
  },
  Ownership: {
    ...INTERVAL,
    owner: 'relation OWNS: from',
    asset: 'relation OWNS: to',
    role: 'relation role',
    ownershipType: 'relation role (without role)',
    percentage: 'relation role ("owner (N%)" without role or ownershipType)',
  },
  Directorship: {
    ...INTERVAL,
    director: 'relation CONTROLS: from',
    organization: 'relation CONTROLS: to',
    role: 'relation role (default "director")',
  },
  UnknownLink: {
    ...INTERVAL,
    subject: 'relation ASSOCIATED_WITH: from',
    object: 'relation ASSOCIATED_WITH: to',
    role: 'relation role (default "unknown link")',
  },
  Representation: {
    ...INTERVAL,
    agent: 'relation ASSOCIATED_WITH: from',
    client: 'relation ASSOCIATED_WITH: to',
    role: 'relation role (default "representative")',
  },
  Associate: {
    ...INTERVAL,
    person: 'relation ASSOCIATED_WITH: from',
    associate: 'relation ASSOCIATED_WITH: to',
    relationship: 'relation role ("associate: …")',
  },
  Family: {
    ...INTERVAL,
    person: 'relation ASSOCIATED_WITH: from',
    relative: 'relation ASSOCIATED_WITH: to',
    relationship: 'relation role ("family: …")',
  },
  Sanction: {
    entity: 'designation.target',
    authority: 'designation.authority (UN 1718 Committee, OFAC, EU, UK, ROK, other) and evidence note',
    program: 'designation.authority, measure (without provisions), evidence note',
    programId: 'designation.authority and reference (after unscId, authorityId)',
    unscId: 'designation.reference (first choice) and authority',
    authorityId: 'designation.reference (after unscId)',
    provisions: 'designation.measure',
    country: 'designation.authority (EU, GB, KR, US)',
    startDate: 'designation.date',
    listingDate: 'designation.date (the earliest of startDate, listingDate, date)',
    date: 'designation.date',
    endDate: 'designation.status LIFTED once passed',
    status: "designation.status when it is one of Collier's (IN_FORCE, LIFTED, …)",
    reason: 'evidence note',
    sourceUrl: 'a cited Source',
  },
  Address: {
    full: 'the address of the entities pointing at it',
    street: 'address (without full)',
    city: 'address (without full)',
    postalCode: 'address (without full)',
    region: 'address (without full)',
    country: 'country of the entities pointing at it (when they give none)',
  },
};

/** How one entity's properties fall: mapped, skipped (defined, no place in Collier), unknown (not defined). */
export function classifyProperties(
  schema: string,
  props: Record<string, unknown>,
): { skipped: string[]; unknown: string[] } {
  const defined = ftmProperties(schema);
  const mapping = (FTM_MAPPING as Record<string, Record<string, string>>)[schema] ?? {};
  const skipped: string[] = [];
  const unknown: string[] = [];
  for (const p of Object.keys(props)) {
    if (!defined.has(p)) unknown.push(p);
    else if (!(p in mapping)) skipped.push(p);
  }
  return { skipped, unknown };
}
