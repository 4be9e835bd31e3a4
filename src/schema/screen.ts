/** Screening: example entities in, scored candidates with their reasons out. */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node';
import { Designation } from './designation';
import { ScreenKind } from '../domain/screenNames';
import { SCREEN_MATCH_MEANING, ScreenMatch } from '../domain/screenScore';

registerEnumType(ScreenKind, {
  name: 'ScreenKind',
  description: 'What kind of entity a screening query describes.',
  valuesConfig: {
    VESSEL: { description: 'A ship: compared by IMO number, MMSI, call sign, names (own, former, false) and flag.' },
    COMPANY: { description: 'A company: compared by IMO company number, name, aliases and country.' },
    PERSON: {
      description: 'An individual: compared by name (surname romanisations included), country and birth date.',
    },
    PORT: { description: 'A port or transfer area: compared by name, aliases and country.' },
  },
});

registerEnumType(ScreenMatch, {
  name: 'ScreenMatch',
  description: 'How a field of the query matched (or contradicted) the candidate.',
  valuesConfig: Object.fromEntries(
    Object.entries(SCREEN_MATCH_MEANING).map(([k, description]) => [k, { description }]),
  ),
});

@InputType('ScreenQueryInput', {
  description:
    "An example entity to screen, as a list gives it: a name and whatever identifiers and attributes are known. A malformed value is reported in the result's `problems` and left out; the rest of the query still runs.",
})
export class ScreenQueryInput {
  @Field(() => ScreenKind, { nullable: true, description: 'Look only at this kind of entity (default: any).' })
  kind?: ScreenKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'A name as written anywhere (any case, spacing, numbering, romanisation or legal form).',
  })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A ship\'s IMO number ("9114555" or "IMO 9114555", check digit verified); with kind COMPANY, an IMO company number.',
  })
  imo?: string | null;

  @Field(() => String, { nullable: true, description: "A ship's MMSI (nine digits)." })
  mmsi?: string | null;

  @Field(() => String, { nullable: true, description: "A ship's radio call sign." })
  callSign?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The flag of a ship: an ISO 3166 alpha-2 code or a country name ("PA", "Sierra Leone").',
  })
  flag?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The country of a company, person or port: an ISO 3166 alpha-2 code or a country name.',
  })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "The name of a ship's owner, manager or operator." })
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'A person\'s birth date: "YYYY", "YYYY-MM" or "YYYY-MM-DD".' })
  birthDate?: string | null;
}

@ObjectType({ description: 'One reason behind a score: which field matched or contradicted, how, and by how much.' })
export class ScreenFeature {
  @Field(() => String, { description: 'The query field: name, imo, mmsi, callSign, flag, country, owner, birthDate.' })
  field!: string;

  @Field(() => ScreenMatch, { description: 'How it matched or contradicted.' })
  match!: ScreenMatch;

  @Field(() => String, {
    description: 'What it did to the score: "= 0.97" sets the base, "× 0.6" multiplies it, "+ 0.03" adds to it.',
  })
  effect!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The candidate's value that matched or contradicted (a name says whether it is an alias, former name or false identity).",
  })
  value!: string | null;
}

@ObjectType({ description: 'A value of a screening query that could not be used, and why. The rest of the query ran.' })
export class ScreenProblem {
  @Field(() => String, { description: 'The query field: name, imo, mmsi, callSign, flag, country, owner, birthDate.' })
  field!: string;

  @Field(() => String, { description: 'What is wrong with it, in words.' })
  message!: string;
}

@ObjectType({ description: 'An entity of the graph that may be the one a screening query describes.' })
export class ScreenCandidate {
  @Field(() => Node, { description: 'The vessel, company, person or port.' })
  entity!: Node;

  @Field(() => Float, {
    description: '0 to 1: 1.0 only for a matching identifier; names alone stay below. See docs/screening.md.',
  })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The name of the entity that matched best (its own, an alias, a former name or a false identity).',
  })
  matchedName!: string | null;

  @Field(() => [ScreenFeature], { description: 'Why it scored as it did, one entry per field that counted.' })
  features!: ScreenFeature[];

  /** Resolved by ScreenCandidateResolver. */
  designations?: Designation[];
}

@ObjectType({ description: 'The answer to one screening query, in the order of the queries.' })
export class ScreenResult {
  @Field(() => Int, { description: 'The position of the query in the list (0-based).' })
  index!: number;

  @Field(() => [ScreenCandidate], {
    description: 'Candidates at or over the threshold, best first, at most `limit`; empty is a clear "no".',
  })
  candidates!: ScreenCandidate[];

  @Field(() => [ScreenProblem], { description: 'Values of this query that were malformed and left out.' })
  problems!: ScreenProblem[];
}
