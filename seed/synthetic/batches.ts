/**
 * What the emitter writes with: evidence, date ranges, figures and a batcher of node and relationship rows.
 */
import { NodeBatch, RelBatch, RelationshipType, neoDate } from '../../src/db/write/graphWriter';
import { Params } from '../../src/db/database';
import { NodeLabel, labelOfId } from '../../src/domain/ids';
import { confidenceScore, ConfidenceTier } from '../../src/domain/confidence';
import { sourceId } from '../../src/domain/sources';
import { NONE, isoOf, sourceUrl } from './names';

export type SyntheticBatch = { kind: 'nodes'; batch: NodeBatch } | { kind: 'rels'; batch: RelBatch };

/* ------------------------------------------------------------------------------------------------
 * Emitting batches
 * ---------------------------------------------------------------------------------------------- */

export const TIERS: ConfidenceTier[] = ['HIGH', 'MEDIUM_HIGH', 'MEDIUM', 'LOW'];

export const sourceIds: string[] = [];
/** The id of synthetic source i (hashed once). */
export function src(i: number): string {
  return (sourceIds[i] ??= sourceId(sourceUrl(i)));
}

export function evidence(source: number, tier: ConfidenceTier): Params {
  return {
    sourceIds: [src(source)],
    confidence: confidenceScore(tier),
    confidenceTier: tier,
    evidenceNote: 'synthetic',
  };
}

const dates = new Map<string, unknown>();
/** The driver's Date of an ISO day, one object a day (rows share it; a world has a few thousand days). */
export function dateOf(iso: string): unknown {
  let date = dates.get(iso);
  if (date === undefined) dates.set(iso, (date = neoDate(iso)));
  return date;
}

export function range(prefix: string, from: number, to: number, month = false): Params {
  const text =
    from === NONE && to === NONE
      ? null
      : month
        ? isoOf(from).slice(0, 7)
        : from === to
          ? isoOf(from)
          : `${from === NONE ? '?' : isoOf(from)} – ${to === NONE ? 'open' : isoOf(to)}`;
  return {
    [`${prefix}From`]: from === NONE ? null : dateOf(isoOf(from)),
    [`${prefix}To`]: to === NONE ? null : dateOf(isoOf(to)),
    [`${prefix}Precision`]:
      from === NONE && to === NONE
        ? null
        : month
          ? 'MONTH'
          : from === to
            ? 'DAY'
            : to === NONE
              ? 'OPEN'
              : 'MONTH_RANGE',
    [`${prefix}Text`]: text,
  };
}

export function quantity(min: number, max: number, unit: string, source: number, tier: ConfidenceTier): string {
  return JSON.stringify([{ min, max, unit, text: `${min} t (synthetic)`, ...evidence(source, tier) }]);
}

/** Buffers rows per (type, labels) and hands out full batches. */
export class Batcher {
  private nodes = new Map<string, NodeBatch>();
  private rels = new Map<string, RelBatch>();
  constructor(private readonly size: number) {}

  node(label: NodeLabel, id: string, props: Params, extraLabels?: string[]): SyntheticBatch[] {
    let b = this.nodes.get(label);
    if (!b) this.nodes.set(label, (b = { label, extraLabels, rows: [] }));
    b.rows.push({ id, props });
    if (b.rows.length < this.size) return [];
    this.nodes.delete(label);
    return [{ kind: 'nodes', batch: b }];
  }

  rel(type: RelationshipType, fromId: string, toId: string, props: Params = {}, id?: string): SyntheticBatch[] {
    const fromLabel = labelOfId(fromId)!;
    const toLabel = labelOfId(toId)!;
    const key = `${type}|${fromLabel}|${toLabel}`;
    let b = this.rels.get(key);
    if (!b) this.rels.set(key, (b = { type, fromLabel, toLabel, rows: [] }));
    b.rows.push({ id: id ?? `${type}:${fromId}->${toId}`, fromId, toId, props });
    if (b.rows.length < this.size) return [];
    this.rels.delete(key);
    return [{ kind: 'rels', batch: b }];
  }

  /** Everything buffered: nodes first, so that the relationships find both ends. */
  flush(): SyntheticBatch[] {
    const out: SyntheticBatch[] = [
      ...[...this.nodes.values()].map((batch) => ({ kind: 'nodes' as const, batch })),
      ...[...this.rels.values()].map((batch) => ({ kind: 'rels' as const, batch })),
    ];
    this.nodes.clear();
    this.rels.clear();
    return out;
  }

  /** Node batches only (relationship batches stay buffered until their nodes are out). */
  flushNodes(): SyntheticBatch[] {
    const out = [...this.nodes.values()].map((batch) => ({ kind: 'nodes' as const, batch }));
    this.nodes.clear();
    return out;
  }
}
