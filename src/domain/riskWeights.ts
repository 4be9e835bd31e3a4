/**
 * The risk model's vocabulary and knobs: factor codes, effects, levels, the default weights, and the
 * RISK_WEIGHTS override parser. Pure; domain/risk.ts applies them to a vessel's facts.
 */

export enum RiskFactorCode {
  DESIGNATED = 'DESIGNATED',
  DESIGNATION_PROPOSED = 'DESIGNATION_PROPOSED',
  DESIGNATED_CONTROLLER = 'DESIGNATED_CONTROLLER',
  DPRK_FLAG = 'DPRK_FLAG',
  DPRK_PORT_LEGS = 'DPRK_PORT_LEGS',
  DPRK_ORIGIN_CARGO = 'DPRK_ORIGIN_CARGO',
  RISKY_TRANSFERS = 'RISKY_TRANSFERS',
  EVASION_TACTICS = 'EVASION_TACTICS',
  FALSE_IDENTITY = 'FALSE_IDENTITY',
  IDENTITY_CHANGES = 'IDENTITY_CHANGES',
  PROXIMITY_TO_DESIGNATED = 'PROXIMITY_TO_DESIGNATED',
  CLEARED_BY_SOURCES = 'CLEARED_BY_SOURCES',
  EXEMPT_CARGO = 'EXEMPT_CARGO',
}

/** What a factor does to the score. */
export enum RiskEffect {
  RAISES = 'RAISES',
  LOWERS = 'LOWERS',
  /** Facts that would have raised the score are set aside (and listed here); worth 0 points by default. */
  NEUTRALISES = 'NEUTRALISES',
}

export enum RiskLevel {
  NONE = 'NONE',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  SEVERE = 'SEVERE',
}

export type RiskWeights = Record<RiskFactorCode, number>;

/** Most points each factor can give. Designation and control by designated parties dominate; clearance by the sources takes points away. */
export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = Object.freeze({
  [RiskFactorCode.DESIGNATED]: 40,
  [RiskFactorCode.DESIGNATION_PROPOSED]: 10,
  [RiskFactorCode.DESIGNATED_CONTROLLER]: 30,
  [RiskFactorCode.DPRK_FLAG]: 15,
  [RiskFactorCode.DPRK_PORT_LEGS]: 25,
  [RiskFactorCode.DPRK_ORIGIN_CARGO]: 20,
  [RiskFactorCode.RISKY_TRANSFERS]: 20,
  [RiskFactorCode.EVASION_TACTICS]: 15,
  [RiskFactorCode.FALSE_IDENTITY]: 15,
  [RiskFactorCode.IDENTITY_CHANGES]: 10,
  [RiskFactorCode.PROXIMITY_TO_DESIGNATED]: 15,
  [RiskFactorCode.CLEARED_BY_SOURCES]: -40,
  [RiskFactorCode.EXEMPT_CARGO]: 0,
});

/** Each further level up an ownership chain counts this much less (owner 1, owner's parent 0.7, …). */
export const CHAIN_DECAY = 0.7;
/** Hops at which a designated entity still counts as near (the db walk uses the same bound). */
export const PROXIMITY_MAX_HOPS = 4;
/** Score bounds of the levels: below LOW is NONE. */
export const LEVEL_THRESHOLDS: readonly [RiskLevel, number][] = [
  [RiskLevel.SEVERE, 75],
  [RiskLevel.HIGH, 50],
  [RiskLevel.MEDIUM, 25],
  [RiskLevel.LOW, 1],
];

const CODES = Object.values(RiskFactorCode) as string[];
export const WEIGHT_LIMIT = 100;

/**
 * Reads a weights override (JSON object of factor code → number, e.g. `{"DPRK_FLAG": 20}`), as given in
 * the RISK_WEIGHTS setting. Unknown codes and numbers outside −100..100 are errors, so a misspelt
 * factor never goes unnoticed.
 */
export function parseRiskWeights(json: string): Partial<RiskWeights> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('must be a JSON object such as {"DPRK_FLAG": 20}');
  }
  if (value == null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('must be a JSON object such as {"DPRK_FLAG": 20}');
  }
  const out: Partial<RiskWeights> = {};
  for (const [code, weight] of Object.entries(value as Record<string, unknown>)) {
    if (!CODES.includes(code)) throw new Error(`names an unknown risk factor "${code}" (known: ${CODES.join(', ')})`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || Math.abs(weight) > WEIGHT_LIMIT) {
      throw new Error(`gives ${code} a weight that is not a number from -${WEIGHT_LIMIT} to ${WEIGHT_LIMIT}`);
    }
    out[code as RiskFactorCode] = weight;
  }
  return out;
}

export function resolveRiskWeights(override: Partial<RiskWeights> = {}): RiskWeights {
  return { ...DEFAULT_RISK_WEIGHTS, ...override };
}
