/**
 * What a batch of facts changes, worked out in memory before anything is written: each fact's
 * references are resolved against what the batch read from the graph (and what earlier facts of the
 * batch created), its properties and structural edges are compared with what is stored, and only the
 * differences become writes and audit entries. A fact that changes nothing writes nothing: that is
 * what makes every write idempotent. No Cypher here (src/db/write/writeFacts.ts runs the plan).
 */
import { countryName } from '../../../domain/identifiers';
import { confidenceScore } from '../../../domain/confidence';
import { currentFlag } from '../../../domain/identity';
import { labelOfId, NodeLabel } from '../../../domain/ids';
import { asText } from '../../../domain/text';
import { sourceId } from '../../../domain/sources';
import {
  bestTier,
  DateRangeValue,
  DesignationFact,
  EntityFact,
  EvidenceValue,
  Fact,
  factId,
  FactProblem,
  ftmKey,
  IdentityClaimFact,
  LegFact,
  naturalKey,
  newEntityId,
  Provenance,
  QuantityValue,
  Ref,
  RelationFact,
  SourceRef,
  SourceValue,
  TransferFact,
  CountryFact,
  TacticFact,
  TacticUseFact,
  StatisticFact,
} from '../../../domain/facts';
import { ConfidenceTier } from '../../../domain/enums';

export type Props = Record<string, unknown>;

/** Node properties that hold Neo4j DATE values (kept as ISO strings in memory). */
export const DATE_PROPS = new Set([
  'departureFrom',
  'departureTo',
  'arrivalFrom',
  'arrivalTo',
  'periodFrom',
  'periodTo',
  'whenFrom',
  'whenTo',
  'dateFrom',
  'dateTo',
  'date',
]);

/** Structural edges a fact owns, by the label of the node that holds the fact. */
export const OUT_LINKS = [
  'IN',
  'FLAG',
  'ON',
  'FROM',
  'TO',
  'DESTINATION',
  'USED',
  'FROM_VESSEL',
  'TO_VESSEL',
  'AT',
  'FROM_LEG',
  'TO_LEG',
] as const;
export const IN_LINKS = ['CLAIMED', 'DESIGNATED'] as const;
type LinkType = (typeof OUT_LINKS)[number] | (typeof IN_LINKS)[number];
const INCOMING = new Set<string>(IN_LINKS);

/** One node as the batch read it. */
export interface NodeRow {
  q: string;
  via: 'id' | 'alias' | 'imo' | 'locode' | 'companyImo';
  label: NodeLabel;
  id: string;
  props: Props;
  out: [string, string][];
  inn: [string, string][];
  claims: Props[];
}

/** One party relation as the batch read it. */
export interface RelRow {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  props: Props;
}

/** What a batch must read: ids by label (and as aliases), natural keys, relation ids by type. */
export interface Lookups {
  ids: Set<string>;
  imos: Set<string>;
  locodes: Set<string>;
  companyImos: Set<string>;
  rels: Map<string, Set<string>>;
}

export type FactStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';

export interface FactOutcome {
  status: FactStatus;
  /** The fact's id: the entity's, the source's, or the relation's. */
  id: string | null;
  /** Its label, or the relation type. */
  label: string | null;
  changed: string[];
  problem: FactProblem | null;
}

export interface ChangeRecord {
  entityId: string;
  entityLabel: string;
  action: 'CREATED' | 'UPDATED';
  factType: string;
  /** Property (or `links.TYPE`) → its value before and after. */
  changes: Record<string, { before: unknown; after: unknown }>;
  subjectId: string | null;
  objectId: string | null;
  note: string | null;
  /** The fact's position in the batch (its line, for imports). */
  factIndex: number;
}

export interface LinkRow {
  type: string;
  id: string;
  fromId: string;
  toId: string;
  props: Props;
}

export interface WritePlan {
  countries: { id: string; code: string; name: string }[];
  nodes: { label: NodeLabel; id: string; props: Props }[];
  aliases: { id: string; targetId: string; label: NodeLabel }[];
  /** Existing nodes whose edges of these types must be reduced to `keep`. */
  staleLinks: { label: NodeLabel; id: string; out: string[]; inn: string[]; keep: string[] }[];
  links: LinkRow[];
  cites: { fromId: string; sourceId: string }[];
  relDeletes: { type: string; id: string }[];
  rels: LinkRow[];
  changes: ChangeRecord[];
  affectedLegs: string[];
  portsWithNewKind: string[];
  outcomes: FactOutcome[];
}

/* ----------------------------------------------------------------------------------------------
 * Lookups
 * -------------------------------------------------------------------------------------------- */

const KIND_OF: Partial<Record<NodeLabel, string>> = {
  Vessel: 'vessel',
  Company: 'company',
  Person: 'person',
  Port: 'port',
};

/** The ids an FtM entity id may have become, one per label it may be. */
export function ftmCandidates(ftmId: string, labels: NodeLabel[]): string[] {
  return labels.filter((l) => KIND_OF[l]).map((l) => `${KIND_OF[l]}:ftm-${ftmKey(ftmId)}`);
}

function addRef(l: Lookups, ref: Ref): void {
  switch (ref.by) {
    case 'id':
      l.ids.add(ref.id);
      break;
    case 'imo':
      l.imos.add(ref.value);
      break;
    case 'locode':
      l.locodes.add(ref.value);
      break;
    case 'companyImo':
      l.companyImos.add(ref.value);
      break;
    case 'ftm':
      for (const id of ftmCandidates(ref.value, ref.labels)) l.ids.add(id);
      break;
  }
}

function addSources(l: Lookups, refs: SourceRef[]): void {
  for (const s of refs) l.ids.add('id' in s ? s.id : sourceId(s.inline.url));
}

