/**
 * Screening candidates for a whole batch of queries in three statements, whatever the batch size:
 * (1) the full-text index `entity_names` for every query at once (UNWIND), (2) the identifier lookups
 * (ship IMO numbers and MMSIs, own or claimed, and IMO company numbers) for every query at once, (3) what
 * scoring needs of every candidate found: names, aliases, identity claims, flags, owners. Scoring is
 * in src/domain/screenScore.ts.
 */
import { Database, StatementCounter } from '../database';
import { FULLTEXT_INDEX } from '../upgrade/migrations';
import { toRecord } from '../records';
import { labelOfId, NodeLabel } from '../../domain/ids';
import { NameOrigin, ScreenSubject } from '../../domain/screenScore';
import { ScreenKind } from '../../domain/screenNames';

/** Full-text hits kept per query before scoring. */
export const TEXT_CANDIDATES_PER_QUERY = 30;

export const LABEL_OF_KIND: Record<ScreenKind, NodeLabel> = {
  VESSEL: 'Vessel',
  COMPANY: 'Company',
  PERSON: 'Person',
  PORT: 'Port',
};
const KIND_OF_LABEL: Partial<Record<NodeLabel, ScreenKind>> = {
  Vessel: 'VESSEL',
  Company: 'COMPANY',
  Person: 'PERSON',
  Port: 'PORT',
};

/** One query's part of the batch statements: its Lucene text (already escaped) and the labels it may find. */
export interface CandidateQuery {
  lucene: string | null;
  labels: NodeLabel[];
}

/** For each query (in order), the ids of the entities its full-text query found. */
export async function textCandidates(
  db: Database,
  queries: CandidateQuery[],
  counter?: StatementCounter,
): Promise<string[][]> {
  if (!queries.some((q) => q.lucene != null)) return queries.map(() => []);
  const rows = await db.read<{ i: number; ids: string[] }>(
    `UNWIND range(0, size($queries) - 1) AS i
     WITH i, $queries[i] AS q
     CALL (q) {
       WITH q WHERE q.lucene IS NOT NULL
       CALL db.index.fulltext.queryNodes($index, q.lucene, {limit: $perQuery}) YIELD node, score
       WITH q, CASE WHEN node:IdentityClaim THEN head([(v:Vessel)-[:CLAIMED]->(node) | v]) ELSE node END AS hit, score
       WHERE hit IS NOT NULL AND any(l IN labels(hit) WHERE l IN q.labels)
       WITH hit, max(score) AS best ORDER BY best DESC
       RETURN collect(hit.id) AS ids
     }
     RETURN i, ids`,
    { queries, index: FULLTEXT_INDEX, perQuery: TEXT_CANDIDATES_PER_QUERY },
    counter,
  );
  const out: string[][] = queries.map(() => []);
  for (const r of rows) out[r.i] = r.ids;
  return out;
}

export interface IdentifierHit {
  id: string;
  /** Which identifier value found it: a ship IMO number, an MMSI or an IMO company number. */
  field: 'imo' | 'mmsi' | 'companyImo';
  value: string;
}

/** The entities that carry any of the identifiers (vessels by own or claimed IMO number and MMSI; companies by IMO company number). */
export async function identifierCandidates(
  db: Database,
  ids: { imos: string[]; mmsis: string[]; companyImos: string[] },
  counter?: StatementCounter,
): Promise<IdentifierHit[]> {
  if (ids.imos.length + ids.mmsis.length + ids.companyImos.length === 0) return [];
  return db.read<IdentifierHit>(
    `CALL () {
       MATCH (v:Vessel) WHERE v.imo IN $imos RETURN v.id AS id, 'imo' AS field, v.imo AS value
       UNION
       MATCH (v:Vessel)-[:CLAIMED]->(c:IdentityClaim) WHERE c.imo IN $imos RETURN v.id AS id, 'imo' AS field, c.imo AS value
       UNION
       MATCH (v:Vessel) WHERE v.mmsi IN $mmsis RETURN v.id AS id, 'mmsi' AS field, v.mmsi AS value
       UNION
       MATCH (v:Vessel)-[:CLAIMED]->(c:IdentityClaim) WHERE c.mmsi IN $mmsis RETURN v.id AS id, 'mmsi' AS field, c.mmsi AS value
       UNION
       MATCH (c:Company) WHERE c.imoCompanyNumber IN $companyImos
       RETURN c.id AS id, 'companyImo' AS field, c.imoCompanyNumber AS value
     }
     RETURN id, field, value`,
    ids,
    counter,
  );
}

export interface ScreenEntity {
  subject: ScreenSubject;
  /** The entity as its GraphQL type reads it. */
  record: Record<string, unknown> & { id: string };
}

const OWNER_TYPES = ['OWNS', 'MANAGES', 'OPERATES'];

