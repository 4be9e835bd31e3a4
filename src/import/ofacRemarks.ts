/**
 * The Remarks cell of OFAC's sdn.csv: `;`-separated phrases ("Vessel Registration Identification IMO
 * 8914934", "a.k.a. 'KOMID'", "Linked To: …", "DOB 1960"). Which phrases Collier maps (ofacSdn.ts reads
 * them into facts) and the label the others are reported under. Pure.
 */

/** Remarks phrases Collier maps; anything else is counted as skipped under its label. */
export const MAPPED_PHRASES: { re: RegExp; key: string }[] = [
  { re: /^Vessel Registration Identification IMO\s+(\S+)$/i, key: 'imo' },
  { re: /^MMSI\s+(\S+)$/i, key: 'mmsi' },
  { re: /^a\.k\.a\.?\s+'(.+)'$/i, key: 'aka' },
  { re: /^n\.k\.a\.?\s+'(.+)'$/i, key: 'aka' },
  { re: /^f\.k\.a\.?\s+'(.+)'$/i, key: 'fka' },
  { re: /^Linked To:\s*(.+)$/i, key: 'linked' },
  { re: /^(?:Identification Number|Company Number) IMO\s+(\S+)$/i, key: 'companyImo' },
  { re: /^nationality\s+(.+)$/i, key: 'nationality' },
  { re: /^Vessel Year of Build\s+(\d{4})$/i, key: 'buildYear' },
  { re: /^Former Vessel Flag\s+(.+)$/i, key: 'formerFlag' },
  { re: /^(Secondary sanctions risk:.+)$/i, key: 'measure' },
  {
    re: /^(Transactions Prohibited For Persons Owned or Controlled By U\.S\. Financial Institutions:.+)$/i,
    key: 'measure',
  },
  { re: /^(Additional Sanctions Information -.+)$/i, key: 'measure' },
];

/** Labels of Remarks phrases Collier has no place for, longest first ("alt." set aside). */
const KNOWN_LABELS = [
  'Digital Currency Address',
  'Email Address',
  'Registration Number',
  'Organization Established Date',
  'Organization Type',
  'Target Type',
  'Tax ID No.',
  'National ID No.',
  'Passport',
  'Gender',
  'Website',
  'DOB',
  'POB',
  'Citizen',
  'PHONE',
  'Phone Number',
  'Aircraft Manufacture Date',
  'Aircraft Model',
  'Aircraft Operator',
  'Aircraft Manufacturer',
  'Aircraft Construction Number',
  'Aircraft Mode S Transponder Code',
  'Aircraft Tail Number',
  'Previous Aircraft Tail Number',
  'Unified Social Credit Code',
  'Business Registration Number',
  'Nationality of Registration',
  'Other Vessel Flag',
  'Other Vessel Call Sign',
  'Other Vessel Type',
  'Vessel Type',
  'SWIFT/BIC',
  'Identification Number',
  'Title',
  'Executive Order 13846 information',
  'Executive Order 13662 Directive Determination',
  'IFCA Determination',
  'Company Number',
];

/** The label a Remarks phrase is counted under when Collier has no place for it. */
export function remarkLabel(phrase: string): string {
  const p = phrase.replace(/^alt\.\s+/i, '');
  const hit = KNOWN_LABELS.filter((l) => p.toLowerCase().startsWith(l.toLowerCase())).sort(
    (a, b) => b.length - a.length,
  )[0];
  return hit ?? 'free text';
}

/** Remarks split into phrases at "; " outside quotes, each without its final full stop. */
export function remarkPhrases(remarks: string | null): string[] {
  if (!remarks) return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < remarks.length; i++) {
    const c = remarks[i];
    if (c === "'" && (quoted || cur.trim() === '' || /\s$/.test(cur))) quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((p) => p.trim().replace(/\.$/, '').trim()).filter(Boolean);
}
