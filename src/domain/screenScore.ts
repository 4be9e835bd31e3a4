/**
 * How well one entity of the graph answers one screening query, and why. Identifiers win and never
 * cross kinds (a ship's IMO number is compared with ships only); names are compared after
 * normalisation (screenNames.ts) from the strictest reading down to the loosest; flag, country,
 * owner and birth date nudge the score. Every step that counted is listed as a feature. Pure.
 */
import { distance } from 'fastest-levenshtein';
import { NormalName, normalizeName, nameVariants, ScreenKind } from './screenNames';
import { CheckedQuery } from './screenQuery';

/** How a field matched (or contradicted), each with what it means (the GraphQL enum's descriptions). */
export const SCREEN_MATCH_MEANING = {
  IDENTIFIER_EXACT: "The identifier (ship IMO number, IMO company number, MMSI) is the entity's own.",
  IDENTIFIER_FALSE_CLAIM: 'The IMO number is one the entity claimed falsely (a spoofed or forged identity).',
  IDENTIFIER_CONTRADICTS:
    'The entity has a different valid identifier of the same kind: probably another ship or company.',
  NAME_EXACT: 'The name is the same, letter for letter (case aside).',
  NAME_NORMALISED:
    'The name is the same after folding case, accents, punctuation, spacing and numbering ("No. 6" = "6").',
  NAME_LEGAL_FORM: 'The name is the same once legal forms are set aside ("Co., Ltd." = "Company Limited" = none).',
  NAME_TRANSLITERATION:
    "The name is another romanisation of the same name (Nampo / Nampho / Namp'o; Ri / Rhee / Lee for persons).",
  NAME_PHONETIC: 'The names sound alike (Double Metaphone) and are spelled alike.',
  NAME_FUZZY: 'The names are spelled alike (edit distance); the score says how much.',
  NUMBER_MISMATCH: 'The names differ in their numbers (Hao Fan 6 / Hao Fan 2): usually different ships.',
  FLAG_MATCH: 'The vessel flies, or has claimed, the flag asked for.',
  FLAG_MISMATCH: 'The vessel has never been recorded under the flag asked for.',
  COUNTRY_MATCH: 'The company, person or port is in the country asked for.',
  COUNTRY_MISMATCH: 'The company, person or port is recorded in another country.',
  OWNER_MATCH: "One of the vessel's owners, managers or operators has the owner's name asked for.",
  CALL_SIGN_MATCH: "The call sign is the vessel's own or one it claimed.",
  BIRTH_DATE_MATCH: "The person's recorded birth date agrees with the one asked for.",
  BIRTH_DATE_MISMATCH: "The person's recorded birth date differs from the one asked for.",
} as const;
export type ScreenMatch = keyof typeof SCREEN_MATCH_MEANING;
export const ScreenMatch = Object.fromEntries(Object.keys(SCREEN_MATCH_MEANING).map((k) => [k, k])) as {
  [K in ScreenMatch]: K;
};

/**
 * The weights, in one table (docs/screening.md prints it). Name matches give the base score;
 * identifiers set it; the rest multiply it (factors below 1) or add to it.
 */
export const SCREEN_WEIGHTS = {
  /** An IMO number (ship's or company's) or an MMSI equal to the entity's own. */
  imoExact: 1.0,
  mmsiExact: 0.95,
  /** The IMO number is one the entity claimed falsely (a spoofed or forged identity). */
  imoFalseClaim: 0.9,
  nameExact: 1.0,
  nameNormalised: 0.97,
  nameSpacing: 0.95,
  nameLegalForm: 0.93,
  nameTransliteration: 0.9,
  /** Phonetic codes equal: this plus phoneticSpread × the edit similarity. */
  namePhonetic: 0.75,
  phoneticSpread: 0.15,
  /** Fuzzy: this × the edit similarity (so a fuzzy match reaches 0.7 only at a similarity of 0.82). */
  nameFuzzy: 0.85,
  /** A former name, or a name the entity claimed falsely, counts a little less than its own names. */
  formerName: 0.97,
  falseIdentity: 0.95,
  /** Factors. */
  identifierContradicts: 0.6,
  mmsiContradicts: 0.9,
  numberMismatch: 0.5,
  numberMissing: 0.75,
  /** Additions. */
  flagMatch: 0.03,
  flagMismatch: -0.05,
  countryMatch: 0.03,
  countryMismatch: -0.08,
  ownerMatch: 0.05,
  callSignMatch: 0.05,
  birthDateMatch: 0.05,
  birthDateMismatch: -0.15,
  /** Without a matching identifier a score stays below this. */
  nameOnlyCap: 0.99,
} as const;

