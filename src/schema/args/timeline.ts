/** The arguments of `timeline`. */
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DateWindowInput } from '../trace';

/** The largest timeline page. */
export const MAX_TIMELINE_PAGE = 500;

@ArgsType()
export class TimelineArgs {
  @Field(() => ID, {
    description:
      'A vessel, company, person or port id; another kind of id is BAD_USER_INPUT, an unknown one NOT_FOUND (a merged id gives the entity kept).',
  })
  id!: string;

  @Field(() => DateWindowInput, {
    nullable: true,
    description:
      'Only events whose dates overlap this period (an event with no date at all is left out); omitted: every event.',
  })
  window?: DateWindowInput | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 100,
    description: `Page size, 1 to ${MAX_TIMELINE_PAGE}; outside that: BAD_USER_INPUT.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The endCursor of the previous page; a string that is not one: BAD_USER_INPUT.',
  })
  after?: string | null;
}
