/**
 * Explainable vessel risk: which facts raise or lower a vessel's risk, by how much, and why. Pure
 * rules over facts gathered from the graph (db/read/risk.ts); no I/O. Every factor keeps the evidence it
 * stands on (an opaque path `P` from the vessel to the fact, and the fact's sources), so an analyst can
 * check each point of the score.
 *
 * A factor's points = weight × strength × confidence:
 * - weight: the most points the factor can give (negative for facts that lower the risk), configurable;
 * - strength (0..1): how much of the weight the facts earn (more DPRK legs, a nearer designated party…);
 * - confidence (0..1): the best confidence among the facts behind it.
 * The score is the sum of the points, clamped to 0..100.
 */

export * from './riskWeights';
import {
  CHAIN_DECAY,
  LEVEL_THRESHOLDS,
  PROXIMITY_MAX_HOPS,
  resolveRiskWeights,
  RiskEffect,
  RiskFactorCode,
  RiskLevel,
  RiskWeights,
} from './riskWeights';

/* ----------------------------------------------------------------------------------------------
 * Facts
 * -------------------------------------------------------------------------------------------- */

/** One fact a factor stands on: how it reaches the vessel, and its sources. */
export interface RiskEvidence<P> {
  path: P;
  sourceIds: string[];
  confidence: number | null;
}

interface Fact<P> extends RiskEvidence<P> {
  id: string;
}

export interface RiskFacts<P> {
  vessel: Fact<P> & { name: string; status: string };
  /** The vessel's own designations dated on or before the day (all statuses). */
  designations: (Fact<P> & { authority: string; measure: string; status: string; date: string | null })[];
  /** Designations in force on parties that own, manage, operate or control it (or control those), ties in force. */
  controllers: (Fact<P> & {
    partyId: string;
    partyName: string;
    relationType: string;
    depth: number;
    authority: string;
    date: string | null;
  })[];
  legs: (Fact<P> & {
    name: string;
    fromDprkPort: boolean;
    dprkPorts: string[];
    cargoOrigin: string;
    legality: string;
  })[];
  transfers: (Fact<P> & {
    counterpartyId: string | null;
    counterpartyName: string;
    counterpartyDprkFlag: boolean;
    counterpartyDesignated: boolean;
  })[];
  tactics: (Fact<P> & { code: string; name: string; subjectLabel: string })[];
  claims: (Fact<P> & { name: string | null; flagCode: string | null; status: string; kind: string })[];
  /** Nearest designated vessels, companies or persons (not the vessel itself), nearest first. */
  nearestDesignated: (Fact<P> & { name: string; hops: number })[];
}

export interface RiskFactor<P> {
  code: RiskFactorCode;
  effect: RiskEffect;
  weight: number;
  strength: number;
  confidence: number;
  points: number;
  reason: string;
  evidence: RiskEvidence<P>[];
}

export interface RiskAssessment<P> {
  score: number;
  level: RiskLevel;
  factors: RiskFactor<P>[];
  weights: RiskWeights;
}

/* ----------------------------------------------------------------------------------------------
 * Rules
 * -------------------------------------------------------------------------------------------- */

/** Several facts count more than one, with diminishing returns: 1 → ½, 2 → ¾, 3 → ⅞ … */
export function countStrength(n: number): number {
  return n <= 0 ? 0 : 1 - 0.5 ** n;
}

/** One decimal, halves away from zero (so a lowering factor mirrors a raising one). */
const round1 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10 || 0;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const names = (xs: string[], max = 3) => {
  const distinct = [...new Set(xs)];
  return distinct.length <= max
    ? distinct.join(', ')
    : `${distinct.slice(0, max).join(', ')} and ${distinct.length - max} more`;
};
const bestConfidence = (ev: { confidence: number | null }[]) =>
  ev.length === 0 ? 1 : Math.max(...ev.map((e) => (e.confidence == null ? 1 : e.confidence)));
const evidenceOf = <P>(f: RiskEvidence<P>): RiskEvidence<P> => ({
  path: f.path,
  sourceIds: f.sourceIds,
  confidence: f.confidence,
});

/** Cargo the sources establish as lawful: sanction-exempt Russian coal, or "not a violation". */
export function isExemptCargo(leg: { cargoOrigin: string; legality: string }): boolean {
  return leg.cargoOrigin === 'RUSSIA' || leg.legality === 'NOT_A_VIOLATION';
}

const DPRK_ORIGINS = new Set(['DPRK', 'DPRK_SUSPECTED']);
const VIOLATIONS = new Set(['VIOLATION', 'SUSPECTED_VIOLATION']);