export type NameOrigin = 'NAME' | 'ALIAS' | 'FORMER_NAME' | 'FALSE_IDENTITY';

/** What the graph knows of one candidate, as db/read/screen.ts reads it. */
export interface ScreenSubject {
  id: string;
  kind: ScreenKind;
  names: { name: string; origin: NameOrigin }[];
  /** Ship IMO numbers: its own and those of its identity claims (`false` when the claim was false). */
  imos: { value: string; falseClaim: boolean }[];
  companyImo: string | null;
  mmsis: string[];
  callSigns: string[];
  flags: string[];
  country: string | null;
  owners: string[];
  birthDate: string | null;
}

export interface ScreenFeature {
  field: string;
  match: ScreenMatch;
  /** What it did to the score: the base it set, a factor (×) or an addition (+). */
  effect: string;
  /** The entity's value that matched or contradicted. */
  value: string | null;
}

export interface ScreenScore {
  score: number;
  matchedName: string | null;
  features: ScreenFeature[];
}

const ORIGIN_FACTOR: Record<NameOrigin, number> = {
  NAME: 1,
  ALIAS: 1,
  FORMER_NAME: SCREEN_WEIGHTS.formerName,
  FALSE_IDENTITY: SCREEN_WEIGHTS.falseIdentity,
};

/** 1 − edit distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** Each word's best partner on the other side, averaged by length, both ways: word order and extra words count. */
function tokenSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const oneWay = (x: string[], y: string[]) => {
    let total = 0;
    let weight = 0;
    for (const t of x) {
      const best = Math.max(...y.map((u) => editSimilarity(t, u)));
      total += best * t.length;
      weight += t.length;
    }
    return total / weight;
  };
  return (oneWay(a, b) + oneWay(b, a)) / 2;
}

function sameNumbers(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((n) => b.includes(n));
}

/** How alike two names are, from the strictest reading down: the score and the kind of match. */
export interface NameComparison {
  score: number;
  match: ScreenMatch;
  note?: string;
  /** The names carry different numbers, or only one of them a number. */
  numbers?: 'DIFFER' | 'ONE_SIDED';
}

export function compareNames(q: NormalName, c: NormalName): NameComparison {
  const w = SCREEN_WEIGHTS;
  if (q.text.toLowerCase() === c.text.toLowerCase()) return { score: w.nameExact, match: 'NAME_EXACT' };
  if (q.tokens.length > 0 && q.tokens.join(' ') === c.tokens.join(' ')) {
    return { score: w.nameNormalised, match: 'NAME_NORMALISED' };
  }
  if (q.core.length > 0 && q.core.join(' ') === c.core.join(' ')) {
    return { score: w.nameLegalForm, match: 'NAME_LEGAL_FORM', note: 'legal forms ignored' };
  }
  if (q.compact !== '' && q.compact === c.compact) {
    return { score: w.nameSpacing, match: 'NAME_NORMALISED', note: 'spacing ignored' };
  }
  if (q.roman !== '' && q.roman === c.roman) {
    return { score: w.nameTransliteration, match: 'NAME_TRANSLITERATION' };
  }
  const similarity = Math.max(editSimilarity(q.roman, c.roman), tokenSimilarity(q.core, c.core));
  const phonetic =
    q.phonetic[0].length >= 2 &&
    (q.phonetic[0] === c.phonetic[0] || q.phonetic[0] === c.phonetic[1] || q.phonetic[1] === c.phonetic[0]);
  const result: NameComparison =
    phonetic && similarity >= 0.5
      ? { score: w.namePhonetic + w.phoneticSpread * similarity, match: 'NAME_PHONETIC' }
      : { score: w.nameFuzzy * similarity, match: 'NAME_FUZZY' };
  if (!sameNumbers(q.numbers, c.numbers)) {
    const oneSided = q.numbers.length === 0 || c.numbers.length === 0;
    result.score *= oneSided ? w.numberMissing : w.numberMismatch;
    result.numbers = oneSided ? 'ONE_SIDED' : 'DIFFER';
    result.note = oneSided
      ? 'a number on one side only'
      : `numbers differ (${q.numbers.join(' ')} / ${c.numbers.join(' ')})`;
  }
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Per-kind normalised forms of a query's names (a query without a kind is read as each candidate's kind). */
export class QueryNames {
  private readonly byKind = new Map<ScreenKind, NormalName[]>();
  constructor(
    private readonly name: string | null,
    private readonly kind: ScreenKind | null,
  ) {}

