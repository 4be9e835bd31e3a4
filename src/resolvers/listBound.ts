/**
 * List fields that grow with the data (a port's departures, a vessel's legs, a country's vessels …)
 * take `first` with a default and a hard cap, and every item they return counts against the
 * request's response budget (GRAPHQL_MAX_RESPONSE_OBJECTS): an answer that would hold more items is
 * stopped with RESPONSE_TOO_LARGE instead of being built.
 */
import { GraphQLError } from 'graphql';
import { check } from './errors';

export const DEFAULT_LIST_FIRST = 20;
export const MAX_LIST_FIRST = 500;
export const LIST_FIRST_HELP = `Most items to return, 1 to ${MAX_LIST_FIRST} (default ${DEFAULT_LIST_FIRST}), in the list's order.`;

/** Counts the list items one request returns. */
export class ResponseBudget {
  objects = 0;
  constructor(readonly maxObjects: number) {}

  /** Adds `n` items; throws RESPONSE_TOO_LARGE when the answer would exceed the budget. */
  take(n: number): void {
    this.objects += n;
    if (this.objects > this.maxObjects) {
      throw new GraphQLError(
        `This answer would hold more than ${this.maxObjects} list items: ask for fewer (a smaller \`first\` on nested lists, fewer aliases) or page through them.`,
        { extensions: { code: 'RESPONSE_TOO_LARGE', maxObjects: this.maxObjects, http: { status: 400 } } },
      );
    }
  }
}

/** The first `first` items (checked against MAX_LIST_FIRST), counted against the request's budget. */
export function firstItems<T>(budget: ResponseBudget, items: readonly T[], first: number | null | undefined): T[] {
  const n = first ?? DEFAULT_LIST_FIRST;
  check(
    'first',
    Number.isInteger(n) && n >= 1 && n <= MAX_LIST_FIRST ? null : `must be between 1 and ${MAX_LIST_FIRST} (got ${n})`,
  );
  const page = items.length > n ? items.slice(0, n) : [...items];
  budget.take(page.length);
  return page;
}

/** The `first` argument of a bounded list field: `@Arg('first', () => Int, FIRST_ARG) first: number`. */
export const FIRST_ARG = { defaultValue: DEFAULT_LIST_FIRST, description: LIST_FIRST_HELP };
