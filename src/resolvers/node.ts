import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Node } from '../schema/node';
import { Evidenced } from '../schema/evidence';
import { Source } from '../schema/source';
import { ANY_LABEL, loadNode, loadNodes } from './load';
import { Context } from './context';
import { idArg } from './args';

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its id; null if there is none.' })
  async node(
    @Arg('id', () => ID, { description: 'Any Collier id ("vessel:wise-honest"); a malformed id is BAD_USER_INPUT.' })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<Node | null> {
    idArg('id', id);
    return loadNode(ctx, id, ANY_LABEL);
  }
}

/** Every fact's sources, for every type that carries evidence. */
@Resolver(() => Evidenced)
export class EvidenceResolver {
  @FieldResolver(() => [Source], { description: 'The documents that state this fact.' })
  async sources(@Root() fact: Evidenced, @Ctx() ctx: Context): Promise<Source[]> {
    return loadNodes(ctx, fact.sourceIds ?? [], ['Source']);
  }
}
