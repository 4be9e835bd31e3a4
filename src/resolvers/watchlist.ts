/**
 * Watchlists and alerts. Readers read watchlists and alerts, mark alerts read and subscribe; editors
 * create watchlists and change or delete their own (admins any). Inputs are checked (domain/watch.ts)
 * and the entities and ports they name must be in the graph, before anything is written.
 */
import DataLoader from 'dataloader';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { GraphQLError } from 'graphql';
import {
  Alert,
  AlertConnection,
  CreateWatchlistInput,
  UpdateWatchlistInput,
  Watchlist,
  WatchlistConnection,
} from '../schema/watchlist';
import { Node } from '../schema/node';
import {
  CheckedWatchlist,
  checkWatchlistInput,
  parseSince,
  WatchInputProblem,
  watchesSomething,
  WatchlistInput,
  AlertSince,
} from '../domain/watch';
import { labelOfId } from '../domain/ids';
import { roleAtLeast } from '../domain/auth';
import {
  createWatchlist,
  deleteWatchlist,
  findWatchlist,
  listWatchlists,
  resolveWatched,
  updateWatchlist,
  WatchlistView,
} from '../db/watch/watchlists';
import { AlertView, listAlerts, markAlertsRead, unreadCounts } from '../db/watch/alerts';
import { AlertsArgs, AlertSubscriptionArgs, WatchlistsArgs } from '../schema/args/watchlists';
import { present } from './load';
import { ConnectionShape } from '../schema/connection';
import { Context } from './context';
import { badInput, checkedInput, notFound } from './errors';
import { callerName, writerOf } from './writer';
import { readPage } from './args';

const INPUT_HELP =
  'A field that fails its checks is BAD_USER_INPUT naming it (e.g. `input.countries[1]`), and nothing is written.';

function checked(input: WatchlistInput, creating: boolean): CheckedWatchlist {
  return checkedInput(WatchInputProblem, () => checkWatchlistInput(input, creating));
}

/** The ids the input names must be in the graph; merged ids become the entity kept. */
async function resolveInGraph(ctx: Context, spec: CheckedWatchlist): Promise<void> {
  const named = [...(spec.entityIds ?? []), ...(spec.ports ?? [])];
  const found = await resolveWatched(ctx.db, named, ctx.counter);
  for (const field of ['entityIds', 'ports'] as const) {
    const list = spec[field];
    if (!list) continue;
    list.forEach((id, i) => {
      if (!found.has(id)) throw badInput(`input.${field}[${i}]`, `names nothing in the graph (got "${id}")`);
    });
    spec[field] = [...new Set(list.map((id) => found.get(id)!))];
  }
}

function sinceArg(value: string | null | undefined): AlertSince | null {
  if (value == null || value.trim() === '') return null;
  const since = parseSince(value);
  if (!since)
    throw badInput('since', `must be an alert id ("alert:42") or an ISO 8601 date or date-time (got "${value}")`);
  return since;
}

async function existing(ctx: Context, argument: string, id: string): Promise<WatchlistView> {
  if (!/^watchlist:[A-Za-z0-9-]{1,64}$/.test(id)) throw badInput(argument, `is not a watchlist id (got "${id}")`);
  const w = await findWatchlist(ctx.db, id, ctx.counter);
  if (!w) throw notFound(`Watchlist "${id}"`);
  return w;
}

