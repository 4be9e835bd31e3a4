/**
 * Stored facts → FollowTheMoney entities (one JSON object a line, as OpenSanctions publishes them),
 * the reverse of src/import/ftm.ts: vessels, companies and persons as Vessel / Company / Person,
 * party relations as Ownership (OWNS), Directorship (CONTROLS) and UnknownLink (the others, the
 * Collier type in its role), designations as Sanction, former names and past flags from identity
 * claims. Every entity uses only properties its schema defines, with values of the property's type
 * (checked against src/import/ftmSchema.ts before it is written: `validateFtmEntity`). What FtM has
 * no schema for here (ports, legs, transfers, statistics) is counted, not written.
 *
 * Ids: an entity that came from FtM keeps its FtM id; others get `collier-<Collier id>`. Sources are
 * kept as `sourceUrl`s, the evidence's datasets as `datasets`, so the file imports back through the
 * FtM adapter onto the same entities (FtM ids) with the same sources.
 */
import { StoredGraph, StoredNode, StoredRelation, Props } from '../db/export/storedGraph';
import { isValidCountryCode } from '../domain/identifiers';
import { ftmProperties, FtmType } from '../import/ftmSchema';

export interface FtmOut {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  /** The day the entity was written out (OpenSanctions' `last_change`): dates a vessel's current flag. */
  last_change?: string;
}

