/**
 * Plain records read from the graph, in the shape the GraphQL types expose. Nodes store dates as
 * flat bounds (`departureFrom`, `departureTo`, `departurePrecision`, `departureText`) and figures as
 * JSON lists; these mappers rebuild the nested shape.
 */
import { NodeLabel } from '../domain/ids';
import { asText } from '../domain/text';

type Props = Record<string, unknown>;

export interface EvidenceFields {
  typename?: string;
  sourceIds: string[];
  confidence: number;
  confidenceTier: string;
  evidenceNote: string | null;
}

export interface DateRangeRecord {
  from: string | null;
  to: string | null;
  precision: string;
  text: string | null;
}

export interface QuantityRecord extends EvidenceFields {
  min: number | null;
  max: number | null;
  unit: string;
  text: string;
}

/** The four property names of a date prefix, built once (a record is built thousands of times an answer). */
const dateKeys = new Map<string, [string, string, string, string]>();
function dateKeysOf(prefix: string): [string, string, string, string] {
  let keys = dateKeys.get(prefix);
  if (!keys) dateKeys.set(prefix, (keys = [`${prefix}From`, `${prefix}To`, `${prefix}Precision`, `${prefix}Text`]));
  return keys;
}

export function dateRange(p: Props, prefix: string): DateRangeRecord | null {
  const [fromKey, toKey, precisionKey, textKey] = dateKeysOf(prefix);
  const from = (p[fromKey] as string | null) ?? null;
  const to = (p[toKey] as string | null) ?? null;
  const precision = (p[precisionKey] as string | null) ?? null;
  const text = (p[textKey] as string | null) ?? null;
  if (from == null && to == null && precision == null && text == null) return null;
  return { from, to, precision: precision ?? 'UNKNOWN', text };
}

export function evidence(p: Props, typename?: string): EvidenceFields {
  return {
    typename,
    sourceIds: (p.sourceIds as string[] | undefined) ?? [],
    confidence: (p.confidence as number | undefined) ?? 0,
    confidenceTier: (p.confidenceTier as string | undefined) ?? 'LOW',
    evidenceNote: (p.evidenceNote as string | null | undefined) ?? null,
  };
}

export function quantities(json: unknown): QuantityRecord[] {
  if (typeof json !== 'string' || json === '') return [];
  return (JSON.parse(json) as Props[]).map((q) => ({
    min: (q.min as number | null) ?? null,
    max: (q.max as number | null) ?? null,
    unit: String(q.unit),
    text: String(q.text),
    ...evidence(q, 'Quantity'),
  }));
}

const str = (v: unknown): string | null => (v == null ? null : asText(v));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * Any node's properties → the record its GraphQL type reads. The evidence fields are spread last: an
 * object literal that starts with a spread and goes on with twenty keys is built by V8 on its slow
 * path (measured ≈ 40 µs a record on Node 20, against 0.3 µs with the spread last).
 */
