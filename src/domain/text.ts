/**
 * A value read from a stored property or a parsed input, as text. Properties are strings, numbers,
 * booleans, driver Integers or temporals (or lists of them), and each of those has a String() form
 * that is its value; the parameter is `unknown` on purpose, so that callers say "this is a property"
 * rather than cast it to something it may not be.
 */
export function asText(v: unknown): string {
  return String(v);
}
