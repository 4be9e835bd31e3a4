import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from './node';
import { ConfidenceTier, SourceKind } from './enums';

@ObjectType({
  implements: [Node],
  description: 'A document a fact comes from: its address, publisher and reliability.',
})
export class Source extends Node {
  @Field(() => String, { description: 'Where the document can be read; the source id is derived from it.' })
  url!: string;

  @Field(() => String, { description: 'Who published it ("NK News", "The Maritime Executive").' })
  publisher!: string;

  @Field(() => SourceKind, { description: 'What kind of document it is: official, court, investigative, news …' })
  kind!: SourceKind;

  @Field(() => ConfidenceTier, { description: 'How reliable this source is as a rule.' })
  tier!: ConfidenceTier;

  @Field(() => Float, { description: 'The confidence its tier stands for, 0 to 1 (HIGH 0.9 … LOW 0.3).' })
  confidence!: number;

  @Field(() => String, { nullable: true, description: 'Title of the document, where known.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date (YYYY-MM-DD) where known.' })
  date!: string | null;
}
