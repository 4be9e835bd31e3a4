/**
 * Saved traces: a trace kept in an investigation runs with the same checks and engine as
 * traceCargo / traceBack (resolvers/trace.ts), when it is saved (its answer's fingerprint is stored)
 * and again when a client reads what it answers now. Re-runs are bounded per request.
 */
import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { Route } from '../schema/trace';
import { SavedTrace, SavedTraceParameters } from '../schema/investigation';
import { TraceInput } from '../schema/inputs/investigation';
import { CargoOrigin, Commodity } from '../schema/enums';
import { RouteRecord } from '../db/trace';
import { StoredTrace, TraceParams } from '../db/investigation/store';
import { routeDiff, traceFingerprint } from '../domain/investigation';
import { RouteListArgs } from '../schema/args/trace';
import { best, checkListArgs, checkTraceArgs, RouteFields, runTrace } from './trace';
import { countryArg } from './args';
import { Context } from './context';
import { badInput } from './errors';

/** How many saved traces one request may re-run (each is a whole trace). */
export const MAX_TRACE_RERUNS = 10;

/** The parameters a trace input stands for, defaults applied. */
export function traceParams(t: TraceInput): TraceParams {
  return {
    origin: t.origin ?? null,
    destination: t.destination ?? null,
    commodity: t.commodity ?? Commodity.COAL,
    windowFrom: t.window?.from ?? null,
    windowTo: t.window?.to ?? null,
    maxHops: t.maxHops ?? 4,
    maxWaitDays: t.maxWaitDays,
    cargoOrigins: t.cargoOrigins ?? null,
    minConfidence: t.minConfidence ?? null,
    limit: t.limit ?? 50,
    destinationCountry: t.destinationCountry ?? null,
  };
}

/** Runs a trace from its parameters, with the checks of traceCargo / traceBack (BAD_USER_INPUT, NOT_FOUND). */
export async function runSavedTrace(ctx: Context, p: TraceParams): Promise<RouteRecord[]> {
  if ((p.origin == null) === (p.destination == null))
    throw badInput(
      p.origin == null ? 'origin' : 'destination',
      'give exactly one of origin (traceCargo) and destination (traceBack)',
    );
  if (p.destination != null && p.destinationCountry != null)
    throw badInput('destinationCountry', 'goes with origin only (a traceBack ends at its destination)');
  const args: RouteListArgs = {
    commodity: p.commodity as Commodity,
    window: p.windowFrom != null || p.windowTo != null ? { from: p.windowFrom, to: p.windowTo } : null,
    maxHops: p.maxHops,
    maxWaitDays: p.maxWaitDays,
    cargoOrigins: p.cargoOrigins as CargoOrigin[] | null,
    minConfidence: p.minConfidence,
    limit: p.limit,
  };
  const place = p.origin != null ? { name: 'origin', value: p.origin } : { name: 'destination', value: p.destination! };
  checkTraceArgs(args, place);
  checkListArgs(args);
  const dest = countryArg('destinationCountry', p.destinationCountry);
  return runTrace(ctx, p.origin != null ? 'FORWARD' : 'BACKWARD', place, args, dest, best(args));
}

/** The answer of a trace as stored and compared: route ids in rank order and its fingerprint. */
export function answerOf(routes: RouteRecord[]): { routeIds: string[]; fingerprint: string } {
  const routeIds = routes.map((r) => r.id);
  return { routeIds, fingerprint: traceFingerprint({ routeIds, confidences: routes.map((r) => r.confidence) }) };
}

/**
 * Runs a trace input to save it: its errors name the input's fields (`item.trace.maxHops`), and an
 * unknown port is BAD_USER_INPUT too (the input is what is wrong).
 */
export async function traceToSave(ctx: Context, input: TraceInput, field: string): Promise<StoredTrace> {
  const parameters = traceParams(input);
  try {
    const { routeIds, fingerprint } = answerOf(await runSavedTrace(ctx, parameters));
    return { parameters, savedFingerprint: fingerprint, savedRouteIds: routeIds };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = error.extensions.code;
    if (code === 'NOT_FOUND') {
      const name = parameters.origin != null ? 'origin' : 'destination';
      throw badInput(`${field}.${name}`, `names no port (${error.message})`);
    }
    if (code === 'BAD_USER_INPUT') {
      const arg = error.extensions.argumentName;
      const name = typeof arg === 'string' ? arg : '';
      throw badInput(`${field}.${name}`, error.message.replace(/^Argument "[^"]*" /, ''));
    }
    throw error;
  }
}

const reruns = new WeakMap<Context, number>();
const answers = new WeakMap<StoredTrace, Promise<RouteRecord[]>>();

/** The routes a saved trace answers now: one run per saved trace per request, at most MAX_TRACE_RERUNS. */
export function rerun(ctx: Context, t: StoredTrace): Promise<RouteRecord[]> {
  let answer = answers.get(t);
  if (!answer) {
    const n = (reruns.get(ctx) ?? 0) + 1;
    reruns.set(ctx, n);
    answer =
      n > MAX_TRACE_RERUNS
        ? Promise.reject(
            new GraphQLError(
              `This request re-runs more than ${MAX_TRACE_RERUNS} saved traces: ask for fewer items at once (items(first:, offset:)), or leave out the re-run fields (changed, fingerprint, routeCount, routes, addedRouteIds, removedRouteIds).`,
              { extensions: { code: 'TOO_MANY_TRACES', maxTraces: MAX_TRACE_RERUNS } },
            ),
          )
        : runSavedTrace(ctx, t.parameters);
    answers.set(t, answer);
  }
  return answer;
}

@Resolver(() => SavedTrace)
export class SavedTraceResolver {
  @FieldResolver(() => SavedTraceParameters)
  parameters(@Root() t: StoredTrace): TraceParams {
    return t.parameters;
  }

  @FieldResolver(() => Int)
  savedRouteCount(@Root() t: StoredTrace): number {
    return t.savedRouteIds.length;
  }

  @FieldResolver(() => Boolean)
  async changed(@Root() t: StoredTrace, @Ctx() ctx: Context): Promise<boolean> {
    return answerOf(await rerun(ctx, t)).fingerprint !== t.savedFingerprint;
  }

  @FieldResolver(() => String)
  async fingerprint(@Root() t: StoredTrace, @Ctx() ctx: Context): Promise<string> {
    return answerOf(await rerun(ctx, t)).fingerprint;
  }

  @FieldResolver(() => Int)
  async routeCount(@Root() t: StoredTrace, @Ctx() ctx: Context): Promise<number> {
    return (await rerun(ctx, t)).length;
  }

  @FieldResolver(() => [Route])
  async routes(@Root() t: StoredTrace, @Ctx() ctx: Context): Promise<RouteFields[]> {
    return rerun(ctx, t);
  }

  @FieldResolver(() => [ID])
  async addedRouteIds(@Root() t: StoredTrace, @Ctx() ctx: Context): Promise<string[]> {
    return routeDiff(t.savedRouteIds, answerOf(await rerun(ctx, t)).routeIds).added;
  }

  @FieldResolver(() => [ID])
  async removedRouteIds(@Root() t: StoredTrace, @Ctx() ctx: Context): Promise<string[]> {
    return routeDiff(t.savedRouteIds, answerOf(await rerun(ctx, t)).routeIds).removed;
  }
}
