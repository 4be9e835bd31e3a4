/**
 * Describes the changes a write batch committed the way the watch rule (domain/watch.ts) reads them:
 * the entities each names, the ports a new leg or transfer calls at, and a new leg's route. Everything
 * comes from what the batch already holds — its plan and the rows it read before writing — so telling
 * whether a write touches a watchlist costs no extra read. No Cypher here.
 */
import { labelOfId } from '../../domain/ids';
import { asText } from '../../domain/text';
import { ChangeFacts, WATCHABLE_LABELS } from '../../domain/watch';
import { ChangeRecord, NodeRow, WritePlan } from '../write/plan';

type Diff = ChangeRecord['changes'];

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => asText(x)) : []);
const codeOf = (countryId: string): string => countryId.replace(/^country:/, '');

/** A node's links of one type as the batch read them (before the write). */
function storedLinks(row: NodeRow | undefined, type: string): string[] {
  return (row?.out ?? []).filter(([t]) => t === type).map(([, id]) => id);
}

/** The links of one type after the write: the diff's `after` when the write changed them, else as stored. */
function linksAfter(diff: Diff, row: NodeRow | undefined, type: string): string[] {
  const d = diff[`links.${type}`];
  return d ? ids(d.after) : storedLinks(row, type);
}

/** Ids a change added to a set of links (all of them for a new fact). */
function added(diff: Diff, type: string, created: boolean, row: NodeRow | undefined): string[] {
  const d = diff[`links.${type}`];
  if (!d) return created ? storedLinks(row, type) : [];
  const before = new Set(ids(d.before));
  return ids(d.after).filter((id) => !before.has(id));
}

export class ChangeDescriber {
  private readonly rows = new Map<string, NodeRow>();
  private readonly portCountry = new Map<string, string>();

  constructor(
    private readonly plan: WritePlan,
    read: NodeRow[],
  ) {
    for (const r of read) this.rows.set(r.id, r);
    for (const r of read)
      if (r.label === 'Port') for (const c of storedLinks(r, 'IN')) this.portCountry.set(r.id, codeOf(c));
    // ports created or moved by this batch
    for (const l of plan.links)
      if (l.type === 'IN' && labelOfId(l.fromId) === 'Port') this.portCountry.set(l.fromId, codeOf(l.toId));
  }

  describe(c: ChangeRecord, changeId: string): ChangeFacts {
    const diff = c.changes;
    const row = this.rows.get(c.entityId);
    const created = c.action === 'CREATED';
    const linked = Object.entries(diff)
      .filter(([k]) => k.startsWith('links.'))
      .flatMap(([, d]) => [...ids(d.before), ...ids(d.after)]);
    const entities = [c.entityId, c.subjectId, c.objectId, ...linked].filter(
      (id): id is string => id != null && WATCHABLE_LABELS.includes(labelOfId(id)!),
    );
    const facts: ChangeFacts = {
      changeId,
      fact: c.factIndex,
      factId: c.entityId,
      factType: c.factType,
      action: c.action,
      entities,
      newPorts: [],
      route: null,
    };
    if (c.entityLabel === 'Leg') {
      facts.newPorts = [...added(diff, 'FROM', created, row), ...added(diff, 'TO', created, row)];
      if (created || ['links.FROM', 'links.TO', 'links.DESTINATION'].some((k) => k in diff)) {
        const country = (port: string) => this.portCountry.get(port);
        const origin = diff.cargoOrigin ? diff.cargoOrigin.after : row?.props.cargoOrigin;
        facts.route = {
          fromCountries: linksAfter(diff, row, 'FROM')
            .map(country)
            .filter((x): x is string => x != null),
          toCountries: [
            ...linksAfter(diff, row, 'TO').map(country),
            ...linksAfter(diff, row, 'DESTINATION').map(codeOf),
          ].filter((x): x is string => x != null),
          cargoOrigin: origin == null ? null : asText(origin),
        };
      }
    } else if (c.entityLabel === 'Transfer') {
      facts.newPorts = added(diff, 'AT', created, row);
    }
    return facts;
  }
}

/** The changes of a plan, each with the id its audit entry was given. */
export function describeChanges(plan: WritePlan, read: NodeRow[], changeIds: readonly string[]): ChangeFacts[] {
  const describer = new ChangeDescriber(plan, read);
  return plan.changes.map((c, i) => describer.describe(c, changeIds[i]));
}
