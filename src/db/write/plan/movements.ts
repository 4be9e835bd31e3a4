/**
 * Planning movement facts: legs (cargo on one vessel from a place to a place) and transfers between
 * vessels, with the tactics they used.
 */
import { asText } from '../../../domain/text';
import { factId, FactProblem, LegFact, TransferFact } from '../../../domain/facts';
import { EntityPlanner } from './entities';
import { NodeState, PlanState } from './state';
import { Props, LinkType, FactOutcome } from './types';
import { rangeProps, figuresJson, quantityProps } from './props';
import { LEG_DEFAULTS, LEG_GIVEN_PROPERTIES, pickProps } from '../../../domain/graph';

export class MovementPlanner extends EntityPlanner {
  protected tacticIds(codes: string[] | undefined, field: string): string[] | undefined {
    return codes?.map((c, i) => {
      const t = this.node(`tactic:${c}`);
      if (!t) throw new FactProblem(`${field}[${i}]`, `"${c}" is not a tactic code Collier knows`);
      return t.id;
    });
  }

  protected applyLeg(fact: LegFact): FactOutcome {
    const vessel = fact.vessel ? this.resolve(fact.vessel, 'vessel') : null;
    const from = fact.from.map((r, i) => this.resolve(r, `from[${i}]`));
    const to = fact.to.map((r, i) => this.resolve(r, `to[${i}]`));
    const tactics = this.tacticIds(fact.tactics, 'tactics');
    const n = this.factNode(factId(fact), 'Leg');
    this.checkSources(fact.evidence);
    this.applyInlineSources(fact.evidence);
    const isNew = !this.nodes.has(n.id);
    const ev = this.evidenceProps(fact.evidence, fact.provenance, !isNew);
    const edge = PlanState.edgeEvidence(n, ev);
    const names = (ps: NodeState[]) => ps.map((p) => asText(p.props.name ?? p.id)).join(' or ');
    const given: Props = {
      vesselId: vessel?.id,
      ...pickProps(LEG_GIVEN_PROPERTIES, fact, LEG_DEFAULTS, isNew),
      fromText: fact.fromText ?? (isNew ? names(from) : undefined),
      toText: fact.toText ?? (isNew ? names(to) : undefined),
      ...rangeProps('departure', fact.departure),
      ...rangeProps('arrival', fact.arrival),
      ...quantityProps(fact.tonnage ?? (isNew ? [] : undefined), edge, n.props.tonnageJson),
      valueJson: fact.value ? figuresJson(fact.value, edge, n.props.valueJson) : isNew ? '[]' : undefined,
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

  protected applyTransfer(fact: TransferFact): FactOutcome {
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
    const edge = PlanState.edgeEvidence(n, ev);
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
}
