/**
 * Plain records read from the graph, in the shape the GraphQL types expose. Nodes store dates as
 * flat bounds (`departureFrom`, `departureTo`, `departurePrecision`, `departureText`) and figures as
 * JSON lists; these mappers rebuild the nested shape.
 */
import { ConfidenceTier, DatePrecision } from '../domain/enums';
import { GivenProperty, LEG_GIVEN, LegGivenProperty, LegGivenValues, legFieldName } from '../domain/graph';
import { NodeLabel } from '../domain/ids';
import { asText } from '../domain/text';

import {
  AnyRecord,
  DateRangeRecord,
  EvidenceFields,
  NodeRecords,
  PartyRecord,
  QuantityRecord,
  RelationRecord,
  TacticUseRecord,
} from './recordTypes';

export * from './recordTypes';

type Props = Record<string, unknown>;

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
  return { from, to, precision: vocab(precision ?? DatePrecision.UNKNOWN), text };
}

/** A value known to come from `dateRange` (a record read field by field), as the range it is; null otherwise. */
export function asDateRange(v: unknown): DateRangeRecord | null {
  return typeof v === 'object' && v != null && 'precision' in v && 'from' in v && 'to' in v && 'text' in v
    ? (v as DateRangeRecord)
    : null;
}

export function evidence(p: Props, typename?: string): EvidenceFields {
  return {
    typename,
    sourceIds: (p.sourceIds as string[] | undefined) ?? [],
    confidence: (p.confidence as number | undefined) ?? 0,
    confidenceTier: vocab(p.confidenceTier ?? ConfidenceTier.LOW),
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

/** A stored value of a vocabulary, as the vocabulary's type (writers store only its values). */
const vocab = <E extends string>(v: unknown): E => String(v) as E;
const num = (v: unknown): number | null => (v as number | null | undefined) ?? null;

/** A leg's given values, each read as domain/graph describes it (LEG_GIVEN), in its order. */
const LEG_GIVEN_READERS = (Object.keys(LEG_GIVEN) as LegGivenProperty[]).map((k) => {
  const d: GivenProperty = LEG_GIVEN[k];
  const read = 'always' in d ? (v: unknown) => asText(v ?? '') : d.type === 'BOOLEAN' ? (v: unknown) => v ?? null : str;
  return [k, read] as const;
});
function legGiven(p: Props): LegGivenValues {
  const out: Props = {};
  for (const [k, read] of LEG_GIVEN_READERS) out[k] = read(p[k]);
  return out as LegGivenValues;
}

const party = (p: Props, id: string, label: 'Company' | 'Person'): PartyRecord => ({
  id,
  name: String(p.name),
  aliases: strs(p.aliases),
  kind: vocab(p.kind),
  countryCode: str(p.countryCode),
  countryText: str(p.countryText),
  imoCompanyNumber: str(p.imoCompanyNumber),
  address: str(p.address),
  role: str(p.role),
  ...evidence(p, label),
});

/**
 * Each label's properties → the record its GraphQL type reads. The evidence fields are spread last: an
 * object literal that starts with a spread and goes on with twenty keys is built by V8 on its slow
 * path (measured ≈ 40 µs a record on Node 20, against 0.3 µs with the spread last).
 */
const TO_RECORD: { [L in NodeLabel]: (p: Props, id: string, label: L) => NodeRecords[L] } = {
  Vessel: (p, id, label) => ({
    id,
    name: String(p.name),
    otherNames: strs(p.otherNames),
    imo: str(p.imo),
    mmsi: str(p.mmsi),
    callSign: str(p.callSign),
    vesselType: str(p.vesselType),
    buildYear: num(p.buildYear),
    deadweight: quantities(p.deadweightJson),
    grossTonnage: quantities(p.grossTonnageJson),
    description: str(p.description),
    status: vocab(p.status),
    flagCode: str(p.flagCode),
    flagText: str(p.flagText),
    ...evidence(p, label),
  }),
  IdentityClaim: (p, id, label) => ({
    id,
    vesselId: String(p.vesselId),
    name: str(p.name),
    imo: str(p.imo),
    mmsi: str(p.mmsi),
    callSign: str(p.callSign),
    flagCode: str(p.flagCode),
    flagText: str(p.flagText),
    period: dateRange(p, 'period'),
    status: vocab(p.status),
    kind: vocab(p.kind),
    ...evidence(p, label),
  }),
  Port: (p, id, label) => ({
    id,
    name: String(p.name),
    aliases: strs(p.aliases),
    kind: vocab(p.kind),
    locode: str(p.locode),
    countryCode: str(p.countryCode),
    location: p.lat != null && p.lon != null ? { lat: Number(p.lat), lon: Number(p.lon) } : null,
    role: str(p.role),
    ...evidence(p, label),
  }),
  Company: party,
  Person: party,
  Country: (p, id) => ({ id, code: String(p.code), name: String(p.name) }),
  Source: (p, id) => ({
    id,
    url: String(p.url),
    publisher: String(p.publisher),
    kind: vocab(p.kind),
    tier: vocab(p.tier),
    confidence: Number(p.confidence),
    title: str(p.title),
    date: str(p.date),
  }),
  Tactic: (p, id) => ({ id, code: String(p.code), name: String(p.name), description: String(p.description) }),
  Designation: (p, id, label) => ({
    id,
    targetId: String(p.targetId),
    authority: vocab(p.authority),
    measure: String(p.measure),
    status: vocab(p.status),
    date: dateRange(p, 'date') ?? { from: null, to: null, precision: DatePrecision.UNKNOWN, text: null },
    reference: str(p.reference),
    ...evidence(p, label),
  }),
  Leg: (p, id, label) => ({
    id,
    vesselId: str(p.vesselId),
    ...legGiven(p),
    departure: dateRange(p, 'departure'),
    arrival: dateRange(p, 'arrival'),
    tonnage: quantities(p.tonnageJson),
    tonnageMin: num(p.tonnageMin),
    tonnageMax: num(p.tonnageMax),
    value: quantities(p.valueJson),
    ...evidence(p, label),
  }),
  Transfer: (p, id, label) => ({
    id,
    fromVesselId: str(p.fromVesselId),
    toVesselId: str(p.toVesselId),
    portId: str(p.portId),
    fromVesselDescription: str(p.fromVesselDescription),
    toVesselDescription: str(p.toVesselDescription),
    kind: vocab(p.kind),
    when: dateRange(p, 'when'),
    tonnage: quantities(p.tonnageJson),
    ...evidence(p, label),
  }),
  Statistic: (p, id, label) => ({
    id,
    statement: String(p.statement),
    period: dateRange(p, 'period'),
    quantities: quantities(p.quantitiesJson),
    attributedTo: str(p.attributedTo),
    ...evidence(p, label),
  }),
};

/**
 * A node's properties → the record of its label. The second signature answers a plain record, for
 * callers that handle records of any label alike (db/trace).
 */
export function toRecord<L extends NodeLabel>(label: L, p: Props): NodeRecords[L];
export function toRecord(label: NodeLabel, p: Props): AnyRecord;
export function toRecord<L extends NodeLabel>(label: L, p: Props): NodeRecords[L] {
  return TO_RECORD[label](p, String(p.id), label);
}

export function toRelation(type: string, p: Props, partyId: string, targetId: string): RelationRecord {
  return {
    id: String(p.id),
    type: vocab(type),
    role: str(p.role),
    period: dateRange(p, 'period'),
    partyId,
    targetId,
    ...evidence(p, 'PartyRelation'),
  };
}

/** The order of a list of ties: by the start of their period (undated first), then by id. */
export const byPeriod = (
  a: { period: { from: string | null } | null; id: string },
  b: { period: { from: string | null } | null; id: string },
) => (a.period?.from ?? '').localeCompare(b.period?.from ?? '') || a.id.localeCompare(b.id);

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
  // each given property (domain/graph LEG_GIVEN) is read for the field of its name
  ...Object.fromEntries((Object.keys(LEG_GIVEN) as LegGivenProperty[]).map((k) => [legFieldName(k), [k]])),
  ...own('tonnageMin', 'tonnageMax'),
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
