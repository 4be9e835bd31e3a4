/**
 * A route is as strong as its weakest leg, and weaker for every link that is inferred rather than
 * documented, or only possible rather than proven by the dates.
 */
import { LinkCertainty, LinkKind } from './linking';

export const INFERRED_LINK_FACTOR = 0.9;
export const POSSIBLE_LINK_FACTOR = 0.8;

export function routeConfidence(legConfidences: number[], links: { kind: LinkKind; certainty: LinkCertainty }[]): number {
  if (legConfidences.length === 0) return 0;
  let c = Math.min(...legConfidences);
  for (const l of links) {
    if (l.kind === 'INFERRED') c *= INFERRED_LINK_FACTOR;
    if (l.certainty === 'POSSIBLE') c *= POSSIBLE_LINK_FACTOR;
  }
  return Math.round(c * 1000) / 1000;
}
