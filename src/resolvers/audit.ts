/** The audit trail: who changed what, when. Needs the audit role (COLLIER_AUDIT_ROLE, reader by default). */
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Change, ChangeConnection } from '../schema/audit';
import { Node } from '../schema/node';
import { listChanges } from '../db/write/audit';
import { labelOfId } from '../domain/ids';
import { Page, toPage } from '../domain/pagination';
import { ChangesArgs } from '../schema/args/changes';

import { Returned } from './returned';
import { Context } from './context';
import { badInput } from './errors';
import { pageArgs } from './args';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

@Resolver(() => Change)
export class AuditResolver {
  @Authorized('AUDIT')
  @Query(() => ChangeConnection, {
    description: "The audit trail, oldest first: every write's who, when and what changed.",
  })
  async changes(@Args(() => ChangesArgs) args: ChangesArgs, @Ctx() ctx: Context): Promise<Page<Returned<Change>>> {
    const page = pageArgs(args.first, args.after);
    const since = args.since?.trim() || null;
    if (
      since != null &&
      (!ISO_TIME.test(since) || Number.isNaN(Date.parse(since.length === 10 ? `${since}T00:00:00Z` : since)))
    ) {
      throw badInput(
        'since',
        `must be an ISO 8601 date or date-time with a zone, such as "2024-05-01" or "2024-05-01T12:00:00Z" (got "${since}")`,
      );
    }
    const entityId = args.entityId?.trim() || null;
    if (entityId != null && !labelOfId(entityId) && !/^rel:[A-Za-z0-9._:-]{1,200}$/.test(entityId)) {
      throw badInput('entityId', `is not a Collier id (got "${entityId}")`);
    }
    const { total, items } = await listChanges(ctx.db, { since, entityId, ...page }, ctx.counter);
    return toPage(items, page.offset, total);
  }

  @FieldResolver(() => Node, { nullable: true })
  async entity(@Root() c: Change, @Ctx() ctx: Context): Promise<Node | null> {
    return labelOfId(c.entityId) ? ctx.loaders.node.load(c.entityId) : null;
  }
}
