/**
 * Centrality and clusters, computed by Neo4j's Graph Data Science procedures on a projection of exactly
 * the requested scope (db/read/gds.ts). Labels and relationship types are checked against the model's
 * allow-lists here; a Neo4j without GDS answers FEATURE_UNAVAILABLE naming what is missing.
 */
import { GraphQLError } from 'graphql';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Cluster, ClusterMember, RankedEntity } from '../schema/network';
import { CentralityArgs, ClustersArgs, NetworkArgs } from '../schema/args/network';
import { Node } from '../schema/node';
import {
  centrality,
  clusters,
  DEFAULT_NETWORK_LABELS,
  DEFAULT_NETWORK_TYPES,
  GdsUnavailableError,
  MAX_CENTRALITY_LIMIT,
  MAX_CLUSTER_LIMIT,
  NETWORK_TYPES,
  NetworkScope,
  ProjectionTooLargeError,
} from '../db/read/gds';
import { ENTITY_LABELS } from '../db/read/traversal';
import { ANY_LABEL, loadNode } from './load';
import { Context } from './context';
import { confidenceArg, intArg, labelsArg, relationshipTypesArg, windowArg } from './analysisArgs';

function scopeArgs(args: NetworkArgs): NetworkScope {
  const window = windowArg('window', args.window);
  return {
    labels: labelsArg(args.labels, ENTITY_LABELS, DEFAULT_NETWORK_LABELS),
    types: relationshipTypesArg(args.relationshipTypes, NETWORK_TYPES, DEFAULT_NETWORK_TYPES),
    windowFrom: window.from,
    windowTo: window.to,
    minConfidence: confidenceArg('minConfidence', args.minConfidence),
  };
}

async function withGds<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GdsUnavailableError) {
      throw new GraphQLError(error.message, { extensions: { code: 'FEATURE_UNAVAILABLE', missing: error.missing } });
    }
    if (error instanceof ProjectionTooLargeError) {
      // the same code and status as a query over the database's memory limit: narrow the request
      throw new GraphQLError(error.message, {
        extensions: { code: 'QUERY_TOO_LARGE', maxProjectionRows: error.bound, http: { status: 422 } },
      });
    }
    throw error;
  }
}

@Resolver()
export class NetworkResolver {
  @Query(() => [RankedEntity], {
    description:
      'The hubs of the network: entities ranked by a centrality measure over the requested labels, relationship types, period and confidence, computed in Neo4j (Graph Data Science).',
  })
  async centrality(@Args(() => CentralityArgs) args: CentralityArgs, @Ctx() ctx: Context): Promise<RankedEntity[]> {
    const scope = scopeArgs(args);
    const limit = intArg('limit', args.limit, 1, MAX_CENTRALITY_LIMIT);
    const result = await withGds(() => centrality(ctx.db, args.metric, scope, limit, ctx.counter));
    ctx.logger.debug(
      { metric: args.metric, nodes: result.nodeCount, relationships: result.relationshipCount },
      'centrality projection',
    );
    return result.items;
  }

  @Query(() => [Cluster], {
    description:
      'Groups of entities that hang together over the requested labels, relationship types, period and confidence (WCC: connected at all; LOUVAIN: densely tied communities), largest first, computed in Neo4j (Graph Data Science).',
  })
  async clusters(@Args(() => ClustersArgs) args: ClustersArgs, @Ctx() ctx: Context): Promise<Cluster[]> {
    const scope = scopeArgs(args);
    const minSize = intArg('minSize', args.minSize, 1, 1_000_000);
    const limit = intArg('limit', args.limit, 1, MAX_CLUSTER_LIMIT);
    const result = await withGds(() => clusters(ctx.db, args.algorithm, scope, minSize, limit, ctx.counter));
    ctx.logger.debug(
      { algorithm: args.algorithm, nodes: result.nodeCount, relationships: result.relationshipCount },
      'clusters projection',
    );
    return result.items;
  }
}

@Resolver(() => RankedEntity)
export class RankedEntityResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The entity itself.' })
  async entity(@Root() r: RankedEntity, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, r.node.id, ANY_LABEL);
  }
}

@Resolver(() => ClusterMember)
export class ClusterMemberResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The entity itself.' })
  async entity(@Root() m: ClusterMember, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, m.node.id, ANY_LABEL);
  }
}
