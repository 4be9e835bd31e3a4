/**
 * When two records of parties name the same real thing: the rules that decide, after an official
 * list is loaded, which companies and persons are merged automatically and which pairs only become
 * candidates for an editor. Pure; the database side is db/lists/listMatch.ts.
 *
 * Identifiers come first and are not decided here: a vessel's IMO number and a company's IMO number
 * are natural keys, so a list entry carrying one lands on the entity that already holds it (the write
 * path, db/write/plan/). What is left is matching by name:
 *
 * - Two entries of the same list are never one thing (a list names each party once), and a company is
 *   never a person.
 * - A company whose normalised name (case, accents, punctuation, a bracketed acronym such as "(OMM)"
 *   and the spelling of legal forms — CO/COMPANY, LTD/LIMITED, CORP/CORPORATION … — set aside) equals
 *   another's, with no conflicting country (same country, or one of them states none), is merged
 *   automatically. A person is merged automatically only when both state the same country and the
 *   names hold the same words in any order ("KIM, Yong Chol" / "KIM YONG CHOL").
 * - Everything weaker — same name but different countries, a person whose country one side does not
 *   state, one party's name among the other's aliases, or names sharing most of their words — is a
 *   candidate, never merged silently.
 * - An automatic pair is demoted to a candidate when either side would merge with more than one party:
 *   the name alone cannot say which.
 */

export type MatchLabel = 'Company' | 'Person';

export interface MatchParty {
  id: string;
  label: MatchLabel;
  name: string;
  aliases: readonly string[];
  /** ISO alpha-2, or null when the record states none. */
  country: string | null;
  /** The sources (lists) the record cites; two records of one list are never one thing. */
  sourceIds: readonly string[];
}

export type MatchKind = 'AUTO' | 'CANDIDATE';

export interface MatchPair {
  /** The party already in the graph (kept on a merge). */
  keepId: string;
  /** The party the list brought (merged into keepId). */
  removeId: string;
  label: MatchLabel;
  kind: MatchKind;
  /** How alike the names are, 0–1. */
  score: number;
  reason: string;
}

/** Legal forms and their one spelling. */
const LEGAL_FORMS: Record<string, string> = {
  CO: 'COMPANY',
  COMPANY: 'COMPANY',
  LTD: 'LIMITED',
  LIMITED: 'LIMITED',
  CORP: 'CORPORATION',
  CORPORATION: 'CORPORATION',
  INC: 'INCORPORATED',
  INCORPORATED: 'INCORPORATED',
  LLC: 'LLC',
  PLC: 'PLC',
  JSC: 'JSC',
  SA: 'SA',
  PTE: 'PTE',
  GMBH: 'GMBH',
  GROUP: 'GROUP',
  JV: 'JOINT VENTURE',
};

/** Words that say little about which party a name means (left out of the word overlap). */
const WEAK_WORDS = new Set([
  ...Object.values(LEGAL_FORMS),
  'JOINT',
  'VENTURE',
  'THE',
  'OF',
  'AND',
  'KOREA',
  'KOREAN',
  'TRADING',
  'GENERAL',
  'SHIPPING',
  'INTERNATIONAL',
]);

