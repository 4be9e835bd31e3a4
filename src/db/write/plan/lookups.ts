/**
 * What a batch of facts must read from the graph before it can be planned: ids by label and alias,
 * natural keys, relation ids by type.
 */
import { NodeLabel } from '../../../domain/ids';
import { sourceId } from '../../../domain/sources';
import {
  Fact,
  factId,
  ftmKey,
  naturalKey,
  newEntityId,
  Ref,
  SourceRef,
  TacticUseFact,
  StatisticFact,
} from '../../../domain/facts';
import { Lookups } from './types';

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