/** What a tactic use or a statistic must read: its ends, its sources, its own edges by id. */
function referenceLookups(l: Lookups, fact: TacticUseFact | StatisticFact): void {
  addSources(l, fact.evidence.sources);
  const rel = (type: string, id: string) => {
    const set = l.rels.get(type) ?? new Set<string>();
    set.add(id);
    l.rels.set(type, set);
  };
  if (fact.type === 'tacticUse') {
    addRef(l, fact.subject);
    l.ids.add(`tactic:${fact.tactic}`);
    rel('USED', factId(fact));
    return;
  }
  const id = factId(fact);
  l.ids.add(id);
  for (const [role, refs] of [
    ['from', fact.fromPorts],
    ['to', fact.toPorts],
  ] as const) {
    for (const r of refs) {
      addRef(l, r);
      if (r.by === 'id') rel('ABOUT', `ABOUT:${id}->${r.id}:${role}`);
    }
  }
  for (const c of fact.countries) rel('ABOUT', `ABOUT:${id}->country:${c}`);
  for (const t of fact.tactics) {
    l.ids.add(`tactic:${t}`);
    rel('ABOUT', `ABOUT:${id}->tactic:${t}`);
  }
}

export function lookupsOf(facts: Fact[]): Lookups {
  const l: Lookups = { ids: new Set(), imos: new Set(), locodes: new Set(), companyImos: new Set(), rels: new Map() };
  for (const fact of facts) {
    if (fact.type === 'source') {
      l.ids.add(sourceId(fact.source.url));
      continue;
    }
    if (fact.type === 'country' || fact.type === 'tactic') {
      l.ids.add(`${fact.type}:${fact.code}`);
      continue;
    }
    if (fact.type === 'tacticUse' || fact.type === 'statistic') {
      referenceLookups(l, fact);
      continue;
    }
    addSources(l, fact.evidence.sources);
    switch (fact.type) {
      case 'vessel':
      case 'company':
      case 'person':
      case 'port': {
        if (fact.id) l.ids.add(fact.id);
        if (fact.externalId) l.ids.add(fact.externalId);
        l.ids.add(newEntityId(fact));
        const nk = naturalKey(fact);
        if (nk) addRef(l, nk);
        break;
      }
      case 'relation': {
        const id = factId(fact);
        const set = l.rels.get(fact.relation) ?? new Set<string>();
        set.add(id);
        l.rels.set(fact.relation, set);
        addRef(l, fact.from);
        addRef(l, fact.to);
        break;
      }
      default:
        l.ids.add(factId(fact));
        break;
    }
    if (fact.type === 'identityClaim') addRef(l, fact.vessel);
    if (fact.type === 'designation') addRef(l, fact.target);
    if (fact.type === 'leg') {
      if (fact.vessel) addRef(l, fact.vessel);
      fact.from.forEach((r) => addRef(l, r));
      fact.to.forEach((r) => addRef(l, r));
      for (const t of fact.tactics ?? []) l.ids.add(`tactic:${t}`);
    }
    if (fact.type === 'transfer') {
      for (const r of [fact.fromVessel, fact.toVessel, fact.port, fact.fromLeg, fact.toLeg]) if (r) addRef(l, r);
      for (const t of fact.tactics ?? []) l.ids.add(`tactic:${t}`);
    }
  }
  return l;
}

/* ----------------------------------------------------------------------------------------------
 * State
 * -------------------------------------------------------------------------------------------- */

interface NodeState {
  id: string;
  label: NodeLabel;
  existed: boolean;
  props: Props;
  links: Map<string, string[]>;
  claims: Map<string, Props>;
  dirtyProps: Set<string>;
  /** Link types to rewrite, with the edge properties to give them. */
  dirtyLinks: Map<string, Map<string, Props>>;
  citesDirty: boolean;
}

