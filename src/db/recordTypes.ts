/**
 * The plain records read from the graph, one type per label, in the shape the GraphQL types expose:
 * the compiler checks each against its schema class where a resolver returns it. db/records.ts builds
 * them from stored properties.
 */
import {
  Authority,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  PartyKind,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
} from '../domain/enums';
import { LegGivenValues } from '../domain/graph';
import { NodeLabel } from '../domain/ids';

type Props = Record<string, unknown>;

export type EvidenceFields = {
  typename?: string;
  sourceIds: string[];
  confidence: number;
  confidenceTier: ConfidenceTier;
  evidenceNote: string | null;
};

export type DateRangeRecord = {
  from: string | null;
  to: string | null;
  precision: DatePrecision;
  text: string | null;
};

export type QuantityRecord = EvidenceFields & {
  min: number | null;
  max: number | null;
  unit: string;
  text: string;
};

/** A record of each label: the fields of its GraphQL type (src/schema), which the compiler checks it against. */
export type VesselRecord = EvidenceFields & {
  id: string;
  name: string;
  otherNames: string[];
  imo: string | null;
  mmsi: string | null;
  callSign: string | null;
  vesselType: string | null;
  buildYear: number | null;
  deadweight: QuantityRecord[];
  grossTonnage: QuantityRecord[];
  description: string | null;
  status: VesselStatus;
  flagCode: string | null;
  flagText: string | null;
};
export type IdentityClaimRecord = EvidenceFields & {
  id: string;
  vesselId: string;
  name: string | null;
  imo: string | null;
  mmsi: string | null;
  callSign: string | null;
  flagCode: string | null;
  flagText: string | null;
  period: DateRangeRecord | null;
  status: IdentityStatus;
  kind: IdentityKind;
};
export type PortRecord = EvidenceFields & {
  id: string;
  name: string;
  aliases: string[];
  kind: PortKind;
  locode: string | null;
  countryCode: string | null;
  location: { lat: number; lon: number } | null;
  role: string | null;
};
/** A company or a person (a person's imoCompanyNumber is null). */
export type PartyRecord = EvidenceFields & {
  id: string;
  name: string;
  aliases: string[];
  kind: PartyKind;
  countryCode: string | null;
  countryText: string | null;
  imoCompanyNumber: string | null;
  address: string | null;
  role: string | null;
};
export type CountryRecord = { id: string; code: string; name: string };
export type SourceRecord = {
  id: string;
  url: string;
  publisher: string;
  kind: SourceKind;
  tier: ConfidenceTier;
  confidence: number;
  title: string | null;
  date: string | null;
};
export type TacticRecord = { id: string; code: string; name: string; description: string };
export type DesignationRecord = EvidenceFields & {
  id: string;
  targetId: string;
  authority: Authority;
  measure: string;
  status: DesignationStatus;
  date: DateRangeRecord;
  reference: string | null;
};
/** A leg: its given values as domain/graph describes them (LEG_GIVEN), its dates, figures and evidence. */
export type LegRecord = EvidenceFields &
  LegGivenValues & {
    id: string;
    vesselId: string | null;
    departure: DateRangeRecord | null;
    arrival: DateRangeRecord | null;
    tonnage: QuantityRecord[];
    tonnageMin: number | null;
    tonnageMax: number | null;
    value: QuantityRecord[];
  };
export type TransferRecord = EvidenceFields & {
  id: string;
  fromVesselId: string | null;
  toVesselId: string | null;
  portId: string | null;
  fromVesselDescription: string | null;
  toVesselDescription: string | null;
  kind: TransferKind;
  when: DateRangeRecord | null;
  tonnage: QuantityRecord[];
};
export type StatisticRecord = EvidenceFields & {
  id: string;
  statement: string;
  period: DateRangeRecord | null;
  quantities: QuantityRecord[];
  attributedTo: string | null;
};

/** The record type of each label. */
export interface NodeRecords {
  Vessel: VesselRecord;
  IdentityClaim: IdentityClaimRecord;
  Port: PortRecord;
  Company: PartyRecord;
  Person: PartyRecord;
  Country: CountryRecord;
  Source: SourceRecord;
  Tactic: TacticRecord;
  Designation: DesignationRecord;
  Leg: LegRecord;
  Transfer: TransferRecord;
  Statistic: StatisticRecord;
}
/** A record of any label. */
export type NodeRecord = NodeRecords[NodeLabel];
/** A record of any label read field by field (a report, a name lookup): every record is one. */
export type AnyRecord = Props & { id: string };

export type RelationRecord = EvidenceFields & {
  id: string;
  type: RelationType;
  role: string | null;
  period: DateRangeRecord | null;
  partyId: string;
  targetId: string;
};

export type TacticUseRecord = EvidenceFields & {
  tacticId: string;
  period: DateRangeRecord | null;
  note: string | null;
};
