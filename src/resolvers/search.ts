import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { SearchConnection } from '../schema/search';
import { searchEntities } from '../db/read/search';
import { searchTextProblem, toLuceneQuery } from '../domain/searchText';
import { toPage } from '../domain/pagination';
import { Context } from './context';
import { check } from './errors';
import { pageArgs } from './args';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Vessels, ports, companies, persons and countries whose name or any alias, former name or claimed identity matches the text (typos tolerated), best first.',
  })
  async search(
    @Arg('text', () => String, {
      description:
        'Words to look for, at most 200 characters; the first 8 words count, each matched exactly, as a prefix or with a typo. No letter or digit: BAD_USER_INPUT.',
    })
    text: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'Page size, 1 to 100; outside that: BAD_USER_INPUT.',
    })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page; a string that is not one: BAD_USER_INPUT.',
    })
    after?: string | null,
  ): Promise<SearchConnection> {
    check('text', searchTextProblem(text));
    const page = pageArgs(first, after);
    const { total, hits } = await searchEntities(ctx.db, toLuceneQuery(text), page.offset, page.first, ctx.counter);
    const conn = toPage(hits, page.offset, total);
    return {
      ...conn,
      edges: conn.edges.map((e) => ({
        cursor: e.cursor,
        node: e.node.node,
        score: e.node.score,
        matchedName: e.node.matchedName,
      })),
    };
  }
}
