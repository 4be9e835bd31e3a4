/** The hard caps of a trace that its arguments state (schema/args/trace.ts) and its engine keeps (db/trace). */

/** Most legs in a route (`maxHops`). */
export const MAX_HOPS_CAP = 8;

/** Most routes one trace answer lists (`limit`). */
export const MAX_ROUTE_LIMIT = 500;