export function levelOf(score: number): RiskLevel {
  for (const [level, min] of LEVEL_THRESHOLDS) if (score >= min) return level;
  return RiskLevel.NONE;
}

/** Scores a vessel from its facts. Only factors with facts behind them are listed, highest points first. */
export function assessRisk<P>(facts: RiskFacts<P>, weights: RiskWeights = resolveRiskWeights()): RiskAssessment<P> {
  const factors: RiskFactor<P>[] = [];
  const add = (code: RiskFactorCode, strength: number, evidence: RiskEvidence<P>[], reason: string) => {
    const weight = weights[code];
    // A weight of 0 switches a factor off, except EXEMPT_CARGO, which lists what it set aside.
    if (evidence.length === 0 || (weight === 0 && code !== RiskFactorCode.EXEMPT_CARGO)) return;
    const confidence = bestConfidence(evidence);
    const effect = weight < 0 ? RiskEffect.LOWERS : weight > 0 ? RiskEffect.RAISES : RiskEffect.NEUTRALISES;
    factors.push({
      code,
      effect,
      weight,
      strength: Math.round(strength * 1000) / 1000,
      confidence,
      points: round1(weight * strength * confidence),
      reason,
      evidence,
    });
  };

  // Designated itself: in force by the day.
  const inForce = facts.designations.filter((d) => d.status === 'IN_FORCE');
  add(
    RiskFactorCode.DESIGNATED,
    1,
    inForce.map(evidenceOf),
    `Designated itself: ${names(
      inForce.map((d) => `${d.authority} ${d.measure}${d.date ? ` (${d.date})` : ''}`),
      2,
    )}.`,
  );
  const proposed = facts.designations.filter((d) => d.status === 'PROPOSED');
  if (inForce.length === 0) {
    add(
      RiskFactorCode.DESIGNATION_PROPOSED,
      1,
      proposed.map(evidenceOf),
      `Proposed for designation but not designated: ${names(
        proposed.map((d) => `${d.authority}${d.date ? ` (${d.date})` : ''}`),
        2,
      )}.`,
    );
  }

  // Owned, managed, operated or controlled by a designated party; strength falls with each level up the chain.
  const controllers = [...facts.controllers].sort((a, b) => a.depth - b.depth);
  if (controllers.length > 0) {
    const nearest = controllers[0];
    add(
      RiskFactorCode.DESIGNATED_CONTROLLER,
      CHAIN_DECAY ** (nearest.depth - 1),
      controllers.map(evidenceOf),
      `${nearest.depth === 1 ? `${titleCase(nearest.relationType)} by` : `Tied through ${nearest.depth - 1} level(s) of ownership to`} designated ${names(
        controllers.map((c) => c.partyName),
        2,
      )}.`,
    );
  }

  // DPRK flag (not a false identity).
  const kpClaims = facts.claims.filter((c) => c.flagCode === 'KP' && c.status !== 'FALSE');
  add(
    RiskFactorCode.DPRK_FLAG,
    1,
    kpClaims.map(evidenceOf),
    `Flagged by North Korea (${names(
      kpClaims.map((c) => `${c.kind.toLowerCase().replace(/_/g, ' ')}${c.name ? ` as ${c.name}` : ''}`),
      2,
    )}).`,
  );

  // Legs: from DPRK ports, or carrying DPRK cargo from elsewhere; exempt cargo is set aside.
  const exempt = facts.legs.filter(isExemptCargo);
  const counted = facts.legs.filter((l) => !isExemptCargo(l));
  const fromDprk = counted.filter((l) => l.fromDprkPort);
  add(
    RiskFactorCode.DPRK_PORT_LEGS,
    countStrength(fromDprk.length),
    fromDprk.map(evidenceOf),
    `${plural(fromDprk.length, 'leg')} from DPRK ports (${names(fromDprk.flatMap((l) => l.dprkPorts))}).`,
  );
  const dprkCargo = counted.filter(
    (l) => !l.fromDprkPort && (DPRK_ORIGINS.has(l.cargoOrigin) || VIOLATIONS.has(l.legality)),
  );
  add(
    RiskFactorCode.DPRK_ORIGIN_CARGO,
    countStrength(dprkCargo.length),
    dprkCargo.map(evidenceOf),
    `${plural(dprkCargo.length, 'leg')} carrying cargo the sources give as North Korean or as a sanctions violation (${names(
      dprkCargo.map((l) => l.name),
      2,
    )}).`,
  );
  const exemptFromDprk = exempt.filter((l) => l.fromDprkPort || DPRK_ORIGINS.has(l.cargoOrigin));
  add(
    RiskFactorCode.EXEMPT_CARGO,
    countStrength(exemptFromDprk.length),
    exemptFromDprk.map(evidenceOf),
    `${plural(exemptFromDprk.length, 'leg')} through DPRK ports not counted: the sources establish the cargo as ${names(exemptFromDprk.map((l) => (l.cargoOrigin === 'RUSSIA' ? 'sanction-exempt Russian coal' : 'not a violation')))}.`,
  );

  // Transfers with DPRK-flagged or designated vessels.
  const risky = facts.transfers.filter((t) => t.counterpartyDprkFlag || t.counterpartyDesignated);
  add(
    RiskFactorCode.RISKY_TRANSFERS,
    countStrength(risky.length),
    risky.map(evidenceOf),
    `${plural(risky.length, 'transfer')} with ${names(
      risky.map(
        (t) =>
          `${t.counterpartyName} (${[t.counterpartyDprkFlag ? 'DPRK-flagged' : null, t.counterpartyDesignated ? 'designated' : null].filter(Boolean).join(', ')})`,
      ),
      2,
    )}.`,
  );

  // Evasion tactics: distinct tactics count.
  const tacticCodes = [...new Set(facts.tactics.map((t) => t.code))];
  add(
    RiskFactorCode.EVASION_TACTICS,
    countStrength(tacticCodes.length),
    facts.tactics.map(evidenceOf),
    `${plural(tacticCodes.length, 'evasion tactic')} seen: ${names(
      facts.tactics.map((t) => t.name),
      4,
    )}.`,
  );

  // False identities; renames and flag changes.
  const falseClaims = facts.claims.filter((c) => c.status === 'FALSE');
  add(
    RiskFactorCode.FALSE_IDENTITY,
    countStrength(falseClaims.length),
    falseClaims.map(evidenceOf),
    `${plural(falseClaims.length, 'false identity', 'false identities')} (spoofed or forged): ${names(falseClaims.map((c) => [c.name, c.flagCode].filter(Boolean).join(' / ') || c.id))}.`,
  );
  const held = facts.claims.filter((c) => c.status !== 'FALSE');
  const renames = held.filter((c) => c.kind === 'FORMER_NAME');
  const flags = [...new Set(held.map((c) => c.flagCode).filter((f): f is string => f != null))];
  const flagChanges = Math.max(0, flags.length - 1);
  const changeEvidence = [
    ...renames,
    ...(flagChanges > 0 ? held.filter((c) => c.flagCode != null && !renames.includes(c)) : []),
  ];
  add(
    RiskFactorCode.IDENTITY_CHANGES,
    countStrength(renames.length + flagChanges),
    changeEvidence.map(evidenceOf),
    [
      renames.length > 0
        ? `${plural(renames.length, 'former name')} (${names(renames.map((c) => c.name ?? c.id))})`
        : null,
      flagChanges > 0 ? `flags ${flags.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join('; ') + '.',
  );

  // Distance to designated entities not already counted as controllers.
  const counts = new Set(facts.controllers.map((c) => c.partyId));
  const near = facts.nearestDesignated.filter(
    (n) => !counts.has(n.id) && n.id !== facts.vessel.id && n.hops <= PROXIMITY_MAX_HOPS,
  );
  if (near.length > 0) {
    const hops = Math.min(...near.map((n) => n.hops));
    const nearest = near.filter((n) => n.hops === hops);
    add(
      RiskFactorCode.PROXIMITY_TO_DESIGNATED,
      0.5 ** (hops - 1),
      nearest.map(evidenceOf),
      `${plural(hops, 'hop')} from designated ${names(
        nearest.map((n) => n.name),
        2,
      )}.`,
    );
  }

  // Cleared by the sources.
  if (facts.vessel.status === 'CLEARED') {
    add(
      RiskFactorCode.CLEARED_BY_SOURCES,
      1,
      [evidenceOf(facts.vessel)],
      `The sources clear ${facts.vessel.name}: not a sanctions violation.`,
    );
  }

  const listed = factors.filter((f) => f.points !== 0 || f.effect === RiskEffect.NEUTRALISES);
  listed.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.code.localeCompare(b.code));
  const raw = listed.reduce((sum, f) => sum + f.points, 0);
  const score = Math.round(Math.min(100, Math.max(0, raw)));
  return { score, level: levelOf(score), factors: listed, weights };
}

function titleCase(relationType: string): string {
  const verb: Record<string, string> = {
    OWNS: 'Owned',
    MANAGES: 'Managed',
    OPERATES: 'Operated',
    CONTROLS: 'Controlled',
  };
  return verb[relationType] ?? 'Tied';
}
