/**
 * Names as screening analysts meet them, reduced to forms that can be compared: case, accents,
 * punctuation and spacing ("CHONGCHONGANG" = "Chong Chon Gang"), numbering ("No. 6" = "6", "II" =
 * "2"), company legal forms ("Co., Ltd." = "Company Limited"), and the romanisations of Korean and
 * Chinese names (Nampo / Nampho / Namp'o; Ri / Rhee / Lee for persons). Pure: no I/O.
 */
import { doubleMetaphone } from './phonetics';

/** What kind of thing a name belongs to: person surnames and legal forms are read only where they apply. */
export const ScreenKind = { VESSEL: 'VESSEL', COMPANY: 'COMPANY', PERSON: 'PERSON', PORT: 'PORT' } as const;
export type ScreenKind = (typeof ScreenKind)[keyof typeof ScreenKind];

export interface NormalName {
  /** The name as given, trimmed. */
  text: string;
  /** Lower case, no accents or punctuation, numbers canonical, legal forms abbreviated ("co", "ltd"). */
  tokens: string[];
  /** `tokens` without legal forms (unchanged when nothing else would remain). */
  core: string[];
  /** `core` joined without spaces: "chongchongang". */
  compact: string;
  /** `compact` with romanisation differences folded (aspirates, voicing, vowels, person surnames). */
  roman: string;
  /** Double Metaphone codes of the romanised compact form (primary, alternate). */
  phonetic: [string, string];
  /** The numbers in the name ("6" for "Ul Ji Bong No. 6"): ships that differ only in number are different ships. */
  numbers: string[];
}

/** Legal forms, each spelling mapped to one abbreviation. */
const LEGAL_FORM: Record<string, string> = {
  co: 'co',
  company: 'co',
  cos: 'co',
  ltd: 'ltd',
  limited: 'ltd',
  corp: 'corp',
  corporation: 'corp',
  inc: 'inc',
  incorporated: 'inc',
  llc: 'llc',
  jsc: 'jsc',
  ojsc: 'jsc',
  cjsc: 'jsc',
  pjsc: 'jsc',
  plc: 'plc',
  pte: 'pte',
  pvt: 'pte',
  private: 'pte',
  gmbh: 'gmbh',
  sa: 'sa',
  ag: 'ag',
  bv: 'bv',
  nv: 'nv',
  srl: 'srl',
  llp: 'llp',
  lp: 'lp',
  sdn: 'sdn',
  bhd: 'bhd',
  berhad: 'bhd',
  ooo: 'llc',
  oao: 'jsc',
  zao: 'jsc',
  pt: 'pt',
  tbk: 'tbk',
  sro: 'sro',
  as: 'as',
};

/** Several-word legal forms, replaced before the words are read one by one. */
const LEGAL_PHRASES: [RegExp, string][] = [
  [/\blimited liability company\b/g, 'llc'],
  [/\bjoint stock company\b/g, 'jsc'],
  [/\bpublic limited company\b/g, 'plc'],
  [/\bsendirian berhad\b/g, 'sdn bhd'],
  [/\bl l c\b/g, 'llc'],
];

const ROMAN_NUMERALS: Record<string, string> = {
  ii: '2',
  iii: '3',
  iv: '4',
  vi: '6',
  vii: '7',
  viii: '8',
  ix: '9',
  x: '10',
};

/**
 * Korean surnames as different romanisations write them (North Korea's Ri is the South's Lee or Yi).
 * Read only for persons: "Ri" in a ship's name is not a surname.
 */
const PERSON_SURNAMES: Record<string, string> = {
  ri: 'ri',
  rhee: 'ri',
  lee: 'ri',
  yi: 'ri',
  rhie: 'ri',
  li: 'ri',
  pak: 'pak',
  park: 'pak',
  bak: 'pak',
  kim: 'kim',
  gim: 'kim',
  choe: 'choe',
  choi: 'choe',
  chwe: 'choe',
  ryu: 'ryu',
  yu: 'ryu',
  yoo: 'ryu',
  ro: 'ro',
  roh: 'ro',
  no: 'ro',
  noh: 'ro',
  rim: 'rim',
  lim: 'rim',
  im: 'rim',
  jong: 'jong',
  jeong: 'jong',
  chung: 'jong',
  jung: 'jong',
  o: 'o',
  oh: 'o',
};

