import { searchTerms, searchTextProblem, toLuceneQuery } from '../../../src/domain/searchText';

describe('search text → full-text query', () => {
  it('requires every word, each exact, prefix or fuzzy', () => {
    expect(toLuceneQuery('Orient Shenyu')).toBe(
      '(orient^3 OR orient*^2 OR orient~2) AND (shenyu^3 OR shenyu*^2 OR shenyu~2)',
    );
  });

  it('allows one typo on short words and two on longer ones', () => {
    expect(toLuceneQuery('Nampo')).toContain('nampo~2');
    expect(toLuceneQuery('Kai')).toContain('kai~1');
  });

  it('never passes Lucene syntax through: operators and special characters become word breaks', () => {
    const q = toLuceneQuery('Nampo") OR *:* AND ~ {x} [y] \\ /z/');
    expect(q).not.toMatch(/\*:\*/);
    expect(searchTerms('a OR b')).toEqual(['a', 'or', 'b']);
    expect(q).not.toContain('"');
  });

  it('folds apostrophes ("Namp\'o" → nampo)', () => {
    expect(searchTerms("Namp'o")).toEqual(['nampo']);
  });

  it('rejects text with no letters or digits and text that is too long', () => {
    expect(searchTextProblem('  *** ')).toMatch(/at least one letter/);
    expect(searchTextProblem('x'.repeat(201))).toMatch(/at most 200/);
    expect(searchTextProblem('Nampo')).toBeNull();
  });
});
