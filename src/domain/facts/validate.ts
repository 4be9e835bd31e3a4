import {
  Authority,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  PortKind,
  RelationType,
  TransferKind,
  VesselStatus,
} from '../enums';
import { GivenProperty, LEG_GIVEN, LegGivenFields, LegGivenProperty, legFieldName } from '../graph';
import { isValidCountryCode, normalizeCountryCode } from '../identifiers';
import { FIELDS } from './fieldNames';
import { Fields, MAX_NAME, enumValues, isObj } from './fields';
import { refKey } from './keys';
import { FactType } from './kinds';
import { FactProblem } from './problem';
import { Fact, FactCommon, IdentityClaimFact, LegFact, TransferFact } from './types';
import { CODE, evidenceValue, provenanceValue, referenceFact, sourceValue } from './values';

/** Relations are relationships, not nodes: their ids have their own shape. */
/** The longest free text a leg's given property takes. */
const MAX_LEG_TEXT = 1000;

export const RELATION_ID = /^rel:[A-Za-z0-9._:-]{1,200}$/;

function tactics(f: Fields): string[] | undefined {
  const list = f.strList('tactics', 50);
  if (list == null) return undefined;
  return list.map((t, i) => {
    const code = t.toUpperCase();
    if (!CODE.test(code))
      throw new FactProblem(`${f.at('tactics')}[${i}]`, `must be a tactic code such as "AIS_DARK" (got "${t}")`);
    return code;
  });
}

/** A leg's given values, each read as its description in domain/graph says (LEG_GIVEN). */
function legGiven(f: Fields): LegGivenFields {
  const read = (k: LegGivenProperty): unknown => {
    const d: GivenProperty = LEG_GIVEN[k];
    const name = legFieldName(k);
    if (d.type === 'BOOLEAN') return f.bool(name);
    if ('vocabulary' in d) return f.oneOf(name, enumValues(d.vocabulary));
    if (d.holds === 'country') return f.country(name);
    return f.str(name, { max: d.holds === 'name' ? MAX_NAME : MAX_LEG_TEXT });
  };
  return Object.fromEntries((Object.keys(LEG_GIVEN) as LegGivenProperty[]).map((k) => [k, read(k)]));
}

/**
 * Validates one fact given as a plain object (a JSON Lines record without its `type`, or a mutation's
 * input) and returns it normalised. Throws FactProblem naming the first field that is wrong.
 */
