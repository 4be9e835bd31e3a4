/**
 * Confidence of a fact, from the tier of the sources behind it. Official actions (UN, OFAC, courts,
 * customs) are high; investigative reporting medium-high; reposts medium; forums low.
 */
export const CONFIDENCE_TIERS = ['HIGH', 'MEDIUM_HIGH', 'MEDIUM', 'LOW'] as const;
export type ConfidenceTier = (typeof CONFIDENCE_TIERS)[number];

const SCORE: Record<ConfidenceTier, number> = { HIGH: 0.9, MEDIUM_HIGH: 0.75, MEDIUM: 0.6, LOW: 0.3 };

/** The number a tier stands for, in 0..1, so that facts can be filtered and combined. */
export function confidenceScore(tier: ConfidenceTier): number {
  return SCORE[tier];
}

export function isConfidenceTier(value: string): value is ConfidenceTier {
  return (CONFIDENCE_TIERS as readonly string[]).includes(value);
}

/** A minimum-confidence argument must be a number in [0, 1]. */
export function confidenceProblem(value: number): string | null {
  return Number.isFinite(value) && value >= 0 && value <= 1 ? null : `must be a number from 0 to 1 (got ${value})`;
}
