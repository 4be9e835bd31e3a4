/** The inputs of the investigation mutations: a new investigation, its changes, and what an item keeps. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CargoOrigin, Commodity } from '../enums';
import { DateWindowInput } from '../trace';
import { DEFAULT_MAX_WAIT_DAYS, MAX_WAIT_DAYS_CAP } from '../../domain/linking';
import {
  MAX_NOTE_LENGTH,
  MAX_QUERY_TEXT,
  MAX_QUERY_VARIABLES,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
} from '../../domain/investigation';

@InputType({ description: 'A new investigation.' })
export class CreateInvestigationInput {
  @Field(() => String, { description: `Its title (1–${MAX_TITLE_LENGTH} characters).` })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: `What it is about (at most ${MAX_SUMMARY_LENGTH} characters).`,
  })
  summary?: string | null;
}

@InputType({ description: 'Changes to an investigation: fields left out keep their values.' })
export class UpdateInvestigationInput {
  @Field(() => String, { nullable: true, description: `A new title (1–${MAX_TITLE_LENGTH} characters).` })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new summary; null or "" clears it.' })
  summary?: string | null;
}

@InputType({
  description:
    'The arguments of a trace to keep: give `origin` (as traceCargo does) or `destination` (as traceBack does), not both. The same checks as those queries apply (BAD_USER_INPUT naming the field).',
})
export class TraceInput {
  @Field(() => String, {
    nullable: true,
    description:
      'The port the cargo left (traceCargo): a port id, UN/LOCODE, or name or alias, at most 200 characters.',
  })
  origin?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The port where the cargo was landed (traceBack): a port id, UN/LOCODE, or name or alias.',
  })
  destination?: string | null;

  @Field(() => Commodity, { defaultValue: Commodity.COAL, description: 'The cargo followed (default COAL).' })
  commodity!: Commodity;

  @Field(() => DateWindowInput, {
    nullable: true,
    description: 'Only cargo that left (traceBack: arrived) in this period.',
  })
  window?: DateWindowInput | null;

  @Field(() => Int, { defaultValue: 4, description: 'Legs in a route, 1 to the cap traceCargo states.' })
  maxHops!: number;

  @Field(() => Int, {
    defaultValue: DEFAULT_MAX_WAIT_DAYS,
    description: `Longest wait (days) for cargo landed and reloaded at a port, 0 to ${MAX_WAIT_DAYS_CAP}.`,
  })
  maxWaitDays!: number;

  @Field(() => [CargoOrigin], {
    nullable: true,
    description: 'Cargo origins to follow (default DPRK, DPRK_SUSPECTED and UNCONFIRMED).',
  })
  cargoOrigins?: CargoOrigin[] | null;

  @Field(() => Float, { nullable: true, description: 'Only routes at least this confident, 0 to 1.' })
  minConfidence?: number | null;

  @Field(() => Int, { defaultValue: 50, description: 'Most routes to keep, 1 to the cap traceCargo states.' })
  limit!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Only routes ending in this country (ISO 3166-1 alpha-2); with `origin` only.',
  })
  destinationCountry?: string | null;
}

@InputType({ description: 'A GraphQL query to keep, with its variables.' })
export class SavedQueryInput {
  @Field(() => String, {
    description: `The query text (at most ${MAX_QUERY_TEXT} characters): it must be valid against this schema and hold only query operations (no mutation or subscription).`,
  })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: `Its variables as a JSON object text ('{"origin":"Nampho"}'), at most ${MAX_QUERY_VARIABLES} characters.`,
  })
  variables?: string | null;
}

@InputType({
  description:
    'What to add to an investigation: exactly one of `entityId`, `trace` and `query`, with an optional note.',
})
export class InvestigationItemInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An entity in the graph (vessel, company, person, port, leg, …); a merged id stands for the one kept.',
  })
  entityId?: string | null;

  @Field(() => TraceInput, {
    nullable: true,
    description: 'A trace to keep: it runs now, and its answer (a fingerprint of its routes) is stored with it.',
  })
  trace?: TraceInput | null;

  @Field(() => SavedQueryInput, { nullable: true, description: 'A GraphQL query to keep.' })
  query?: SavedQueryInput | null;

  @Field(() => String, { nullable: true, description: `The analyst's note (at most ${MAX_NOTE_LENGTH} characters).` })
  note?: string | null;
}
