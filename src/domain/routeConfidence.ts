/**
 * A route is as strong as its weakest leg, and weaker for every link that is inferred rather than
 * documented, or only possible rather than proven by the dates.
 *
 * An inferred link (cargo landed at a port and reloaded there) is a guess among the k compatible
 * departures that could have taken the cargo on: it weighs INFERRED_LINK_FACTOR / k, at most 1/k of a
 * documented link (k = 1: 0.9, as before; 300 ships leaving a hub in the window: 0.003). A documented
 * link (transfer, the same vessel sailing on) weighs 1. A link whose order the dates only allow is
 * weaker again (POSSIBLE_LINK_FACTOR).
 *
 * The search (db/trace/walk.ts) multiplies the same factors, in walk order, to rank routes best-first:
 * every factor is at most 1, so a route's confidence never rises as it grows.
 */
import { LinkCertainty, LinkKind } from './linking';

export const INFERRED_LINK_FACTOR = 0.9;
export const POSSIBLE_LINK_FACTOR = 0.8;

export interface WeighedLink {
  kind: LinkKind;
  certainty: LinkCertainty;
  /** For an inferred link: how many compatible departures could have taken the cargo on (k ≥ 1). */
  alternatives?: number | null;
}

/** The weight of an inferred link among k compatible departures: at most 1/k of a documented one. */
export function inferredLinkFactor(alternatives: number): number {
  return INFERRED_LINK_FACTOR / Math.max(1, alternatives);
}

/** What one link multiplies a route's confidence by (≤ 1). */
export function linkFactor(l: WeighedLink): number {
  const kind = l.kind === 'INFERRED' ? inferredLinkFactor(l.alternatives ?? 1) : 1;
  return l.certainty === 'POSSIBLE' ? kind * POSSIBLE_LINK_FACTOR : kind;
}

/** The unrounded confidence: the weakest leg times the product of the link factors (in the order given). */
export function routeScore(legConfidences: number[], factors: number[]): number {
  if (legConfidences.length === 0) return 0;
  const min = Math.min(...legConfidences);
  return min * factors.reduce((p, f) => p * f, 1);
}

export function roundConfidence(score: number): number {
  return Math.round(score * 1000) / 1000;
}

export function routeConfidence(legConfidences: number[], links: WeighedLink[]): number {
  return roundConfidence(routeScore(legConfidences, links.map(linkFactor)));
}
