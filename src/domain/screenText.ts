/**
 * A screening name as a full-text (Lucene) query that finds candidates, not answers: any word may
 * match (exactly, by its first four letters, or within one typo), the words run together
 * ("Chong Chon Gang" finds "CHONGCHONGANG"), and a person's surname in each of its romanisations.
 * Which candidate is right is decided by the scoring (screenScore.ts). Every term is escaped.
 */
import { escapeTerm, searchTerms } from './searchText';
import { ScreenKind } from './screenNames';

/** Words that find too much to be worth a clause on their own (legal forms, numbering, articles). */
const WEAK = new Set([
  'co',
  'ltd',
  'limited',
  'company',
  'corp',
  'corporation',
  'inc',
  'llc',
  'jsc',
  'no',
  'the',
  'and',
  'of',
]);

/** Surname spellings searched together for persons (North Korea's Ri is the South's Lee or Yi). */
const SURNAME_GROUPS = [
  ['ri', 'rhee', 'lee', 'yi', 'li'],
  ['pak', 'park', 'bak'],
  ['choe', 'choi'],
  ['ryu', 'yu', 'yoo'],
  ['ro', 'roh', 'noh'],
  ['rim', 'lim', 'im'],
  ['jong', 'jeong', 'chung', 'jung'],
];

function clause(term: string): string {
  const t = escapeTerm(term);
  if (term.length <= 2) return `${t}^2`;
  // one edit, not two: Lucene builds an automaton per fuzzy term, and at two edits that costs ~10×
  // (measured: 100 queries of three words, 2.1 s against 0.19 s); a prefix catches the later typos
  const parts = [`${t}^3`, `${t}~1`];
  if (term.length >= 6) parts.push(`${escapeTerm(term.slice(0, 4))}*`);
  return parts.join(' OR ');
}

/** The Lucene query for a name, or null when it has no word to search. */
export function screenLuceneQuery(name: string, kind: ScreenKind | null): string | null {
  const all = searchTerms(name);
  const strong = all.filter((t) => !WEAK.has(t));
  const terms = strong.length > 0 ? strong : all;
  if (terms.length === 0) return null;
  const clauses = new Set<string>();
  for (const t of terms) {
    clauses.add(clause(t));
    const group = kind === 'PERSON' ? SURNAME_GROUPS.find((g) => g.includes(t)) : undefined;
    for (const s of group ?? []) clauses.add(`${escapeTerm(s)}^2`);
  }
  const joined = terms.join('');
  if (terms.length > 1 && joined.length <= 30) clauses.add(`${escapeTerm(joined)}~1`);
  return [...clauses].map((c) => `(${c})`).join(' OR ');
}
