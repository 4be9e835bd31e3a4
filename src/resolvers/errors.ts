/** The errors resolvers raise, each with a stable `extensions.code` and a message a person understands. */
import { GraphQLError } from 'graphql';

export function badInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${problem}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
  });
}

export function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} was not found`, { extensions: { code: 'NOT_FOUND' } });
}

/** Throws BAD_USER_INPUT for the argument when `problem` is not null. */
export function check(argument: string, problem: string | null): void {
  if (problem != null) throw badInput(argument, problem);
}
