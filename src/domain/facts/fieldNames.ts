/** The fields each kind of fact accepts (anything else is refused, naming the field). */
import { FactType } from './kinds';
import { EVIDENCE_FIELDS, SOURCE_FIELDS } from './values';
import { LEG_GIVEN, LegGivenProperty, legFieldName } from '../graph';

/**
 * A leg's fields: its given properties (domain/graph) under their field names, in their order, with
 * the fields the planner turns into links, dates and figures placed before the given one they precede.
 */
const LEG_OTHER_FIELDS: Partial<Record<LegGivenProperty, string[]>> = {
  vesselDescription: ['id', 'vessel'],
  fromText: ['from'],
  toText: ['to'],
  commodity: ['departure', 'arrival'],
  cargoOrigin: ['tonnage', 'value'],
  tacticsText: ['tactics'],
};
const legFields = () =>
  (Object.keys(LEG_GIVEN) as LegGivenProperty[]).flatMap((k) => [...(LEG_OTHER_FIELDS[k] ?? []), legFieldName(k)]);

export const FIELDS: Record<FactType, string[]> = {
  source: SOURCE_FIELDS,
  vessel: [
    'id',
    'name',
    'imo',
    'mmsi',
    'callSign',
    'vesselType',
    'buildYear',
    'status',
    'description',
    'flag',
    'flagText',
    'otherNames',
    'deadweight',
    'grossTonnage',
    ...EVIDENCE_FIELDS,
  ],
  company: [
    'id',
    'name',
    'aliases',
    'country',
    'countryText',
    'imoCompanyNumber',
    'registrationNumber',
    'address',
    'role',
    ...EVIDENCE_FIELDS,
  ],
  person: ['id', 'name', 'aliases', 'country', 'countryText', 'address', 'role', ...EVIDENCE_FIELDS],
  port: ['id', 'name', 'aliases', 'kind', 'country', 'locode', 'lat', 'lon', 'role', ...EVIDENCE_FIELDS],
  identityClaim: [
    'id',
    'vessel',
    'name',
    'imo',
    'mmsi',
    'callSign',
    'flag',
    'flagText',
    'vesselType',
    'period',
    'status',
    'kind',
    ...EVIDENCE_FIELDS,
  ],
  leg: [...legFields(), ...EVIDENCE_FIELDS],
  transfer: [
    'id',
    'fromVessel',
    'fromVesselDescription',
    'toVessel',
    'toVesselDescription',
    'port',
    'when',
    'kind',
    'fromLeg',
    'toLeg',
    'tonnage',
    'tactics',
    ...EVIDENCE_FIELDS,
  ],
  relation: ['id', 'relation', 'from', 'to', 'role', 'period', ...EVIDENCE_FIELDS],
  designation: ['id', 'target', 'authority', 'measure', 'status', 'date', 'reference', ...EVIDENCE_FIELDS],
  country: ['code', 'name'],
  tactic: ['code', 'name', 'description'],
  statistic: [
    'id',
    'statement',
    'quantities',
    'attributedTo',
    'period',
    'fromPorts',
    'toPorts',
    'countries',
    'tactics',
    ...EVIDENCE_FIELDS,
  ],
  tacticUse: ['id', 'subject', 'tactic', 'note', 'period', ...EVIDENCE_FIELDS],
};

export function factFields(type: FactType): readonly string[] {
  return FIELDS[type];
}
