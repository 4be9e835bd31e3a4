/**
 * The UN Security Council Consolidated List in its own XML format (`CONSOLIDATED_LIST`, schema
 * https://www.un.org/sc/resources/sc-sanctions.xsd), read with fast-xml-parser. Pure: bytes in,
 * Collier facts out.
 *
 *   ENTITY      → company: FIRST_NAME (its name), ENTITY_ALIAS (other names, their QUALITY in the
 *                 evidence note), ENTITY_ADDRESS (address, country), COMMENTS1 (an "IMO Number:
 *                 NNNNNNN" becomes the IMO company number; the text is kept in the evidence note)
 *   INDIVIDUAL  → person: FIRST_NAME … FOURTH_NAME, INDIVIDUAL_ALIAS, NAME_ORIGINAL_SCRIPT (other
 *                 names), NATIONALITY (country), DESIGNATION (role), INDIVIDUAL_ADDRESS
 *   each        → a designation dated LISTED_ON, reference REFERENCE_NUMBER ("KPe.020"); authority
 *                 the UN 1718 Committee for the DPRK regime (KPe/KPi), "other" for the other regimes
 * `--programs` selects by UN_LIST_TYPE (default DPRK). Columns Collier has no place for (date and
 * place of birth, documents, gender, title, …) are counted as skipped.
 */
import { XMLParser } from 'fast-xml-parser';
import { isIsoDate } from '../domain/dates';
import { Authority } from '../domain/enums';
import { Fact, FactProblem } from '../domain/facts';
import {
  clip,
  countSkipped,
  emptyParse,
  listCountryCode,
  listFact,
  ListParse,
  ListParseError,
  listSource,
  sourceFact,
} from './officialList';

export const UN_DPRK_PROGRAMS = ['DPRK'] as const;
export const UN_SC_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'VALUE',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
]);

/** Elements read into facts; every other non-empty element is counted as skipped. */
const MAPPED = new Set([
  'FIRST_NAME',
  'SECOND_NAME',
  'THIRD_NAME',
  'FOURTH_NAME',
  'UN_LIST_TYPE',
  'REFERENCE_NUMBER',
  'LISTED_ON',
  'COMMENTS1',
  'NATIONALITY',
  'DESIGNATION',
  'NAME_ORIGINAL_SCRIPT',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  // Bookkeeping of the list itself, not facts about the party.
  'DATAID',
  'VERSIONNUM',
  'LIST_TYPE',
  'SORT_KEY',
  'SORT_KEY_LAST_MOD',
]);

const text = (v: unknown): string | null => {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number') {
    const t = String(v).replace(/\s+/g, ' ').trim();
    return t === '' ? null : t;
  }
  return null;
};
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v == null || v === '' ? [] : [v as Node]);
const values = (v: unknown): string[] =>
  list(v)
    .flatMap((n) => list(n.VALUE ?? []).map(text))
    .filter((s): s is string => s != null);

/** Something is stated: a non-empty text, or an element holding one. */
function stated(v: unknown): boolean {
  if (v == null) return false;
  if (typeof v === 'string' || typeof v === 'number') return text(v) != null;
  if (Array.isArray(v)) return v.some(stated);
  return Object.values(v as Node).some(stated);
}

function address(a: Node): { full: string | null; country: string | null } {
  const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE'].map((k) => text(a[k]));
  const full = parts.filter(Boolean).join(', ');
  return { full: full || null, country: text(a.COUNTRY) };
}

/** An IMO company number stated in a UN comment ("International Maritime Organization (IMO) Number: 1790183"). */
export function imoCompanyNumberIn(comment: string | null): string | undefined {
  if (!comment) return undefined;
  const m = /\bIMO\)?\s*(?:Number|No\.?)?:?\s*(\d{7})\b/i.exec(comment);
  return m ? m[1] : undefined;
}

