/**
 * The FollowTheMoney schemata Collier reads and writes: each schema's own properties with their FtM
 * property types, and what it extends (properties are inherited). The import reports every property
 * of an entity as mapped, skipped (the schema defines it, Collier has no place for it) or unknown (the
 * schema does not define it); the FtM export writes only properties defined here, with values of
 * their type.
 *
 * Source: the schema definitions of opensanctions/followthemoney, `followthemoney/schema/<Name>.yaml`
 * (FtM 3.x, read from the repository: Thing, LegalEntity, Company, Person, Vehicle, Vessel, Interval,
 * Sanction, Address, Directorship, Associate, Family, Organization). Value, Asset, Interest, Ownership,
 * UnknownLink and Representation follow the same release's files of those names. Hidden and deprecated
 * properties are listed too: publishers still write them.
 */

/** FtM property types (followthemoney/types). */
export type FtmType =
  | 'name'
  | 'string'
  | 'text'
  | 'country'
  | 'date'
  | 'identifier'
  | 'url'
  | 'number'
  | 'entity'
  | 'address'
  | 'email'
  | 'phone'
  | 'topic'
  | 'gender'
  | 'language';

interface SchemaDef {
  extends: string[];
  abstract?: boolean;
  properties: Record<string, FtmType>;
}

const S = 'string' as const;
const ID = 'identifier' as const;
const D = 'date' as const;
const T = 'text' as const;
const U = 'url' as const;
const C = 'country' as const;
const E = 'entity' as const;
const N = 'number' as const;

