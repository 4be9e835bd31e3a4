import { Authority, DesignationStatus } from '../enums';
import { DateRangeInput } from './dateRange';
import { EvidenceInput } from './evidence';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A sanction on a vessel, company or person.' })
export class DesignationInput extends EvidenceInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Give it to correct a designation already recorded; otherwise derived from authority, date and target.',
  })
  id?: string | null;

  @Field(() => String, { description: 'The vessel, company or person: an id or "imo:NNNNNNN".' })
  target!: string;

  @Field(() => Authority, { description: 'Who imposed it.' })
  authority!: Authority;

  @Field(() => String, { description: 'What it does ("port-entry ban", "asset freeze"), at most 1000 characters.' })
  measure!: string;

  @Field(() => DesignationStatus, { nullable: true, description: 'Default IN_FORCE.' })
  status?: DesignationStatus | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When it was imposed or proposed.' })
  date?: DateRangeInput | null;

  @Field(() => String, { nullable: true, description: 'Programme or document reference, at most 1000 characters.' })
  reference?: string | null;
}

/* --------------------------------------------------------------------------------------------- */
