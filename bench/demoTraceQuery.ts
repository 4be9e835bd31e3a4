/** The demo graph's trace from Nampho as bench/demoTrace.ts times it (and traceShown.test.ts checks it): directly, and as a client asks it. */
import { TraceQuery } from '../src/db/trace';
import { DEFAULT_MAX_WAIT_DAYS } from '../src/domain/linking';

/** The engine's query: the resolver's defaults (forward, coal, maxHops 4, limit 50). */
export const DEMO_TRACE: TraceQuery = {
  direction: 'FORWARD',
  place: 'Nampho',
  commodities: ['COAL', 'COAL_OR_PIG_IRON'],
  cargoOrigins: ['DPRK', 'DPRK_SUSPECTED', 'UNCONFIRMED'],
  windowFrom: null,
  windowTo: null,
  maxHops: 4,
  maxWaitDays: DEFAULT_MAX_WAIT_DAYS,
  destinationCountry: null,
  best: { limit: 50, minConfidence: null },
};

/** The same trace through GraphQL, with the routes' ends and steps. */
export const DEMO_TRACE_QUERY = `{ traceCargo(origin: "Nampho", maxHops: 4) { id confidence hops finalPort { id name } finalCountry { code }
  steps { kind leg { id departure { from } arrival { to } } link { kind certainty alternatives } } } }`;
