/** The default relationship types written into a walk's pattern (traversal.ts DEFAULT_TYPES_EXPRESSION) stand for exactly them. */
import { DEFAULT_TRAVERSAL_TYPES, DEFAULT_TYPES_EXPRESSION, followsDefaultTypes } from '../../../src/db/read/traversal';

describe('the default types written in a pattern (paths: `$types` not sent)', () => {
  it('stand for exactly DEFAULT_TRAVERSAL_TYPES', () => {
    expect(DEFAULT_TYPES_EXPRESSION.split('|').sort()).toEqual([...DEFAULT_TRAVERSAL_TYPES].sort());
  });

  it('are used only for the same set of types, in any order', () => {
    expect(followsDefaultTypes([...DEFAULT_TRAVERSAL_TYPES].reverse())).toBe(true);
    expect(followsDefaultTypes([...DEFAULT_TRAVERSAL_TYPES, ...DEFAULT_TRAVERSAL_TYPES])).toBe(true);
    expect(followsDefaultTypes(DEFAULT_TRAVERSAL_TYPES.slice(1))).toBe(false);
    expect(followsDefaultTypes([...DEFAULT_TRAVERSAL_TYPES.slice(1), 'CITED_IN'])).toBe(false);
    expect(followsDefaultTypes([...DEFAULT_TRAVERSAL_TYPES, 'CITED_IN'])).toBe(false);
    expect(followsDefaultTypes([])).toBe(false);
  });
});
