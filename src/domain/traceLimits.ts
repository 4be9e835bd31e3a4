/** The hard caps of a trace that its arguments state (schema/args/trace.ts) and its engine keeps (db/trace). */

/** Most legs in a route (`maxHops`). */
export const MAX_HOPS_CAP = 8;

/** Most routes one trace answer lists (`limit`). */
export const MAX_ROUTE_LIMIT = 500;

/** Why a route `limit` is refused, or null when it is 1 to MAX_ROUTE_LIMIT. */
export function routeLimitProblem(limit: number): string | null {
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_ROUTE_LIMIT
    ? null
    : `must be between 1 and ${MAX_ROUTE_LIMIT} (got ${limit})`;
}
