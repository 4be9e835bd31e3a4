/** The arguments of `shortestPaths` and `commonConnections`. */
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { WalkArgs } from './walk';

@ArgsType()
export class PathsArgs extends WalkArgs {
  @Field(() => ID, {
    description: 'Where the paths start: Any Collier id; malformed: BAD_USER_INPUT; unknown: NOT_FOUND.',
  })
  from!: string;

  @Field(() => ID, {
    description:
      'Where the paths end: Any Collier id; malformed: BAD_USER_INPUT; unknown: NOT_FOUND; equal to `from`: BAD_USER_INPUT.',
  })
  to!: string;

  @Field(() => Int, { defaultValue: 3, description: 'How many shortest paths, 1 to 10.' })
  k!: number;

  @Field(() => Int, { defaultValue: 4, description: 'Longest path in hops, 1 to 6.' })
  maxLength!: number;
}

@ArgsType()
export class CommonConnectionsArgs extends WalkArgs {
  @Field(() => ID, { description: 'The first entity: Any Collier id; malformed: BAD_USER_INPUT; unknown: NOT_FOUND.' })
  a!: string;

  @Field(() => ID, {
    description: 'The second entity, not equal to a: Any Collier id; malformed: BAD_USER_INPUT; unknown: NOT_FOUND.',
  })
  b!: string;

  @Field(() => Int, { defaultValue: 2, description: 'Most hops from each side to the shared entity, 1 to 3.' })
  maxDepth!: number;

  @Field(() => Int, { defaultValue: 50, description: 'Most connections, 1 to 200; the closest come first.' })
  limit!: number;
}
