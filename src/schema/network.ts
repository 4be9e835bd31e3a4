/** Network measures over a projected scope: who the hubs are (centrality) and which entities hang together (clusters). */
import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphNode } from './subgraph';
import { DateWindowInput } from './trace';

export enum CentralityMetric {
  DEGREE = 'DEGREE',
  BETWEENNESS = 'BETWEENNESS',
  PAGERANK = 'PAGERANK',
}
registerEnumType(CentralityMetric, {
  name: 'CentralityMetric',
  description:
    'DEGREE: how many ties; BETWEENNESS: how often on the shortest way between others (brokers); PAGERANK: tied to well-tied entities.',
  valuesConfig: {
    DEGREE: { description: 'Number of ties in the projected scope (every tie weighs the same; direction ignored).' },
    BETWEENNESS: { description: 'How many shortest paths between other entities pass through it: the brokers.' },
    PAGERANK: { description: 'PageRank: high when tied to entities that are themselves well tied.' },
  },
});

export enum ClusterAlgorithm {
  WCC = 'WCC',
  LOUVAIN = 'LOUVAIN',
}
registerEnumType(ClusterAlgorithm, {
  name: 'ClusterAlgorithm',
  description:
    'WCC: entities connected at all (weakly connected components); LOUVAIN: densely tied communities within them.',
  valuesConfig: {
    WCC: { description: 'Weakly connected components: every entity reachable from another by any chain of ties.' },
    LOUVAIN: { description: 'Louvain communities: groups more densely tied inside than to the rest.' },
  },
});

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

@ObjectType({ description: 'An entity and its score on a centrality measure.' })
export class RankedEntity {
  @Field(() => Int, { description: 'Position, 1 for the highest score; ties are ordered by id.' })
  rank!: number;

  @Field(() => Float, {
    description: "The measure's value (9 significant digits): a tie count for DEGREE, unnormalised otherwise.",
  })
  score!: number;

  @Field(() => GraphNode, { description: 'The entity as a drawable node (see `entity` for the entity itself).' })
  node!: GraphNode;

  @Field(() => Boolean, { description: 'Has a designation in force.' })
  designated!: boolean;
}

@ObjectType({ description: 'One entity of a cluster.' })
export class ClusterMember {
  @Field(() => GraphNode, { description: 'The entity as a drawable node (see `entity` for the entity itself).' })
  node!: GraphNode;

  @Field(() => Boolean, { description: 'Has a designation in force.' })
  designated!: boolean;
}

@ObjectType({ description: 'Entities that hang together in the projected network.' })
export class Cluster {
  @Field(() => String, { description: 'The smallest member id: stable from one call to the next.' })
  key!: string;

  @Field(() => Int, { description: '1 for the largest cluster.' })
  rank!: number;

  @Field(() => Int, { description: 'How many entities the cluster has (all of them, even past the members shown).' })
  size!: number;

  @Field(() => Int, { description: 'Members with a designation in force.' })
  designatedCount!: number;

  @Field(() => [ClusterMember], { description: 'Members ordered by id (at most 500; see `truncated`).' })
  members!: ClusterMember[];

  @Field(() => Boolean, { description: 'True when the cluster has more than the 500 members listed.' })
  truncated!: boolean;
}
