import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Designation } from '../schema/designation';
import { Node } from '../schema/node';
import { ANY_LABEL, loadNode } from './load';
import { Context } from './context';

@Resolver(() => Designation)
export class DesignationResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The vessel, company or person designated.' })
  async target(@Root() d: Designation, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, d.targetId, ANY_LABEL);
  }
}