interface RelState {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  existed: boolean;
  props: Props;
  /** The endpoints it was stored with (to delete it when an explicit id moves it). */
  storedFrom: string | null;
  storedTo: string | null;
  dirty: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function union(existing: unknown, added: readonly string[]): string[] {
  const out = Array.isArray(existing) ? existing.map(String) : [];
  for (const v of added) if (!out.includes(v)) out.push(v);
  return out;
}

function rangeProps(prefix: string, r: DateRangeValue | undefined): Props {
  if (r === undefined) return {};
  return {
    [`${prefix}From`]: r.from,
    [`${prefix}To`]: r.to,
    [`${prefix}Precision`]: r.precision,
    [`${prefix}Text`]: r.text,
  };
}

function defined(p: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Figures as stored (a JSON list, each figure with its evidence: its own when the fact gives one, else
 * the fact's). Figures that say the same as the stored ones (min, max, unit, text, and the evidence
 * when given) keep the stored text, so writing them again changes nothing.
 */
export function figuresJson(qs: QuantityValue[], fallback: Props, stored: unknown): string {
  const rows = qs.map((q) => ({
    min: q.min,
    max: q.max,
    unit: q.unit,
    text: q.text,
    ...(q.evidence
      ? {
          sourceIds: q.evidence.sourceIds,
          confidence: q.evidence.confidence ? confidenceScore(q.evidence.confidence) : null,
          confidenceTier: q.evidence.confidence,
          evidenceNote: q.evidence.note,
        }
      : fallback),
  }));
  if (typeof stored === 'string') {
    try {
      const parsed = JSON.parse(stored) as Props[];
      const withEvidence = qs.every((q) => q.evidence);
      const keys = withEvidence
        ? ['min', 'max', 'unit', 'text', 'sourceIds', 'confidenceTier', 'evidenceNote']
        : ['min', 'max', 'unit', 'text'];
      const pick = (o: Props) => keys.map((k) => o[k] ?? null);
      if (
        Array.isArray(parsed) &&
        same(
          parsed.map(pick),
          rows.map((r) => pick(r as Props)),
        )
      )
        return stored;
    } catch {
      // not JSON: written anew
    }
  }
  return JSON.stringify(rows);
}

function quantityProps(qs: QuantityValue[] | undefined, ev: Props, stored?: unknown): Props {
  if (qs === undefined) return {};
  const mins = qs.map((q) => q.min ?? q.max).filter((v): v is number => v != null);
  const maxs = qs.map((q) => q.max ?? q.min).filter((v): v is number => v != null);
  return {
    tonnageJson: figuresJson(qs, ev, stored),
    tonnageMin: mins.length ? Math.min(...mins) : null,
    tonnageMax: maxs.length ? Math.max(...maxs) : null,
  };
}

const UNION_KEYS = new Set(['sourceIds', 'aliases', 'otherNames', 'ftmIds', 'ftmDatasets']);

/** The batch's view of the graph, updated fact by fact. */
export class BatchPlanner {
  private readonly nodes = new Map<string, NodeState>();
  private readonly aliasOf = new Map<string, string>();
  private readonly byImo = new Map<string, string>();
  private readonly byLocode = new Map<string, string>();
  private readonly byCompanyImo = new Map<string, string>();
  private readonly rels = new Map<string, RelState>();
  private readonly countries = new Map<string, { id: string; code: string; name: string }>();
  private readonly newAliases: WritePlan['aliases'] = [];
  private readonly changes: ChangeRecord[] = [];
  private readonly affectedLegs = new Set<string>();
  private readonly portsWithNewKind = new Set<string>();
  private factIndex = 0;

  constructor(nodeRows: NodeRow[], relRows: RelRow[]) {
    for (const row of nodeRows) {
      if (!this.nodes.has(row.id)) {
        const links = new Map<string, string[]>();
        for (const [type, other] of [...row.out, ...row.inn])
          links.set(type, [...(links.get(type) ?? []), other].sort());
        const claims = new Map<string, Props>();
        for (const c of row.claims) claims.set(String(c.id), c);
        this.register({
          id: row.id,
          label: row.label,
          existed: true,
          props: row.props,
          links,
          claims,
          dirtyProps: new Set(),
          dirtyLinks: new Map(),
          citesDirty: false,
        });
      }
      if (row.via === 'alias') this.aliasOf.set(row.q, row.id);
    }
    for (const r of relRows) {
      this.rels.set(`${r.type}|${r.id}`, {
        ...r,
        existed: true,
        storedFrom: r.fromId,
        storedTo: r.toId,
        dirty: false,
      });
    }
  }

  private register(n: NodeState): void {
    this.nodes.set(n.id, n);
    const p = n.props;
    if (n.label === 'Vessel' && p.imo) this.byImo.set(asText(p.imo), n.id);
    if (n.label === 'Port' && p.locode) this.byLocode.set(asText(p.locode), n.id);
    if (n.label === 'Company' && p.imoCompanyNumber) this.byCompanyImo.set(asText(p.imoCompanyNumber), n.id);
  }

  /** A node by id, following merge aliases. */
  private node(id: string): NodeState | null {
    return this.nodes.get(id) ?? (this.aliasOf.has(id) ? (this.nodes.get(this.aliasOf.get(id)!) ?? null) : null);
  }

  private resolve(ref: Ref, field: string): NodeState {
    let found: NodeState | null = null;
    let what: string;
    switch (ref.by) {
      case 'id': {
        found = this.node(ref.id);
        what = `id "${ref.id}"`;
        const expected = labelOfId(ref.id);
        if (found && expected && found.label !== expected) found = null;
        break;
      }
      case 'imo':
        found = this.node(this.byImo.get(ref.value) ?? '');
        what = `IMO number ${ref.value}`;
        break;
      case 'locode':
        found = this.node(this.byLocode.get(ref.value) ?? '');
        what = `UN/LOCODE ${ref.value}`;
        break;
      case 'companyImo':
        found = this.node(this.byCompanyImo.get(ref.value) ?? '');
        what = `IMO company number ${ref.value}`;
        break;
      case 'ftm':
        for (const id of ftmCandidates(ref.value, ref.labels)) {
          found = this.node(id);
          if (found) break;
        }
        what = `FtM id "${ref.value}"`;
        break;
    }
    if (!found) throw new FactProblem(field, `no entity with ${what!} is in the graph (write it first)`);
    return found;
  }

  private sourceNode(ref: SourceRef, field: string): { id: string; tier: ConfidenceTier | null } {
    const id = 'id' in ref ? ref.id : sourceId(ref.inline.url);
    const n = this.node(id);
    if ('inline' in ref) return { id, tier: ref.inline.tier };
    if (!n || n.label !== 'Source')
      throw new FactProblem(
        field,
        `no Source has id "${id}" (cite it inline as {url, publisher, kind, tier} to create it)`,
      );
    return { id, tier: (n.props.tier as ConfidenceTier | undefined) ?? null };
  }

  private newNode(id: string, label: NodeLabel): NodeState {
    return {
      id,
      label,
      existed: false,
      props: { id },
      links: new Map(),
      claims: new Map(),
      dirtyProps: new Set(),
      dirtyLinks: new Map(),
      citesDirty: false,
    };
  }

  private country(code: string): string {
    const id = `country:${code}`;
    if (!this.countries.has(id)) this.countries.set(id, { id, code, name: countryName(code) ?? code });
    return id;
  }

  /**
   * Applies given properties and links to a node (no throwing from here on). 'fill' leaves stored
   * values alone; list-valued evidence and names are unions, so nothing once written is lost.
   */
  private applyNode(
    n: NodeState,
    given: Props,
    links: Partial<Record<LinkType, { ids: string[]; props: Props }>>,
    mode: 'set' | 'fill',
  ): Record<string, { before: unknown; after: unknown }> {
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    const fillOnly = mode === 'fill' && n.existed;
    for (const [key, value] of Object.entries(given)) {
      if (value === undefined) continue;
      const before = n.props[key] ?? null;
      let after: unknown = value;
      if (UNION_KEYS.has(key)) after = union(n.props[key], value as string[]);
      // An empty list of figures ('[]') is nothing stored: a list may fill it.
      else if (fillOnly && before != null && before !== '[]') continue;
      if (same(before, after)) continue;
      diff[key] = { before, after };
      n.props[key] = after;
      n.dirtyProps.add(key);
      if (key === 'sourceIds') n.citesDirty = true;
    }
    for (const names of ['aliases', 'otherNames'] as const) {
      if (diff[names]) {
        n.props.aliasesText = (n.props[names] as string[]).join(' | ');
        n.dirtyProps.add('aliasesText');
      }
    }
    const changed = Object.keys(diff).length > 0;
    for (const [type, spec] of Object.entries(links) as [LinkType, { ids: string[]; props: Props }][]) {
      const current = n.links.get(type) ?? [];
      if (fillOnly && current.length > 0) continue;
      const desired = [...new Set(spec.ids)].sort();
      if (!same(current, desired)) {
        diff[`links.${type}`] = { before: current, after: desired };
        n.links.set(type, desired);
      }
      if (changed || !same(current, desired) || !n.existed) {
        const propsById = new Map<string, Props>();
        for (const other of desired) propsById.set(other, spec.props);
        n.dirtyLinks.set(type, propsById);
      }
    }
    return diff;
  }

  private evidenceProps(ev: EvidenceValue, prov: Provenance | undefined, known: boolean): Props {
    const cited = ev.sources.map((s, i) => this.sourceNode(s, `sources[${i}]`));
    const tier =
      ev.confidence ??
      (known
        ? null
        : (bestTier(cited.map((c) => c.tier).filter((t): t is ConfidenceTier => t != null)) ?? ConfidenceTier.LOW));
    return defined({
      sourceIds: cited.map((c) => c.id),
      confidenceTier: tier ?? undefined,
      confidence: tier ? confidenceScore(tier) : undefined,
      evidenceNote: ev.note ?? undefined,
      ftmIds: prov?.ftmIds,
      ftmDatasets: prov?.datasets,
    });
  }

  /** Edge properties for a fact's structural edges: its evidence as it will stand after the write. */
  private static edgeEvidence(n: NodeState, ev: Props): Props {
    return {
      sourceIds: union(n.props.sourceIds, (ev.sourceIds as string[] | undefined) ?? []),
      confidence: ev.confidence ?? n.props.confidence ?? null,
      confidenceTier: ev.confidenceTier ?? n.props.confidenceTier ?? null,
      evidenceNote: ev.evidenceNote ?? n.props.evidenceNote ?? null,
    };
  }

  private record(
    n: { id: string; label: string },
    existed: boolean,
    factType: string,
    diff: Record<string, { before: unknown; after: unknown }>,
    related: { subjectId?: string | null; objectId?: string | null; note?: string | null } = {},
  ): FactOutcome {
    const changed = Object.keys(diff);
    if (changed.length === 0) return { status: 'UNCHANGED', id: n.id, label: n.label, changed, problem: null };
    this.changes.push({
      entityId: n.id,
      entityLabel: n.label,
      action: existed ? 'UPDATED' : 'CREATED',
      factType,
      changes: diff,
      subjectId: related.subjectId ?? null,
      objectId: related.objectId ?? null,
      note: related.note ?? null,
      factIndex: this.factIndex,
    });
    return { status: existed ? 'UPDATED' : 'CREATED', id: n.id, label: n.label, changed, problem: null };
  }

  /** Applies one fact; a FactProblem rejects it and leaves the batch's state as it was. */
  apply(fact: Fact, index: number): FactOutcome {
    this.factIndex = index;
    try {
      switch (fact.type) {
        case 'source':
          return this.applySource(fact.source, 'set', 'source');
        case 'vessel':
        case 'company':
        case 'person':
        case 'port':
          return this.applyEntity(fact);
        case 'identityClaim':
          return this.applyClaim(fact);
        case 'leg':
          return this.applyLeg(fact);
        case 'transfer':
          return this.applyTransfer(fact);
        case 'designation':
          return this.applyDesignation(fact);
        case 'relation':
          return this.applyRelation(fact);
        case 'country':
        case 'tactic':
          return this.applyReference(fact);
        case 'tacticUse':
          return this.applyTacticUse(fact);
        case 'statistic':
          return this.applyStatistic(fact);
      }
    } catch (error) {
      if (error instanceof FactProblem)
        return { status: 'REJECTED', id: null, label: null, changed: [], problem: error };
      throw error;
    }
  }

  private applySource(s: SourceValue, mode: 'set' | 'fill', factType: string): FactOutcome {
    const id = sourceId(s.url);
    const existing = this.node(id);
    const known = existing != null;
    const n = existing ?? this.newNode(id, 'Source');
    const diff = this.applyNode(
      n,
      {
        url: s.url,
        publisher: s.publisher,
        kind: s.kind,
        tier: s.tier,
        confidence: confidenceScore(s.tier),
        title: s.title ?? undefined,
        date: s.date ?? undefined,
      },
      {},
      mode,
    );
    if (!existing) this.register(n);
    return this.record(n, known, factType, diff);
  }

  /** Inline sources of a fact: created (or filled in) before the fact itself. */
  private applyInlineSources(ev: EvidenceValue): void {
    for (const s of ev.sources) if ('inline' in s) this.applySource(s.inline, 'fill', 'source');
  }

  private checkSources(ev: EvidenceValue): void {
    ev.sources.forEach((s, i) => {
      if ('id' in s) this.sourceNode(s, `sources[${i}]`);
    });
  }

  private applyEntity(fact: EntityFact): FactOutcome {
    const label: NodeLabel =
      fact.type === 'vessel'
        ? 'Vessel'
        : fact.type === 'company'
          ? 'Company'
          : fact.type === 'person'
            ? 'Person'
            : 'Port';
    const nk = naturalKey(fact);
    const byKey = nk ? this.lookupKey(nk) : null;
    let target: NodeState | null;
    if (fact.id) {
      const byId = this.node(fact.id);
      if (byId && byId.label !== label) throw new FactProblem('id', `"${fact.id}" is a ${byId.label}`);
      if (byKey && byId !== byKey) {
        throw new FactProblem(
          nkField(fact),
          `${describeKey(nk!)} belongs to ${byKey.id}, not ${fact.id} (merge them with mergeEntities if they are one)`,
        );
      }
      target = byId ?? byKey;
    } else {
      target = byKey ?? this.node(newEntityId(fact));
      if (target && target.label !== label) target = null;
    }
    this.checkSources(fact.evidence);
    const isNew = target == null;
    const n = target ?? this.newNode(newEntityId(fact), label);

    // From here on nothing throws: the fact is applied.
    this.applyInlineSources(fact.evidence);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, !isNew);
    let given: Props;
    const links: Partial<Record<LinkType, { ids: string[]; props: Props }>> = {};
    const nameGiven = (names: string[] | undefined, current: unknown) => {
      // In 'fill' mode a different name on an existing entity becomes another name, not a rename.
      if (
        fact.mode === 'fill' &&
        !isNew &&
        current != null &&
        asText(current).toLowerCase() !== fact.name.toLowerCase()
      )
        return [fact.name, ...(names ?? [])];
      return names;
    };
    switch (fact.type) {
      case 'vessel':
        given = {
          name: fact.name,
          imo: fact.imo,
          mmsi: fact.mmsi,
          callSign: fact.callSign,
          vesselType: fact.vesselType,
          buildYear: fact.buildYear,
          status: fact.status ?? (isNew ? 'UNCONFIRMED' : undefined),
          description: fact.description,
          flagCode: fact.flagCode,
          flagText: fact.flagText ?? (fact.flagCode ? (countryName(fact.flagCode) ?? fact.flagCode) : undefined),
          otherNames: nameGiven(fact.otherNames, n.props.name) ?? (isNew ? [] : undefined),
          deadweightJson: fact.deadweight
            ? figuresJson(fact.deadweight, BatchPlanner.edgeEvidence(n, ev), n.props.deadweightJson)
            : undefined,
          grossTonnageJson: fact.grossTonnage
            ? figuresJson(fact.grossTonnage, BatchPlanner.edgeEvidence(n, ev), n.props.grossTonnageJson)
            : undefined,
        };
        break;
      case 'company':
      case 'person': {
        const p = fact;
        given = {
          name: p.name,
          kind: p.type === 'company' ? 'COMPANY' : 'PERSON',
          aliases: nameGiven(p.aliases, n.props.name) ?? (isNew ? [] : undefined),
          countryCode: p.countryCode,
          countryText: p.countryText ?? (p.countryCode && isNew ? countryName(p.countryCode) : undefined),
          imoCompanyNumber: p.imoCompanyNumber,
          registrationNumber: p.registrationNumber,
          address: p.address,
          role: p.role,
        };
        if (p.countryCode) links.IN = { ids: [this.country(p.countryCode)], props: {} };
        break;
      }
      case 'port': {
        const p = fact;
        given = {
          name: p.name,
          aliases: nameGiven(p.aliases, n.props.name) ?? (isNew ? [] : undefined),
          kind: p.kind ?? (isNew ? 'PORT' : undefined),
          countryCode: p.countryCode,
          locode: p.locode,
          lat: p.lat,
          lon: p.lon,
          role: p.role,
        };
        if (p.countryCode) links.IN = { ids: [this.country(p.countryCode)], props: {} };
        break;
      }
    }
    if (fact.mode === 'fill' && !isNew) delete given.name;
    const diff = this.applyNode(n, { ...given, ...ev }, links, fact.mode);
    if (isNew) this.register(n);
    else if (diff.imo || diff.locode || diff.imoCompanyNumber) this.register(n);
    if (fact.type === 'port' && diff.kind && n.existed) this.portsWithNewKind.add(n.id);
    if (fact.externalId && fact.externalId !== n.id && !this.node(fact.externalId)) {
      this.aliasOf.set(fact.externalId, n.id);
      this.newAliases.push({ id: fact.externalId, targetId: n.id, label });
      diff.alias = { before: null, after: fact.externalId };
    }
    return this.record(n, !isNew, fact.type, diff);
  }

  private lookupKey(nk: Ref): NodeState | null {
    if (nk.by === 'imo') return this.node(this.byImo.get(nk.value) ?? '');
    if (nk.by === 'locode') return this.node(this.byLocode.get(nk.value) ?? '');
    if (nk.by === 'companyImo') return this.node(this.byCompanyImo.get(nk.value) ?? '');
    return null;
  }

  /** A fact node (claim, leg, transfer, designation): the stored one with this id, or a new one. */
  private factNode(id: string, label: NodeLabel): NodeState {
    const n = this.node(id);
    if (n && n.label !== label) throw new FactProblem('id', `"${id}" is a ${n.label}`);
    return n ?? this.newNode(id, label);
  }

  private applyClaim(fact: IdentityClaimFact): FactOutcome {
    const vessel = this.resolve(fact.vessel, 'vessel');
    const n = this.factNode(factId(fact), 'IdentityClaim');
    const stored = n.links.get('CLAIMED');
    if (n.existed && stored?.length && stored[0] !== vessel.id)
      throw new FactProblem('vessel', `${n.id} is a claim of ${stored[0]}`);
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const known = this.nodes.has(n.id);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, known);
    const given: Props = {
      vesselId: vessel.id,
      name: fact.name,
      imo: fact.imo,
      mmsi: fact.mmsi,
      callSign: fact.callSign,
      flagCode: fact.flagCode,
      flagText: fact.flagText ?? (fact.flagCode ? (countryName(fact.flagCode) ?? fact.flagCode) : undefined),
      vesselType: fact.vesselType,
      status: fact.status,
      kind: fact.kind,
      ...rangeProps('period', fact.period),
      ...ev,
    };
    const links: Partial<Record<LinkType, { ids: string[]; props: Props }>> = {
      CLAIMED: { ids: [vessel.id], props: {} },
    };
    if (fact.flagCode) links.FLAG = { ids: [this.country(fact.flagCode)], props: {} };
    const diff = this.applyNode(n, given, links, fact.mode);
    if (!known) this.register(n);
    const outcome = this.record(n, known, 'identityClaim', diff, { subjectId: vessel.id });
    if (outcome.status !== 'UNCHANGED') {
      vessel.claims.set(n.id, { ...n.props });
      this.deriveVesselIdentity(vessel);
    }
    return outcome;
  }