/** Upper-case words of a name: accents, punctuation and bracketed parts set aside, legal forms spelled one way. */
export function nameWords(name: string): string[] {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’`ʼ]/g, '')
    .replace(/&/g, ' AND ')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  if (plain === '') return [];
  return plain
    .split(' ')
    .map((w) => LEGAL_FORMS[w] ?? w)
    .join(' ')
    .split(' ');
}

/** The normalised name two records must share to be merged automatically (words in order). */
export function normalisedName(name: string): string {
  return nameWords(name).join(' ');
}

/** A person's name with its words in any order ("KIM, Yong Chol" and "Yong Chol KIM" are one). */
export function personKey(name: string): string {
  return [...nameWords(name)].sort().join(' ');
}

function strongWords(name: string): Set<string> {
  return new Set(nameWords(name).filter((w) => !WEAK_WORDS.has(w) && w.length > 1));
}

/** Share of the distinctive words two names have in common (Jaccard), 0–1. */
export function wordOverlap(a: string, b: string): number {
  return overlapOf(strongWords(a), strongWords(b));
}

const OVERLAP_CANDIDATE = 0.75;

function key(p: MatchParty, name: string): string {
  return p.label === 'Person' ? personKey(name) : normalisedName(name);
}

/** What the comparison needs of a party, worked out once per party (a list compares thousands). */
interface Keys {
  name: string;
  aliases: string[];
  strong: Set<string>;
}
const keysCache = new WeakMap<MatchParty, Keys>();
function keysOf(p: MatchParty): Keys {
  let k = keysCache.get(p);
  if (!k) {
    k = { name: key(p, p.name), aliases: p.aliases.map((n) => key(p, n)), strong: strongWords(p.name) };
    keysCache.set(p, k);
  }
  return k;
}

function overlapOf(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

/** How `existing` and `incoming` compare: an automatic merge, a candidate, or nothing. */
export function compareParties(
  existing: MatchParty,
  incoming: MatchParty,
): Omit<MatchPair, 'kind'> & {
  kind: MatchKind | null;
} {
  const base = { keepId: existing.id, removeId: incoming.id, label: incoming.label };
  const none = { ...base, kind: null, score: 0, reason: '' };
  if (existing.label !== incoming.label || existing.id === incoming.id) return none;
  if (existing.sourceIds.some((s) => incoming.sourceIds.includes(s))) return none;
  const countryConflict = existing.country != null && incoming.country != null && existing.country !== incoming.country;
  const countryText = `${existing.country ?? 'no country'} / ${incoming.country ?? 'no country'}`;
  const ek = keysOf(existing);
  const ik = keysOf(incoming);
  const a = ek.name;
  const b = ik.name;
  if (a !== '' && a === b) {
    const sameCountry = existing.country != null && existing.country === incoming.country;
    const auto = incoming.label === 'Company' ? !countryConflict : sameCountry;
    return {
      ...base,
      kind: auto ? 'AUTO' : 'CANDIDATE',
      score: 1,
      reason: `same normalised ${incoming.label === 'Person' ? 'person name' : 'name'} "${b}" (${countryText})`,
    };
  }
  const aliasHit = (b !== '' && ek.aliases.includes(b)) || (a !== '' && ik.aliases.includes(a));
  if (aliasHit)
    return { ...base, kind: 'CANDIDATE', score: 0.9, reason: `one's name is the other's alias (${countryText})` };
  const overlap = overlapOf(ek.strong, ik.strong);
  if (overlap >= OVERLAP_CANDIDATE && !countryConflict)
    return {
      ...base,
      kind: 'CANDIDATE',
      score: Math.round(overlap * 100) / 100,
      reason: `names share ${Math.round(overlap * 100)}% of their distinctive words (${countryText})`,
    };
  return none;
}

/**
 * Every pair between the parties a list brought (`incoming`) and the others (`existing`), with
 * ambiguous automatic pairs demoted to candidates. Sorted by incoming id, then score.
 */
export function planMatches(existing: readonly MatchParty[], incoming: readonly MatchParty[]): MatchPair[] {
  // Compared only where two parties share a distinctive name word (of their names or aliases): the
  // same pairs whichever side is the list just loaded, and a list of thousands compares in a blink.
  const wordsOf = (p: MatchParty) =>
    new Set([p.name, ...p.aliases].flatMap((n) => nameWords(n)).filter((w) => !WEAK_WORDS.has(w) && w.length > 1));
  const index = new Map<string, MatchParty[]>();
  for (const p of existing)
    for (const w of wordsOf(p)) {
      const list = index.get(w) ?? [];
      list.push(p);
      index.set(w, list);
    }
  const pairs: MatchPair[] = [];
  for (const inc of incoming) {
    const seen = new Set<string>();
    for (const w of wordsOf(inc)) {
      for (const ex of index.get(w) ?? []) {
        if (seen.has(ex.id)) continue;
        seen.add(ex.id);
        const c = compareParties(ex, inc);
        if (c.kind) pairs.push({ ...c, kind: c.kind });
      }
    }
  }
  // A party that would merge automatically with two others is ambiguous: all its pairs become candidates.
  const autoCount = new Map<string, number>();
  for (const p of pairs)
    if (p.kind === 'AUTO') for (const id of [p.keepId, p.removeId]) autoCount.set(id, (autoCount.get(id) ?? 0) + 1);
  for (const p of pairs) {
    if (p.kind === 'AUTO' && ((autoCount.get(p.keepId) ?? 0) > 1 || (autoCount.get(p.removeId) ?? 0) > 1)) {
      p.kind = 'CANDIDATE';
      p.reason = `${p.reason}; more than one party has this name`;
    }
  }
  return pairs.sort((x, y) => x.removeId.localeCompare(y.removeId) || y.score - x.score);
}

/** A candidate's stable id: the same pair is the same candidate, whichever way round it was found. */
export function candidateId(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `candidate:${x}|${y}`;
}
