/** The risk rules of domain/risk.ts, on hand-made facts (no database). */
import {
  assessRisk,
  countStrength,
  DEFAULT_RISK_WEIGHTS,
  isExemptCargo,
  levelOf,
  parseRiskWeights,
  resolveRiskWeights,
  RiskAssessment,
  RiskEffect,
  RiskFactor,
  RiskFactorCode,
  RiskFacts,
  RiskLevel,
} from '../../../src/domain/risk';
import { ConfigError, loadConfig } from '../../../src/config';

/** Evidence paths are opaque to the rules: a string naming the fact is enough here. */
type P = string;

function facts(over: Partial<RiskFacts<P>> = {}, status = 'IMPLICATED'): RiskFacts<P> {
  return {
    vessel: { id: 'vessel:v', name: 'Test Vessel', status, path: 'vessel', sourceIds: ['source:v'], confidence: 0.75 },
    designations: [],
    controllers: [],
    legs: [],
    transfers: [],
    tactics: [],
    claims: [],
    nearestDesignated: [],
    ...over,
  };
}

const ev = (name: string, confidence: number | null = 0.9) => ({
  id: name,
  path: `path:${name}`,
  sourceIds: [`source:${name}`],
  confidence,
});

const designation = (id: string, status = 'IN_FORCE') => ({
  ...ev(id),
  authority: 'UN_1718_COMMITTEE',
  measure: 'port-entry ban',
  status,
  date: '2017-12-28',
});
const leg = (id: string, o: { kp?: boolean; origin?: string; legality?: string } = {}) => ({
  ...ev(id, 0.75),
  name: `${id} leg`,
  fromDprkPort: o.kp ?? true,
  dprkPorts: o.kp === false ? [] : ['Nampho'],
  cargoOrigin: o.origin ?? 'DPRK',
  legality: o.legality ?? 'VIOLATION',
});
const claim = (id: string, o: { flag?: string | null; status?: string; kind?: string; name?: string }) => ({
  ...ev(id),
  name: o.name ?? 'Test Vessel',
  flagCode: o.flag ?? null,
  status: o.status ?? 'ASSERTED',
  kind: o.kind ?? 'REGISTRATION',
});

const factor = (r: RiskAssessment<P>, code: RiskFactorCode): RiskFactor<P> => r.factors.find((f) => f.code === code)!;

describe('weights', () => {
  it('has a weight for every factor, negative only for clearance', () => {
    for (const code of Object.values(RiskFactorCode)) expect(typeof DEFAULT_RISK_WEIGHTS[code]).toBe('number');
    expect(DEFAULT_RISK_WEIGHTS.CLEARED_BY_SOURCES).toBeLessThan(0);
    expect(DEFAULT_RISK_WEIGHTS.EXEMPT_CARGO).toBe(0);
  });

  it('reads an override and keeps the other defaults', () => {
    const w = resolveRiskWeights(parseRiskWeights('{"DPRK_FLAG": 20, "CLEARED_BY_SOURCES": -60}'));
    expect(w.DPRK_FLAG).toBe(20);
    expect(w.CLEARED_BY_SOURCES).toBe(-60);
    expect(w.DESIGNATED).toBe(DEFAULT_RISK_WEIGHTS.DESIGNATED);
  });

  it.each([
    ['not JSON', '{DPRK_FLAG: 20}', /JSON object/],
    ['a list', '[1, 2]', /JSON object/],
    ['an unknown factor', '{"DPRK_FLAGS": 20}', /unknown risk factor "DPRK_FLAGS"/],
    ['a weight out of range', '{"DESIGNATED": 250}', /-100 to 100/],
    ['a weight that is not a number', '{"DESIGNATED": "40"}', /not a number/],
  ])('rejects %s', (_what, json, message) => {
    expect(() => parseRiskWeights(json)).toThrow(message);
  });

  it('is checked at start: a bad RISK_WEIGHTS stops loadConfig with an error naming the variable', () => {
    expect(() => loadConfig({ RISK_WEIGHTS: '{"NOPE": 1}' })).toThrow(ConfigError);
    expect(() => loadConfig({ RISK_WEIGHTS: '{"NOPE": 1}' })).toThrow(/^RISK_WEIGHTS: /);
    expect(loadConfig({ RISK_WEIGHTS: '{"DPRK_FLAG": 5}' }).riskWeights).toEqual({ DPRK_FLAG: 5 });
    expect(loadConfig({}).riskWeights).toEqual({});
  });
});