  /** A vessel's current flag and other names follow from its identity claims (domain/identity.ts). */
  private deriveVesselIdentity(vessel: NodeState): void {
    const claims = [...vessel.claims.values()];
    const flag = currentFlag(
      claims.map((c) => ({
        name: (c.name as string | null) ?? null,
        flagCode: (c.flagCode as string | null) ?? null,
        flagText: (c.flagText as string | null) ?? null,
        status: (c.status as 'ASSERTED' | 'VERIFIED' | 'FALSE') ?? 'ASSERTED',
        kind: String(c.kind),
        periodFrom: (c.periodFrom as string | null) ?? null,
        periodTo: (c.periodTo as string | null) ?? null,
      })),
    );
    const names = claims
      .map((c) => c.name)
      .filter((x): x is string => typeof x === 'string' && x !== vessel.props.name);
    const given: Props = { otherNames: names };
    if (flag.code != null || flag.text != null) Object.assign(given, { flagCode: flag.code, flagText: flag.text });
    const diff = this.applyNode(vessel, given, {}, 'set');
    this.record(vessel, true, 'identityClaim', diff, { note: 'derived from the identity claims' });
  }

  private tacticIds(codes: string[] | undefined, field: string): string[] | undefined {
    return codes?.map((c, i) => {
      const t = this.node(`tactic:${c}`);
      if (!t) throw new FactProblem(`${field}[${i}]`, `"${c}" is not a tactic code Collier knows`);
      return t.id;
    });
  }

