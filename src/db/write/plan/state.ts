/**
 * The batch's view of the graph while it is planned: the nodes and relations read, resolution of
 * references, and the shared steps every kind of fact uses (apply properties and links, record a change).
 */
import { countryName } from '../../../domain/identifiers';
import { confidenceScore } from '../../../domain/confidence';
import { labelOfId, NodeLabel } from '../../../domain/ids';
import { asText } from '../../../domain/text';
import { sourceId } from '../../../domain/sources';
import { bestTier, EvidenceValue, FactProblem, Provenance, Ref, SourceRef, SourceValue } from '../../../domain/facts';
import { ConfidenceTier } from '../../../domain/enums';
import { Props, LinkType, NodeRow, RelRow, FactOutcome, ChangeRecord, WritePlan } from './types';
import { ftmCandidates } from './lookups';
import { same, union, defined, UNION_KEYS } from './props';

/* ----------------------------------------------------------------------------------------------
 * State
 * -------------------------------------------------------------------------------------------- */

export interface NodeState {
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

export interface RelState {
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

/** The batch's view of the graph, updated fact by fact: nodes, relations and the changes so far. */
export class PlanState {
  protected readonly nodes = new Map<string, NodeState>();
  protected readonly aliasOf = new Map<string, string>();
  protected readonly byImo = new Map<string, string>();
  protected readonly byLocode = new Map<string, string>();
  protected readonly byCompanyImo = new Map<string, string>();
  protected readonly rels = new Map<string, RelState>();
  protected readonly countries = new Map<string, { id: string; code: string; name: string }>();
  protected readonly newAliases: WritePlan['aliases'] = [];
  protected readonly changes: ChangeRecord[] = [];
  protected readonly affectedLegs = new Set<string>();
  protected readonly portsWithNewKind = new Set<string>();
  protected factIndex = 0;

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

  protected register(n: NodeState): void {
    this.nodes.set(n.id, n);
    const p = n.props;
    if (n.label === 'Vessel' && p.imo) this.byImo.set(asText(p.imo), n.id);
    if (n.label === 'Port' && p.locode) this.byLocode.set(asText(p.locode), n.id);
    if (n.label === 'Company' && p.imoCompanyNumber) this.byCompanyImo.set(asText(p.imoCompanyNumber), n.id);
  }

  /** A node by id, following merge aliases. */
  protected node(id: string): NodeState | null {
    return this.nodes.get(id) ?? (this.aliasOf.has(id) ? (this.nodes.get(this.aliasOf.get(id)!) ?? null) : null);
  }

  protected resolve(ref: Ref, field: string): NodeState {
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

  protected sourceNode(ref: SourceRef, field: string): { id: string; tier: ConfidenceTier | null } {
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

  protected newNode(id: string, label: NodeLabel): NodeState {
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

  protected country(code: string): string {
    const id = `country:${code}`;
    if (!this.countries.has(id)) this.countries.set(id, { id, code, name: countryName(code) ?? code });
    return id;
  }

  /**
   * Applies given properties and links to a node (no throwing from here on). 'fill' leaves stored
   * values alone; list-valued evidence and names are unions, so nothing once written is lost.
   */
  protected applyNode(
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

  protected evidenceProps(ev: EvidenceValue, prov: Provenance | undefined, known: boolean): Props {
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
  protected static edgeEvidence(n: NodeState, ev: Props): Props {
    return {
      sourceIds: union(n.props.sourceIds, (ev.sourceIds as string[] | undefined) ?? []),
      confidence: ev.confidence ?? n.props.confidence ?? null,
      confidenceTier: ev.confidenceTier ?? n.props.confidenceTier ?? null,
      evidenceNote: ev.evidenceNote ?? n.props.evidenceNote ?? null,
    };
  }

  protected record(
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

  protected applySource(s: SourceValue, mode: 'set' | 'fill', factType: string): FactOutcome {
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
  protected applyInlineSources(ev: EvidenceValue): void {
    for (const s of ev.sources) if ('inline' in s) this.applySource(s.inline, 'fill', 'source');
  }

  protected checkSources(ev: EvidenceValue): void {
    ev.sources.forEach((s, i) => {
      if ('id' in s) this.sourceNode(s, `sources[${i}]`);
    });
  }

  protected lookupKey(nk: Ref): NodeState | null {
    if (nk.by === 'imo') return this.node(this.byImo.get(nk.value) ?? '');
    if (nk.by === 'locode') return this.node(this.byLocode.get(nk.value) ?? '');
    if (nk.by === 'companyImo') return this.node(this.byCompanyImo.get(nk.value) ?? '');
    return null;
  }

  /** A fact node (claim, leg, transfer, designation): the stored one with this id, or a new one. */
  protected factNode(id: string, label: NodeLabel): NodeState {
    const n = this.node(id);
    if (n && n.label !== label) throw new FactProblem('id', `"${id}" is a ${n.label}`);
    return n ?? this.newNode(id, label);
  }

  /** An edge fact with its own id and properties (a tactic use, a statistic's ABOUT edge). */
  protected applyEdge(
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
}
