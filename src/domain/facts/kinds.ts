/** The kinds of fact Collier accepts and the order (phase) they are written in. */
export const FACT_TYPES = [
  'source',
  'vessel',
  'company',
  'person',
  'port',
  'identityClaim',
  'leg',
  'transfer',
  'relation',
  'designation',
  'country',
  'tactic',
  'statistic',
  'tacticUse',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

/**
 * The order facts are written in: a fact may only refer to facts of an earlier phase (or of its own
 * phase on an earlier line). An import writes phase by phase, so the lines of a file may come in any order.
 */
export const FACT_PHASE: Record<FactType, number> = {
  source: 0,
  vessel: 1,
  company: 1,
  person: 1,
  port: 1,
  identityClaim: 2,
  relation: 2,
  designation: 2,
  leg: 2,
  transfer: 3,
  country: 0,
  tactic: 0,
  statistic: 2,
  tacticUse: 2,
};
export const PHASES = [0, 1, 2, 3] as const;
