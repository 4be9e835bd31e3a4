/** How two entities are connected: shortest paths, and the entities linked to both. */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphEdge, GraphNode } from './subgraph';

@ObjectType({
  description:
    'A path in the graph: its nodes in order from start to end, and its edges in order (each edge keeps its stored direction in `source`/`target`, whichever way the path walks it).',
})
export class GraphPath {
  @Field(() => [GraphNode], { description: 'The nodes in path order, from the start to the end.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The edges in path order; edges[i] joins nodes[i] and nodes[i+1].' })
  edges!: GraphEdge[];

  @Field(() => Int, { description: 'Number of edges.' })
  length!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The weakest confidence along the path (null when no edge states one).',
  })
  confidence!: number | null;

  /** Resolved to `sources`. */
  sourceIds!: string[];
}

@ObjectType('Connection', {
  description:
    'An entity linked to both a and b (a shared owner, manager, operator, port, transfer counterpart …), with the way from each.',
})
export class CommonConnection {
  @Field(() => GraphNode, { description: 'The shared entity as a drawable node (see `entity` for the entity itself).' })
  node!: GraphNode;

  @Field(() => GraphPath, { description: 'From a to the entity.' })
  pathFromA!: GraphPath;

  @Field(() => GraphPath, { description: 'From b to the entity.' })
  pathFromB!: GraphPath;

  @Field(() => Int, { description: 'Hops from a plus hops from b.' })
  distance!: number;
}