describe('rules', () => {
  it('counts several facts with diminishing returns', () => {
    expect([0, 1, 2, 3].map(countStrength)).toEqual([0, 0.5, 0.75, 0.875]);
  });

  it('gives a designated vessel weight × confidence, with the designation as evidence', () => {
    const r = assessRisk(facts({ designations: [designation('d1')] }));
    const f = factor(r, RiskFactorCode.DESIGNATED);
    expect(f).toMatchObject({ effect: RiskEffect.RAISES, weight: 40, strength: 1, confidence: 0.9, points: 36 });
    expect(f.evidence).toEqual([{ path: 'path:d1', sourceIds: ['source:d1'], confidence: 0.9 }]);
    expect(f.reason).toMatch(/^Designated itself: UN_1718_COMMITTEE port-entry ban \(2017-12-28\)\.$/);
    expect(r.score).toBe(36);
  });

  it('counts a proposed listing only when there is no designation in force', () => {
    const proposed = assessRisk(facts({ designations: [designation('p1', 'PROPOSED')] }));
    expect(factor(proposed, RiskFactorCode.DESIGNATION_PROPOSED).points).toBe(9);
    const both = assessRisk(facts({ designations: [designation('p1', 'PROPOSED'), designation('d1')] }));
    expect(factor(both, RiskFactorCode.DESIGNATION_PROPOSED)).toBeUndefined();
    const withdrawn = assessRisk(facts({ designations: [designation('w1', 'WITHDRAWN')] }));
    expect(withdrawn.factors).toEqual([]);
  });

  it('weighs a designated controller less for each level up the chain', () => {
    const controller = (depth: number) => ({
      ...ev(`c${depth}`, 1),
      partyId: `company:c${depth}`,
      partyName: `C${depth}`,
      relationType: 'MANAGES',
      depth,
      authority: 'US_OFAC',
      date: '2018-02-23',
    });
    const direct = factor(assessRisk(facts({ controllers: [controller(1)] })), RiskFactorCode.DESIGNATED_CONTROLLER);
    expect(direct).toMatchObject({ strength: 1, points: 30 });
    expect(direct.reason).toBe('Managed by designated C1.');
    const parent = factor(assessRisk(facts({ controllers: [controller(2)] })), RiskFactorCode.DESIGNATED_CONTROLLER);
    expect(parent).toMatchObject({ strength: 0.7, points: 21 });
    expect(parent.reason).toMatch(/through 1 level/);
  });

  it('counts legs from DPRK ports, and DPRK cargo loaded elsewhere, separately', () => {
    const r = assessRisk(
      facts({
        legs: [
          leg('a'),
          leg('b'),
          leg('c', { kp: false, origin: 'DPRK_SUSPECTED', legality: 'UNDETERMINED' }),
          leg('d', { kp: false, origin: 'UNCONFIRMED', legality: 'UNDETERMINED' }),
        ],
      }),
    );
    expect(factor(r, RiskFactorCode.DPRK_PORT_LEGS)).toMatchObject({ strength: 0.75, confidence: 0.75, points: 14.1 });
    expect(factor(r, RiskFactorCode.DPRK_PORT_LEGS).reason).toBe('2 legs from DPRK ports (Nampho).');
    const cargo = factor(r, RiskFactorCode.DPRK_ORIGIN_CARGO);
    expect(cargo.evidence.map((e) => e.path)).toEqual(['path:c']);
  });

  it('sets aside legs whose cargo the sources establish as lawful (Russian coal via Rajin)', () => {
    expect(isExemptCargo({ cargoOrigin: 'RUSSIA', legality: 'UNDETERMINED' })).toBe(true);
    expect(isExemptCargo({ cargoOrigin: 'DPRK', legality: 'NOT_A_VIOLATION' })).toBe(true);
    expect(isExemptCargo({ cargoOrigin: 'DPRK', legality: 'PRE_BAN' })).toBe(false);
    const r = assessRisk(facts({ legs: [leg('rason', { origin: 'RUSSIA', legality: 'NOT_A_VIOLATION' })] }));
    expect(factor(r, RiskFactorCode.DPRK_PORT_LEGS)).toBeUndefined();
    const exempt = factor(r, RiskFactorCode.EXEMPT_CARGO);
    expect(exempt).toMatchObject({ effect: RiskEffect.NEUTRALISES, weight: 0, points: 0 });
    expect(exempt.reason).toMatch(/not counted: the sources establish the cargo as sanction-exempt Russian coal/);
    expect(exempt.evidence[0].path).toBe('path:rason');
    expect(r.score).toBe(0);
  });

  it('lowers the score of a vessel the sources clear, down to 0 and never below', () => {
    const cleared = assessRisk(
      facts(
        {
          legs: [leg('x', { origin: 'RUSSIA', legality: 'NOT_A_VIOLATION' })],
          nearestDesignated: [{ ...ev('company:z'), name: 'Z', hops: 2 }],
        },
        'CLEARED',
      ),
    );
    const f = factor(cleared, RiskFactorCode.CLEARED_BY_SOURCES);
    expect(f).toMatchObject({ effect: RiskEffect.LOWERS, weight: -40, confidence: 0.75, points: -30 });
    expect(f.evidence).toEqual([{ path: 'vessel', sourceIds: ['source:v'], confidence: 0.75 }]);
    expect(cleared.score).toBe(0);
    expect(cleared.level).toBe(RiskLevel.NONE);
  });

  it('flags DPRK registration but not a false DPRK identity; counts false identities, renames and flag changes', () => {
    const r = assessRisk(
      facts({
        claims: [
          claim('reg', { flag: 'KP', status: 'VERIFIED' }),
          claim('old', { flag: 'PA', kind: 'FORMER_NAME', name: 'Old Name' }),
          claim('spoof', { flag: 'MN', status: 'FALSE', kind: 'AIS_BROADCAST', name: 'Krysper Singa' }),
        ],
      }),
    );
    expect(factor(r, RiskFactorCode.DPRK_FLAG).evidence.map((e) => e.path)).toEqual(['path:reg']);
    expect(factor(r, RiskFactorCode.FALSE_IDENTITY).reason).toMatch(/Krysper Singa \/ MN/);
    const changes = factor(r, RiskFactorCode.IDENTITY_CHANGES);
    expect(changes.strength).toBe(0.75); // one rename + one flag change (KP → PA)
    expect(changes.reason).toBe('1 former name (Old Name); flags KP, PA.');
    const falseKp = assessRisk(facts({ claims: [claim('fake', { flag: 'KP', status: 'FALSE' })] }));
    expect(factor(falseKp, RiskFactorCode.DPRK_FLAG)).toBeUndefined();
  });

  it('counts only transfers with DPRK-flagged or designated counterparts', () => {
    const t = (id: string, kp: boolean, designated: boolean) => ({
      ...ev(id),
      counterpartyId: `vessel:${id}`,
      counterpartyName: id,
      counterpartyDprkFlag: kp,
      counterpartyDesignated: designated,
    });
    const r = assessRisk(
      facts({ transfers: [t('tok-song', true, false), t('innocent', false, false), t('wise-honest', true, true)] }),
    );
    const f = factor(r, RiskFactorCode.RISKY_TRANSFERS);
    expect(f.evidence.map((e) => e.path)).toEqual(['path:tok-song', 'path:wise-honest']);
    expect(f.reason).toBe('2 transfers with tok-song (DPRK-flagged), wise-honest (DPRK-flagged, designated).');
  });

  it('counts distinct evasion tactics, listing every sighting as evidence', () => {
    const tactic = (code: string, via: string) => ({
      ...ev(`${code}@${via}`),
      code,
      name: code.toLowerCase(),
      subjectLabel: 'Leg',
    });
    const r = assessRisk(
      facts({ tactics: [tactic('AIS_DARK', 'leg1'), tactic('AIS_DARK', 'leg2'), tactic('STS_TRANSFER', 'leg1')] }),
    );
    const f = factor(r, RiskFactorCode.EVASION_TACTICS);
    expect(f.strength).toBe(0.75);
    expect(f.evidence).toHaveLength(3);
  });

  it('scores distance to the nearest designated entity not already counted as a controller', () => {
    const near = (id: string, hops: number) => ({ ...ev(id, 1), name: id, hops });
    const r = assessRisk(facts({ nearestDesignated: [near('vessel:a', 3), near('vessel:b', 4)] }));
    expect(factor(r, RiskFactorCode.PROXIMITY_TO_DESIGNATED)).toMatchObject({ strength: 0.25, points: 3.8 });
    const counted = assessRisk(
      facts({
        controllers: [
          {
            ...ev('company:m', 1),
            partyId: 'company:m',
            partyName: 'M',
            relationType: 'OWNS',
            depth: 1,
            authority: 'US_OFAC',
            date: null,
          },
        ],
        nearestDesignated: [near('company:m', 1), near('vessel:far', 4)],
      }),
    );
    expect(factor(counted, RiskFactorCode.PROXIMITY_TO_DESIGNATED)).toMatchObject({ strength: 0.125 });
    expect(factor(counted, RiskFactorCode.PROXIMITY_TO_DESIGNATED).reason).toBe('4 hops from designated vessel:far.');
  });

  it('orders factors by effect and clamps the score to 100', () => {
    const r = assessRisk(
      facts({
        designations: [designation('d')],
        controllers: [
          {
            ...ev('c', 1),
            partyId: 'c',
            partyName: 'C',
            relationType: 'OWNS',
            depth: 1,
            authority: 'US_OFAC',
            date: null,
          },
        ],
        legs: [leg('a'), leg('b'), leg('c'), leg('d')],
        claims: [claim('kp', { flag: 'KP' })],
        tactics: [{ ...ev('t'), code: 'AIS_DARK', name: 'AIS blackout', subjectLabel: 'Vessel' }],
      }),
    );
    expect(r.score).toBe(100);
    expect(r.level).toBe(RiskLevel.SEVERE);
    const points = r.factors.map((f) => Math.abs(f.points));
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('uses the weights given: 0 switches a factor off, a negative EXEMPT_CARGO lowers the score', () => {
    const weights = resolveRiskWeights({ DESIGNATED: 0, EXEMPT_CARGO: -10 });
    const r = assessRisk(facts({ designations: [designation('d')], legs: [leg('r', { origin: 'RUSSIA' })] }), weights);
    expect(factor(r, RiskFactorCode.DESIGNATED)).toBeUndefined();
    expect(factor(r, RiskFactorCode.EXEMPT_CARGO)).toMatchObject({ effect: RiskEffect.LOWERS, points: -3.8 });
    expect(r.score).toBe(0);
    expect(r.weights.EXEMPT_CARGO).toBe(-10);
  });

  it('treats facts without a stated confidence as certain', () => {
    const r = assessRisk(facts({ designations: [{ ...designation('d'), confidence: null }] }));
    expect(factor(r, RiskFactorCode.DESIGNATED)).toMatchObject({ confidence: 1, points: 40 });
  });

  it('names levels by score', () => {
    expect([0, 1, 24, 25, 49, 50, 74, 75, 100].map(levelOf)).toEqual([
      'NONE',
      'LOW',
      'LOW',
      'MEDIUM',
      'MEDIUM',
      'HIGH',
      'HIGH',
      'SEVERE',
      'SEVERE',
    ]);
  });
});
