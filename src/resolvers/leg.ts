import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Leg, Transfer } from '../schema/leg';
import { Vessel } from '../schema/vessel';
import { Port } from '../schema/port';
import { Country } from '../schema/country';
import { TacticUse } from '../schema/tactic';
import { loadNode, loadNodes } from './load';
import { Context } from './context';

async function portsOf(ctx: Context, legId: string, direction: 'FROM' | 'TO'): Promise<Port[]> {
  const ids = (await ctx.loaders.portsOfLeg.load(legId)).filter((p) => p.direction === direction).map((p) => p.portId);
  return loadNodes(ctx, ids, ['Port']);
}

@Resolver(() => Leg)
export class LegResolver {
  @FieldResolver(() => Vessel, {
    nullable: true,
    description: 'The ship; null when the sources do not name it (see vesselDescription).',
  })
  async vessel(@Root() l: Leg, @Ctx() ctx: Context): Promise<Vessel | null> {
    return loadNode(ctx, l.vesselId, ['Vessel']);
  }

  @FieldResolver(() => [Port], {
    description: 'Where it left from: one port, or the alternatives the sources give ("Kholmsk or Vladivostok").',
  })
  async from(@Root() l: Leg, @Ctx() ctx: Context): Promise<Port[]> {
    return portsOf(ctx, l.id, 'FROM');
  }

  @FieldResolver(() => [Port], { description: 'Where it went: one port, or the alternatives the sources give.' })
  async to(@Root() l: Leg, @Ctx() ctx: Context): Promise<Port[]> {
    return portsOf(ctx, l.id, 'TO');
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The destination country the sources name.' })
  async destinationCountry(@Root() l: Leg, @Ctx() ctx: Context): Promise<Country | null> {
    return loadNode(ctx, l.destinationCountryCode ? `country:${l.destinationCountryCode}` : null, ['Country']);
  }

  @FieldResolver(() => [TacticUse], { description: 'Evasion tactics used on this leg.' })
  async tactics(@Root() l: Leg, @Ctx() ctx: Context): Promise<TacticUse[]> {
    return ctx.loaders.tacticUsesOf.load(l.id);
  }
}

@Resolver(() => Transfer)
export class TransferResolver {
  @FieldResolver(() => Vessel, {
    nullable: true,
    description: 'The vessel that gave the cargo; null when unnamed (see fromVesselDescription).',
  })
  async fromVessel(@Root() t: Transfer, @Ctx() ctx: Context): Promise<Vessel | null> {
    return loadNode(ctx, t.fromVesselId, ['Vessel']);
  }

  @FieldResolver(() => Vessel, {
    nullable: true,
    description: 'The vessel that took the cargo on; null when unnamed (see toVesselDescription).',
  })
  async toVessel(@Root() t: Transfer, @Ctx() ctx: Context): Promise<Vessel | null> {
    return loadNode(ctx, t.toVesselId, ['Vessel']);
  }

  @FieldResolver(() => Port, { nullable: true, description: 'Where the transfer took place.' })
  async port(@Root() t: Transfer, @Ctx() ctx: Context): Promise<Port | null> {
    return loadNode(ctx, t.portId, ['Port']);
  }

  @FieldResolver(() => [TacticUse], {
    description: 'Evasion tactics used in this transfer (AIS off, night operations …).',
  })
  async tactics(@Root() t: Transfer, @Ctx() ctx: Context): Promise<TacticUse[]> {
    return ctx.loaders.tacticUsesOf.load(t.id);
  }
}
