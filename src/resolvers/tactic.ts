import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Tactic, TacticUse } from '../schema/tactic';
import { Context } from './context';

@Resolver(() => TacticUse)
export class TacticUseResolver {
  @FieldResolver(() => Tactic)
  async tactic(@Root() u: TacticUse, @Ctx() ctx: Context): Promise<unknown> {
    return ctx.loaders.node.load(u.tacticId);
  }
}
