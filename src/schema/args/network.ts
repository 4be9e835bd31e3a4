/** The arguments of the network measures (`centrality`, `clusters`): the projected scope and each measure's own. */
import { ArgsType, Field, Float, Int } from 'type-graphql';
import { CentralityMetric, ClusterAlgorithm } from '../network';
import { DateWindowInput } from '../trace';

export const NETWORK_TYPES_HELP =
  'Relationship types to project: any of the model (OWNS, MANAGES, OPERATES, CONTROLS, …) and the derived links CALLED_AT (a vessel and a port its legs left or reached) and TRANSFERRED_WITH (two vessels of a transfer). ' +
  'Default: OWNS, MANAGES, OPERATES, CONTROLS, CHARTERED, BROKERED, CONSIGNEE_OF, ASSOCIATED_WITH, CALLED_AT, TRANSFERRED_WITH.';

@ArgsType()
export class NetworkArgs {
  @Field(() => [String], {
    nullable: true,
    description: 'Node labels in scope (Vessel, Company, Person, Port, …). Default: Vessel, Company, Person, Port.',
  })
  labels?: string[] | null;

  @Field(() => [String], { nullable: true, description: NETWORK_TYPES_HELP })
  relationshipTypes?: string[] | null;

  @Field(() => DateWindowInput, {
    nullable: true,
    description: 'Only ties and events overlapping this period; undated facts are kept.',
  })
  window?: DateWindowInput | null;

  @Field(() => Float, { nullable: true, description: 'Only facts at least this confident (0 to 1).' })
  minConfidence?: number | null;
}

@ArgsType()
export class CentralityArgs extends NetworkArgs {
  @Field(() => CentralityMetric, {
    defaultValue: CentralityMetric.BETWEENNESS,
    description: 'The measure to rank by (default BETWEENNESS, which finds brokers).',
  })
  metric!: CentralityMetric;

  @Field(() => Int, { defaultValue: 20, description: 'How many of the highest-ranked entities, 1 to 200.' })
  limit!: number;
}

@ArgsType()
export class ClustersArgs extends NetworkArgs {
  @Field(() => ClusterAlgorithm, {
    defaultValue: ClusterAlgorithm.WCC,
    description: 'How to find clusters: WCC (connected at all, default) or LOUVAIN (dense communities).',
  })
  algorithm!: ClusterAlgorithm;

  @Field(() => Int, { defaultValue: 2, description: 'Smallest cluster to list, 1 or more.' })
  minSize!: number;

  @Field(() => Int, { defaultValue: 50, description: 'How many clusters, largest first, 1 to 200.' })
  limit!: number;
}
