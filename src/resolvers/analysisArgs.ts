/**
 * Argument checks shared by the link-analysis queries: relationship types and labels against the
 * model's allow-lists (the values passed on are the allow-list's own strings, never the caller's),
 * days, confidences and capped integers. Each failure is BAD_USER_INPUT naming the argument.
 */
import { GraphQLError } from 'graphql';
import { isIsoDate, dateWindowProblem } from '../domain/dates';
import { confidenceProblem } from '../domain/confidence';
import { NodeLabel } from '../domain/ids';
import { RELATIONSHIP_TYPES } from '../db/write/graphWriter';
import { DEFAULT_TRAVERSAL_TYPES, WalkFilter } from '../db/read/traversal';
import { badInput, check } from './errors';
import { idArg } from './args';

const MAX_LIST = 50;

/** A list of names, each matched (case-insensitively) to the allow-list's spelling; `defaults` when the argument is omitted. */
function allowListed<T extends string>(
  argument: string,
  value: string[] | null | undefined,
  allowed: readonly T[],
  defaults: readonly T[],
  what: string,
): T[] {
  if (value == null) return [...defaults];
  if (value.length === 0) throw badInput(argument, `must name at least one ${what} (or be omitted for the default)`);
  if (value.length > MAX_LIST) throw badInput(argument, `names more than ${MAX_LIST} ${what}s`);
  const out = new Set<T>();
  for (const raw of value) {
    const match = allowed.find((a) => a === raw.trim().toUpperCase() || a.toLowerCase() === raw.trim().toLowerCase());
    if (!match)
      throw badInput(
        argument,
        `contains "${raw.slice(0, 60)}", which is not a ${what} of the model (known: ${allowed.join(', ')})`,
      );
    out.add(match);
  }
  return [...out];
}

export function relationshipTypesArg(
  value: string[] | null | undefined,
  allowed: readonly string[],
  defaults: readonly string[],
  argument = 'relationshipTypes',
): string[] {
  return allowListed(argument, value, allowed, defaults, 'relationship type');
}

export function labelsArg(
  value: string[] | null | undefined,
  allowed: readonly NodeLabel[],
  defaults: readonly NodeLabel[],
  argument = 'labels',
): NodeLabel[] {
  return allowListed(argument, value, allowed, defaults, 'node label');
}

export function dayArg(argument: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  check(argument, isIsoDate(value) ? null : `must be a calendar date written YYYY-MM-DD (got "${value.slice(0, 40)}")`);
  return value;
}

export function windowArg(
  argument: string,
  value: { from?: string | null; to?: string | null } | null | undefined,
): { from: string | null; to: string | null } {
  const window = { from: value?.from ?? null, to: value?.to ?? null };
  check(argument, dateWindowProblem(window));
  return window;
}

export function confidenceArg(argument: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  check(argument, confidenceProblem(value));
  return value;
}

export function intArg(argument: string, value: number, min: number, max: number): number {
  check(
    argument,
    Number.isInteger(value) && value >= min && value <= max ? null : `must be between ${min} and ${max} (got ${value})`,
  );
  return value;
}

/** A well-formed Collier id (malformed → BAD_USER_INPUT; whether it exists is the query's to say). */
export function entityIdArg(argument: string, id: string, allowed?: NodeLabel[]): string {
  idArg(argument, id, allowed);
  return id;
}

export function notFoundIds(ids: string[]): GraphQLError {
  return new GraphQLError(
    `${ids.length === 1 ? `"${ids[0]}" was` : `${ids.map((i) => `"${i}"`).join(', ')} were`} not found`,
    {
      extensions: { code: 'NOT_FOUND', ids },
    },
  );
}

/** The filters of a walk (neighbourhood, paths, common connections, export), checked. */
export function walkFilterArgs(args: {
  relationshipTypes?: string[] | null;
  at?: string | null;
  minConfidence?: number | null;
}): WalkFilter {
  return {
    types: relationshipTypesArg(args.relationshipTypes, RELATIONSHIP_TYPES, DEFAULT_TRAVERSAL_TYPES),
    at: dayArg('at', args.at),
    minConfidence: confidenceArg('minConfidence', args.minConfidence),
  };
}
