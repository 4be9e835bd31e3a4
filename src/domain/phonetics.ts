/**
 * Double Metaphone (the `double-metaphone` package, Lawrence Philips' algorithm) behind a typed
 * function. Version 1 of the package is CommonJS, which Jest's runtime and the service load alike;
 * it ships no type declarations, hence the cast.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const metaphone = require('double-metaphone') as (word: string) => [string, string];

/** The primary and alternate phonetic codes of a word ("nampo" → ["NMP", "NMP"]). */
export function doubleMetaphone(word: string): [string, string] {
  return metaphone(word);
}