export const FTM_SCHEMATA: Record<string, SchemaDef> = {
  Thing: {
    extends: [],
    abstract: true,
    properties: {
      name: 'name',
      alias: 'name',
      previousName: 'name',
      weakAlias: 'name',
      country: C,
      summary: T,
      notes: T,
      description: T,
      sourceUrl: U,
      publisher: S,
      publisherUrl: U,
      alephUrl: U,
      wikipediaUrl: U,
      wikidataId: ID,
      keywords: S,
      topics: 'topic',
      address: 'address',
      addressEntity: E,
      program: S,
      programId: ID,
      proof: E,
      indexText: T,
      createdAt: D,
      modifiedAt: D,
      retrievedAt: D,
    },
  },
  Value: { extends: [], abstract: true, properties: { amount: N, currency: S, amountUsd: N, amountEur: N } },
  Asset: { extends: ['Thing', 'Value'], properties: {} },
  LegalEntity: {
    extends: ['Thing'],
    properties: {
      email: 'email',
      phone: 'phone',
      website: U,
      legalForm: S,
      incorporationDate: D,
      dissolutionDate: D,
      taxStatus: S,
      status: S,
      sector: S,
      classification: S,
      registrationNumber: ID,
      idNumber: ID,
      taxNumber: ID,
      licenseNumber: ID,
      vatCode: ID,
      jurisdiction: C,
      mainCountry: C,
      opencorporatesUrl: U,
      bvdId: ID,
      uscCode: ID,
      icijId: S,
      okpoCode: ID,
      innCode: ID,
      ogrnCode: ID,
      leiCode: ID,
      dunsCode: ID,
      uniqueEntityId: ID,
      npiCode: ID,
      swiftBic: ID,
      parent: E,
    },
  },
  Organization: {
    extends: ['LegalEntity'],
    properties: { cageCode: ID, permId: ID, imoNumber: ID, giiNumber: ID },
  },
  Company: {
    extends: ['Organization', 'Asset'],
    properties: {
      jurisdiction: C,
      registrationNumber: ID,
      capital: S,
      voenCode: ID,
      coatoCode: ID,
      irsCode: ID,
      ipoCode: ID,
      cikCode: ID,
      jibCode: ID,
      mbsCode: ID,
      caemCode: S,
      kppCode: ID,
      okvedCode: S,
      okopfCode: S,
      fnsCode: ID,
      fssCode: S,
      bikCode: ID,
      pfrNumber: ID,
      oksmCode: S,
      isinCode: ID,
      ticker: ID,
      ricCode: ID,
    },
  },
  Person: {
    extends: ['LegalEntity'],
    properties: {
      title: S,
      firstName: S,
      secondName: S,
      middleName: S,
      fatherName: S,
      motherName: S,
      lastName: S,
      nameSuffix: S,
      birthDate: D,
      birthPlace: S,
      birthCountry: C,
      deathDate: D,
      position: S,
      nationality: C,
      citizenship: C,
      passportNumber: ID,
      socialSecurityNumber: ID,
      gender: 'gender',
      ethnicity: S,
      height: N,
      weight: N,
      eyeColor: S,
      hairColor: S,
      appearance: S,
      religion: S,
      political: S,
      profession: S,
      education: S,
      spokenLanguage: 'language',
    },
  },
  Vehicle: {
    extends: ['Asset'],
    properties: {
      registrationNumber: ID,
      type: S,
      model: S,
      owner: E,
      operator: E,
      buildDate: D,
      registrationDate: D,
      deregistrationDate: D,
    },
  },
  Vessel: {
    extends: ['Vehicle'],
    properties: {
      imoNumber: ID,
      crsNumber: ID,
      flag: C,
      registrationPort: S,
      navigationArea: S,
      tonnage: N,
      grossRegisteredTonnage: N,
      deadweightTonnage: N,
      nameChangeDate: D,
      callSign: ID,
      pastFlags: C,
      pastTypes: S,
      mmsi: ID,
    },
  },
  Address: {
    extends: ['Thing'],
    properties: {
      full: 'address',
      remarks: S,
      postOfficeBox: S,
      street: S,
      street2: S,
      city: S,
      postalCode: S,
      region: S,
      state: S,
      latitude: N,
      longitude: N,
      country: C,
      osmId: ID,
      googlePlaceId: ID,
    },
  },
  Interval: {
    extends: [],
    abstract: true,
    properties: {
      startDate: D,
      endDate: D,
      date: D,
      summary: T,
      description: T,
      recordId: S,
      sourceUrl: U,
      proof: E,
      publisher: S,
      publisherUrl: U,
      alephUrl: U,
      namesMentioned: 'name',
      indexText: T,
      modifiedAt: D,
      retrievedAt: D,
    },
  },
  Interest: { extends: ['Interval'], abstract: true, properties: { role: S, status: S } },
  Ownership: {
    extends: ['Interest'],
    properties: {
      owner: E,
      asset: E,
      percentage: S,
      sharesCount: S,
      sharesValue: S,
      sharesCurrency: S,
      sharesType: S,
      legalBasis: S,
      ownershipType: S,
    },
  },
  Directorship: { extends: ['Interest'], properties: { director: E, organization: E, secretary: S } },
  UnknownLink: { extends: ['Interest'], properties: { subject: E, object: E } },
  Representation: { extends: ['Interest'], properties: { agent: E, client: E } },
  Associate: { extends: ['Interval'], properties: { person: E, associate: E, relationship: S } },
  Family: { extends: ['Interval'], properties: { person: E, relative: E, relationship: S } },
  Sanction: {
    extends: ['Interval'],
    properties: {
      entity: E,
      authority: S,
      authorityId: ID,
      unscId: ID,
      program: S,
      programId: ID,
      programUrl: U,
      provisions: S,
      status: S,
      duration: N,
      reason: T,
      country: C,
      listingDate: D,
    },
  },
};

/** The schemata the FtM import maps (every other schema is skipped whole, counted by schema). */
export const FTM_READ_SCHEMATA = [
  'Vessel',
  'Company',
  'Organization',
  'LegalEntity',
  'Person',
  'Ownership',
  'Directorship',
  'Sanction',
  'Address',
  'UnknownLink',
  'Associate',
  'Family',
  'Representation',
] as const;
export type FtmReadSchema = (typeof FTM_READ_SCHEMATA)[number];

const cache = new Map<string, ReadonlyMap<string, FtmType>>();

/** Every property a schema has, its own and inherited, with its type; empty for a schema not listed. */
export function ftmProperties(schema: string): ReadonlyMap<string, FtmType> {
  const hit = cache.get(schema);
  if (hit) return hit;
  const out = new Map<string, FtmType>();
  const visit = (name: string) => {
    const def = FTM_SCHEMATA[name];
    if (!def) return;
    for (const parent of def.extends) visit(parent);
    for (const [p, t] of Object.entries(def.properties)) out.set(p, t);
  };
  visit(schema);
  cache.set(schema, out);
  return out;
}

/** True when `schema` is `ancestor` or extends it. */
export function ftmIsA(schema: string, ancestor: string): boolean {
  if (schema === ancestor) return true;
  return (FTM_SCHEMATA[schema]?.extends ?? []).some((p) => ftmIsA(p, ancestor));
}