export function validateFact(type: FactType, input: unknown): Fact {
  if (!isObj(input)) throw new FactProblem('', 'must be a JSON object');
  const f = new Fields(input, '');
  f.only(FIELDS[type]);
  if (type === 'source') return { type, source: sourceValue(f) };
  if (type === 'country' || type === 'tactic') return referenceFact(type, f);
  const common: FactCommon = { evidence: evidenceValue(f), mode: 'set', ...provenanceValue(f) };
  switch (type) {
    case 'vessel': {
      const flag = f.country('flag');
      return {
        ...common,
        type,
        id: f.id('id', ['Vessel']),
        name: f.str('name', { required: true, max: MAX_NAME })!,
        imo: f.imo('imo'),
        mmsi: f.mmsi('mmsi'),
        callSign: f.str('callSign', { max: 20 }),
        vesselType: f.str('vesselType', { max: 100 }),
        buildYear: f.num('buildYear', 1850, 2100, true),
        status: f.oneOf<VesselStatus>('status', enumValues(VesselStatus)),
        description: f.str('description'),
        flagCode: flag,
        flagText: f.str('flagText', { max: MAX_NAME }),
        otherNames: f.strList('otherNames'),
        deadweight: f.quantities('deadweight', 'DWT'),
        grossTonnage: f.quantities('grossTonnage', 'GT'),
      };
    }
    case 'company':
    case 'person':
      return {
        ...common,
        type,
        id: f.id('id', [type === 'company' ? 'Company' : 'Person']),
        name: f.str('name', { required: true, max: MAX_NAME })!,
        aliases: f.strList('aliases'),
        countryCode: f.country('country'),
        countryText: f.str('countryText', { max: MAX_NAME }),
        imoCompanyNumber: type === 'company' ? f.companyImo('imoCompanyNumber') : undefined,
        registrationNumber: type === 'company' ? f.str('registrationNumber', { max: 100 }) : undefined,
        address: f.str('address', { max: 1000 }),
        role: f.str('role', { max: 1000 }),
      };
    case 'port': {
      const countryCode = f.country('country');
      const locode = f.locode('locode');
      if (locode && countryCode && locode.slice(0, 2) !== countryCode) {
        throw new FactProblem('locode', `belongs to country ${locode.slice(0, 2)}, not ${countryCode}`);
      }
      const lat = f.num('lat', -90, 90);
      const lon = f.num('lon', -180, 180);
      if ((lat == null) !== (lon == null))
        throw new FactProblem(lat == null ? 'lat' : 'lon', 'give both lat and lon, or neither');
      return {
        ...common,
        type,
        id: f.id('id', ['Port']),
        name: f.str('name', { required: true, max: MAX_NAME })!,
        aliases: f.strList('aliases'),
        kind: f.oneOf<PortKind>('kind', enumValues(PortKind)),
        countryCode: countryCode ?? (locode ? locode.slice(0, 2) : undefined),
        locode,
        lat,
        lon,
        role: f.str('role', { max: 1000 }),
      };
    }
    case 'identityClaim': {
      const fact: IdentityClaimFact = {
        ...common,
        type,
        id: f.id('id', ['IdentityClaim']),
        vessel: f.ref('vessel', ['Vessel'], { required: true })!,
        name: f.str('name', { max: MAX_NAME }),
        imo: f.imo('imo'),
        mmsi: f.mmsi('mmsi'),
        callSign: f.str('callSign', { max: 20 }),
        flagCode: f.country('flag'),
        flagText: f.str('flagText', { max: MAX_NAME }),
        vesselType: f.str('vesselType', { max: 100 }),
        period: f.dateRange('period'),
        status: f.oneOf<IdentityStatus>('status', enumValues(IdentityStatus)) ?? IdentityStatus.ASSERTED,
        kind: f.oneOf<IdentityKind>('kind', enumValues(IdentityKind), { required: true })!,
      };
      const claimed = [fact.name, fact.imo, fact.mmsi, fact.callSign, fact.flagCode, fact.flagText, fact.vesselType];
      if (!claimed.some((v) => v != null)) {
        throw new FactProblem(
          'name',
          'an identity claim must claim something: a name, IMO, MMSI, call sign, flag or type',
        );
      }
      return fact;
    }
    case 'leg': {
      const fact: LegFact = {
        ...common,
        type,
        id: f.id('id', ['Leg']),
        vessel: f.ref('vessel', ['Vessel']),
        // A leg whose port the sources do not name says so in fromText/toText instead.
        from: f.refs('from', ['Port'], { required: !f.has('fromText') }) ?? [],
        to: f.refs('to', ['Port'], { required: !f.has('toText') }) ?? [],
        departure: f.dateRange('departure'),
        arrival: f.dateRange('arrival'),
        tonnage: f.quantities('tonnage', 'TONNES'),
        value: f.quantities('value', 'USD'),
        tactics: tactics(f),
        ...legGiven(f),
      };
      if (fact.vessel == null && fact.vesselDescription == null && fact.id == null) {
        throw new FactProblem(
          'vessel',
          'name the vessel (or describe it in vesselDescription when the sources do not name it)',
        );
      }
      if (fact.departure?.from && fact.arrival?.to && fact.arrival.to < fact.departure.from) {
        throw new FactProblem(
          'arrival',
          `cannot end (${fact.arrival.to}) before the departure can begin (${fact.departure.from})`,
        );
      }
      return fact;
    }
    case 'transfer': {
      const fact: TransferFact = {
        ...common,
        type,
        id: f.id('id', ['Transfer']),
        fromVessel: f.ref('fromVessel', ['Vessel']),
        fromVesselDescription: f.str('fromVesselDescription', { max: 1000 }),
        toVessel: f.ref('toVessel', ['Vessel']),
        toVesselDescription: f.str('toVesselDescription', { max: 1000 }),
        port: f.ref('port', ['Port']),
        when: f.dateRange('when'),
        kind: f.oneOf<TransferKind>('kind', enumValues(TransferKind)),
        fromLeg: f.ref('fromLeg', ['Leg']),
        toLeg: f.ref('toLeg', ['Leg']),
        tonnage: f.quantities('tonnage', 'TONNES'),
        tactics: tactics(f),
      };
      if (fact.id == null && fact.fromVessel == null && fact.fromVesselDescription == null) {
        throw new FactProblem('fromVessel', 'name the vessel the cargo left (or describe it in fromVesselDescription)');
      }
      if (fact.id == null && fact.toVessel == null && fact.toVesselDescription == null) {
        throw new FactProblem(
          'toVessel',
          'name the vessel that took the cargo (or describe it in toVesselDescription)',
        );
      }
      if (fact.fromLeg && fact.toLeg && refKey(fact.fromLeg) === refKey(fact.toLeg)) {
        throw new FactProblem('toLeg', 'must be another leg than fromLeg');
      }
      return fact;
    }
    case 'relation': {
      const relation = f.oneOf<RelationType>('relation', enumValues(RelationType), { required: true })!;
      const from = f.ref('from', ['Company', 'Person'], { required: true })!;
      const to = f.ref('to', ['Vessel', 'Company', 'Person'], { required: true })!;
      if (refKey(from) === refKey(to) && from.by === to.by)
        throw new FactProblem('to', 'must be another entity than from');
      const id = f.str('id', { max: 250 });
      if (id != null && !RELATION_ID.test(id))
        throw new FactProblem(
          'id',
          `must be a relation id such as "rel:owns:example-holdings:test-vessel-alpha" (got "${id}")`,
        );
      return {
        ...common,
        type,
        id,
        relation,
        from,
        to,
        role: f.str('role', { max: MAX_NAME }),
        period: f.dateRange('period'),
      };
    }
    case 'designation':
      return {
        ...common,
        type,
        id: f.id('id', ['Designation']),
        target: f.ref('target', ['Vessel', 'Company', 'Person'], { required: true })!,
        authority: f.oneOf<Authority>('authority', enumValues(Authority), { required: true })!,
        measure: f.str('measure', { required: true, max: 1000 })!,
        status: f.oneOf<DesignationStatus>('status', enumValues(DesignationStatus)),
        date: f.dateRange('date'),
        reference: f.str('reference', { max: 1000 }),
      };
    case 'statistic':
      return {
        ...common,
        type,
        id: f.id('id', ['Statistic']),
        statement: f.str('statement', { required: true })!,
        quantities: f.quantities('quantities', 'TONNES'),
        attributedTo: f.str('attributedTo', { max: 1000 }),
        period: f.dateRange('period'),
        fromPorts: f.refs('fromPorts', ['Port']) ?? [],
        toPorts: f.refs('toPorts', ['Port']) ?? [],
        countries: (f.strList('countries', 10) ?? []).map((c, i) => {
          if (!isValidCountryCode(c))
            throw new FactProblem(`countries[${i}]`, `is not an ISO country code (got "${c}")`);
          return normalizeCountryCode(c);
        }),
        tactics: tactics(f) ?? [],
      };
    case 'tacticUse': {
      const code = f.str('tactic', { required: true, max: 50 })!.toUpperCase();
      if (!CODE.test(code)) throw new FactProblem('tactic', `must be a tactic code such as "AIS_DARK" (got "${code}")`);
      const id = f.str('id', { max: 250 });
      return {
        ...common,
        type,
        id,
        subject: f.ref('subject', ['Vessel'], { required: true })!,
        tactic: code,
        note: f.str('note', { max: 2000 }),
        period: f.dateRange('period'),
      };
    }
  }
}
