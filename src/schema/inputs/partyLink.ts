import { RelationType } from '../enums';
import { DateRangeInput } from './dateRange';
import { EvidenceInput } from './evidence';
import { Field, InputType } from 'type-graphql';

@InputType({
  description:
    'A tie from a company or person to a vessel or company (ownership, management, control …) over a time span.',
})
export class PartyLinkInput extends EvidenceInput {
  @Field(() => String, { nullable: true, description: 'Give it to correct a tie already recorded ("rel:…").' })
  id?: string | null;

  @Field(() => RelationType, { description: 'What kind of tie: owns, manages, operates, controls, chartered …' })
  relation!: RelationType;

  @Field(() => String, { description: 'The company or person: its id, or "company-imo:NNNNNNN".' })
  from!: string;

  @Field(() => String, { description: 'The vessel or company: its id, "imo:NNNNNNN" or "company-imo:NNNNNNN".' })
  to!: string;

  @Field(() => String, {
    nullable: true,
    description: '"registered owner", "beneficial owner", "ship manager" … (part of the tie\'s key).',
  })
  role?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When the tie held.' })
  period?: DateRangeInput | null;
}
