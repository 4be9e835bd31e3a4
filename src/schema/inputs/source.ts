/** A source a fact cites: an existing one (by id or address) or a new one given inline. */
import { ConfidenceTier, SourceKind } from '../enums';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new source: its address, publisher, kind and reliability tier.' })
export class SourceInput {
  @Field(() => String, {
    description: 'The http(s) address, at most 2000 characters; the source id is derived from it.',
  })
  url!: string;

  @Field(() => String, { description: 'Who published it, at most 300 characters.' })
  publisher!: string;

  @Field(() => SourceKind, { description: 'What kind of document it is.' })
  kind!: SourceKind;

  @Field(() => ConfidenceTier, { description: 'How reliable the source is as a rule; facts citing it default to it.' })
  tier!: ConfidenceTier;

  @Field(() => String, { nullable: true, description: 'Title of the document, at most 1000 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD.' })
  date?: string | null;
}

@InputType({
  description: 'A source a fact cites: `id` of an existing Source, or a new one ({url, publisher, kind, tier}).',
})
export class SourceRefInput {
  @Field(() => ID, { nullable: true, description: 'An existing Source ("source:…"); give it alone.' })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alone: the address of a known source. With publisher, kind and tier: a new source (http(s)).',
  })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'A new source: who published it (required with url).' })
  publisher?: string | null;

  @Field(() => SourceKind, { nullable: true, description: 'A new source: what kind of document (required with url).' })
  kind?: SourceKind | null;

  @Field(() => ConfidenceTier, {
    nullable: true,
    description: 'A new source: its reliability tier (required with url).',
  })
  tier?: ConfidenceTier | null;

  @Field(() => String, { nullable: true, description: 'A new source: its title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new source: publication date, YYYY-MM-DD.' })
  date?: string | null;
}
