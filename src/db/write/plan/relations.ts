/**
 * Planning the facts that tie nodes together: designations, party relations, countries and tactics,
 * tactic uses and statistics.
 */
import { confidenceScore } from '../../../domain/confidence';
import { NodeLabel } from '../../../domain/ids';
import {
  bestTier,
  DesignationFact,
  factId,
  FactProblem,
  RelationFact,
  CountryFact,
  TacticFact,
  TacticUseFact,
  StatisticFact,
} from '../../../domain/facts';
import { ConfidenceTier } from '../../../domain/enums';
import { MovementPlanner } from './movements';
import { RelState, PlanState } from './state';
import { Props, FactOutcome } from './types';
import { same, union, rangeProps, defined, figuresJson, UNION_KEYS } from './props';

export class RelationPlanner extends MovementPlanner {
  protected applyDesignation(fact: DesignationFact): FactOutcome {
    const target = this.resolve(fact.target, 'target');
    const n = this.factNode(factId(fact), 'Designation');
    const stored = n.links.get('DESIGNATED');
    if (n.existed && stored?.length && stored[0] !== target.id)
      throw new FactProblem('target', `${n.id} designates ${stored[0]}`);
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const isNew = !this.nodes.has(n.id);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, !isNew);
    const edge = PlanState.edgeEvidence(n, ev);
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

  protected applyRelation(fact: RelationFact): FactOutcome {
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
  protected applyReference(fact: CountryFact | TacticFact): FactOutcome {
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

  protected applyTacticUse(fact: TacticUseFact): FactOutcome {
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

  protected applyStatistic(fact: StatisticFact): FactOutcome {
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
        ? figuresJson(fact.quantities, PlanState.edgeEvidence(n, ev), n.props.quantitiesJson)
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
}