export const unEntityId = (kind: 'company' | 'person', reference: string) =>
  `${kind}:un-${reference.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export interface UnOptions {
  /** UN_LIST_TYPE values to keep (e.g. DPRK), or 'all'. */
  programs: Set<string> | 'all';
}

export function parseUnSc(bytes: Buffer, o: UnOptions): ListParse {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => ARRAYS.has(name),
  });
  let doc: Node;
  try {
    doc = parser.parse(bytes.toString('utf8')) as Node;
  } catch (error) {
    throw new ListParseError(`not an XML file: ${(error as Error).message}`);
  }
  const root = doc.CONSOLIDATED_LIST as Node | undefined;
  if (!root) throw new ListParseError('not a UN Security Council Consolidated List (no CONSOLIDATED_LIST element)');
  const generated = text(root['@dateGenerated'])?.slice(0, 10) ?? null;
  if (!generated || !isIsoDate(generated))
    throw new ListParseError('the list carries no dateGenerated attribute: its snapshot day is unknown');
  const source = listSource(
    UN_SC_URL,
    'United Nations Security Council',
    'UN Security Council Consolidated List (XML)',
    generated,
  );
  const out = emptyParse(source);
  out.records.push({ line: 0, ref: 'source', facts: [sourceFact(source)] });
  const entries = [
    ...list((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL).map((n) => ({ n, kind: 'person' as const })),
    ...list((root.ENTITIES as Node | undefined)?.ENTITY).map((n) => ({ n, kind: 'company' as const })),
  ];
  out.rowsRead = entries.length;
  entries.forEach(({ n, kind }, i) => {
    const listType = text(n.UN_LIST_TYPE) ?? '';
    if (o.programs !== 'all' && !o.programs.has(listType.toUpperCase())) return;
    out.rowsSelected++;
    const ref = text(n.REFERENCE_NUMBER) ?? '';
    try {
      if (ref === '') throw new FactProblem('REFERENCE_NUMBER', 'the entry has no reference number');
      out.records.push({ line: i + 1, ref, facts: entryFacts(n, kind, ref, listType, out) });
    } catch (error) {
      if (error instanceof FactProblem)
        out.problems.push({ line: i + 1, reason: `${ref || 'entry'}: ${error.message}` });
      else throw error;
    }
  });
  return out;
}

function entryFacts(n: Node, kind: 'company' | 'person', ref: string, listType: string, out: ListParse): Fact[] {
  for (const [k, v] of Object.entries(n)) if (!MAPPED.has(k) && stated(v)) countSkipped(out, k);
  const id = unEntityId(kind, ref);
  const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((k) => text(n[k]))
    .filter(Boolean)
    .join(' ');
  const aliasNodes = list(n[kind === 'person' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS']);
  const aliases = aliasNodes
    .map((a) => ({ name: text(a.ALIAS_NAME), quality: text(a.QUALITY) }))
    .filter((a): a is { name: string; quality: string | null } => a.name != null);
  const original = text(n.NAME_ORIGINAL_SCRIPT);
  const addresses = list(n[kind === 'person' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS']).map(address);
  const comment = text(n.COMMENTS1);
  const nationality = values(n.NATIONALITY);
  const country =
    (kind === 'person' ? nationality.map(listCountryCode).find(Boolean) : null) ??
    addresses.map((a) => listCountryCode(a.country)).find(Boolean) ??
    null;
  if (kind === 'person' && nationality.length > 0 && !nationality.some((c) => listCountryCode(c)))
    countSkipped(out, 'NATIONALITY (unknown country)');
  const note = [
    `UN Security Council Consolidated List ${ref}`,
    aliases.length
      ? `aliases: ${aliases.map((a) => `${a.name}${a.quality ? ` (${a.quality})` : ''}`).join('; ')}`
      : null,
    comment,
  ]
    .filter(Boolean)
    .join('. ');
  const facts: Fact[] = [
    listFact(
      kind,
      {
        name: clip(name, 300),
        aliases: [...aliases.map((a) => clip(a.name, 300)!), ...(original ? [clip(original, 300)!] : [])],
        country: country ?? undefined,
        imoCompanyNumber: kind === 'company' ? imoCompanyNumberIn(comment) : undefined,
        address: clip(
          addresses
            .map((a) => a.full)
            .filter(Boolean)
            .join(' | '),
          1000,
        ),
        role: kind === 'person' ? clip(values(n.DESIGNATION).join('; '), 1000) : undefined,
        evidenceNote: clip(note, 2000),
      },
      out.source,
      id,
      {
        name: 'FIRST_NAME',
        imoCompanyNumber: 'COMMENTS1',
        address: `${kind === 'person' ? 'INDIVIDUAL' : 'ENTITY'}_ADDRESS`,
      },
    ),
  ];
  const listed = text(n.LISTED_ON)?.slice(0, 10) ?? null;
  const dprk = /^KP[ei]\./i.test(ref) || listType.toUpperCase() === 'DPRK';
  facts.push(
    listFact(
      'designation',
      {
        id: `designation:un-${ref.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        target: id,
        authority: dprk ? Authority.UN_1718_COMMITTEE : Authority.OTHER,
        measure: dprk
          ? 'listed by the UN Security Council 1718 Committee (DPRK sanctions regime)'
          : `listed by the UN Security Council (${listType} sanctions regime)`,
        status: 'IN_FORCE',
        date: listed && isIsoDate(listed) ? listed : undefined,
        reference: ref,
        evidenceNote: `UN Security Council Consolidated List ${ref}, UN_LIST_TYPE ${listType}`,
      },
      out.source,
      undefined,
      { date: 'LISTED_ON' },
    ),
  );
  return facts;
}
