/** Network measures over a projected scope: who the hubs are (centrality) and which entities hang together (clusters). */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphNode } from './subgraph';

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
