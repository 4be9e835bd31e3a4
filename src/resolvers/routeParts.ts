/**
 * The nested fields of a trace answer: a route's steps and intermediaries, a destination group's
 * country, port, vessels and routes, and the sources of timeline events and graph edges. Each
 * resolves through the request's DataLoaders.
 */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DestinationSummary, Route, RouteIntermediaries, RouteStep, TimelineEvent } from '../schema/trace';
import { Port } from '../schema/port';
import { Country } from '../schema/country';
import { Vessel } from '../schema/vessel';
import { PartyRelation } from '../schema/party';
import { Source } from '../schema/source';
import { Transfer } from '../schema/leg';
import { GraphEdge } from '../schema/subgraph';
import { rankRoutes } from '../db/trace';
import { RelationRecord } from '../db/records';
import { overlaps } from '../domain/dates';
import { MAX_ROUTE_LIMIT, routeLimitProblem } from '../domain/traceLimits';
import type { DestinationFields, RouteFields } from './trace';
import { loadNode, loadNodes } from './load';
import { Context } from './context';
import { check } from './errors';

@Resolver(() => RouteStep)
export class RouteStepResolver {
  @FieldResolver(() => Transfer, {
    nullable: true,
    description: 'The transfer, on a TRANSFER step; null on a LEG step.',
  })
  async transfer(@Root() s: { transferId: string | null }, @Ctx() ctx: Context): Promise<Transfer | null> {
    return loadNode(ctx, s.transferId, ['Transfer']);
  }
}

@Resolver(() => RouteIntermediaries)
export class RouteIntermediariesResolver {
  @FieldResolver(() => [Port], {
    description: 'Ports and transfer places between the origin and the final port, in route order.',
  })
  async ports(@Root() i: RouteIntermediaries, @Ctx() ctx: Context): Promise<Port[]> {
    return loadNodes(ctx, i.portIds, ['Port']);
  }

  @FieldResolver(() => [PartyRelation], {
    description:
      "Owners, managers and operators of the route's vessels whose ties overlap the dates they carried the cargo.",
  })
  async companies(@Root() i: RouteIntermediaries, @Ctx() ctx: Context): Promise<PartyRelation[]> {
    const rels = await ctx.loaders.relationsToTarget.loadMany(i.vesselSpans.map((s) => s.vesselId));
    const out = new Map<string, RelationRecord>();
    i.vesselSpans.forEach((span, k) => {
      const list = rels[k];
      if (!Array.isArray(list)) return;
      for (const rel of list) {
        if (overlaps({ from: rel.period?.from ?? null, to: rel.period?.to ?? null }, { from: span.from, to: span.to }))
          out.set(rel.id, rel);
      }
    });
    return [...out.values()];
  }
}

@Resolver(() => DestinationSummary)
export class DestinationSummaryResolver {
  @FieldResolver(() => Country, {
    nullable: true,
    description: "The group's country (grouped by country), or the port's country (grouped by port).",
  })
  async country(@Root() d: DestinationSummary, @Ctx() ctx: Context): Promise<Country | null> {
    return loadNode(ctx, d.countryCode ? `country:${d.countryCode}` : null, ['Country']);
  }

  @FieldResolver(() => Port, { nullable: true, description: 'The port, when grouped by port.' })
  async port(@Root() d: DestinationSummary, @Ctx() ctx: Context): Promise<Port | null> {
    return loadNode(ctx, d.portId, ['Port']);
  }

  @FieldResolver(() => [Vessel], { description: 'Every vessel on a route of this group.' })
  async vessels(@Root() d: DestinationSummary, @Ctx() ctx: Context): Promise<Vessel[]> {
    return loadNodes(ctx, d.vesselIds, ['Vessel']);
  }

  @FieldResolver(() => [Route], { description: 'The routes of this group, most confident first.' })
  routes(
    @Root() d: DestinationFields,
    @Arg('limit', () => Int, {
      defaultValue: 50,
      description: `Most routes to return, 1 to ${MAX_ROUTE_LIMIT}; outside that: BAD_USER_INPUT.`,
    })
    limit: number,
  ): RouteFields[] {
    check('limit', routeLimitProblem(limit));
    return rankRoutes(d.routes, limit);
  }
}

@Resolver(() => TimelineEvent)
export class TimelineEventResolver {
  @FieldResolver(() => [Source], { description: 'The documents that state the event.' })
  async sources(@Root() e: TimelineEvent, @Ctx() ctx: Context): Promise<Source[]> {
    return loadNodes(ctx, e.sourceIds, ['Source']);
  }
}

@Resolver(() => GraphEdge)
export class GraphEdgeResolver {
  @FieldResolver(() => [Source], { description: 'The documents that state the fact behind the edge.' })
  async sources(@Root() e: GraphEdge, @Ctx() ctx: Context): Promise<Source[]> {
    return loadNodes(ctx, e.sourceIds ?? [], ['Source']);
  }
}
