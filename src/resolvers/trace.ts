/**
 * Who may trace and with what limits: traceCargo, traceBack, destinations, vesselTimeline. Arguments
 * are checked against hard caps; the walk is db/trace (one statement per round); nested fields of a
 * route resolve through the request's DataLoaders.
 */
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import {
  DestinationGrouping,
  DestinationSummary,
  Route,
  RouteIntermediaries,
  RouteStep,
  TimelineEvent,
} from '../schema/trace';
import { CargoOrigin, Commodity } from '../schema/enums';
import { Port } from '../schema/port';
import { Country } from '../schema/country';
import { Vessel } from '../schema/vessel';
import { Tactic } from '../schema/tactic';
import { Source } from '../schema/source';
import { Subgraph } from '../schema/subgraph';
import { DateRange } from '../schema/evidence';
import {
  DESTINATION_ROUTE_CAP,
  LegView,
  MAX_HOPS_CAP,
  PATH_CAP,
  Shown,
  RouteDetail,
  routeDetail,
  RouteRecord,
  trace,
  traceDestinations,
  TraceDirection,
  TraceQuery,
  WorkLimit,
} from '../db/trace';
import { traceWorkLimitReached } from './traceWork';
import { MAX_WAIT_DAYS_CAP } from '../domain/linking';
import { dateWindowProblem } from '../domain/dates';
import { confidenceProblem } from '../domain/confidence';
import { sortByDate, vesselEvents } from '../domain/timeline';
import { EventRecord } from '../domain/timelineEvents';
import { DestinationsArgs, RouteListArgs, TraceArgs, TraceBackArgs, TraceCargoArgs } from '../schema/args/trace';
import { MAX_ROUTE_LIMIT, routeLimitProblem } from '../domain/traceLimits';
import { asDateRange, NodeRecord } from '../db/records';
import { loadNode, loadNodes } from './load';
import { Context } from './context';
import { selectedFieldArgs, selectedFieldNames, selectedSubfieldNames } from './selection';
import { badInput, check, notFound } from './errors';
import { countryArg, idArg } from './args';

const MAX_PLACE_TEXT = 200;
const DEFAULT_ORIGINS = [CargoOrigin.DPRK, CargoOrigin.DPRK_SUSPECTED, CargoOrigin.UNCONFIRMED];

export function checkTraceArgs(args: TraceArgs, place: { name: string; value: string }) {
  check(
    place.name,
    place.value.trim() === ''
      ? 'must name a port'
      : place.value.length > MAX_PLACE_TEXT
        ? `must be at most ${MAX_PLACE_TEXT} characters`
        : null,
  );
  check(
    'maxHops',
    Number.isInteger(args.maxHops) && args.maxHops >= 1 && args.maxHops <= MAX_HOPS_CAP
      ? null
      : `must be between 1 and ${MAX_HOPS_CAP} (got ${args.maxHops})`,
  );
  check(
    'maxWaitDays',
    Number.isInteger(args.maxWaitDays) && args.maxWaitDays >= 0 && args.maxWaitDays <= MAX_WAIT_DAYS_CAP
      ? null
      : `must be between 0 and ${MAX_WAIT_DAYS_CAP} days (got ${args.maxWaitDays})`,
  );
  if (args.window) check('window', dateWindowProblem({ from: args.window.from ?? null, to: args.window.to ?? null }));
  if (args.cargoOrigins && args.cargoOrigins.length === 0)
    throw badInput('cargoOrigins', 'must name at least one origin');
}

export function checkListArgs(args: RouteListArgs) {
  if (args.minConfidence != null) check('minConfidence', confidenceProblem(args.minConfidence));
  check('limit', routeLimitProblem(args.limit));
}

function commoditiesFor(c: Commodity): string[] {
  return c === Commodity.COAL ? [Commodity.COAL, Commodity.COAL_OR_PIG_IRON] : [c];
}

