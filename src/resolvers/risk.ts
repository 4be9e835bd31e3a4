/**
 * Risk profiles: the facts are gathered in one statement (db/read/risk.ts) and scored by the rules of
 * domain/risk.ts with the configured weights (RISK_WEIGHTS, validated at start by config.ts).
 */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RiskFactor, RiskProfile } from '../schema/risk';
import { Source } from '../schema/source';
import { riskFacts } from '../db/read/risk';
import { assessRisk, resolveRiskWeights, RiskFactorCode, RiskWeights } from '../domain/risk';
import { riskWeightsFromEnv } from '../config';
import { loadNodes } from './load';
import { Context } from './context';
import { notFound } from './errors';
import { dayArg, entityIdArg } from './analysisArgs';

let configured: RiskWeights | null = null;

/** The weights in effect: the defaults with the RISK_WEIGHTS overrides (read once; main has already validated them). */
export function riskWeights(): RiskWeights {
  configured ??= resolveRiskWeights(riskWeightsFromEnv(process.env));
  return configured;
}

@Resolver()
export class RiskResolver {
  @Query(() => RiskProfile, {
    description:
      "How risky a vessel is as of `at` (YYYY-MM-DD; omitted: everything known), from 0 to 100, with each factor's weight, one-line reason, and the paths and sources behind it.",
  })
  async riskProfile(
    @Arg('vesselId', () => ID, {
      description: 'A vessel id; another kind of id: BAD_USER_INPUT; unknown: NOT_FOUND.',
    })
    vesselId: string,
    @Arg('at', () => String, { nullable: true, description: 'The day (YYYY-MM-DD); omitted: everything known.' })
    at: string | null,
    @Ctx() ctx: Context,
  ): Promise<RiskProfile> {
    entityIdArg('vesselId', vesselId, ['Vessel']);
    const day = dayArg('at', at);
    const found = await riskFacts(ctx.db, vesselId, day, ctx.counter);
    if (!found) throw notFound(`Vessel "${vesselId}"`);
    const assessment = assessRisk(found.facts, riskWeights());
    return {
      vessel: found.vessel,
      at: day,
      score: assessment.score,
      level: assessment.level,
      factors: assessment.factors.map((f) => ({
        ...f,
        paths: f.evidence.map((e) => e.path),
        sourceIds: [...new Set(f.evidence.flatMap((e) => e.sourceIds))],
      })),
      weights: (Object.keys(assessment.weights) as RiskFactorCode[]).map((code) => ({
        code,
        weight: assessment.weights[code],
      })),
    };
  }
}

@Resolver(() => RiskFactor)
export class RiskFactorResolver {
  @FieldResolver(() => [Source], { description: "Every source behind the factor's facts." })
  async sources(@Root() f: RiskFactor, @Ctx() ctx: Context): Promise<Source[]> {
    return loadNodes(ctx, f.sourceIds ?? [], ['Source']);
  }
}