export function toRecord(label: NodeLabel, p: Props): Record<string, unknown> & { id: string } {
  const id = String(p.id);
  switch (label) {
    case 'Vessel':
      return {
        id,
        name: String(p.name),
        otherNames: strs(p.otherNames),
        imo: str(p.imo),
        mmsi: str(p.mmsi),
        callSign: str(p.callSign),
        vesselType: str(p.vesselType),
        buildYear: p.buildYear ?? null,
        deadweight: quantities(p.deadweightJson),
        grossTonnage: quantities(p.grossTonnageJson),
        description: str(p.description),
        status: String(p.status),
        flagCode: str(p.flagCode),
        flagText: str(p.flagText),
        ...evidence(p, label),
      };
    case 'IdentityClaim':
      return {
        id,
        vesselId: String(p.vesselId),
        name: str(p.name),
        imo: str(p.imo),
        mmsi: str(p.mmsi),
        callSign: str(p.callSign),
        flagCode: str(p.flagCode),
        flagText: str(p.flagText),
        period: dateRange(p, 'period'),
        status: String(p.status),
        kind: String(p.kind),
        ...evidence(p, label),
      };
    case 'Port':
      return {
        id,
        name: String(p.name),
        aliases: strs(p.aliases),
        kind: String(p.kind),
        locode: str(p.locode),
        countryCode: str(p.countryCode),
        location: p.lat != null && p.lon != null ? { lat: Number(p.lat), lon: Number(p.lon) } : null,
        role: str(p.role),
        ...evidence(p, label),
      };
    case 'Company':
    case 'Person':
      return {
        id,
        name: String(p.name),
        aliases: strs(p.aliases),
        kind: String(p.kind),
        countryCode: str(p.countryCode),
        countryText: str(p.countryText),
        imoCompanyNumber: str(p.imoCompanyNumber),
        address: str(p.address),
        role: str(p.role),
        ...evidence(p, label),
      };
    case 'Country':
      return { id, code: String(p.code), name: String(p.name) };
    case 'Source':
      return {
        id,
        url: String(p.url),
        publisher: String(p.publisher),
        kind: String(p.kind),
        tier: String(p.tier),
        confidence: Number(p.confidence),
        title: str(p.title),
        date: str(p.date),
      };
    case 'Tactic':
      return { id, code: String(p.code), name: String(p.name), description: String(p.description) };
    case 'Designation':
      return {
        id,
        targetId: String(p.targetId),
        authority: String(p.authority),
        measure: String(p.measure),
        status: String(p.status),
        date: dateRange(p, 'date') ?? { from: null, to: null, precision: 'UNKNOWN', text: null },
        reference: str(p.reference),
        ...evidence(p, label),
      };
    case 'Leg':
      return {
        id,
        vesselId: str(p.vesselId),
        vesselDescription: str(p.vesselDescription),
        fromText: asText(p.fromText ?? ''),
        toText: asText(p.toText ?? ''),
        departure: dateRange(p, 'departure'),
        arrival: dateRange(p, 'arrival'),
        commodity: String(p.commodity),
        cargoText: asText(p.cargoText ?? ''),
        tonnage: quantities(p.tonnageJson),
        tonnageMin: p.tonnageMin ?? null,
        tonnageMax: p.tonnageMax ?? null,
        value: quantities(p.valueJson),
        cargoOrigin: String(p.cargoOrigin),
        declaredOrigin: str(p.declaredOrigin),
        legality: String(p.legality),
        discharged: p.discharged ?? null,
        destinationCountryCode: str(p.destinationCountryCode),
        tacticsText: str(p.tacticsText),
        ...evidence(p, label),
      };
    case 'Transfer':
      return {
        id,
        fromVesselId: str(p.fromVesselId),
        toVesselId: str(p.toVesselId),
        portId: str(p.portId),
        fromVesselDescription: str(p.fromVesselDescription),
        toVesselDescription: str(p.toVesselDescription),
        kind: String(p.kind),
        when: dateRange(p, 'when'),
        tonnage: quantities(p.tonnageJson),
        ...evidence(p, label),
      };
    case 'Statistic':
      return {
        id,
        statement: String(p.statement),
        period: dateRange(p, 'period'),
        quantities: quantities(p.quantitiesJson),
        attributedTo: str(p.attributedTo),
        ...evidence(p, label),
      };
  }
}

export interface RelationRecord extends EvidenceFields {
  id: string;
  type: string;
  role: string | null;
  period: DateRangeRecord | null;
  partyId: string;
  targetId: string;
}

export function toRelation(type: string, p: Props, partyId: string, targetId: string): RelationRecord {
  return {
    id: String(p.id),
    type,
    role: str(p.role),
    period: dateRange(p, 'period'),
    partyId,
    targetId,
    ...evidence(p, 'PartyRelation'),
  };
}

export interface TacticUseRecord extends EvidenceFields {
  tacticId: string;
  period: DateRangeRecord | null;
  note: string | null;
}

export function toTacticUse(p: Props, tacticId: string): TacticUseRecord {
  return { tacticId, period: dateRange(p, 'period'), note: str(p.note), ...evidence(p, 'TacticUse') };
}

/**
 * The stored properties each GraphQL field of an entity is built from (by `toRecord` and the field
 * resolvers), so that a list or a look-up reads only what the query selects: `vessel { legs { id } }`
 * over thousands of legs then reads one property a leg, not thirty, and `holdings { target { ... on
 * Vessel { id name } } }` two a vessel. A field missing here makes the loader read every property (safe,
 * only slower); test/integration/projection.test.ts checks each field of each mapped type.
 */
