import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from './node';
import { PageInfo } from './connection';
import { Int } from 'type-graphql';

@ObjectType({ description: 'One search result: the entity, how well it matched, and the name that matched.' })
export class SearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Node)
  node!: Node;

  @Field(() => Float)
  score!: number;

  @Field(() => String, { nullable: true, description: 'The name or alias that matched (e.g. a former name).' })
  matchedName!: string | null;
}

@ObjectType()
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
