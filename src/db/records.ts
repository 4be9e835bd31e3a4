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

export function dateRange(p: Props, prefix: string): DateRangeRecord | null {
  const from = (p[`${prefix}From`] as string | null) ?? null;
  const to = (p[`${prefix}To`] as string | null) ?? null;
  const precision = (p[`${prefix}Precision`] as string | null) ?? null;
  const text = (p[`${prefix}Text`] as string | null) ?? null;
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
 * The stored properties each GraphQL field of Leg is built from (by `toRecord('Leg', …)` and the Leg
 * field resolvers), so that a list of legs reads only what the query selects: `vessel { legs { id } }`
 * over thousands of legs then reads one property a leg, not thirty. A field missing here makes the
 * loader read every property (safe, only slower); test/integration/projection.test.ts checks each field.
 */
const datePropsOf = (prefix: string) => ['From', 'To', 'Precision', 'Text'].map((s) => `${prefix}${s}`);
export const LEG_FIELD_PROPS: Record<string, string[]> = {
  __typename: [],
  id: [],
  confidence: ['confidence'],
  confidenceTier: ['confidenceTier'],
  evidenceNote: ['evidenceNote'],
  sources: ['sourceIds'],
  vesselDescription: ['vesselDescription'],
  fromText: ['fromText'],
  toText: ['toText'],
  departure: datePropsOf('departure'),
  arrival: datePropsOf('arrival'),
  commodity: ['commodity'],
  cargoText: ['cargoText'],
  tonnage: ['tonnageJson'],
  tonnageMin: ['tonnageMin'],
  tonnageMax: ['tonnageMax'],
  value: ['valueJson'],
  cargoOrigin: ['cargoOrigin'],
  declaredOrigin: ['declaredOrigin'],
  legality: ['legality'],
  discharged: ['discharged'],
  tacticsText: ['tacticsText'],
  vessel: ['vesselId'],
  from: [],
  to: [],
  destinationCountry: ['destinationCountryCode'],
  tactics: [],
};

/** The properties to read for these Leg fields (always the id), or null when one is unknown: read them all. */
export function legPropsFor(fields: Iterable<string>): string[] | null {
  const props = new Set<string>(['id']);
  for (const f of fields) {
    const p = LEG_FIELD_PROPS[f];
    if (!p) return null;
    p.forEach((x) => props.add(x));
  }
  return [...props].sort();
}
