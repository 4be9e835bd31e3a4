/** Who may ask for a neighbourhood and with what limits; the walk itself is one statement in db/read/neighborhood.ts. */
import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { NeighborhoodArgs } from '../schema/args/walk';
import { Subgraph } from '../schema/subgraph';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_LIMIT, neighborhood } from '../db/read/neighborhood';
import { Context } from './context';
import { entityIdArg, intArg, notFoundIds, walkFilterArgs } from './analysisArgs';
import { selectsBelow } from './selection';

@Resolver()
export class NeighborhoodResolver {
  @Query(() => Subgraph, {
    description:
      'Everything within `depth` hops of an entity, as of a day and above a confidence, as nodes and edges ready to draw; the nearest nodes are kept when `limit` cuts it short.',
  })
  async neighborhood(
    @Args(() => NeighborhoodArgs) args: NeighborhoodArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Subgraph> {
    const id = entityIdArg('id', args.id);
    const depth = intArg('depth', args.depth, 1, MAX_NEIGHBORHOOD_DEPTH);
    const limit = intArg('limit', args.limit, 1, MAX_NEIGHBORHOOD_LIMIT);
    const filter = walkFilterArgs(args);
    // an edge's period is read (its own, or its event's dates) only when a query selects it
    const periods = selectsBelow(info, 'edges', 'period');
    // and their sources (their own, or their claim's) only when it selects them
    const sources = selectsBelow(info, 'edges', 'sources');
    const g = await neighborhood(ctx.db, { ids: [id], depth, limit, periods, sources, ...filter }, ctx.counter);
    if (g.missing.length > 0) throw notFoundIds(g.missing);
    return { nodes: g.nodes, edges: g.edges, truncated: g.truncated };
  }
}
