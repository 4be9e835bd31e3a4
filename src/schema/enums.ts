/** Registers the domain vocabularies as GraphQL enums. */
import { registerEnumType } from 'type-graphql';
import {
  Authority,
  CargoOrigin,
  Commodity,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  Legality,
  PartyKind,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
} from '../domain/enums';

registerEnumType(ConfidenceTier, {
  name: 'ConfidenceTier',
  description:
    'How sure the sources make a fact: official actions HIGH, investigative reporting MEDIUM_HIGH, reposts MEDIUM, forums LOW.',
});
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How a date was stated by the sources.' });
registerEnumType(SourceKind, { name: 'SourceKind' });
registerEnumType(PortKind, {
  name: 'PortKind',
  description:
    'A port, a ship-to-ship transfer area, an anchorage, waters, a river route, or "a port in this country, not named".',
});
registerEnumType(VesselStatus, {
  name: 'VesselStatus',
  description: 'Where the sources leave a vessel: implicated, cleared (not a violation), or not established.',
});
registerEnumType(IdentityStatus, {
  name: 'IdentityStatus',
  description: 'ASSERTED in a source, VERIFIED by an official record, or FALSE (spoofed, fraudulent, forged).',
});
registerEnumType(IdentityKind, { name: 'IdentityKind' });
registerEnumType(PartyKind, { name: 'PartyKind' });
registerEnumType(RelationType, {
  name: 'RelationType',
  description: 'How a company or person is tied to a vessel or another company.',
});
registerEnumType(Commodity, { name: 'Commodity' });
registerEnumType(CargoOrigin, {
  name: 'CargoOrigin',
  description: 'Where the cargo came from, as far as the sources establish it.',
});
registerEnumType(Legality, {
  name: 'Legality',
  description: 'Whether a movement broke the sanctions, as far as the sources establish it.',
});
registerEnumType(TransferKind, { name: 'TransferKind' });
registerEnumType(Authority, { name: 'Authority' });
registerEnumType(DesignationStatus, { name: 'DesignationStatus' });

export {
  Authority,
  CargoOrigin,
  Commodity,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  Legality,
  PartyKind,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
};
