import { ConfidenceTier } from '../enums';

/** The best (most reliable) of several tiers: a fact is as sure as its best source makes it. */
export function bestTier(tiers: readonly ConfidenceTier[]): ConfidenceTier | null {
  const order = [ConfidenceTier.HIGH, ConfidenceTier.MEDIUM_HIGH, ConfidenceTier.MEDIUM, ConfidenceTier.LOW];
  for (const t of order) if (tiers.includes(t)) return t;
  return null;
}
