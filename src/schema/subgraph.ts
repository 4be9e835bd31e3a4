/**
 * The one shape every path-like answer shares (routes, shortest paths, neighbourhoods): nodes and
 * edges that a graph-drawing library can take as they are, each edge with its type, time span,
 * confidence and sources.
 */
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateRange } from './evidence';

@ObjectType({ description: 'A node of a drawn subgraph.' })
export class GraphNode {
  @Field(() => ID, { description: "The entity's id; `node(id)` fetches it (edges refer to it as source or target)." })
  id!: string;

  @Field(() => String, { description: 'Its kind: Vessel, Port, Company, Person, Leg, Transfer, Country …' })
  label!: string;

  @Field(() => String, { description: 'A name to show.' })
  name!: string;
}

@ObjectType({ description: 'An edge of a drawn subgraph, pointing from `source` to `target`.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Id of the edge, unique within the subgraph.' })
  id!: string;

  @Field(() => String, { description: 'FROM, TO, ON, NEXT, OWNS, MANAGES …' })
  type!: string;

  @Field(() => ID, { description: 'Id of the node the edge starts at.' })
  source!: string;

  @Field(() => ID, { description: 'Id of the node the edge points to.' })
  target!: string;

  @Field(() => DateRange, {
    nullable: true,
    description: 'When the tie held (UTC days); null when undated or timeless.',
  })
  period!: DateRange | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Confidence of the fact behind the edge, 0 to 1; null when it has none.',
  })
  confidence!: number | null;

  sourceIds!: string[];
}

@ObjectType({ description: 'Nodes and edges, ready for a graph-drawing library.' })
export class Subgraph {
  @Field(() => [GraphNode], { description: 'The nodes, each once.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The edges between those nodes.' })
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when a limit cut the subgraph short.' })
  truncated!: boolean;
}
