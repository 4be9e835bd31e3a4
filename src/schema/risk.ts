/** An explainable risk score: the factors behind it, each with its weight, reason and evidence. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RiskEffect, RiskFactorCode, RiskLevel } from '../domain/risk';
import { Vessel } from './vessel';
import { GraphPath } from './paths';

registerEnumType(RiskFactorCode, {
  name: 'RiskFactorCode',
  description: 'What a factor looks at. The rules and weights are in src/domain/risk.ts.',
  valuesConfig: {
    DESIGNATED: { description: 'The vessel has a designation in force.' },
    DESIGNATION_PROPOSED: { description: 'Proposed for designation, not designated.' },
    DESIGNATED_CONTROLLER: {
      description:
        'Owned, managed, operated or controlled (directly or up the ownership chain) by a designated party, ties in force.',
    },
    DPRK_FLAG: { description: 'Flagged by North Korea (not a false identity).' },
    DPRK_PORT_LEGS: { description: 'Legs from DPRK ports.' },
    DPRK_ORIGIN_CARGO: {
      description: 'Legs from elsewhere carrying cargo the sources give as North Korean, or as a violation.',
    },
    RISKY_TRANSFERS: { description: 'Transfers with DPRK-flagged or designated vessels.' },
    EVASION_TACTICS: { description: 'Evasion tactics seen on the vessel, its legs or transfers.' },
    FALSE_IDENTITY: { description: 'False identities: spoofed AIS, forged papers.' },
    IDENTITY_CHANGES: { description: 'Former names and flag changes.' },
    PROXIMITY_TO_DESIGNATED: {
      description: 'Hops to the nearest designated vessel, company or person (not counted above).',
    },
    CLEARED_BY_SOURCES: { description: 'The sources clear the vessel (lowers the score).' },
    EXEMPT_CARGO: {
      description:
        'Legs through DPRK ports whose cargo the sources establish as lawful (Russian coal, not a violation): set aside.',
    },
  },
});
registerEnumType(RiskEffect, {
  name: 'RiskEffect',
  description: 'RAISES or LOWERS the score, or NEUTRALISES facts that would have raised it.',
  valuesConfig: {
    RAISES: { description: 'A positive weight: the factor adds points.' },
    LOWERS: { description: 'A negative weight: the factor takes points off (e.g. CLEARED_BY_SOURCES).' },
    NEUTRALISES: { description: 'Weight 0: the facts are listed and set aside, adding nothing (e.g. EXEMPT_CARGO).' },
  },
});
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'NONE below 1, LOW from 1, MEDIUM from 25, HIGH from 50, SEVERE from 75.',
  valuesConfig: {
    NONE: { description: 'Score 0: nothing in the graph points to a risk.' },
    LOW: { description: 'Score 1 to 24.' },
    MEDIUM: { description: 'Score 25 to 49.' },
    HIGH: { description: 'Score 50 to 74.' },
    SEVERE: { description: 'Score 75 to 100.' },
  },
});

@ObjectType({ description: 'One reason in a risk score.' })
export class RiskFactor {
  @Field(() => RiskFactorCode, { description: 'Which rule this factor is (designation, DPRK port legs, tactics …).' })
  code!: RiskFactorCode;

  @Field(() => RiskEffect, { description: 'Whether it raises, lowers or neutralises the score.' })
  effect!: RiskEffect;

  @Field(() => Float, { description: 'Most points the factor can give (negative: it lowers the score).' })
  weight!: number;

  @Field(() => Float, {
    description: 'Share of the weight the facts earn, 0 to 1 (more facts or a nearer party earn more).',
  })
  strength!: number;

  @Field(() => Float, { description: 'Best confidence among the facts behind it.' })
  confidence!: number;

  @Field(() => Float, { description: 'weight × strength × confidence.' })
  points!: number;

  @Field(() => String, { description: 'Why, in one line.' })
  reason!: string;

  @Field(() => [GraphPath], { description: 'How each fact behind the factor reaches the vessel.' })
  paths!: GraphPath[];

  /** Resolved to `sources`. */
  sourceIds!: string[];
}

@ObjectType({ description: 'The weight one risk factor has in this service (its most points).' })
export class RiskWeight {
  @Field(() => RiskFactorCode, { description: 'The factor.' })
  code!: RiskFactorCode;

  @Field(() => Float, { description: 'Most points the factor can give; negative lowers the score, 0 neutralises.' })
  weight!: number;
}

@ObjectType({ description: 'How risky a vessel is, from 0 to 100, and why.' })
export class RiskProfile {
  @Field(() => Vessel, { description: 'The vessel assessed.' })
  vessel!: Vessel;

  @Field(() => String, { nullable: true, description: 'The day the profile is drawn for; null: everything known.' })
  at!: string | null;

  @Field(() => Int, { description: "Sum of the factors' points, clamped to 0..100." })
  score!: number;

  @Field(() => RiskLevel, { description: "The score's band: NONE, LOW (1+), MEDIUM (25+), HIGH (50+), SEVERE (75+)." })
  level!: RiskLevel;

  @Field(() => [RiskFactor], { description: 'The factors that apply, largest effect first.' })
  factors!: RiskFactor[];

  @Field(() => [RiskWeight], { description: 'The weights in effect (defaults, or the RISK_WEIGHTS setting).' })
  weights!: RiskWeight[];
}
