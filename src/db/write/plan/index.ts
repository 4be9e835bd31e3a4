/**
 * What a batch of facts changes, worked out in memory before anything is written: each fact's
 * references are resolved against what the batch read from the graph (and what earlier facts of the
 * batch created), its properties and structural edges are compared with what is stored, and only the
 * differences become writes and audit entries. A fact that changes nothing writes nothing: that is
 * what makes every write idempotent. No Cypher here (src/db/write/writeFacts.ts runs the plan).
 */
export * from './types';
export { lookupsOf, ftmCandidates } from './lookups';
export { figuresJson } from './props';
import { Fact, FactProblem } from '../../../domain/facts';
import { RelationPlanner } from './relations';
import { Props, INCOMING, NodeRow, RelRow, FactOutcome, WritePlan } from './types';

/** The batch's view of the graph, updated fact by fact. */
export class BatchPlanner extends RelationPlanner {
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

/** Plans a batch: applies each fact in order against the state read from the graph. */
export function planBatch(facts: Fact[], nodeRows: NodeRow[], relRows: RelRow[]): WritePlan {
  const planner = new BatchPlanner(nodeRows, relRows);
  const outcomes = facts.map((f, i) => planner.apply(f, i));
  return planner.plan(outcomes);
}
