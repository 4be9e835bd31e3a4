import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { IdentityClaim, Vessel, VesselConnection } from '../schema/vessel';
import { Country } from '../schema/country';
import { PartyRelation } from '../schema/party';
import { Designation } from '../schema/designation';
import { Leg, Transfer } from '../schema/leg';
import { TacticUse } from '../schema/tactic';
import { findVesselByImo, listVessels } from '../db/read/vessel';
import { isValidImo, normalizeImo } from '../domain/identifiers';
import { Page, toPage } from '../domain/pagination';
import { VesselsArgs } from '../schema/args/vessels';
import { loadNode } from './load';

import { Context } from './context';
import { FIRST_ARG, firstItems } from './listBound';
import { selectedProps } from './selection';
import { connectionNodePlan, listItems } from './compiled';
import { legPropsFor, relationPropsFor } from '../db/records';
import { MANAGER_RELATION_TYPES, OWNER_RELATION_TYPES } from '../domain/graph';
import { badInput, check } from './errors';
import { countryArg, idArg, pageArgs } from './args';

const OWNER_TYPES: ReadonlySet<string> = new Set(OWNER_RELATION_TYPES);
const MANAGER_TYPES: ReadonlySet<string> = new Set(MANAGER_RELATION_TYPES);

/** The first ties to a vessel of these relation types. */
function tiesOfTypes(
  ctx: Context,
  info: GraphQLResolveInfo,
  vessel: Vessel,
  types: ReadonlySet<string>,
  first: number,
): PartyRelation[] | Promise<PartyRelation[]> {
  return listItems(ctx, info, vessel, VESSEL, first, async () => {
    const loader = ctx.loaders.relationsToTargetWith(selectedProps(info, relationPropsFor));
    return (await loader.load(vessel.id)).filter((r) => types.has(r.type));
  });
}

const VESSEL = ['Vessel'] as const;

@Resolver(() => Vessel)
export class VesselResolver {
  @Query(() => Vessel, { nullable: true, description: 'A vessel by id or by IMO number (give one of them).' })
  async vessel(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'A vessel id ("vessel:wise-honest"); another kind of id is BAD_USER_INPUT.',
    })
    id?: string | null,
    @Arg('imo', () => String, { nullable: true, description: 'Seven digits, with a valid check digit ("9114555").' })
    imo?: string | null,
  ): Promise<Vessel | null> {
    if ((id == null) === (imo == null)) throw badInput(id == null ? 'id' : 'imo', 'give exactly one of id and imo');
    if (id != null) {
      idArg('id', id, ['Vessel']);
      return loadNode(ctx, id, ['Vessel']);
    }
    const digits = normalizeImo(imo!);
    check(
      'imo',
      isValidImo(digits)
        ? null
        : `is not a valid IMO number: seven digits whose last is the check digit (got "${imo}")`,
    );
    return findVesselByImo(ctx.db, digits, ctx.counter);
  }

  @Query(() => VesselConnection, { description: 'Vessels, filtered and paged, ordered by name.' })
  async vessels(
    @Args(() => VesselsArgs) args: VesselsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Vessel>> {
    const page = pageArgs(args.first, args.after);
    const f = args.filter ?? {};
    const { total, items } = await listVessels(
      ctx.db,
      {
        name: f.name?.trim() || null,
        flagCode: countryArg('filter.flag', f.flag),
        designated: f.designated ?? null,
        tactic: f.tactic?.trim().toUpperCase() || null,
        status: f.status ?? null,
        ...page,
      },
      ctx.counter,
      ctx.loaders.compiling ? connectionNodePlan(info) : null,
    );
    return toPage(items, page.offset, total);
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: 'The current flag state, derived from the identity history; null when unknown or contested.',
  })
  async flag(@Root() v: Vessel, @Ctx() ctx: Context): Promise<Country | null> {
    return loadNode(ctx, v.flagCode ? `country:${v.flagCode}` : null, ['Country']);
  }

  @FieldResolver(() => [IdentityClaim], {
    description: 'Every identity claimed for the vessel over time: names, flags, numbers, including false ones.',
  })
  async identityHistory(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<IdentityClaim[]> {
    return firstItems(ctx.budget, await ctx.loaders.identityClaimsOfVessel.load(v.id), first);
  }

  @FieldResolver(() => [PartyRelation], { description: 'Registered and beneficial owners, with time spans.' })
  owners(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): PartyRelation[] | Promise<PartyRelation[]> {
    return tiesOfTypes(ctx, info, v, OWNER_TYPES, first);
  }

  @FieldResolver(() => [PartyRelation], { description: 'Managers and operators, with time spans.' })
  managers(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): PartyRelation[] | Promise<PartyRelation[]> {
    return tiesOfTypes(ctx, info, v, MANAGER_TYPES, first);
  }

  @FieldResolver(() => [PartyRelation], {
    description:
      'Every company or person tied to the vessel: owners, managers, operators, charterers, brokers, consignees.',
  })
  parties(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): PartyRelation[] | Promise<PartyRelation[]> {
    return listItems(ctx, info, v, VESSEL, first, () =>
      ctx.loaders.relationsToTargetWith(selectedProps(info, relationPropsFor)).load(v.id),
    );
  }

  @FieldResolver(() => [Designation], {
    description: 'Sanctions on the vessel (UN, OFAC, …), in force or not: see each status.',
  })
  async designations(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Designation[]> {
    return firstItems(ctx.budget, await ctx.loaders.designationsOf.load(v.id), first);
  }

  @FieldResolver(() => [Leg], { description: "The vessel's documented movements, in time order." })
  legs(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Leg[] | Promise<Leg[]> {
    return listItems(ctx, info, v, VESSEL, first, () =>
      ctx.loaders.legsOfVesselWith(selectedProps(info, legPropsFor)).load(v.id),
    );
  }

  @FieldResolver(() => [Transfer], { description: 'Cargo transfers the vessel took part in, either side.' })
  async transfers(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Transfer[]> {
    return firstItems(ctx.budget, await ctx.loaders.transfersOfVessel.load(v.id), first);
  }

  @FieldResolver(() => [TacticUse], {
    description: 'Evasion tactics seen for the vessel outside any one leg (legs list their own).',
  })
  async tactics(
    @Root() v: Vessel,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<TacticUse[]> {
    return firstItems(ctx.budget, await ctx.loaders.tacticUsesOf.load(v.id), first);
  }
}

@Resolver(() => IdentityClaim)
export class IdentityClaimResolver {
  @FieldResolver(() => Country, {
    nullable: true,
    description: 'The flag claimed, as a country; null when none or not a country (see flagText).',
  })
  async flag(@Root() c: IdentityClaim, @Ctx() ctx: Context): Promise<Country | null> {
    return loadNode(ctx, c.flagCode ? `country:${c.flagCode}` : null, ['Country']);
  }

  @FieldResolver(() => Vessel, { description: 'The vessel this identity was claimed for.' })
  async vessel(@Root() c: IdentityClaim, @Ctx() ctx: Context): Promise<Vessel | null> {
    return loadNode(ctx, c.vesselId, ['Vessel']);
  }
}