const datePropsOf = (prefix: string) => ['From', 'To', 'Precision', 'Text'].map((s) => `${prefix}${s}`);
const EVIDENCE_FIELD_PROPS: Record<string, string[]> = {
  __typename: [],
  id: [],
  confidence: ['confidence'],
  confidenceTier: ['confidenceTier'],
  evidenceNote: ['evidenceNote'],
  sources: ['sourceIds'],
};
/** Fields resolved from other nodes by the entity's id alone (loaders keyed by it). */
const byId = (...fields: string[]): Record<string, string[]> => Object.fromEntries(fields.map((f) => [f, []]));
const own = (...fields: string[]): Record<string, string[]> => Object.fromEntries(fields.map((f) => [f, [f]]));

export const LEG_FIELD_PROPS: Record<string, string[]> = {
  ...EVIDENCE_FIELD_PROPS,
  ...own('vesselDescription', 'fromText', 'toText', 'commodity', 'cargoText', 'tonnageMin', 'tonnageMax'),
  ...own('cargoOrigin', 'declaredOrigin', 'legality', 'discharged', 'tacticsText'),
  departure: datePropsOf('departure'),
  arrival: datePropsOf('arrival'),
  tonnage: ['tonnageJson'],
  value: ['valueJson'],
  vessel: ['vesselId'],
  destinationCountry: ['destinationCountryCode'],
  ...byId('from', 'to', 'tactics'),
};

export const VESSEL_FIELD_PROPS: Record<string, string[]> = {
  ...EVIDENCE_FIELD_PROPS,
  ...own('name', 'otherNames', 'imo', 'mmsi', 'callSign', 'vesselType', 'buildYear', 'description', 'status'),
  ...own('flagText'),
  deadweight: ['deadweightJson'],
  grossTonnage: ['grossTonnageJson'],
  flag: ['flagCode'],
  ...byId('identityHistory', 'owners', 'managers', 'parties', 'designations', 'legs', 'transfers', 'tactics'),
};

export const PARTY_FIELD_PROPS: Record<string, string[]> = {
  ...EVIDENCE_FIELD_PROPS,
  ...own('name', 'aliases', 'kind', 'countryText', 'address', 'role', 'imoCompanyNumber'),
  country: ['countryCode'],
  ...byId('holdings', 'controlledBy', 'designations', 'tactics'),
};

/** PartyRelation (a relationship's properties): the id and the period's start are always read, lists are ordered by them. */
export const RELATION_FIELD_PROPS: Record<string, string[]> = {
  ...EVIDENCE_FIELD_PROPS,
  role: ['role'],
  period: datePropsOf('period'),
  ...byId('type', 'party', 'target'),
};

/** The relationship properties to read for these PartyRelation fields, or null when one is unknown: read them all. */
export function relationPropsFor(fields: Iterable<string>): string[] | null {
  return propsOf(RELATION_FIELD_PROPS, fields, ['id', 'periodFrom']);
}

/** The labels whose reads can be narrowed to the selected fields, with their maps. */
export const FIELD_PROPS: Partial<Record<NodeLabel, Record<string, string[]>>> = {
  Leg: LEG_FIELD_PROPS,
  Vessel: VESSEL_FIELD_PROPS,
  Company: PARTY_FIELD_PROPS,
  Person: PARTY_FIELD_PROPS,
};

/**
 * The properties to read for these fields of a node of this label (always the id, sorted), or null
 * when the label has no map or a field is unknown: read them all.
 */
export function propsFor(label: NodeLabel, fields: Iterable<string>): string[] | null {
  const map = FIELD_PROPS[label];
  return map ? propsOf(map, fields, ['id']) : null;
}

function propsOf(map: Record<string, string[]>, fields: Iterable<string>, always: string[]): string[] | null {
  const props = new Set<string>(always);
  for (const f of fields) {
    const p = map[f];
    if (!p) return null;
    p.forEach((x) => props.add(x));
  }
  return [...props].sort();
}

/** The properties to read for these Leg fields (always the id), or null when one is unknown: read them all. */
export function legPropsFor(fields: Iterable<string>): string[] | null {
  return propsFor('Leg', fields);
}

/** The values of `props` read in that order (a projected read) as a property map. */
export function propsFromValues(props: readonly string[], values: readonly unknown[]): Props {
  const read: Props = {};
  for (let i = 0; i < props.length; i++) read[props[i]] = values[i];
  return read;
}
