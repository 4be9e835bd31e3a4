/**
 * The OFAC Specially Designated Nationals list in its own `sdn.csv` format (Latin-1, no header, twelve
 * columns, "-0-" for empty): ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
 * Tonnage, GRT, Vess_flag, Vess_owner, Remarks. Pure: bytes in, Collier facts out.
 *
 *   SDN_Type vessel     → vessel (IMO from Remarks, check digit verified; MMSI; call sign; type; flag;
 *                         Tonnage and GRT as gross tonnage, the column named in the figure's text)
 *   SDN_Type individual → person (Title → role; nationality → country)
 *   SDN_Type -0-        → company (IMO company number from Remarks)
 *   SDN_Type aircraft   → nothing: Collier has no aircraft (the row is reported, by column)
 *   Program "A] [B"     → one designation per programme, authority OFAC, "listed as of" the snapshot
 *   a.k.a. / n.k.a.     → other names; f.k.a. (a former name) → a FORMER_NAME identity claim of a vessel,
 *                         another name of a company or person
 *   Linked To: NAME     → an ASSOCIATED_WITH relation between the two listed parties, OFAC its source
 * Every fact cites the list snapshot's Source and names the row's ent_num. What a row states that
 * Collier has no place for (DOB, passport, Vess_owner, …) is counted by column or Remarks phrase.
 */
import { parse } from 'csv-parse/sync';
import { isValidImo, isValidMmsi, normalizeImo } from '../domain/identifiers';
import { Authority, DatePrecision, IdentityKind, RelationType } from '../domain/enums';
import { Fact, FactProblem } from '../domain/facts';
import { MAPPED_PHRASES, remarkLabel, remarkPhrases } from './ofacRemarks';
import { tonnageQuantity } from './ftmLinks';
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

export const OFAC_DPRK_PROGRAMS = ['DPRK', 'DPRK2', 'DPRK3', 'DPRK4', 'DPRK-NKSPEA'] as const;
export const OFAC_SDN_URL = 'https://www.treasury.gov/ofac/downloads/sdn.csv';

const COLUMNS = [
  'ent_num',
  'SDN_Name',
  'SDN_Type',
  'Program',
  'Title',
  'Call_Sign',
  'Vess_type',
  'Tonnage',
  'GRT',
  'Vess_flag',
  'Vess_owner',
  'Remarks',
] as const;

interface Row {
  line: number;
  ent: string;
  name: string;
  type: string | null;
  programs: string[];
  cells: Record<(typeof COLUMNS)[number], string | null>;
}

const empty = (v: string | undefined): string | null => {
  const t = (v ?? '').trim();
  return t === '' || t === '-0-' ? null : t;
};

function readRows(bytes: Buffer): Row[] {
  const text = bytes.toString('latin1');
  let cells: string[][];
  try {
    cells = parse(text, { relax_column_count: true, skip_empty_lines: true, relax_quotes: true, trim: false });
  } catch (error) {
    throw new ListParseError(`not an OFAC sdn.csv file: ${(error as Error).message}`);
  }
  const rows: Row[] = [];
  cells.forEach((c, i) => {
    // The publisher ends the file with one SUB (0x1A) character on a line of its own.
    if (c.length === 1 && c[0].replace(String.fromCharCode(0x1a), '').trim() === '') return;
    const named = Object.fromEntries(COLUMNS.map((k, j) => [k, empty(c[j])])) as Row['cells'];
    rows.push({
      line: i + 1,
      ent: named.ent_num ?? '',
      name: named.SDN_Name ?? '',
      type: named.SDN_Type?.toLowerCase() ?? null,
      programs: (named.Program ?? '')
        .split(/\]\s*\[/)
        .map((p) => p.replace(/[[\]]/g, '').trim())
        .filter(Boolean),
      cells: c.length === COLUMNS.length ? named : { ...named, Remarks: null },
    });
    if (c.length !== COLUMNS.length) rows[rows.length - 1].ent = '';
  });
  return rows;
}

const kindOf = (type: string | null) =>
  type === 'vessel' ? 'vessel' : type === 'individual' ? 'person' : type == null ? 'company' : null;

export const ofacEntityId = (kind: 'vessel' | 'company' | 'person', ent: string) => `${kind}:ofac-${ent}`;

export interface OfacOptions {
  /** Programmes to keep, or 'all'. */
  programs: Set<string> | 'all';
  /** The day the file was published (YYYY-MM-DD). */
  snapshot: string;
}

