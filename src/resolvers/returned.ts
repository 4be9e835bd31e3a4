/**
 * What a resolver may return for the GraphQL type T: T's fields, with each enum field as the strings
 * of its values (a db record spells a vocabulary as strings, 'PENDING', where the schema declares
 * the enum MergeCandidateStatus), nested alike. The compiler checks the record against it: a missing
 * field, a wrong type or a value the enum does not have is an error.
 */
export type Returned<T> = T extends string
  ? `${T}`
  : T extends (infer E)[]
    ? Returned<E>[]
    : T extends object
      ? { [K in keyof T]: Returned<T[K]> }
      : T;
