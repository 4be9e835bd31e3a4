import { DatePrecision } from '../enums';
import { Field, InputType } from 'type-graphql';

@InputType({
  description:
    "A date or period: the earliest and latest day it can fall on (YYYY-MM-DD), how it was stated, and the source's words.",
})
export class DateRangeInput {
  @Field(() => String, {
    nullable: true,
    description: 'Earliest day it can fall on (YYYY-MM-DD, UTC); omitted: no lower bound.',
  })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Latest day it can fall on (YYYY-MM-DD, UTC); omitted: no upper bound. Before `from`: BAD_USER_INPUT.',
  })
  to?: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: 'How the sources state it. Default: DAY when from = to, UNKNOWN with neither bound, else OPEN.',
  })
  precision?: DatePrecision | null;

  @Field(() => String, {
    nullable: true,
    description: 'The sources\' words ("late Aug 2017"), at most 500 characters. One of from, to or text is required.',
  })
  text?: string | null;
}