interface DetailRow {
  id: string;
  props: Record<string, unknown>;
  claims: {
    name: string | null;
    imo: string | null;
    mmsi: string | null;
    callSign: string | null;
    flagCode: string | null;
    status: string | null;
    kind: string | null;
  }[];
  owners: string[];
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => x != null) : []);

function claimOrigin(c: DetailRow['claims'][number]): NameOrigin {
  if (c.status === 'FALSE') return 'FALSE_IDENTITY';
  if (c.kind === 'FORMER_NAME') return 'FORMER_NAME';
  if (c.kind === 'REGISTRATION') return 'NAME';
  return 'ALIAS';
}

/** Own names first, then what identity claims say of a name (former, false), then plain aliases. */
const ORIGIN_RANK: Record<NameOrigin, number> = { NAME: 0, FORMER_NAME: 1, FALSE_IDENTITY: 2, ALIAS: 3 };

function toSubject(kind: ScreenKind, r: DetailRow): ScreenSubject {
  const p = r.props;
  const byName = new Map<string, { name: string; origin: NameOrigin; claimed: boolean }>();
  const add = (name: string, origin: NameOrigin, claimed: boolean) => {
    const key = name.trim().toLowerCase();
    const had = byName.get(key);
    // a claim says more about a name than a plain alias list (a vessel's otherNames repeat its claims)
    const better =
      had == null ||
      origin === 'NAME' ||
      (had.origin !== 'NAME' && claimed && (!had.claimed || ORIGIN_RANK[origin] < ORIGIN_RANK[had.origin]));
    if (better) byName.set(key, { name, origin, claimed });
  };
  add(String(p.name), 'NAME', false);
  for (const a of [...strs(p.aliases), ...strs(p.otherNames)]) add(a, 'ALIAS', false);
  for (const c of r.claims) if (c.name) add(c.name, claimOrigin(c), true);
  const unique = [...byName.values()].map(({ name, origin }) => ({ name, origin }));
  const imos: ScreenSubject['imos'] = [];
  if (str(p.imo)) imos.push({ value: String(p.imo), falseClaim: false });
  for (const c of r.claims) if (c.imo) imos.push({ value: c.imo, falseClaim: c.status === 'FALSE' });
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x != null && x !== ''))];
  return {
    id: r.id,
    kind,
    names: unique,
    imos,
    companyImo: str(p.imoCompanyNumber),
    mmsis: uniq([str(p.mmsi), ...r.claims.filter((c) => c.status !== 'FALSE').map((c) => c.mmsi)]),
    callSigns: uniq([str(p.callSign), ...r.claims.map((c) => c.callSign)]).map((c) => c.toUpperCase()),
    flags: uniq([str(p.flagCode), ...r.claims.filter((c) => c.status !== 'FALSE').map((c) => c.flagCode)]),
    country: str(p.countryCode),
    owners: uniq(r.owners),
    birthDate: str(p.birthDate) ?? str(p.dateOfBirth),
  };
}

/** What scoring needs of each entity, and its record; unknown ids are left out. */
export async function screenEntities(
  db: Database,
  ids: string[],
  counter?: StatementCounter,
): Promise<Map<string, ScreenEntity>> {
  const byLabel: Record<string, string[]> = { Vessel: [], Company: [], Person: [], Port: [] };
  for (const id of ids) {
    const label = labelOfId(id);
    if (label != null && byLabel[label]) byLabel[label].push(id);
  }
  const out = new Map<string, ScreenEntity>();
  if (ids.length === 0) return out;
  const rows = await db.read<DetailRow & { label: NodeLabel }>(
    `MATCH (v:Vessel) WHERE v.id IN $vessels
     RETURN 'Vessel' AS label, v.id AS id, properties(v) AS props,
       [(v)-[:CLAIMED]->(c:IdentityClaim) | c {.name, .imo, .mmsi, .callSign, .flagCode, .status, .kind}] AS claims,
       [(o)-[r]->(v) WHERE type(r) IN $ownerTypes | o.name] AS owners
     UNION ALL
     MATCH (c:Company) WHERE c.id IN $companies
     RETURN 'Company' AS label, c.id AS id, properties(c) AS props, [] AS claims, [] AS owners
     UNION ALL
     MATCH (c:Person) WHERE c.id IN $persons
     RETURN 'Person' AS label, c.id AS id, properties(c) AS props, [] AS claims, [] AS owners
     UNION ALL
     MATCH (p:Port) WHERE p.id IN $ports
     RETURN 'Port' AS label, p.id AS id, properties(p) AS props, [] AS claims, [] AS owners`,
    {
      vessels: byLabel.Vessel,
      companies: byLabel.Company,
      persons: byLabel.Person,
      ports: byLabel.Port,
      ownerTypes: OWNER_TYPES,
    },
    counter,
  );
  for (const r of rows) {
    const kind = KIND_OF_LABEL[r.label]!;
    out.set(r.id, { subject: toSubject(kind, r), record: toRecord(r.label, r.props) });
  }
  return out;
}
