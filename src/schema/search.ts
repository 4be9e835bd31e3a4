import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from './node';
import { PageInfo } from './connection';
import { Int } from 'type-graphql';

@ObjectType({ description: 'One search result: the entity, how well it matched, and the name that matched.' })
export class SearchEdge {
  @Field(() => String, { description: 'Opaque cursor of this result: pass it as `after` to get the results after it.' })
  cursor!: string;

  @Field(() => Node, { description: 'The vessel, port, company, person or country found.' })
  node!: Node;

  @Field(() => Float, {
    description: 'Full-text relevance (Lucene score, higher is better); only comparable within one search.',
  })
  score!: number;

  @Field(() => String, { nullable: true, description: 'The name or alias that matched (e.g. a former name).' })
  matchedName!: string | null;
}

@ObjectType({ description: 'One page of search results, best match first (Relay cursor connection).' })
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The results of this page, best first.' })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: 'Cursors of this page and whether more results follow.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many entities match, over all pages.' })
  totalCount!: number;
}