export interface FtmExport {
  entities: FtmOut[];
  /** Facts with no FtM schema here, by label. */
  notExported: Record<string, number>;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Checks an entity against the schema table: a known, concrete schema; defined properties; typed values. */
export function validateFtmEntity(e: FtmOut): string[] {
  const props = ftmProperties(e.schema);
  if (props.size === 0) return [`unknown schema ${e.schema}`];
  const problems: string[] = [];
  for (const [name, values] of Object.entries(e.properties)) {
    const type = props.get(name);
    if (!type) {
      problems.push(`${e.schema}.${name} is not a property of the schema`);
      continue;
    }
    for (const v of values) if (!valueFits(type, v)) problems.push(`${e.schema}.${name}: "${v}" is not a ${type}`);
  }
  return problems;
}

function valueFits(type: FtmType, v: string): boolean {
  switch (type) {
    case 'date':
      return DATE.test(v);
    case 'country':
      return isValidCountryCode(v) && v === v.toLowerCase();
    case 'number':
      return v.trim() !== '' && Number.isFinite(Number(v));
    case 'url':
      return /^https?:\/\/\S+$/i.test(v);
    default:
      return v.length > 0;
  }
}

const SOURCE_DATASET = /^https:\/\/www\.opensanctions\.org\/datasets\/([^/]+)\/$/;

/** FtM ids of a stored node: the ones it was imported from, else one made of its Collier id. */
function ftmIdOf(p: Props): string {
  const ids = (p.ftmIds as string[] | undefined) ?? [];
  return ids[0] ?? `collier-${String(p.id).replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

class Builder {
  readonly entities: FtmOut[] = [];
  private readonly ftmId = new Map<string, string>();
  private readonly urls = new Map<string, string>();

  constructor(g: StoredGraph) {
    for (const n of g.nodes) {
      if (n.label === 'Source') this.urls.set(String(n.props.id), String(n.props.url));
      else this.ftmId.set(String(n.props.id), ftmIdOf(n.props));
    }
  }

  id(collierId: unknown): string | undefined {
    return this.ftmId.get(String(collierId));
  }

  add(id: string, schema: string, p: Props, properties: Record<string, (string | number | null | undefined)[]>): void {
    const sources = ((p.sourceIds as string[] | undefined) ?? []).map((s) => this.urls.get(s)).filter(Boolean);
    const datasets = [
      ...new Set([
        ...((p.ftmDatasets as string[] | undefined) ?? []),
        ...sources.map((u) => SOURCE_DATASET.exec(u!)?.[1]).filter((d): d is string => !!d),
      ]),
    ];
    const urls = sources.filter((u) => !SOURCE_DATASET.test(u!)) as string[];
    const out: Record<string, string[]> = {};
    for (const [k, values] of Object.entries({ ...properties, sourceUrl: urls })) {
      const list = [...new Set(values.filter((v) => v != null && v !== '').map(String))];
      if (list.length > 0) out[k] = list;
    }
    const ids = (p.ftmIds as string[] | undefined) ?? [];
    this.entities.push({ id, schema, properties: out, datasets, referents: ids.filter((x) => x !== id) });
  }
}

const lower = (c: unknown) => (typeof c === 'string' ? c.toLowerCase() : undefined);
const day = (p: Props, key: string): string | undefined => {
  const v = p[key];
  return typeof v === 'string' ? v : undefined;
};
/** A stored scalar as text (numbers and strings; anything else is not a value to write). */
const text = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
const figures = (json: unknown, unit: string) =>
  typeof json === 'string' && json
    ? (JSON.parse(json) as Props[]).filter((q) => q.unit === unit).map((q) => (q.max ?? q.min) as number | null)
    : [];

function entity(b: Builder, n: StoredNode, claims: Map<string, Props[]>, listedOn: string): void {
  const p = n.props;
  const id = b.id(p.id)!;
  if (n.label === 'Vessel') {
    const own = claims.get(String(p.id)) ?? [];
    const former = own.filter((c) => c.kind === 'FORMER_NAME' && c.status !== 'FALSE').map((c) => c.name as string);
    // Past flags only beside a current one (FtM has no dates for them; the import dates the current flag).
    const pastFlags = p.flagCode
      ? own
          .filter((c) => c.kind === 'REGISTRATION' && c.status !== 'FALSE' && c.flagCode && c.flagCode !== p.flagCode)
          .map((c) => lower(c.flagCode))
      : [];
    const pastTypes = own
      .filter((c) => c.vesselType && c.vesselType !== p.vesselType)
      .map((c) => c.vesselType as string);
    b.add(id, 'Vessel', p, {
      name: [p.name as string],
      alias: ((p.otherNames as string[]) ?? []).filter((x) => !former.includes(x)),
      previousName: former,
      imoNumber: [p.imo ? `IMO${text(p.imo)}` : null],
      mmsi: [p.mmsi as string],
      callSign: [p.callSign as string],
      flag: [lower(p.flagCode)],
      pastFlags,
      type: [p.vesselType as string],
      pastTypes,
      buildDate: [text(p.buildYear)],
      grossRegisteredTonnage: figures(p.grossTonnageJson, 'GT'),
      deadweightTonnage: figures(p.deadweightJson, 'DWT'),
      description: [p.description as string],
    });
    if (pastFlags.length > 0) b.entities[b.entities.length - 1].last_change = listedOn;
    return;
  }
  const person = n.label === 'Person';
  b.add(id, person ? 'Person' : 'Company', p, {
    name: [p.name as string],
    alias: (p.aliases as string[]) ?? [],
    [person ? 'nationality' : 'jurisdiction']: [lower(p.countryCode)],
    ...(person ? { position: [p.role as string] } : { sector: [p.role as string] }),
    ...(person
      ? {}
      : { imoNumber: [p.imoCompanyNumber as string], registrationNumber: [p.registrationNumber as string] }),
    address: [p.address as string],
  });
}

/** Authorities as FtM publishers name them (src/import/ftm.ts ftmAuthority reads each back to the same). */
const AUTHORITY_NAMES: Record<string, string> = {
  UN_1718_COMMITTEE: 'United Nations Security Council (1718 Committee)',
  US_OFAC: 'Office of Foreign Assets Control (OFAC)',
  US_DOJ: 'US Department of Justice',
  ROK_GOVERNMENT: 'Republic of Korea government',
  EU: 'European Union',
  UK: 'United Kingdom (HM Treasury)',
  OTHER: 'other authority',
};

function sanction(b: Builder, p: Props): void {
  const target = b.id(p.targetId);
  if (!target) return;
  b.add(b.id(p.id)!, 'Sanction', p, {
    entity: [target],
    authority: [AUTHORITY_NAMES[String(p.authority)] ?? String(p.authority)],
    provisions: [p.measure as string],
    status: [p.status as string],
    authorityId: [p.reference as string],
    startDate: [day(p, 'dateFrom')],
    endDate: [p.status === 'LIFTED' ? day(p, 'dateTo') : undefined],
  });
}

function link(b: Builder, r: StoredRelation): boolean {
  const from = b.id(r.fromId);
  const to = b.id(r.toId);
  if (!from || !to) return false;
  const p = r.props;
  const period = { startDate: [day(p, 'periodFrom')], endDate: [day(p, 'periodTo')] };
  const id = `collier-${String(p.id).replace(/[^A-Za-z0-9._-]+/g, '-')}`;
  const ftm = ((p.ftmIds as string[] | undefined) ?? [])[0] ?? id;
  const role = [p.role as string];
  if (r.type === 'OWNS') b.add(ftm, 'Ownership', p, { owner: [from], asset: [to], role, ...period });
  else if (r.type === 'CONTROLS' && !r.toId.startsWith('vessel:'))
    b.add(ftm, 'Directorship', p, { director: [from], organization: [to], role, ...period });
  else {
    // FtM has no schema for the other ties: an UnknownLink, its role naming Collier's type (ASSOCIATED_WITH, what
    // an UnknownLink imports as, keeps its role as it is).
    const role = text(p.role);
    const typed = r.type === 'ASSOCIATED_WITH' ? role : `${r.type}${role ? `: ${role}` : ''}`;
    b.add(ftm, 'UnknownLink', p, { subject: [from], object: [to], role: [typed], ...period });
  }
  return true;
}

/** The graph as FtM entities, each checked against the schema table. */
export function toFtm(g: StoredGraph, listedOn: string = new Date().toISOString().slice(0, 10)): FtmExport {
  const b = new Builder(g);
  const notExported: Record<string, number> = {};
  const skip = (what: string) => (notExported[what] = (notExported[what] ?? 0) + 1);
  const claims = new Map<string, Props[]>();
  for (const n of g.nodes)
    if (n.label === 'IdentityClaim')
      claims.set(String(n.props.vesselId), [...(claims.get(String(n.props.vesselId)) ?? []), n.props]);
  for (const n of g.nodes) {
    if (['Vessel', 'Company', 'Person'].includes(n.label)) entity(b, n, claims, listedOn);
    else if (n.label === 'Designation') sanction(b, n.props);
    else if (!['Source', 'IdentityClaim', 'Country', 'Tactic'].includes(n.label)) skip(n.label);
  }
  for (const r of g.relations) if (!link(b, r)) skip(r.type);
  for (const e of b.entities) {
    const problems = validateFtmEntity(e);
    if (problems.length > 0) throw new Error(`FtM export of ${e.id}: ${problems.join('; ')}`);
  }
  return { entities: b.entities, notExported };
}
