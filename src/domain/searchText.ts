/**
 * Turns what a person types into a full-text (Lucene) query: every word must match, each either
 * exactly, as a prefix, or within one or two typos ("Nampo" finds "Nampho"). Lucene's operators and
 * special characters in the input are escaped, so the text is only ever searched for, never parsed.
 */

export const MAX_SEARCH_TEXT = 200;
const MAX_TERMS = 8;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function searchTextProblem(text: string): string | null {
  if (text.length > MAX_SEARCH_TEXT) return `must be at most ${MAX_SEARCH_TEXT} characters (got ${text.length})`;
  if (searchTerms(text).length === 0) return 'must contain at least one letter or digit';
  return null;
}

export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .map((t) => t.replace(/'/g, ''))
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
}

export function escapeTerm(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

export function toLuceneQuery(text: string): string {
  const clauses = searchTerms(text).map((raw) => {
    const t = escapeTerm(raw);
    if (raw.length <= 2) return `(${t} OR ${t}*)`;
    const edits = raw.length <= 4 ? 1 : 2;
    return `(${t}^3 OR ${t}*^2 OR ${t}~${edits})`;
  });
  return clauses.join(' AND ');
}