function traceQuery(
  ctx: Context,
  direction: TraceDirection,
  place: { name: string; value: string },
  args: TraceArgs,
  destinationCountry: string | null,
  best?: { limit: number; minConfidence: number | null },
  show?: Shown,
): TraceQuery {
  return {
    direction,
    place: place.value,
    commodities: commoditiesFor(args.commodity),
    cargoOrigins: args.cargoOrigins ?? DEFAULT_ORIGINS,
    windowFrom: args.window?.from ?? null,
    windowTo: args.window?.to ?? null,
    maxHops: args.maxHops,
    maxWaitDays: args.maxWaitDays,
    destinationCountry,
    best,
    work: ctx.traceWork,
    show,
  };
}

/** The fields of a route that read what TraceQuery.show reads: views, places, vessels. */
const SHOWN_FIELDS: Record<keyof Shown, string[]> = {
  views: ['steps', 'graph', 'departure', 'arrival', 'sources'],
  places: ['origin', 'finalPort', 'finalCountry'],
  vessels: ['vessels'],
};

/**
 * TraceQuery.show for a selection of routes: what its fields read through the legView and node loaders
 * (`routes`: of the routes selected below this field, destinations' groups).
 */
export function showFor(info: GraphQLResolveInfo, routes?: string): Shown | undefined {
  const selected = new Set(routes ? selectedSubfieldNames(info, routes) : selectedFieldNames(info));
  const has = (fields: string[]) => fields.some((f) => selected.has(f));
  const show = { views: has(SHOWN_FIELDS.views), places: has(SHOWN_FIELDS.places), vessels: has(SHOWN_FIELDS.vessels) };
  return show.views || show.places || show.vessels ? show : undefined;
}

export async function runTrace(
  ctx: Context,
  direction: TraceDirection,
  place: { name: string; value: string },
  args: TraceArgs,
  destinationCountry: string | null,
  best: { limit: number; minConfidence: number | null },
  show?: Shown,
): Promise<RouteRecord[]> {
  return walked(
    ctx,
    place,
    await trace(ctx.db, traceQuery(ctx, direction, place, args, destinationCountry, best, show), ctx.counter),
  ).routes;
}

/**
 * What every walk's answer needs before it is shaped: an unknown place is NOT_FOUND, a walk that
 * stopped at its cap says so, and what its statements read for the client primes the loaders (legView;
 * node: origins, final ports and countries, vessels).
 */
function walked<T extends { capped: boolean; workLimit?: WorkLimit | null; legViews: LegView[]; nodes: NodeRecord[] }>(
  ctx: Context,
  place: { name: string; value: string },
  result: T | null,
): T {
  if (!result)
    throw notFound(`No port matches ${place.name} "${place.value}" (give a port id, UN/LOCODE, or name or alias)`);
  if (result.capped) pathCapReached(ctx, place);
  if (result.workLimit) {
    const r = result as { routes?: unknown[]; groups?: unknown[] };
    traceWorkLimitReached(ctx, place, result.workLimit, (r.routes ?? r.groups ?? []).length);
  }
  for (const v of result.legViews) ctx.loaders.legView.prime(String(v.props.id), v);
  for (const n of result.nodes) ctx.loaders.node.prime(n.id, n);
  return result;
}

/** Tells the client (extensions.warnings) and the log that the walk stopped at its cap: more routes may exist. */
function pathCapReached(ctx: Context, place: { name: string; value: string }): void {
  ctx.logger.warn({ place: place.value }, 'trace reached the path cap; some routes were not followed');
  ctx.warnings.push({
    code: 'PATH_CAP_REACHED',
    message: `The trace from ${place.name} "${place.value}" stopped at its safety cap (${PATH_CAP} routes listed, ${DESTINATION_ROUTE_CAP} summed, or the rounds of a ranked walk): more routes may exist. Narrow it with window, maxHops, maxWaitDays or cargoOrigins.`,
  });
}

/** The routes a list shows: ranked inside Neo4j, the best `limit` (db/trace/ rankRoutes gives the order). */
export function best(args: RouteListArgs): { limit: number; minConfidence: number | null } {
  return { limit: args.limit, minConfidence: args.minConfidence ?? null };
}

