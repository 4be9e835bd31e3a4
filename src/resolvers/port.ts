import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Port, PortConnection } from '../schema/port';
import { Country } from '../schema/country';
import { Leg, Transfer } from '../schema/leg';

import { findPortByLocode, listPorts } from '../db/read/port';
import { isValidLocode, normalizeLocode } from '../domain/identifiers';
import { Page, toPage } from '../domain/pagination';
import { PortsArgs } from '../schema/args/ports';
import { loadNode } from './load';

import { Context } from './context';
import { FIRST_ARG, firstItems } from './listBound';
import { badInput, check } from './errors';
import { countryArg, idArg, pageArgs } from './args';

/** The legs that leave from (FROM) or come to (TO) a port. */
async function legsAt(ctx: Context, portId: string, direction: 'FROM' | 'TO'): Promise<Leg[]> {
  return (await ctx.loaders.legsAtPort.load(portId)).filter((x) => x.direction === direction).map((x) => x.leg);
}

@Resolver(() => Port)
export class PortResolver {
  @Query(() => Port, { nullable: true, description: 'A port by id or by UN/LOCODE (give one of them).' })
  async port(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'A port id ("port:nampho"); another kind of id is BAD_USER_INPUT.',
    })
    id?: string | null,
    @Arg('locode', () => String, { nullable: true, description: 'UN/LOCODE ("KPNAM").' }) locode?: string | null,
  ): Promise<Port | null> {
    if ((id == null) === (locode == null))
      throw badInput(id == null ? 'id' : 'locode', 'give exactly one of id and locode');
    if (id != null) {
      idArg('id', id, ['Port']);
      return loadNode(ctx, id, ['Port']);
    }
    check(
      'locode',
      isValidLocode(locode!)
        ? null
        : `is not a UN/LOCODE: a country code and three letters, such as "KPNAM" (got "${locode}")`,
    );
    return findPortByLocode(ctx.db, normalizeLocode(locode!), ctx.counter);
  }

  @Query(() => PortConnection, {
    description: 'Ports, transfer areas and anchorages, filtered and paged, ordered by name.',
  })
  async ports(@Args(() => PortsArgs) args: PortsArgs, @Ctx() ctx: Context): Promise<Page<Port>> {
    const page = pageArgs(args.first, args.after);
    const { total, items } = await listPorts(
      ctx.db,
      {
        name: args.name?.trim() || null,
        countryCode: countryArg('country', args.country),
        kind: args.kind ?? null,
        ...page,
      },
      ctx.counter,
    );
    return toPage(items, page.offset, total);
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: 'Its country; null for a place in no one country (an STS area at sea).',
  })
  async country(@Root() p: Port, @Ctx() ctx: Context): Promise<Country | null> {
    return loadNode(ctx, p.countryCode ? `country:${p.countryCode}` : null, ['Country']);
  }

  @FieldResolver(() => [Leg], { description: 'Legs that left from here.' })
  async departures(
    @Root() p: Port,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Leg[]> {
    return firstItems(ctx.budget, await legsAt(ctx, p.id, 'FROM'), first);
  }

  @FieldResolver(() => [Leg], { description: 'Legs that came here.' })
  async arrivals(
    @Root() p: Port,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Leg[]> {
    return firstItems(ctx.budget, await legsAt(ctx, p.id, 'TO'), first);
  }

  @FieldResolver(() => [Transfer], { description: 'Cargo transfers that took place here.' })
  async transfers(
    @Root() p: Port,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Transfer[]> {
    return firstItems(ctx.budget, await ctx.loaders.transfersAtPort.load(p.id), first);
  }
}
