/** How two entities are connected: k shortest paths and common connections (one statement each, db/read/paths.ts). */
import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { CommonConnection, GraphPath } from '../schema/paths';
import { CommonConnectionsArgs, PathsArgs } from '../schema/args/paths';
import { Node } from '../schema/node';
import { Source } from '../schema/source';
import {
  commonConnections,
  kShortestPaths,
  MAX_COMMON_DEPTH,
  MAX_COMMON_LIMIT,
  MAX_PATH_LENGTH,
  MAX_PATHS_K,
} from '../db/read/paths';
import { ANY_LABEL, loadNode, loadNodes } from './load';
import { Context } from './context';
import { badInput } from './errors';
import { entityIdArg, intArg, notFoundIds, walkFilterArgs } from './analysisArgs';
import { selects, selectsBelow } from './selection';

function missing(found: { from: boolean; to: boolean }, from: string, to: string): string[] {
  return [...(found.from ? [] : [from]), ...(found.to ? [] : [to])];
}

@Resolver()
export class PathsResolver {
  @Query(() => [GraphPath], {
    description:
      'The k shortest paths between two entities (no entity twice, never through a country, source, tactic or unnamed-port placeholder), shortest first, each with its nodes, edges and sources.',
  })
  async paths(
    @Args(() => PathsArgs) args: PathsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphPath[]> {
    const from = entityIdArg('from', args.from);
    const to = entityIdArg('to', args.to);
    if (from === to) throw badInput('to', 'must differ from "from"');
    const k = intArg('k', args.k, 1, MAX_PATHS_K);
    const maxLength = intArg('maxLength', args.maxLength, 1, MAX_PATH_LENGTH);
    // the edges' periods and the sources (the paths' or the edges') are read only when the query selects them
    const shown = {
      periods: selectsBelow(info, 'edges', 'period'),
      sources: selects(info, 'sources') || selectsBelow(info, 'edges', 'sources'),
    };
    const r = await kShortestPaths(ctx.db, { from, to, k, maxLength, shown, ...walkFilterArgs(args) }, ctx.counter);
    const gone = missing(r.found, from, to);
    if (gone.length > 0) throw notFoundIds(gone);
    return r.paths;
  }

  @Query(() => [CommonConnection], {
    description:
      'Vessels, companies, persons and ports linked to both a and b within maxDepth hops of each (shared owners, managers, operators, ports, transfer counterparts), closest first, with the path from each side.',
  })
  async commonConnections(
    @Args(() => CommonConnectionsArgs) args: CommonConnectionsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommonConnection[]> {
    const a = entityIdArg('a', args.a);
    const b = entityIdArg('b', args.b);
    if (a === b) throw badInput('b', 'must differ from "a"');
    const maxDepth = intArg('maxDepth', args.maxDepth, 1, MAX_COMMON_DEPTH);
    const limit = intArg('limit', args.limit, 1, MAX_COMMON_LIMIT);
    // as paths: the periods and sources of the paths from either side only when the query selects them
    const below = (...path: string[]) =>
      selectsBelow(info, 'pathFromA', ...path) || selectsBelow(info, 'pathFromB', ...path);
    const shown = { periods: below('edges', 'period'), sources: below('sources') || below('edges', 'sources') };
    const r = await commonConnections(ctx.db, { a, b, maxDepth, limit, shown, ...walkFilterArgs(args) }, ctx.counter);
    const gone = missing(r.found, a, b);
    if (gone.length > 0) throw notFoundIds(gone);
    return r.connections.map((c) => ({ node: c.entity, pathFromA: c.fromA, pathFromB: c.fromB, distance: c.distance }));
  }
}

@Resolver(() => GraphPath)
export class GraphPathResolver {
  @FieldResolver(() => [Source], { description: "Every source behind the path's edges." })
  async sources(@Root() p: GraphPath, @Ctx() ctx: Context): Promise<Source[]> {
    return loadNodes(ctx, p.sourceIds ?? [], ['Source']);
  }
}

@Resolver(() => CommonConnection)
export class CommonConnectionResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The shared entity itself.' })
  async entity(@Root() c: CommonConnection, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, c.node.id, ANY_LABEL);
  }
}
