/**
 * The one shape every path-like answer shares (routes, shortest paths, neighbourhoods): nodes and
 * edges that a graph-drawing library can take as they are, each edge with its type, time span,
 * confidence and sources.
 */
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateRange } from './evidence';

@ObjectType({ description: 'A node of a drawn subgraph.' })
export class GraphNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Its kind: Vessel, Port, Company, Person, Leg, Transfer, Country …' })
  label!: string;

  @Field(() => String, { description: 'A name to show.' })
  name!: string;
}

@ObjectType({ description: 'An edge of a drawn subgraph, pointing from `source` to `target`.' })
export class GraphEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'FROM, TO, ON, NEXT, OWNS, MANAGES …' })
  type!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => DateRange, { nullable: true })
  period!: DateRange | null;

  @Field(() => Float, { nullable: true })
  confidence!: number | null;

  sourceIds!: string[];
}

@ObjectType({ description: 'Nodes and edges, ready for a graph-drawing library.' })
export class Subgraph {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when a limit cut the subgraph short.' })
  truncated!: boolean;
}