  private applyLeg(fact: LegFact): FactOutcome {
    const vessel = fact.vessel ? this.resolve(fact.vessel, 'vessel') : null;
    const from = fact.from.map((r, i) => this.resolve(r, `from[${i}]`));
    const to = fact.to.map((r, i) => this.resolve(r, `to[${i}]`));
    const tactics = this.tacticIds(fact.tactics, 'tactics');
    const n = this.factNode(factId(fact), 'Leg');
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const isNew = !this.nodes.has(n.id);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, !isNew);
    const edge = BatchPlanner.edgeEvidence(n, ev);
    const names = (ps: NodeState[]) => ps.map((p) => asText(p.props.name ?? p.id)).join(' or ');
    const given: Props = {
      vesselId: vessel?.id,
      vesselDescription: fact.vesselDescription,
      fromText: fact.fromText ?? (isNew ? names(from) : undefined),
      toText: fact.toText ?? (isNew ? names(to) : undefined),
      ...rangeProps('departure', fact.departure),
      ...rangeProps('arrival', fact.arrival),
      commodity: fact.commodity ?? (isNew ? 'COAL' : undefined),
      cargoText: fact.cargoText ?? (isNew ? '' : undefined),
      ...quantityProps(fact.tonnage ?? (isNew ? [] : undefined), edge, n.props.tonnageJson),
      valueJson: fact.value ? figuresJson(fact.value, edge, n.props.valueJson) : isNew ? '[]' : undefined,
      cargoOrigin: fact.cargoOrigin ?? (isNew ? 'UNCONFIRMED' : undefined),
      declaredOrigin: fact.declaredOrigin,
      legality: fact.legality ?? (isNew ? 'UNDETERMINED' : undefined),
      discharged: fact.discharged,
      destinationCountryCode: fact.destinationCountryCode,
      tacticsText: fact.tacticsText,
      ...ev,
    };
    const links: Partial<Record<LinkType, { ids: string[]; props: Props }>> = {
      FROM: { ids: from.map((p) => p.id), props: { alternative: from.length > 1, ...edge } },
      TO: { ids: to.map((p) => p.id), props: { alternative: to.length > 1, ...edge } },
    };
    if (vessel) links.ON = { ids: [vessel.id], props: edge };
    if (fact.destinationCountryCode)
      links.DESTINATION = { ids: [this.country(fact.destinationCountryCode)], props: edge };
    if (tactics) links.USED = { ids: tactics, props: edge };
    const diff = this.applyNode(n, given, links, fact.mode);
    if (isNew) this.register(n);
    const outcome = this.record(n, !isNew, 'leg', diff, { subjectId: vessel?.id ?? null });
    if (outcome.status !== 'UNCHANGED') this.affectedLegs.add(n.id);
    return outcome;
  }

  private applyTransfer(fact: TransferFact): FactOutcome {
    const fromVessel = fact.fromVessel ? this.resolve(fact.fromVessel, 'fromVessel') : null;
    const toVessel = fact.toVessel ? this.resolve(fact.toVessel, 'toVessel') : null;
    const port = fact.port ? this.resolve(fact.port, 'port') : null;
    const fromLeg = fact.fromLeg ? this.resolve(fact.fromLeg, 'fromLeg') : null;
    const toLeg = fact.toLeg ? this.resolve(fact.toLeg, 'toLeg') : null;
    if (fromLeg && toLeg && fromLeg.id === toLeg.id) throw new FactProblem('toLeg', 'must be another leg than fromLeg');
    const tactics = this.tacticIds(fact.tactics, 'tactics');
    const n = this.factNode(factId(fact), 'Transfer');
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const isNew = !this.nodes.has(n.id);
    const legsBefore = [...(n.links.get('FROM_LEG') ?? []), ...(n.links.get('TO_LEG') ?? [])];
    const ev = this.evidenceProps(fact.evidence, fact.provenance, !isNew);
    const edge = BatchPlanner.edgeEvidence(n, ev);
    const given: Props = {
      fromVesselId: fromVessel?.id,
      fromVesselDescription: fact.fromVesselDescription,
      toVesselId: toVessel?.id,
      toVesselDescription: fact.toVesselDescription,
      portId: port?.id,
      kind: fact.kind ?? (isNew ? 'SHIP_TO_SHIP' : undefined),
      ...rangeProps('when', fact.when),
      ...quantityProps(fact.tonnage ?? (isNew ? [] : undefined), edge, n.props.tonnageJson),
      ...ev,
    };
    const links: Partial<Record<LinkType, { ids: string[]; props: Props }>> = {};
    if (fromVessel) links.FROM_VESSEL = { ids: [fromVessel.id], props: edge };
    if (toVessel) links.TO_VESSEL = { ids: [toVessel.id], props: edge };
    if (port) links.AT = { ids: [port.id], props: edge };
    if (fromLeg) links.FROM_LEG = { ids: [fromLeg.id], props: edge };
    if (toLeg) links.TO_LEG = { ids: [toLeg.id], props: edge };
    if (tactics) links.USED = { ids: tactics, props: edge };
    const diff = this.applyNode(n, given, links, fact.mode);
    if (isNew) this.register(n);
    const outcome = this.record(n, !isNew, 'transfer', diff, {
      subjectId: fromVessel?.id ?? null,
      objectId: toVessel?.id ?? null,
    });
    if (outcome.status !== 'UNCHANGED') {
      for (const id of [...legsBefore, ...(n.links.get('FROM_LEG') ?? []), ...(n.links.get('TO_LEG') ?? [])])
        this.affectedLegs.add(id);
    }
    return outcome;
  }

  private applyDesignation(fact: DesignationFact): FactOutcome {
    const target = this.resolve(fact.target, 'target');
    const n = this.factNode(factId(fact), 'Designation');
    const stored = n.links.get('DESIGNATED');
    if (n.existed && stored?.length && stored[0] !== target.id)
      throw new FactProblem('target', `${n.id} designates ${stored[0]}`);
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const isNew = !this.nodes.has(n.id);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, !isNew);
    const edge = BatchPlanner.edgeEvidence(n, ev);
    const given: Props = {
      targetId: target.id,
      authority: fact.authority,
      measure: fact.measure,
      status: fact.status ?? (isNew ? 'IN_FORCE' : undefined),
      ...rangeProps('date', fact.date),
      reference: fact.reference,
      ...ev,
    };
    const diff = this.applyNode(n, given, { DESIGNATED: { ids: [target.id], props: edge } }, fact.mode);
    if (isNew) this.register(n);
    return this.record(n, !isNew, 'designation', diff, { subjectId: target.id });
  }

  private applyRelation(fact: RelationFact): FactOutcome {
    const from = this.resolve(fact.from, 'from');
    const to = this.resolve(fact.to, 'to');
    if (from.id === to.id) throw new FactProblem('to', 'must be another entity than from');
    if (!['Company', 'Person'].includes(from.label))
      throw new FactProblem('from', `must be a company or person (got a ${from.label})`);
    if (!['Vessel', 'Company', 'Person'].includes(to.label))
      throw new FactProblem('to', `must be a vessel, company or person (got a ${to.label})`);
    this.checkSources(fact.evidence);
    const id = factId(fact);
    const key = `${fact.relation}|${id}`;
    const existing = this.rels.get(key);
    const r: RelState = existing ?? {
      id,
      type: fact.relation,
      fromId: from.id,
      toId: to.id,
      existed: false,
      props: { id },
      storedFrom: null,
      storedTo: null,
      dirty: false,
    };
    this.applyInlineSources(fact.evidence);
    const cited = fact.evidence.sources.map((s, i) => this.sourceNode(s, `sources[${i}]`));
    const tier =
      fact.evidence.confidence ??
      (r.existed
        ? null
        : (bestTier(cited.map((c) => c.tier).filter((t): t is ConfidenceTier => t != null)) ?? ConfidenceTier.LOW));
    const given: Props = defined({
      role: fact.role,
      ...rangeProps('period', fact.period),
      sourceIds: cited.map((c) => c.id),
      confidenceTier: tier ?? undefined,
      confidence: tier ? confidenceScore(tier) : undefined,
      evidenceNote: fact.evidence.note ?? undefined,
      ftmIds: fact.provenance?.ftmIds,
      ftmDatasets: fact.provenance?.datasets,
    });
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    const fillOnly = fact.mode === 'fill' && r.existed;
    for (const [k, v] of Object.entries(given)) {
      const before = r.props[k] ?? null;
      const after = UNION_KEYS.has(k) ? union(r.props[k], v as string[]) : v;
      if (!UNION_KEYS.has(k) && fillOnly && before != null) continue;
      if (same(before, after)) continue;
      diff[k] = { before, after };
      r.props[k] = after;
    }
    if (r.fromId !== from.id || r.toId !== to.id) {
      diff.endpoints = { before: [r.fromId, r.toId], after: [from.id, to.id] };
      r.fromId = from.id;
      r.toId = to.id;
    }
    if (Object.keys(diff).length > 0) r.dirty = true;
    if (!existing) this.rels.set(key, r);
    return this.record({ id, label: fact.relation }, r.existed, 'relation', diff, {
      subjectId: from.id,
      objectId: to.id,
    });
  }

  /** A country's name or a tactic of the taxonomy: reference data, written as given. */
  private applyReference(fact: CountryFact | TacticFact): FactOutcome {
    const label: NodeLabel = fact.type === 'country' ? 'Country' : 'Tactic';
    const n = this.factNode(`${fact.type}:${fact.code}`, label);
    const known = this.nodes.has(n.id);
    const given: Props =
      fact.type === 'country'
        ? { code: fact.code, name: fact.name }
        : { code: fact.code, name: fact.name, description: fact.description };
    const diff = this.applyNode(n, given, {}, 'set');
    if (!known) this.register(n);
    return this.record(n, known, fact.type, diff);
  }

  /** An edge fact with its own id and properties (a tactic use, a statistic's ABOUT edge). */
  private applyEdge(
    type: string,
    id: string,
    fromId: string,
    toId: string,
    given: Props,
  ): Record<string, { before: unknown; after: unknown }> {
    const key = `${type}|${id}`;
    const existing = this.rels.get(key);
    const r: RelState = existing ?? {
      id,
      type,
      fromId,
      toId,
      existed: false,
      props: { id },
      storedFrom: null,
      storedTo: null,
      dirty: false,
    };
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const [k, v] of Object.entries(defined(given))) {
      const after = UNION_KEYS.has(k) ? union(r.props[k], v as string[]) : v;
      if (same(r.props[k] ?? null, after)) continue;
      diff[k] = { before: r.props[k] ?? null, after };
      r.props[k] = after;
    }
    if (r.fromId !== fromId || r.toId !== toId) throw new FactProblem('id', `${id} already ties other nodes`);
    if (Object.keys(diff).length > 0) r.dirty = true;
    if (!existing) this.rels.set(key, r);
    return diff;
  }

  private applyTacticUse(fact: TacticUseFact): FactOutcome {
    const subject = this.resolve(fact.subject, 'subject');
    const [tactic] = this.tacticIds([fact.tactic], 'tactic')!;
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const id = factId(fact);
    const existed = this.rels.has(`USED|${id}`);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, existed);
    const diff = this.applyEdge('USED', id, subject.id, tactic, {
      note: fact.note,
      ...rangeProps('period', fact.period),
      ...ev,
    });
    return this.record({ id, label: 'USED' }, existed, 'tacticUse', diff, { subjectId: subject.id, objectId: tactic });
  }

  private applyStatistic(fact: StatisticFact): FactOutcome {
    const about: [string, string, string][] = [
      ...fact.fromPorts.map(
        (r, i) => ['from', this.resolve(r, `fromPorts[${i}]`).id, 'port'] as [string, string, string],
      ),
      ...fact.toPorts.map((r, i) => ['to', this.resolve(r, `toPorts[${i}]`).id, 'port'] as [string, string, string]),
      ...fact.countries.map((c) => ['country', this.country(c), 'country'] as [string, string, string]),
      ...(this.tacticIds(fact.tactics, 'tactics') ?? []).map(
        (t) => ['tactic', t, 'tactic'] as [string, string, string],
      ),
    ];
    const n = this.factNode(factId(fact), 'Statistic');
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const isNew = !this.nodes.has(n.id);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, !isNew);
    const given: Props = {
      statement: fact.statement,
      name: fact.statement,
      quantitiesJson: fact.quantities
        ? figuresJson(fact.quantities, BatchPlanner.edgeEvidence(n, ev), n.props.quantitiesJson)
        : isNew
          ? '[]'
          : undefined,
      attributedTo: fact.attributedTo,
      ...rangeProps('period', fact.period),
      ...ev,
    };
    const diff = this.applyNode(n, given, {}, fact.mode);
    if (isNew) this.register(n);
    for (const [role, other, kind] of about) {
      // Ports may be both a from and a to of one statistic: their edges carry the role in the id.
      const id = kind === 'port' ? `ABOUT:${n.id}->${other}:${role}` : `ABOUT:${n.id}->${other}`;
      const d = this.applyEdge('ABOUT', id, n.id, other, { role });
      if (Object.keys(d).length > 0) diff[`links.ABOUT.${role}`] = { before: null, after: other };
    }
    return this.record(n, !isNew, 'statistic', diff);
  }

  /** Everything the batch must write. */
  plan(outcomes: FactOutcome[]): WritePlan {
    const plan: WritePlan = {
      countries: [...this.countries.values()],
      nodes: [],
      aliases: this.newAliases,
      staleLinks: [],
      links: [],
      cites: [],
      relDeletes: [],
      rels: [],
      changes: this.changes,
      affectedLegs: [...this.affectedLegs].sort(),
      portsWithNewKind: [...this.portsWithNewKind],
      outcomes,
    };
    for (const n of this.nodes.values()) {
      if (n.dirtyProps.size > 0 || !n.existed) {
        const props: Props = {};
        const keys = n.existed ? [...n.dirtyProps] : Object.keys(n.props).filter((k) => k !== 'id');
        for (const k of keys) props[k] = n.props[k] ?? null;
        if (n.existed || Object.keys(props).length > 0) plan.nodes.push({ label: n.label, id: n.id, props });
      }
      if (n.dirtyLinks.size > 0) {
        const out: string[] = [];
        const inn: string[] = [];
        const keep: string[] = [];
        for (const [type, targets] of n.dirtyLinks) {
          (INCOMING.has(type) ? inn : out).push(type);
          for (const [other, props] of targets) {
            const [fromId, toId] = INCOMING.has(type) ? [other, n.id] : [n.id, other];
            const id = `${type}:${fromId}->${toId}`;
            keep.push(id);
            plan.links.push({ type, id, fromId, toId, props });
          }
        }
        if (n.existed) plan.staleLinks.push({ label: n.label, id: n.id, out, inn, keep });
      }
      if (n.citesDirty)
        for (const s of (n.props.sourceIds as string[]) ?? []) plan.cites.push({ fromId: n.id, sourceId: s });
    }
    for (const r of this.rels.values()) {
      if (!r.dirty) continue;
      if (r.existed && (r.storedFrom !== r.fromId || r.storedTo !== r.toId))
        plan.relDeletes.push({ type: r.type, id: r.id });
      const { id: _id, ...props } = r.props;
      plan.rels.push({ type: r.type, id: r.id, fromId: r.fromId, toId: r.toId, props });
    }
    // Countries are merged only when an edge written now leads to one.
    plan.countries = plan.countries.filter((c) => [...plan.links, ...plan.rels].some((l) => l.toId === c.id));
    return plan;
  }
}

function nkField(fact: EntityFact): string {
  return fact.type === 'vessel' ? 'imo' : fact.type === 'port' ? 'locode' : 'imoCompanyNumber';
}

function describeKey(ref: Ref): string {
  switch (ref.by) {
    case 'imo':
      return `IMO number ${ref.value}`;
    case 'locode':
      return `UN/LOCODE ${ref.value}`;
    case 'companyImo':
      return `IMO company number ${ref.value}`;
    default:
      return 'its key';
  }
}

/** Plans a batch: applies each fact in order against the state read from the graph. */
export function planBatch(facts: Fact[], nodeRows: NodeRow[], relRows: RelRow[]): WritePlan {
  const planner = new BatchPlanner(nodeRows, relRows);
  const outcomes = facts.map((f, i) => planner.apply(f, i));
  return planner.plan(outcomes);
}