  for(kind: ScreenKind): NormalName[] {
    const k = this.kind ?? kind;
    let names = this.byKind.get(k);
    if (!names) {
      names = this.name == null ? [] : nameVariants(this.name).map((n) => normalizeName(n, k));
      this.byKind.set(k, names);
    }
    return names;
  }
}

/** Best name match of the query against any of the subject's names. */
function bestName(
  queryNames: NormalName[],
  subject: ScreenSubject,
): (NameComparison & { name: string; origin: NameOrigin }) | null {
  let best: ReturnType<typeof bestName> = null;
  for (const n of subject.names) {
    for (const variant of nameVariants(n.name)) {
      const c = normalizeName(variant, subject.kind);
      for (const q of queryNames) {
        const r = compareNames(q, c);
        const score = r.score * ORIGIN_FACTOR[n.origin];
        if (best == null || score > best.score) best = { ...r, score, name: n.name, origin: n.origin };
      }
    }
  }
  return best;
}

const ORIGIN_NOTE: Record<NameOrigin, string | null> = {
  NAME: null,
  ALIAS: 'alias',
  FORMER_NAME: 'former name',
  FALSE_IDENTITY: 'false identity',
};

export function scoreSubject(query: CheckedQuery, names: QueryNames, subject: ScreenSubject): ScreenScore {
  const w = SCREEN_WEIGHTS;
  const features: ScreenFeature[] = [];
  let identifier = 0;
  let factor = 1;
  let added = 0;
  const isVessel = subject.kind === 'VESSEL';

  // identifiers: a ship's IMO number only against ships, a company number only against companies
  if (query.imo != null && isVessel && subject.imos.length > 0) {
    const own = subject.imos.find((i) => i.value === query.imo && !i.falseClaim);
    const claimed = subject.imos.find((i) => i.value === query.imo && i.falseClaim);
    if (own) {
      identifier = w.imoExact;
      features.push({ field: 'imo', match: 'IDENTIFIER_EXACT', effect: `= ${w.imoExact}`, value: own.value });
    } else if (claimed) {
      identifier = w.imoFalseClaim;
      features.push({
        field: 'imo',
        match: 'IDENTIFIER_FALSE_CLAIM',
        effect: `= ${w.imoFalseClaim}`,
        value: claimed.value,
      });
    } else if (subject.imos.some((i) => !i.falseClaim)) {
      factor *= w.identifierContradicts;
      const theirs = subject.imos.filter((i) => !i.falseClaim).map((i) => i.value);
      features.push({
        field: 'imo',
        match: 'IDENTIFIER_CONTRADICTS',
        effect: `× ${w.identifierContradicts}`,
        value: [...new Set(theirs)].join(', '),
      });
    }
  }
  if (query.companyImo != null && subject.kind === 'COMPANY' && subject.companyImo != null) {
    if (subject.companyImo === query.companyImo) {
      identifier = w.imoExact;
      features.push({ field: 'imo', match: 'IDENTIFIER_EXACT', effect: `= ${w.imoExact}`, value: subject.companyImo });
    } else {
      factor *= w.identifierContradicts;
      features.push({
        field: 'imo',
        match: 'IDENTIFIER_CONTRADICTS',
        effect: `× ${w.identifierContradicts}`,
        value: subject.companyImo,
      });
    }
  }
  if (query.mmsi != null && isVessel && subject.mmsis.length > 0) {
    if (subject.mmsis.includes(query.mmsi)) {
      identifier = Math.max(identifier, w.mmsiExact);
      features.push({ field: 'mmsi', match: 'IDENTIFIER_EXACT', effect: `= ${w.mmsiExact}`, value: query.mmsi });
    } else {
      factor *= w.mmsiContradicts;
      features.push({
        field: 'mmsi',
        match: 'IDENTIFIER_CONTRADICTS',
        effect: `× ${w.mmsiContradicts}`,
        value: subject.mmsis.join(', '),
      });
    }
  }
  if (query.callSign != null && isVessel && subject.callSigns.includes(query.callSign)) {
    added += w.callSignMatch;
    features.push({
      field: 'callSign',
      match: 'CALL_SIGN_MATCH',
      effect: `+ ${w.callSignMatch}`,
      value: query.callSign,
    });
  }

  // names
  let nameScore = 0;
  let matchedName: string | null = null;
  const best = bestName(names.for(subject.kind), subject);
  if (best != null && best.score > 0) {
    nameScore = best.score;
    matchedName = best.name;
    const note = [ORIGIN_NOTE[best.origin], best.note].filter((x) => x != null).join('; ');
    features.push({
      field: 'name',
      match: best.match,
      effect: `= ${round(best.score)}`,
      value: note === '' ? best.name : `${best.name} (${note})`,
    });
    if (best.numbers != null) {
      const f = best.numbers === 'DIFFER' ? w.numberMismatch : w.numberMissing;
      features.push({
        field: 'name',
        match: 'NUMBER_MISMATCH',
        effect: `× ${f} (in the name score)`,
        value: best.name,
      });
    }
  }

  // attributes
  if (query.flag != null && isVessel && subject.flags.length > 0) {
    const hit = subject.flags.includes(query.flag);
    added += hit ? w.flagMatch : w.flagMismatch;
    features.push({
      field: 'flag',
      match: hit ? 'FLAG_MATCH' : 'FLAG_MISMATCH',
      effect: `${hit ? '+' : '−'} ${Math.abs(hit ? w.flagMatch : w.flagMismatch)}`,
      value: subject.flags.join(', '),
    });
  }
  if (query.country != null && !isVessel && subject.country != null) {
    const hit = subject.country === query.country;
    added += hit ? w.countryMatch : w.countryMismatch;
    features.push({
      field: 'country',
      match: hit ? 'COUNTRY_MATCH' : 'COUNTRY_MISMATCH',
      effect: `${hit ? '+' : '−'} ${Math.abs(hit ? w.countryMatch : w.countryMismatch)}`,
      value: subject.country,
    });
  }
  if (query.owner != null && subject.owners.length > 0) {
    const ownerQuery = normalizeName(query.owner, 'COMPANY');
    const owner = subject.owners.find((o) => compareNames(ownerQuery, normalizeName(o, 'COMPANY')).score >= 0.8);
    if (owner) {
      added += w.ownerMatch;
      features.push({ field: 'owner', match: 'OWNER_MATCH', effect: `+ ${w.ownerMatch}`, value: owner });
    }
  }
  if (query.birthDate != null && subject.kind === 'PERSON' && subject.birthDate != null) {
    const a = query.birthDate;
    const b = subject.birthDate;
    const common = Math.min(a.length, b.length);
    const hit = a.slice(0, common) === b.slice(0, common);
    added += hit ? w.birthDateMatch : w.birthDateMismatch;
    features.push({
      field: 'birthDate',
      match: hit ? 'BIRTH_DATE_MATCH' : 'BIRTH_DATE_MISMATCH',
      effect: `${hit ? '+' : '−'} ${Math.abs(hit ? w.birthDateMatch : w.birthDateMismatch)}`,
      value: b,
    });
  }

  let score: number;
  if (identifier >= w.imoExact) score = w.imoExact;
  else {
    const base = Math.max(identifier, nameScore);
    score = base === 0 ? 0 : Math.min(w.nameOnlyCap, Math.max(0, base * factor + added));
  }
  return { score: round(score), matchedName, features };
}

/** The candidates at or over the threshold, best first (ties by id, so answers are stable), at most `limit`. */
export function rankCandidates<T extends { score: number; id: string }>(
  scored: T[],
  threshold: number,
  limit: number,
): T[] {
  return scored
    .filter((s) => s.score > 0 && s.score >= threshold)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
