/**
 * Planning entity facts (vessels, companies, persons, ports) and identity claims: keys, aliases and
 * the vessel identity derived from its claims.
 */
import { countryName } from '../../../domain/identifiers';
import { currentFlag } from '../../../domain/identity';
import { NodeLabel } from '../../../domain/ids';
import { asText } from '../../../domain/text';
import {
  EntityFact,
  factId,
  FactProblem,
  IdentityClaimFact,
  naturalKey,
  newEntityId,
  Ref,
} from '../../../domain/facts';
import { NodeState, PlanState } from './state';
import { Props, LinkType, FactOutcome } from './types';
import { rangeProps, figuresJson } from './props';

export class EntityPlanner extends PlanState {
  protected applyEntity(fact: EntityFact): FactOutcome {
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
            ? figuresJson(fact.deadweight, PlanState.edgeEvidence(n, ev), n.props.deadweightJson)
            : undefined,
          grossTonnageJson: fact.grossTonnage
            ? figuresJson(fact.grossTonnage, PlanState.edgeEvidence(n, ev), n.props.grossTonnageJson)
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

  protected applyClaim(fact: IdentityClaimFact): FactOutcome {
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
  protected deriveVesselIdentity(vessel: NodeState): void {
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
