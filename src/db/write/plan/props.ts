/**
 * How planned values become stored properties: date ranges, figures as JSON with their evidence,
 * list values kept as unions, equality as the store sees it.
 */
import { confidenceScore } from '../../../domain/confidence';
import { DateRangeValue, QuantityValue } from '../../../domain/facts';
import { Props } from './types';

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function union(existing: unknown, added: readonly string[]): string[] {
  const out = Array.isArray(existing) ? existing.map(String) : [];
  for (const v of added) if (!out.includes(v)) out.push(v);
  return out;
}

export function rangeProps(prefix: string, r: DateRangeValue | undefined): Props {
  if (r === undefined) return {};
  return {
    [`${prefix}From`]: r.from,
    [`${prefix}To`]: r.to,
    [`${prefix}Precision`]: r.precision,
    [`${prefix}Text`]: r.text,
  };
}

export function defined(p: Props): Props {
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

export function quantityProps(qs: QuantityValue[] | undefined, ev: Props, stored?: unknown): Props {
  if (qs === undefined) return {};
  const mins = qs.map((q) => q.min ?? q.max).filter((v): v is number => v != null);
  const maxs = qs.map((q) => q.max ?? q.min).filter((v): v is number => v != null);
  return {
    tonnageJson: figuresJson(qs, ev, stored),
    tonnageMin: mins.length ? Math.min(...mins) : null,
    tonnageMax: maxs.length ? Math.max(...maxs) : null,
  };
}

export const UNION_KEYS = new Set(['sourceIds', 'aliases', 'otherNames', 'ftmIds', 'ftmDatasets']);