/** Splits a name into its variants: as written, without its bracketed parts, and a bracketed acronym alone ("… (OMM)" → "OMM"). */
export function nameVariants(text: string): string[] {
  const out = [text];
  const outside = text.replace(/\([^)]*\)/g, ' ').trim();
  if (outside !== text.trim() && outside !== '') out.push(outside);
  // an acronym in brackets is a name of its own ("(OMM)"); a place or a word in brackets is not
  for (const m of text.matchAll(/\(([^)]*)\)/g)) {
    if (/^[A-Z][A-Z0-9.&-]{1,9}$/.test(m[1].trim())) out.push(m[1].trim());
  }
  return out;
}

/** Lower case, no accents, apostrophes dropped ("Namp'o" → "nampo"), other punctuation a space, "&" "and". */
export function plainText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bb\u02bc`'"]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function numberTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // "No. 6", "Nr 6", "Number 6", "#6" → "6"
    if ((t === 'no' || t === 'nr' || t === 'number') && next != null && /^\d+$/.test(next)) continue;
    const glued = /^no(\d+)$/.exec(t);
    if (glued) {
      out.push(String(Number(glued[1])));
      continue;
    }
    if (/^\d+$/.test(t)) {
      out.push(String(Number(t)));
      continue;
    }
    // a Roman numeral after the first word ("Chong Bong II"), never the name's only word
    if (i > 0 && ROMAN_NUMERALS[t] != null) {
      out.push(ROMAN_NUMERALS[t]);
      continue;
    }
    // letters glued to digits ("Star18") are two words
    const split = /^(\p{L}+)(\d+)$/u.exec(t);
    if (split) {
      out.push(split[1], String(Number(split[2])));
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * One word with romanisation differences folded: McCune–Reischauer and Revised Romanisation of
 * Korean (p'/ph/p, k'/kh/k, t'/th/t; ŏ/eo/o, ŭ/eu/u; g/k, d/t, b/p, j/ch) and Wade–Giles against
 * pinyin (hs/x, ts/z). Crude on purpose: two names that fold to the same key are scored as a
 * transliteration variant, below an exact match, never as the same name.
 */
export function romanWord(word: string): string {
  return word
    .replace(/tch/g, 'ch')
    .replace(/ph/g, 'p')
    .replace(/th/g, 't')
    .replace(/kh/g, 'k')
    .replace(/hs/g, 'x')
    .replace(/ts|tz/g, 'z')
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/wo/g, 'o')
    .replace(/j/g, 'ch')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/(.)\1+/g, '$1');
}

/** Normal forms already computed, by kind and text: a batch compares the same candidate names again and again. */
const NORMAL_CACHE = new Map<string, NormalName>();
const NORMAL_CACHE_MAX = 50_000;

/** The comparable forms of a name (see `NormalName`); the answer is shared between callers, never change it. */
export function normalizeName(text: string, kind?: ScreenKind | null): NormalName {
  const key = `${kind ?? ''}\u0000${text}`;
  const known = NORMAL_CACHE.get(key);
  if (known !== undefined) return known;
  if (NORMAL_CACHE.size >= NORMAL_CACHE_MAX) NORMAL_CACHE.clear();
  const normal = computeNormalName(text, kind);
  NORMAL_CACHE.set(key, normal);
  return normal;
}

function computeNormalName(text: string, kind?: ScreenKind | null): NormalName {
  let plain = plainText(text);
  if (kind !== 'VESSEL' && kind !== 'PORT' && kind !== 'PERSON') {
    for (const [pattern, abbrev] of LEGAL_PHRASES) plain = plain.replace(pattern, abbrev);
  }
  const words = plain === '' ? [] : plain.split(' ');
  const numbered = numberTokens(words);
  const legal = kind === 'COMPANY' || kind == null;
  const tokens = legal ? numbered.map((t) => LEGAL_FORM[t] ?? t) : numbered;
  const isLegal = (t: string) => legal && Object.prototype.hasOwnProperty.call(LEGAL_FORM, t) && LEGAL_FORM[t] === t;
  // a legal form is only dropped after the first word: "AS Shipping" keeps its "as"
  const stripped = tokens.filter((t, i) => i === 0 || !isLegal(t));
  const core = stripped.length > 0 ? stripped : tokens;
  const compact = core.join('');
  const romanTokens = core.map((t) => (kind === 'PERSON' && PERSON_SURNAMES[t] != null ? PERSON_SURNAMES[t] : t));
  const roman = romanTokens.map(romanWord).join('');
  return {
    text: text.trim(),
    tokens,
    core,
    compact,
    roman,
    phonetic: roman === '' ? ['', ''] : doubleMetaphone(roman),
    numbers: core.filter((t) => /^\d+$/.test(t)),
  };
}
