import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { ScreenCandidate, ScreenQueryInput, ScreenResult } from '../schema/screen';
import { Designation } from '../schema/designation';
import { screenBatch, ScreenCandidateRecord } from '../db/read/screenBatch';
import { screenBatchProblem } from '../domain/screenQuery';
import { UNCAPPED_LIST_WEIGHT } from '../operationLimits';
import { Context } from './context';
import { check } from './errors';

/** Queries that weigh like one list item in the cost limit: the batch runs in three statements, whatever its size. */
export const SCREEN_QUERIES_PER_COST_UNIT = 10;

/** A batch costs its result's selection once per SCREEN_QUERIES_PER_COST_UNIT queries, scaled by `limit`. */
export function screenComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const n = Array.isArray(args.queries) ? args.queries.length : 1;
  const limit = typeof args.limit === 'number' ? args.limit : UNCAPPED_LIST_WEIGHT;
  const perQuery = Math.max(1, childComplexity) * Math.max(1, limit / UNCAPPED_LIST_WEIGHT);
  return 1 + Math.ceil((n / SCREEN_QUERIES_PER_COST_UNIT) * perQuery);
}

@Resolver()
export class ScreenResolver {
  @Query(() => [ScreenResult], {
    description:
      'Screens a list of example entities (up to 500) against the graph: for each, in order, the vessels, companies, persons or ports it may be, scored 0–1 with the reasons. A matching identifier scores 1.0; names are compared across case, spacing, numbering, legal forms and romanisations, and against former names and false identities. See docs/screening.md.',
    complexity: screenComplexity,
  })
  async screen(
    @Arg('queries', () => [ScreenQueryInput], { description: 'The entities to look for, at most 500.' })
    queries: ScreenQueryInput[],
    @Ctx() ctx: Context,
    @Arg('threshold', () => Float, {
      defaultValue: 0.7,
      description: 'The lowest score a candidate needs to be listed (0 to 1).',
    })
    threshold: number,
    @Arg('limit', () => Int, { defaultValue: 5, description: 'The most candidates listed per query (1 to 50).' })
    limit: number,
  ): Promise<ScreenResult[]> {
    const problem = screenBatchProblem(queries.length, threshold, limit);
    if (problem) check(problem.arg, problem.problem);
    const outcomes = await screenBatch(ctx.db, queries, { threshold, limit }, ctx.counter);
    return outcomes.map((o, index) => ({
      index,
      problems: o.problems,
      // plain records: the Node interface resolves each entity's type from its id
      candidates: o.candidates,
    }));
  }
}

@Resolver(() => ScreenCandidate)
export class ScreenCandidateResolver {
  @FieldResolver(() => [Designation], { description: 'The sanctions on the candidate (none for a port).' })
  async designations(@Root() c: ScreenCandidateRecord, @Ctx() ctx: Context): Promise<Designation[]> {
    return ctx.loaders.designationsOf.load(c.id);
  }
}
