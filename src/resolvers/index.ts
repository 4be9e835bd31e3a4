/** Every resolver class of the schema, in one list for buildSchema. */
import { NodeResolver, EvidenceResolver } from './node';
import { VesselResolver, IdentityClaimResolver } from './vessel';
import { PortResolver } from './port';
import { PartyResolver, PartyRelationResolver } from './party';
import { CountryResolver } from './country';
import { LegResolver, TransferResolver } from './leg';
import { DesignationResolver } from './designation';
import { TacticUseResolver } from './tactic';
import { SearchResolver } from './search';
import {
  DestinationSummaryResolver,
  GraphEdgeResolver,
  RouteIntermediariesResolver,
  RouteStepResolver,
  TimelineEventResolver,
  TraceResolver,
} from './trace';

export const RESOLVERS = [
  NodeResolver,
  EvidenceResolver,
  VesselResolver,
  IdentityClaimResolver,
  PortResolver,
  PartyResolver,
  PartyRelationResolver,
  CountryResolver,
  LegResolver,
  TransferResolver,
  DesignationResolver,
  TacticUseResolver,
  SearchResolver,
  TraceResolver,
  RouteStepResolver,
  RouteIntermediariesResolver,
  DestinationSummaryResolver,
  TimelineEventResolver,
  GraphEdgeResolver,
] as const;
