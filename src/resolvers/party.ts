import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Party, PartyConnection, PartyRelation } from '../schema/party';
import { Country } from '../schema/country';
import { Designation } from '../schema/designation';
import { Node } from '../schema/node';
import { TacticUse } from '../schema/tactic';
import { listParties } from '../db/read/party';
import { Page, toPage } from '../domain/pagination';
import { PartiesArgs } from '../schema/args/parties';
import { ANY_LABEL, PARTY_LABELS, loadNode, loadSelectedNode } from './load';
import { selectedProps } from './selection';
import { listItems } from './compiled';
import { relationPropsFor } from '../db/records';

import { Context } from './context';
import { FIRST_ARG, firstItems } from './listBound';
import { countryArg, idArg, pageArgs } from './args';

@Resolver(() => Party)
export class PartyResolver {
  @Query(() => Party, { nullable: true, description: 'A company or person by id ("company:…" or "person:…").' })
  async company(
    @Arg('id', () => ID, {
      description: 'A company or person id; another kind of id is BAD_USER_INPUT; unknown: null.',
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<Party | null> {
    idArg('id', id, ['Company', 'Person']);
    return loadNode(ctx, id, PARTY_LABELS);
  }

  @Query(() => PartyConnection, { description: 'Companies and persons, filtered and paged, ordered by name.' })
  async companies(@Args(() => PartiesArgs) args: PartiesArgs, @Ctx() ctx: Context): Promise<Page<Party>> {
    const page = pageArgs(args.first, args.after);
    const f = args.filter ?? {};
    const { total, items } = await listParties(
      ctx.db,
      {
        name: f.name?.trim() || null,
        countryCode: countryArg('filter.country', f.country),
        kind: f.kind ?? null,
        designated: f.designated ?? null,
        ...page,
      },
      ctx.counter,
    );
    return toPage(items, page.offset, total);
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: 'Its country, where the sources establish one (see countryText for their words).',
  })
  async country(@Root() p: Party, @Ctx() ctx: Context): Promise<Country | null> {
    return loadNode(ctx, p.countryCode ? `country:${p.countryCode}` : null, ['Country']);
  }

  @FieldResolver(() => [PartyRelation], {
    description: 'What it owns, manages, operates, controls, chartered or brokered.',
  })
  holdings(
    @Root() p: Party,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): PartyRelation[] | Promise<PartyRelation[]> {
    return listItems(ctx, info, p, PARTY_LABELS, first, () =>
      ctx.loaders.relationsFromPartyWith(selectedProps(info, relationPropsFor)).load(p.id),
    );
  }

  @FieldResolver(() => [PartyRelation], { description: 'Companies and persons that own or control it.' })
  controlledBy(
    @Root() p: Party,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): PartyRelation[] | Promise<PartyRelation[]> {
    return listItems(ctx, info, p, PARTY_LABELS, first, () =>
      ctx.loaders.relationsToTargetWith(selectedProps(info, relationPropsFor)).load(p.id),
    );
  }

  @FieldResolver(() => [Designation], {
    description: 'Sanctions on it (UN, OFAC, …), in force or not: see each status.',
  })
  async designations(
    @Root() p: Party,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<Designation[]> {
    return firstItems(ctx.budget, await ctx.loaders.designationsOf.load(p.id), first);
  }

  @FieldResolver(() => [TacticUse], {
    description: 'Evasion tactics the sources tie to it (front companies, payment obfuscation …).',
  })
  async tactics(
    @Root() p: Party,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first: number,
  ): Promise<TacticUse[]> {
    return firstItems(ctx.budget, await ctx.loaders.tacticUsesOf.load(p.id), first);
  }
}

@Resolver(() => PartyRelation)
export class PartyRelationResolver {
  @FieldResolver(() => Party, { description: 'The company or person on the controlling side.' })
  party(
    @Root() r: PartyRelation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Party | null | Promise<Party | null> {
    return loadSelectedNode(ctx, r.partyId, info, PARTY_LABELS, r);
  }

  @FieldResolver(() => Node, { description: 'The vessel or company on the other side.' })
  target(
    @Root() r: PartyRelation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Node | null | Promise<Node | null> {
    return loadSelectedNode(ctx, r.targetId, info, ANY_LABEL, r);
  }
}
