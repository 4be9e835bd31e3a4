import { IdentityKind, IdentityStatus } from '../enums';
import { DateRangeInput } from './dateRange';
import { EvidenceInput } from './evidence';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'One identity claimed for a vessel over a time span (name, numbers, flag), true or false.' })
export class IdentityClaimInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Give it to correct a claim already recorded; otherwise derived from vessel and identity.',
  })
  id?: string | null;

  @Field(() => String, { description: 'The vessel: its id or "imo:NNNNNNN".' })
  vessel!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The name claimed, at most 300 characters. Give at least one identity field.',
  })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The IMO number claimed: seven digits with a valid check digit.',
  })
  imo?: string | null;

  @Field(() => String, { nullable: true, description: 'The MMSI claimed: nine digits, the first 2 to 7.' })
  mmsi?: string | null;

  @Field(() => String, { nullable: true, description: 'The call sign claimed, at most 20 characters.' })
  callSign?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  flag?: string | null;

  @Field(() => String, { nullable: true, description: "The flag in the sources' words, at most 300 characters." })
  flagText?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When the identity was used.' })
  period?: DateRangeInput | null;

  @Field(() => IdentityStatus, { nullable: true, description: 'Default ASSERTED.' })
  status?: IdentityStatus | null;

  @Field(() => IdentityKind, {
    description: 'Where the claim comes from: registry, former name, AIS, papers, spelling.',
  })
  kind!: IdentityKind;
}