/**
 * The legs, steps and graph of a route, built only when a client selects them, from the legView
 * loader: primed by the walk's statement (traceCargo, traceBack, destinations), else read in one
 * statement for every route of the answer (they all ask in the same tick).
 */
/** A route as the trace answers it: Route without the fields its field resolvers add (below). */
export type RouteFields = Omit<Route, 'steps' | 'departure' | 'arrival' | 'graph'>;
/** A destination group as `destinations` answers it: its routes are ranked by the `routes` field resolver. */
export type DestinationFields = Omit<DestinationSummary, 'routes'> & { routes: RouteRecord[] };

const details = new WeakMap<RouteRecord, Promise<RouteDetail>>();
function detailOf(r: RouteRecord, ctx: Context): Promise<RouteDetail> {
  let d = details.get(r);
  if (!d) {
    d = ctx.loaders.legView.loadMany(r.legIds).then((views) => {
      const missing = views.findIndex((v) => v == null || v instanceof Error);
      if (missing >= 0) throw new Error(`leg ${r.legIds[missing]} of route ${r.id} is gone`);
      return routeDetail(r, views as LegView[]);
    });
    details.set(r, d);
  }
  return d;
}

@Resolver(() => Route)
export class TraceResolver {
  @Query(() => [Route], {
    description:
      'Where did the cargo loaded at a port go? Follows every leg, transfer and transhipment from the origin, respecting time, to the final ports; most confident routes first.',
  })
  async traceCargo(
    @Args(() => TraceCargoArgs) args: TraceCargoArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RouteFields[]> {
    const place = { name: 'origin', value: args.origin };
    checkTraceArgs(args, place);
    checkListArgs(args);
    const dest = countryArg('destinationCountry', args.destinationCountry);
    return runTrace(ctx, 'FORWARD', place, args, dest, best(args), showFor(info));
  }

  @Query(() => [Route], {
    description:
      'Where did the cargo landed at a port come from? The same routes, walked backwards from the destination.',
  })
  async traceBack(
    @Args(() => TraceBackArgs) args: TraceBackArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RouteFields[]> {
    const place = { name: 'destination', value: args.destination };
    checkTraceArgs(args, place);
    checkListArgs(args);
    return runTrace(ctx, 'BACKWARD', place, args, null, best(args), showFor(info));
  }

  @Query(() => [DestinationSummary], {
    description:
      'Where the cargo from an origin ended up, per country or per port: routes, tonnage, vessels, first and last dates.',
  })
  async destinations(
    @Args(() => DestinationsArgs) args: DestinationsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DestinationFields[]> {
    const place = { name: 'origin', value: args.origin };
    checkTraceArgs(args, place);
    // each group brings its best routes, as many as the largest `routes(limit:)` selected asks for
    const perGroup = Math.max(
      0,
      ...selectedFieldArgs(info, 'routes').map((a) =>
        Number.isInteger(a.limit) ? Math.min(Number(a.limit), MAX_ROUTE_LIMIT) : 0,
      ),
    );
    const result = walked(
      ctx,
      place,
      await traceDestinations(
        ctx.db,
        traceQuery(ctx, 'FORWARD', place, args, null, undefined, perGroup > 0 ? showFor(info, 'routes') : undefined),
        args.groupBy,
        perGroup,
        ctx.counter,
      ),
    );
    return result.groups.map((g) => ({
      ...g,
      name: g.key,
      portId: args.groupBy === DestinationGrouping.PORT ? g.key : null,
    }));
  }

  @Query(() => [TimelineEvent], {
    description:
      'Every dated event of a vessel in time order: legs, transfers, identity and flag changes, designations, tactics (`timeline` adds its ownership and management periods, a window and pages).',
  })
  async vesselTimeline(
    @Arg('id', () => ID, {
      description: 'A vessel id; another kind of id is BAD_USER_INPUT, an unknown one NOT_FOUND.',
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<EventRecord[]> {
    idArg('id', id, ['Vessel']);
    const vessel = await ctx.loaders.node.load(id);
    if (!vessel) throw notFound(`Vessel "${id}"`);
    const [legs, transfers, claims, designations, tactics] = await Promise.all([
      ctx.loaders.legsOfVessel.load(id),
      ctx.loaders.transfersOfVessel.load(id),
      ctx.loaders.identityClaimsOfVessel.load(id),
      ctx.loaders.designationsOf.load(id),
      ctx.loaders.tacticUsesOf.load(id),
    ]);
    return sortByDate(vesselEvents(id, { legs, transfers, claims, designations, tactics }));
  }

  @FieldResolver(() => Port, { description: "The port the route starts from (the first leg's port of departure)." })
  async origin(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<Port | null> {
    return loadNode(ctx, r.originId, ['Port']);
  }

  @FieldResolver(() => Port, {
    description: 'Where the last leg landed the cargo (a named port before an alternative the sources give).',
  })
  async finalPort(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<Port | null> {
    return loadNode(ctx, r.finalPortId, ['Port']);
  }

  @FieldResolver(() => Country, {
    description: "The final port's country, or the destination country the last leg names when the port has none.",
  })
  async finalCountry(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<Country | null> {
    return loadNode(ctx, `country:${r.finalCountryCode}`, ['Country']);
  }

  @FieldResolver(() => [RouteStep], { description: 'Legs and transfers from the origin to the final port, in order.' })
  async steps(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<RouteDetail['steps']> {
    return (await detailOf(r, ctx)).steps;
  }

  @FieldResolver(() => Subgraph, {
    description: 'The route as nodes and edges (ports, legs, vessels, transfers), ready to draw.',
  })
  async graph(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<RouteDetail['graph']> {
    return (await detailOf(r, ctx)).graph;
  }

  @FieldResolver(() => DateRange, { nullable: true, description: 'When the first leg left.' })
  async departure(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<DateRange | null> {
    return asDateRange((await detailOf(r, ctx)).legs[0].departure);
  }

  @FieldResolver(() => DateRange, { nullable: true, description: 'When the last leg arrived.' })
  async arrival(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<DateRange | null> {
    const { legs } = await detailOf(r, ctx);
    return asDateRange(legs[legs.length - 1].arrival);
  }

  @FieldResolver(() => [Vessel], { description: 'The vessels that carried the cargo, in route order.' })
  async vessels(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<Vessel[]> {
    const ids = [...new Set(r.vesselSpans.map((s) => s.vesselId))];
    return loadNodes(ctx, ids, ['Vessel']);
  }

  @FieldResolver(() => RouteIntermediaries, {
    description: 'Ports between origin and final port, and the companies behind the vessels at the time.',
  })
  intermediaries(@Root() r: RouteRecord): RouteIntermediaries {
    return { portIds: r.portIds, vesselSpans: r.vesselSpans };
  }

  @FieldResolver(() => [Tactic], { description: "Evasion tactics used on the route's legs and transfers." })
  async tactics(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<Tactic[]> {
    const uses = await ctx.loaders.tacticUsesOf.loadMany([...r.legIds, ...r.transferIds]);
    const ids = [...new Set(uses.flatMap((u) => (Array.isArray(u) ? u.map((x) => x.tacticId) : [])))].sort();
    return loadNodes(ctx, ids, ['Tactic']);
  }

  @FieldResolver(() => [Source], { description: "Every source behind the route's legs and transfers." })
  async sources(@Root() r: RouteRecord, @Ctx() ctx: Context): Promise<Source[]> {
    const [transfers, { legs }] = await Promise.all([loadNodes(ctx, r.transferIds, ['Transfer']), detailOf(r, ctx)]);
    const ids = new Set<string>(legs.flatMap((l) => l.sourceIds as string[]));
    for (const t of transfers) for (const s of t.sourceIds) ids.add(s);
    return loadNodes(ctx, [...ids], ['Source']);
  }
}
