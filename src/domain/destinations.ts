/**
 * Where the cargo ended up: routes grouped by final country or final port, with tonnage summed over
 * distinct final legs (two routes that end on the same leg carried the same cargo there).
 *
 * The destinations query (db/trace/index.ts traceDestinations) groups the routes of the trace engine
 * with it, and adds each group's likelihood share.
 */
export interface RouteForSummary {
  id: string;
  finalPortId: string;
  finalCountryCode: string;
  confidence: number;
  vesselIds: string[];
  finalLegId: string;
  tonnage: { min: number | null; max: number | null };
  firstDay: string | null;
  lastDay: string | null;
}

export interface DestinationGroup<R> {
  key: string;
  routes: R[];
  tonnage: { min: number | null; max: number | null };
  vesselIds: string[];
  firstDate: string | null;
  lastDate: string | null;
  bestConfidence: number;
}

export function groupDestinations<R extends RouteForSummary>(
  routes: R[],
  by: 'COUNTRY' | 'PORT',
): DestinationGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const r of routes) {
    const key = by === 'COUNTRY' ? r.finalCountryCode : r.finalPortId;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .map(([key, rs]) => {
      // Per final leg, the lowest and highest figure any route ending there gives (routes that share
      // a final leg but come from different legs may know its cargo from different sources).
      const finalLegs = new Map<string, { low: number | null; high: number | null }>();
      for (const r of rs) {
        const low = r.tonnage.min ?? r.tonnage.max;
        const high = r.tonnage.max ?? r.tonnage.min;
        const f = finalLegs.get(r.finalLegId) ?? { low: null, high: null };
        finalLegs.set(r.finalLegId, {
          low: low == null ? f.low : f.low == null ? low : Math.min(f.low, low),
          high: high == null ? f.high : f.high == null ? high : Math.max(f.high, high),
        });
      }
      const mins = [...finalLegs.values()].map((t) => t.low).filter((v): v is number => v != null);
      const maxs = [...finalLegs.values()].map((t) => t.high).filter((v): v is number => v != null);
      const firsts = rs
        .map((r) => r.firstDay)
        .filter((d): d is string => d != null)
        .sort();
      const lasts = rs
        .map((r) => r.lastDay)
        .filter((d): d is string => d != null)
        .sort();
      return {
        key,
        routes: rs,
        tonnage: {
          min: mins.length ? mins.reduce((a, b) => a + b, 0) : null,
          max: maxs.length ? maxs.reduce((a, b) => a + b, 0) : null,
        },
        vesselIds: [...new Set(rs.flatMap((r) => r.vesselIds))],
        firstDate: firsts[0] ?? null,
        lastDate: lasts[lasts.length - 1] ?? null,
        bestConfidence: rs.reduce((m, r) => Math.max(m, r.confidence), -Infinity),
      };
    })
    .sort((a, b) => b.routes.length - a.routes.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
