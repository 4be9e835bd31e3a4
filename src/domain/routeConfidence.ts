/**
 * A route is as strong as its weakest leg, and weaker for every link that is inferred rather than
 * documented, or only possible rather than proven by the dates.
 *
 * The rule has two forms, kept side by side here: `routeConfidence` (JS, the reference) and
 * `routeConfidenceCypher` (the same arithmetic, in the same order, as a Cypher expression, so that a
 * trace can rank its routes inside Neo4j and return only the best). An integration test checks that
 * both give the same value, and so the same order, for every route of the demo graph.
 */
import { LinkCertainty, LinkKind } from './linking';

export const INFERRED_LINK_FACTOR = 0.9;
export const POSSIBLE_LINK_FACTOR = 0.8;

export function routeConfidence(
  legConfidences: number[],
  links: { kind: LinkKind; certainty: LinkCertainty }[],
): number {
  if (legConfidences.length === 0) return 0;
  let c = Math.min(...legConfidences);
  for (const l of links) {
    if (l.kind === 'INFERRED') c *= INFERRED_LINK_FACTOR;
    if (l.certainty === 'POSSIBLE') c *= POSSIBLE_LINK_FACTOR;
  }
  return Math.round(c * 1000) / 1000;
}

/**
 * `routeConfidence` as a Cypher expression over a list of legs (nodes with `confidence`) and a list of
 * links (maps with `kind` and `certainty`, the certainty already taken under the trace's wait limit).
 * Same order of multiplications and the same rounding (Cypher's `round(x)` rounds half up, like
 * `Math.round`), so the floating-point result is identical.
 */
export function routeConfidenceCypher(legs: string, links: string): string {
  const min = `reduce(m = coalesce(head(${legs}).confidence, 0.0), x IN ${legs} | CASE WHEN coalesce(x.confidence, 0.0) < m THEN coalesce(x.confidence, 0.0) ELSE m END)`;
  const step = `CASE WHEN l.kind = 'INFERRED' THEN c * ${INFERRED_LINK_FACTOR} ELSE c END`;
  const product = `reduce(c = toFloat(${min}), l IN ${links} | CASE WHEN l.certainty = 'POSSIBLE' THEN (${step}) * ${POSSIBLE_LINK_FACTOR} ELSE ${step} END)`;
  return `round(${product} * 1000) / 1000.0`;
}
