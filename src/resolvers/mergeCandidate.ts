/**
 * Merge candidates: the pairs of parties an official list's matching found but could not be sure of
 * (db/lists/listMatch.ts). Anyone who may read lists them; an admin accepts one (a merge, as mergeEntities
 * needs an admin), an editor may reject one.
 */
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MergeCandidate, MergeCandidateConnection, UndoMergeResult } from '../schema/mergeCandidate';
import { undoMerge, UnmergeError } from '../db/write/unmerge';
import { MERGEABLE_LABELS } from '../db/write/merge';
import { idArg, readPage } from './args';
import { Node } from '../schema/node';
import { CandidateError, decideCandidate, listCandidates } from '../db/lists/listMatch';
import { MergeCandidatesArgs } from '../schema/args/mergeCandidates';
import { ANY_LABEL, loadNode } from './load';

import { Returned } from './returned';
import { Context } from './context';
import { callerName } from './writer';
import { badInput, notFound } from './errors';

@Resolver(() => MergeCandidate)
export class MergeCandidateResolver {
  @Query(() => MergeCandidateConnection, {
    description:
      'Pairs of companies or persons that may be one real thing (found when official lists were loaded), best first.',
  })
  async mergeCandidates(@Args(() => MergeCandidatesArgs) args: MergeCandidatesArgs, @Ctx() ctx: Context) {
    return readPage(args, (page) => listCandidates(ctx.db, args.status ?? null, page.offset, page.first));
  }

  @Authorized('ADMIN')
  @Mutation(() => MergeCandidate, {
    description:
      'Accepts a pending candidate: the two are merged (as mergeEntities does), the reason kept in the audit trail. Admin.',
  })
  async acceptMergeCandidate(
    @Arg('id', () => ID, { description: 'The candidate to accept.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Returned<MergeCandidate>> {
    return decide(ctx, id, true);
  }

  @Authorized('EDITOR')
  @Mutation(() => MergeCandidate, {
    description: 'Rejects a pending candidate: the two stay apart and the pair is not proposed again. Editor.',
  })
  async rejectMergeCandidate(
    @Arg('id', () => ID, { description: 'The candidate to reject.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Returned<MergeCandidate>> {
    return decide(ctx, id, false);
  }

  @Authorized('ADMIN')
  @Mutation(() => UndoMergeResult, {
    description:
      'Undoes a merge (automatic or not): the merged entity comes back with its properties, relationships and the ids that pointed at it, and its pair is marked REJECTED so loading a list again does not merge it again. Admin.',
  })
  async undoMerge(
    @Arg('removedId', () => ID, { description: 'The id of the entity that was merged into another.' })
    removedId: string,
    @Ctx() ctx: Context,
  ): Promise<UndoMergeResult> {
    idArg('removedId', removedId, MERGEABLE_LABELS);
    try {
      const r = await undoMerge(ctx.db, removedId, {
        actor: callerName(ctx),
        operation: 'undoMerge',
        requestId: ctx.requestId,
        runId: null,
      });
      ctx.loaders.node.clearAll();
      return { keptId: r.keepId, restoredId: r.removedId, restoredRelationships: r.restoredRelationships };
    } catch (error) {
      if (error instanceof UnmergeError) throw badInput('removedId', error.message);
      throw error;
    }
  }

  @FieldResolver(() => Node, { nullable: true })
  async keep(@Root() c: MergeCandidate, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, c.keepId, ANY_LABEL);
  }

  @FieldResolver(() => Node, { nullable: true })
  async remove(@Root() c: MergeCandidate, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, c.removeId, ANY_LABEL);
  }
}

async function decide(ctx: Context, id: string, accept: boolean): Promise<Returned<MergeCandidate>> {
  if (!/^candidate:.{3,600}$/.test(id)) throw badInput('id', `is not a merge candidate id (got "${id}")`);
  try {
    const r = await decideCandidate(ctx.db, id, accept, {
      actor: callerName(ctx),
      operation: accept ? 'acceptMergeCandidate' : 'rejectMergeCandidate',
      requestId: ctx.requestId,
      runId: null,
    });
    ctx.loaders.node.clearAll();
    return r.candidate;
  } catch (error) {
    if (error instanceof CandidateError)
      throw error.kind === 'NOT_FOUND' ? notFound(id) : badInput('id', error.message);
    throw error;
  }
}

@Resolver(() => UndoMergeResult)
export class UndoMergeResultResolver {
  @FieldResolver(() => Node, { nullable: true })
  async restored(@Root() r: UndoMergeResult, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, r.restoredId, ANY_LABEL);
  }
}
