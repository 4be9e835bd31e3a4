import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Tactic, TacticUse } from '../schema/tactic';
import { loadNode } from './load';
import { Context } from './context';

@Resolver(() => TacticUse)
export class TacticUseResolver {
  @FieldResolver(() => Tactic, { description: 'The tactic of the taxonomy that was used.' })
  async tactic(@Root() u: TacticUse, @Ctx() ctx: Context): Promise<Tactic | null> {
    return loadNode(ctx, u.tacticId, ['Tactic']);
  }
}
