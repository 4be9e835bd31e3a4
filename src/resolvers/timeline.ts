/**
 * `timeline(id, window)`: the events of a vessel, company, person or port in date order, paged.
 * Vessels, companies and persons have as many events as facts about them: they are read through the
 * request's loaders (one statement per kind of fact), worded by domain/timeline.ts and paged here. A
 * port's calls grow with its traffic: they are filtered, sorted and paged inside Neo4j
 * (db/read/portEvents.ts), so a hub costs one statement and answers one page.
 */
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { MAX_TIMELINE_PAGE, TimelineArgs } from '../schema/args/timeline';
import { TimelineEventConnection } from '../schema/timeline';
import { dateWindowProblem } from '../domain/dates';
import { partyEvents, sortByDate, vesselEvents } from '../domain/timeline';
import { EventRecord, inWindow, portCallEvent, transferEvent } from '../domain/timelineEvents';
import { Page, toPage } from '../domain/pagination';
import { portEvents } from '../db/read/portEvents';
import { Context } from './context';
import { check, notFound } from './errors';
import { idArg, pageArgs } from './args';

type Window = { from: string | null; to: string | null };

async function namesOf(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const nodes = await ctx.loaders.node.loadMany(unique);
  const names = new Map<string, string>();
  nodes.forEach((n, i) => {
    if (n && !(n instanceof Error) && 'name' in n && typeof n.name === 'string') names.set(unique[i], n.name);
  });
  return names;
}

async function vesselTimelineEvents(ctx: Context, id: string): Promise<EventRecord[]> {
  const [legs, transfers, claims, designations, tactics, relations] = await Promise.all([
    ctx.loaders.legsOfVessel.load(id),
    ctx.loaders.transfersOfVessel.load(id),
    ctx.loaders.identityClaimsOfVessel.load(id),
    ctx.loaders.designationsOf.load(id),
    ctx.loaders.tacticUsesOf.load(id),
    ctx.loaders.relationsToTarget.load(id),
  ]);
  const names = await namesOf(
    ctx,
    relations.map((r) => r.partyId),
  );
  return vesselEvents(id, { legs, transfers, claims, designations, tactics, relations }, names);
}

async function partyTimelineEvents(ctx: Context, id: string): Promise<EventRecord[]> {
  const [designations, holdings, controllers, tactics] = await Promise.all([
    ctx.loaders.designationsOf.load(id),
    ctx.loaders.relationsFromParty.load(id),
    ctx.loaders.relationsToTarget.load(id),
    ctx.loaders.tacticUsesOf.load(id),
  ]);
  const names = await namesOf(ctx, [...holdings.map((r) => r.targetId), ...controllers.map((r) => r.partyId)]);
  return partyEvents(id, { designations, holdings, controllers, tactics }, names);
}

async function portTimeline(
  ctx: Context,
  id: string,
  window: Window | null,
  page: { offset: number; first: number },
): Promise<Page<EventRecord>> {
  const { total, items } = await portEvents(
    ctx.db,
    { portId: id, from: window?.from ?? null, to: window?.to ?? null, ...page },
    ctx.counter,
  );
  ctx.budget.take(items.length);
  const events = items.map((e) =>
    e.direction === 'AT' ? transferEvent(e.record, null) : portCallEvent(e.record, e.direction, e.vesselName),
  );
  return toPage(events, page.offset, total);
}

@Resolver()
export class TimelineResolver {
  @Query(() => TimelineEventConnection, {
    description:
      'The events of a vessel, company, person or port in date order (undated last), each with its dates, precision and sources. Vessel: legs, transfers, identity and flag changes, designations, tactics, ownership and management periods. Company or person: designations, what it owns, manages … and who owns or controls it, with periods, and tactics. Port: every leg that left or reached it (port calls) and every transfer held there.',
  })
  async timeline(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: Context): Promise<Page<EventRecord>> {
    const label = idArg('id', args.id, ['Vessel', 'Company', 'Person', 'Port']);
    const window: Window | null = args.window ? { from: args.window.from ?? null, to: args.window.to ?? null } : null;
    if (window) check('window', dateWindowProblem(window));
    const page = pageArgs(args.first, args.after, MAX_TIMELINE_PAGE);
    const entity = await ctx.loaders.node.load(args.id);
    if (!entity) throw notFound(`${label} "${args.id}"`);
    // a merged id stands for the entity kept
    const id = entity.id;
    if (label === 'Port') return portTimeline(ctx, id, window, page);
    const all = label === 'Vessel' ? await vesselTimelineEvents(ctx, id) : await partyTimelineEvents(ctx, id);
    const events = sortByDate(all.filter((e) => inWindow(e, window)));
    const items = events.slice(page.offset, page.offset + page.first);
    ctx.budget.take(items.length);
    return toPage(items, page.offset, events.length);
  }
}