/** Its owner or an admin may change or delete a watchlist. */
function mayChange(ctx: Context, w: WatchlistView): void {
  const p = ctx.auth.principal!;
  if (p.name !== w.owner && !roleAtLeast(p.role, 'admin')) {
    throw new GraphQLError(`${w.id} belongs to ${w.owner}: only its owner or an admin may change it.`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}

/** Unread counts of the watchlists of one request, in one query (request-scoped, like the other loaders). */
const unreadLoaders = new WeakMap<Context, DataLoader<string, number>>();
function unreadLoader(ctx: Context): DataLoader<string, number> {
  let loader = unreadLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, number>((ids) => {
      ctx.counter.count++;
      return unreadCounts(ctx.db, ids, callerName(ctx));
    });
    unreadLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => Watchlist)
export class WatchlistResolver {
  @Authorized('READER')
  @Query(() => Watchlist, { nullable: true, description: 'A watchlist by id; null when there is none. Reader.' })
  async watchlist(
    @Arg('id', () => ID, { description: 'A watchlist id ("watchlist:…").' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return findWatchlist(ctx.db, id, ctx.counter);
  }

  @Authorized('READER')
  @Query(() => WatchlistConnection, { description: 'Watchlists, oldest first. Reader.' })
  async watchlists(
    @Args(() => WatchlistsArgs) args: WatchlistsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Watchlist>> {
    return readPage(args, (page) =>
      listWatchlists(ctx.db, { owner: args.owner?.trim() || null, ...page }, ctx.counter),
    );
  }

  @Authorized('EDITOR')
  @Mutation(() => Watchlist, { description: 'Creates a watchlist owned by the caller (audited). Editor.' })
  async createWatchlist(
    @Arg('input', () => CreateWatchlistInput, { description: INPUT_HELP }) input: CreateWatchlistInput,
    @Ctx() ctx: Context,
  ): Promise<WatchlistView> {
    const spec = checked(input, true);
    await resolveInGraph(ctx, spec);
    if (
      !watchesSomething({ entityIds: spec.entityIds ?? [], ports: spec.ports ?? [], countries: spec.countries ?? [] })
    )
      throw badInput('input', 'must watch at least one entity, port or country (entityIds, ports, countries)');
    const w = await createWatchlist(
      ctx.db,
      { ...spec, name: spec.name! },
      writerOf(ctx, 'createWatchlist'),
      ctx.counter,
    );
    ctx.logger.info({ watchlist: w.id }, 'watchlist created');
    return w;
  }

  @Authorized('EDITOR')
  @Mutation(() => Watchlist, {
    description:
      'Changes a watchlist (its owner, or an admin; FORBIDDEN otherwise). A change that changes nothing writes nothing. Editor.',
  })
  async updateWatchlist(
    @Arg('id', () => ID, { description: 'The watchlist.' }) id: string,
    @Arg('input', () => UpdateWatchlistInput, { description: INPUT_HELP }) input: UpdateWatchlistInput,
    @Ctx() ctx: Context,
  ): Promise<WatchlistView> {
    const spec = checked(input, false);
    const current = await existing(ctx, 'id', id);
    mayChange(ctx, current);
    await resolveInGraph(ctx, spec);
    const after = { entityIds: current.entityIds, ports: current.ports, countries: current.countries, ...spec };
    if (!watchesSomething(after)) throw badInput('input', 'would leave the watchlist watching nothing');
    const { view } = await updateWatchlist(ctx.db, current, spec, writerOf(ctx, 'updateWatchlist'), ctx.counter);
    return view;
  }

  @Authorized('EDITOR')
  @Mutation(() => ID, {
    description:
      'Deletes a watchlist and its alerts (its owner, or an admin; FORBIDDEN otherwise); answers its id. Editor.',
  })
  async deleteWatchlist(
    @Arg('id', () => ID, { description: 'The watchlist.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const current = await existing(ctx, 'id', id);
    mayChange(ctx, current);
    await deleteWatchlist(ctx.db, current, writerOf(ctx, 'deleteWatchlist'), ctx.counter);
    return current.id;
  }

  @FieldResolver(() => [Node])
  async watched(@Root() w: WatchlistView, @Ctx() ctx: Context): Promise<Node[]> {
    const nodes = await ctx.loaders.node.loadMany([...w.entityIds, ...w.ports]);
    return present(nodes);
  }

  @FieldResolver(() => Int)
  async unreadCount(@Root() w: WatchlistView, @Ctx() ctx: Context): Promise<number> {
    return ctx.auth.principal ? unreadLoader(ctx).load(w.id) : 0;
  }
}

@Resolver(() => Alert)
export class AlertResolver {
  @Authorized('READER')
  @Query(() => AlertConnection, { description: "A watchlist's alerts, oldest first. Reader." })
  async alerts(@Args(() => AlertsArgs) args: AlertsArgs, @Ctx() ctx: Context) {
    return readPage(args, async (page) => {
      const since = sinceArg(args.since);
      const w = await existing(ctx, 'watchlistId', args.watchlistId);
      return listAlerts(
        ctx.db,
        {
          watchlistId: w.id,
          afterSeq: since?.afterSeq ?? 0,
          since: since?.at ?? null,
          unreadBy: args.unreadOnly ? callerName(ctx) : null,
          ...page,
        },
        ctx.counter,
      );
    });
  }

  @Authorized('READER')
  @Mutation(() => Int, {
    description:
      'Marks alerts of a watchlist read for the caller (only the caller: each user has their own); answers how many were unread. Reader.',
  })
  async markAlertsRead(
    @Arg('watchlistId', () => ID, { description: 'The watchlist.' }) watchlistId: string,
    @Arg('alertIds', () => [ID], { nullable: true, description: 'The alerts to mark; omitted: all of the watchlist.' })
    alertIds: string[] | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const w = await existing(ctx, 'watchlistId', watchlistId);
    alertIds?.forEach((id, i) => {
      if (!/^alert:\d{1,15}$/.test(id)) throw badInput(`alertIds[${i}]`, `is not an alert id (got "${id}")`);
    });
    return markAlertsRead(ctx.db, w.id, callerName(ctx), alertIds ?? null, ctx.counter);
  }

  @Authorized('READER')
  @Subscription(() => Alert, {
    name: 'alerts',
    description:
      'Alerts of a watchlist as they are committed, on any replica (over WebSocket, graphql-ws protocol, at /graphql). Reader. See docs/watchlists.md for limits.',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const a = args as AlertSubscriptionArgs;
      if (!ctx.alertFeed)
        throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql.', {
          extensions: { code: 'BAD_REQUEST' },
        });
      const since = sinceArg(a.since);
      const w = await existing(ctx, 'watchlistId', a.watchlistId);
      return ctx.alertFeed.open(callerName(ctx), w.id, since);
    },
  })
  alertAdded(@Root() alert: AlertView, @Args(() => AlertSubscriptionArgs) _args: AlertSubscriptionArgs): AlertView {
    return alert;
  }

  @FieldResolver(() => Boolean)
  read(@Root() a: AlertView, @Ctx() ctx: Context): boolean {
    return ctx.auth.principal != null && a.readBy.includes(ctx.auth.principal.name);
  }

  @FieldResolver(() => Node, { nullable: true })
  async entity(@Root() a: AlertView, @Ctx() ctx: Context): Promise<Node | null> {
    return labelOfId(a.entityId) && !a.entityId.startsWith('country:') ? ctx.loaders.node.load(a.entityId) : null;
  }
}
