import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from './node';
import { ConfidenceTier, SourceKind } from './enums';

@ObjectType({
  implements: [Node],
  description: 'A document a fact comes from: its address, publisher and reliability.',
})
export class Source extends Node {
  @Field(() => String)
  url!: string;

  @Field(() => String)
  publisher!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field(() => ConfidenceTier, { description: 'How reliable this source is as a rule.' })
  tier!: ConfidenceTier;

  @Field(() => Float)
  confidence!: number;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date (YYYY-MM-DD) where known.' })
  date!: string | null;
}
