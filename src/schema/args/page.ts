/** `first` and `after` of a paged list (Relay cursor connection), for argument classes to extend. */
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: 'Page size, 1 to 100; outside that: BAD_USER_INPUT.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The endCursor of the previous page; a string that is not one: BAD_USER_INPUT.',
  })
  after?: string | null;
}