/** Parses a whole sdn.csv into list records (facts per row), with what was skipped and refused. */
export function parseOfacSdn(bytes: Buffer, o: OfacOptions): ListParse {
  const source = listSource(
    OFAC_SDN_URL,
    'U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)',
    'OFAC Specially Designated Nationals and Blocked Persons list (sdn.csv)',
    o.snapshot,
  );
  const out = emptyParse(source);
  const rows = readRows(bytes);
  out.rowsRead = rows.length;
  const selected = rows.filter(
    (r) => o.programs === 'all' || r.programs.some((p) => (o.programs as Set<string>).has(p)),
  );
  out.rowsSelected = selected.length;
  // "Linked To" names a party by its SDN name: the ids of the parties this run writes, by name.
  const written = new Map<string, { id: string; kind: 'vessel' | 'company' | 'person' }>();
  for (const r of selected) {
    const kind = kindOf(r.type);
    if (kind && /^\d+$/.test(r.ent)) written.set(r.name.toUpperCase(), { id: ofacEntityId(kind, r.ent), kind });
  }
  const inFile = new Set(rows.map((r) => r.name.toUpperCase()));
  out.records.push({ line: 0, ref: 'source', facts: [sourceFact(source)] });

  for (const r of selected) {
    if (!/^\d+$/.test(r.ent) || r.name === '') {
      out.problems.push({ line: r.line, reason: 'not a row of twelve columns with an ent_num and a name' });
      continue;
    }
    const kind = kindOf(r.type);
    if (kind == null) {
      countSkipped(out, `SDN_Type ${r.type ?? ''} (row)`);
      continue;
    }
    try {
      out.records.push({ line: r.line, ref: r.ent, facts: rowFacts(r, kind, o, out, written, inFile) });
    } catch (error) {
      if (error instanceof FactProblem)
        out.problems.push({ line: r.line, reason: `ent_num ${r.ent}: ${error.message}` });
      else throw error;
    }
  }
  return out;
}

