/** The arguments of `watchlists`, `alerts` and the `alertAdded` subscription. */
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from './page';

@ArgsType()
export class WatchlistsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only the watchlists of this owner ("key:<name>", "jwt:<subject>").',
  })
  owner?: string | null;
}

export const SINCE_HELP =
  'Only alerts after this point: the id of the last alert received ("alert:42"; later ones only), or an ISO 8601 date or date-time ("2024-05-01T12:00:00Z"; alerts at or after it). Anything else: BAD_USER_INPUT.';

@ArgsType()
export class AlertsArgs extends PageArgs {
  @Field(() => ID, { description: 'The watchlist.' })
  watchlistId!: string;

  @Field(() => String, { nullable: true, description: SINCE_HELP })
  since?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Only the alerts the caller has not marked read.',
  })
  unreadOnly?: boolean | null;
}

@ArgsType()
export class AlertSubscriptionArgs {
  @Field(() => ID, { description: 'The watchlist to follow.' })
  watchlistId!: string;

  @Field(() => String, {
    nullable: true,
    description: `${SINCE_HELP} Given, the alerts missed since then come first, then live ones; omitted, only alerts committed from now on. Either way no alert comes twice.`,
  })
  since?: string | null;
}
