/** The errors resolvers raise, each with a stable `extensions.code` and a message a person understands. */
import { GraphQLError } from 'graphql';

/** Quoted values longer than this are shortened in messages (a message should not echo a whole upload). */
const ECHO_LIMIT = 80;

function shortenEcho(text: string): string {
  return text.replace(new RegExp(`"([^"]{${ECHO_LIMIT}})[^"]+"`, 'g'), '"$1…"');
}

export function badInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(shortenEcho(`Argument "${argument}" ${problem}`), {
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

/** A problem a pure check reports: the input field and what is wrong with it (domain/watch, domain/investigation). */
type InputProblem = new (...args: never[]) => Error & { field: string; problem: string };

/** Runs a pure check, reporting a problem of this kind as BAD_USER_INPUT naming the field. */
export function checkedInput<T>(kind: InputProblem, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof kind) throw badInput(error.field, error.problem);
    throw error;
  }
}