function rowFacts(
  r: Row,
  kind: 'vessel' | 'company' | 'person',
  o: OfacOptions,
  out: ListParse,
  written: Map<string, { id: string; kind: 'vessel' | 'company' | 'person' }>,
  inFile: Set<string>,
): Fact[] {
  const src = out.source;
  const note = `OFAC SDN ent_num ${r.ent}`;
  const id = ofacEntityId(kind, r.ent);
  const said: Record<string, string[]> = {};
  for (const phrase of remarkPhrases(r.cells.Remarks)) {
    const hit = MAPPED_PHRASES.map((m) => ({ m, x: m.re.exec(phrase) })).find((h) => h.x);
    if (hit) (said[hit.m.key] ??= []).push(hit.x![1].trim());
    else countSkipped(out, `Remarks: ${remarkLabel(phrase)}`);
  }
  for (const col of ['Tonnage', 'GRT'] as const) if (r.cells[col] && kind !== 'vessel') countSkipped(out, col);
  if (r.cells.Vess_owner) countSkipped(out, 'Vess_owner');
  const facts: Fact[] = [];
  const names = [...new Set(said.aka ?? [])].map((n) => clip(n, 300)!);

  if (kind === 'vessel') {
    let imo: string | undefined;
    for (const raw of said.imo ?? []) {
      const digits = normalizeImo(raw);
      if (isValidImo(digits)) imo ??= digits;
      else {
        out.notStored.push({
          line: r.line,
          reason: `ent_num ${r.ent}: Remarks: IMO "${raw}" fails its check digit; the vessel is loaded without it`,
        });
        countSkipped(out, 'Remarks: IMO failing its check digit');
      }
    }
    const mmsi = (said.mmsi ?? []).find((m) => isValidMmsi(m));
    for (const m of (said.mmsi ?? []).filter((x) => x !== mmsi)) {
      out.notStored.push({
        line: r.line,
        reason: `ent_num ${r.ent}: Remarks: MMSI "${m}" is not a ship MMSI; not stored`,
      });
      countSkipped(out, 'Remarks: MMSI not a ship MMSI');
    }
    const flag = listCountryCode(r.cells.Vess_flag);
    // Tonnage and GRT as the FtM adapter keeps FtM's `tonnage` and `grossRegisteredTonnage` (OpenSanctions maps
    // the two columns to them): gross tonnage, the column and the figure as published in the text; the list
    // does not say which tonnage its Tonnage column is, and the text says so. Not a number: reported.
    const label = { Tonnage: 'OFAC Tonnage (which tonnage the list does not say)', GRT: 'OFAC GRT' };
    const grossTonnage = (['Tonnage', 'GRT'] as const).flatMap((col) => {
      const v = r.cells[col];
      const q = v ? tonnageQuantity(v, 'GT', label[col]) : null;
      if (v && !q) countSkipped(out, `${col} (not a number)`);
      return q ? [q] : [];
    });
    facts.push(
      listFact(
        'vessel',
        {
          name: r.name,
          imo,
          mmsi,
          callSign: clip(r.cells.Call_Sign, 20),
          vesselType: clip(r.cells.Vess_type, 100),
          buildYear: said.buildYear ? Number(said.buildYear[0]) : undefined,
          flag: flag ?? undefined,
          flagText: flag ? undefined : clip(r.cells.Vess_flag, 300),
          grossTonnage: grossTonnage.length ? grossTonnage : undefined,
          otherNames: names,
          evidenceNote: note,
        },
        src,
        id,
        { flag: 'Vess_flag', callSign: 'Call_Sign', name: 'SDN_Name' },
      ),
    );
    const vesselRef = imo ? `imo:${imo}` : id;
    for (const former of said.fka ?? [])
      facts.push(
        listFact(
          'identityClaim',
          {
            vessel: vesselRef,
            kind: IdentityKind.FORMER_NAME,
            name: clip(former, 300),
            period: {
              to: o.snapshot,
              precision: DatePrecision.OPEN,
              text: `former name (f.k.a.), before ${o.snapshot}`,
            },
            evidenceNote: note,
          },
          src,
        ),
      );
    for (const f of said.formerFlag ?? []) {
      const code = listCountryCode(f);
      facts.push(
        listFact(
          'identityClaim',
          {
            vessel: vesselRef,
            kind: IdentityKind.REGISTRATION,
            flag: code ?? undefined,
            flagText: code ? undefined : clip(f, 300),
            period: { to: o.snapshot, precision: DatePrecision.OPEN, text: `former flag, before ${o.snapshot}` },
            evidenceNote: note,
          },
          src,
        ),
      );
    }
  } else {
    const country = (said.nationality ?? []).map(listCountryCode).find((c) => c != null);
    for (const n of said.nationality ?? [])
      if (!listCountryCode(n)) countSkipped(out, 'Remarks: nationality (unknown country)');
    const companyImos = kind === 'company' ? (said.companyImo ?? []).map(normalizeImo) : [];
    for (const bad of companyImos.filter((n) => !/^\d{7}$/.test(n))) {
      out.notStored.push({
        line: r.line,
        reason: `ent_num ${r.ent}: Remarks: IMO company number "${bad}" is not seven digits; the party is loaded without it`,
      });
      countSkipped(out, 'Remarks: IMO company number not seven digits');
    }
    if (kind === 'person')
      for (const _ of said.companyImo ?? []) countSkipped(out, 'Remarks: Identification Number IMO (person)');
    facts.push(
      listFact(
        kind,
        {
          name: r.name,
          aliases: [...names, ...(said.fka ?? []).map((n) => clip(n, 300)!)],
          country: country ?? undefined,
          imoCompanyNumber: companyImos.find((n) => /^\d{7}$/.test(n)),
          role: clip(r.cells.Title, 1000),
          evidenceNote: said.fka?.length ? `${note}; formerly known as ${said.fka.join(', ')}` : note,
        },
        src,
        id,
        { name: 'SDN_Name', imoCompanyNumber: 'Remarks: Identification Number IMO', role: 'Title' },
      ),
    );
  }
  if (kind !== 'vessel' && r.cells.Call_Sign) countSkipped(out, 'Call_Sign');
  if (kind !== 'vessel' && r.cells.Vess_type) countSkipped(out, 'Vess_type');
  if (kind !== 'vessel' && r.cells.Vess_flag) countSkipped(out, 'Vess_flag');

  const measure = ['blocked: Specially Designated National', ...(said.measure ?? [])].join('; ');
  for (const program of r.programs) {
    facts.push(
      listFact(
        'designation',
        {
          id: `designation:ofac-${r.ent}-${program.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
          target: id,
          authority: Authority.US_OFAC,
          measure: clip(`${measure} (programme ${program})`, 1000),
          status: 'IN_FORCE',
          date: {
            to: o.snapshot,
            precision: DatePrecision.OPEN,
            text: `listed as of ${o.snapshot} (the list gives no designation date)`,
          },
          reference: `OFAC SDN ent_num ${r.ent}, programme ${program}`,
          evidenceNote: note,
        },
        src,
      ),
    );
  }

  for (const linkedName of said.linked ?? []) {
    const other = written.get(linkedName.toUpperCase());
    if (!other) {
      countSkipped(
        out,
        inFile.has(linkedName.toUpperCase())
          ? 'Remarks: Linked To (a party outside the selected programmes)'
          : 'Remarks: Linked To (a party not in the list)',
      );
      continue;
    }
    // Relations run from a company or person to a vessel or company.
    let from: string | null = null;
    let to: string | null = null;
    if (kind === 'vessel' && other.kind !== 'vessel') [from, to] = [other.id, id];
    else if (kind !== 'vessel' && other.kind === 'vessel') [from, to] = [id, other.id];
    else if (kind === 'person' && other.kind === 'company') [from, to] = [id, other.id];
    else if (kind === 'company' && other.kind === 'person') [from, to] = [other.id, id];
    else if (kind === 'company' && other.kind === 'company') [from, to] = [id, other.id];
    if (from == null || to == null) {
      countSkipped(out, `Remarks: Linked To (${kind} to ${other.kind})`);
      continue;
    }
    facts.push(
      listFact(
        'relation',
        {
          id: `rel:ofac-linked:${r.ent}:${other.id.slice(other.id.indexOf('-') + 1)}`,
          relation: RelationType.ASSOCIATED_WITH,
          from,
          to,
          role: 'linked to (OFAC SDN "Linked To")',
          evidenceNote: `${note}: Linked To: ${linkedName}`,
        },
        src,
      ),
    );
  }
  return facts;
}
