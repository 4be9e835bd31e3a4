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
import { TraceResolver } from './trace';
import {
  DestinationSummaryResolver,
  GraphEdgeResolver,
  RouteIntermediariesResolver,
  RouteStepResolver,
  TimelineEventResolver,
} from './routeParts';
import { NeighborhoodResolver } from './neighborhood';
import { CommonConnectionResolver, GraphPathResolver, PathsResolver } from './paths';
import { OwnershipResolver } from './ownership';
import { ClusterMemberResolver, NetworkResolver, RankedEntityResolver } from './network';
import { RiskFactorResolver, RiskResolver } from './risk';
import { ExportResolver } from './export';
import { MergeResultResolver, MutationResolver } from './mutations';
import { AuditResolver } from './audit';
import { ScreenCandidateResolver, ScreenResolver } from './screen';
import { AlertResolver, WatchlistResolver } from './watchlist';
import { MergeCandidateResolver, UndoMergeResultResolver } from './mergeCandidate';
import { InvestigationItemResolver, InvestigationResolver } from './investigation';
import { SavedTraceResolver } from './savedTrace';
import { TimelineResolver } from './timeline';
import { InvestigationReportResolver } from './investigationReport';

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
  NeighborhoodResolver,
  PathsResolver,
  GraphPathResolver,
  CommonConnectionResolver,
  OwnershipResolver,
  NetworkResolver,
  RankedEntityResolver,
  ClusterMemberResolver,
  RiskResolver,
  RiskFactorResolver,
  ExportResolver,
  MutationResolver,
  MergeResultResolver,
  AuditResolver,
  ScreenResolver,
  ScreenCandidateResolver,
  WatchlistResolver,
  AlertResolver,
  MergeCandidateResolver,
  UndoMergeResultResolver,
  InvestigationResolver,
  InvestigationItemResolver,
  SavedTraceResolver,
  TimelineResolver,
  InvestigationReportResolver,
] as const;
