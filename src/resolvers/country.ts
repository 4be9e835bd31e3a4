import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Int } from 'type-graphql';
import { Country } from '../schema/country';
import { Port } from '../schema/port';
import { Party } from '../schema/party';
import { Vessel } from '../schema/vessel';
import { loadNode } from './load';
import { Context } from './context';
import { FIRST_ARG, firstItems } from './listBound';
import { countryArg } from './args';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, {
    nullable: true,
    description: 'A country by ISO 3166-1 alpha-2 code ("KP"); null if the graph has nothing on it.',
  })
  async country(
    @Arg('code', () => String, {
      description: 'ISO 3166-1 alpha-2 code, any case ("KP", "kp"); not a code: BAD_USER_INPUT.',
    })
    code: string,
    @Ctx() ctx: Context,
  ): Promise<Country | null> {
    return loadNode(ctx, `country:${countryArg('code', code)}`, ['Country']);
  }

  @FieldResolver(() => [Port], { description: 'Ports, transfer areas and anchorages in the country, by name.' })
  async ports(
    @Root() c: Country,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Port[]> {
    return firstItems(ctx.budget, await ctx.loaders.portsInCountry.load(c.code), first);
  }

  @FieldResolver(() => [Party], { description: 'Companies and persons based there.' })
  async parties(
    @Root() c: Country,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Party[]> {
    return firstItems(ctx.budget, await ctx.loaders.partiesInCountry.load(c.code), first);
  }

  @FieldResolver(() => [Vessel], { description: 'Vessels whose current flag it is.' })
  async flaggedVessels(
    @Root() c: Country,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Vessel[]> {
    return firstItems(ctx.budget, await ctx.loaders.vesselsFlaggedIn.load(c.code), first);
  }
}
