/**
 * What a client hears when a trace walk stopped at its work bound (db/trace/workBound.ts): a warning
 * with the routes found (`TRACE_WORK_LIMIT` in `extensions.warnings`, with how many of them are the
 * exact best), or, when the walk found no route at all within the bound, an error with the same code
 * (an empty list would read as "no route exists", which the walk cannot say).
 */
import { GraphQLError } from 'graphql';
import { WorkLimit } from '../db/trace';
import { Context } from './context';

const NARROW =
  'Narrow it for an exact answer: a window (when the cargo left), fewer maxHops, a shorter maxWaitDays, a minConfidence, or a destinationCountry.';

function why(limit: WorkLimit, budgetMs: number): string {
  return limit.reason === 'STATES'
    ? `after growing ${limit.states} partial routes, its work bound`
    : `after ${budgetMs} ms of walking, its time bound`;
}

/** Throws TRACE_WORK_LIMIT when the bound left no route, else warns (extensions.warnings). */
export function traceWorkLimitReached(
  ctx: Context,
  place: { name: string; value: string },
  limit: WorkLimit,
  routes: number,
): void {
  const where = `The trace from ${place.name} "${place.value}" stopped ${why(limit, ctx.traceWork.budgetMs)}`;
  ctx.logger.warn({ place: place.value, ...limit, routes }, 'trace reached its work bound');
  if (routes === 0) {
    throw new GraphQLError(`${where}, before it found any route. ${NARROW}`, {
      extensions: { code: 'TRACE_WORK_LIMIT', reason: limit.reason, http: { status: 422 } },
    });
  }
  ctx.warnings.push({
    code: 'TRACE_WORK_LIMIT',
    message:
      `${where}: the first ${limit.exact} of its ${routes} routes are the exact best, ` +
      `the others the best found from the routes still pending (each grown by its best continuation), ranked among themselves. ${NARROW}`,
    exactRoutes: limit.exact,
  });
}
