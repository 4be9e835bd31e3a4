import { Field, ObjectType } from 'type-graphql';
import { Node } from './node';

@ObjectType({ implements: [Node], description: 'A country, keyed by its ISO 3166-1 alpha-2 code.' })
export class Country extends Node {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code ("KP").' })
  code!: string;

  @Field(() => String, { description: 'English short name ("North Korea").' })
  name!: string;
}
