/** The arguments of `changes` (the audit trail): since when, about what, and a page. */
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from './page';

@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Only changes at or after this time: an ISO 8601 date ("2024-05-01") or date-time ("2024-05-01T12:00:00Z").',
  })
  since?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only changes that concern this entity (its own, and those of facts about it), or this fact ("rel:…", "leg:…").',
  })
  entityId?: string | null;
}
