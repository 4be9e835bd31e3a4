import { Params } from '../database';
import { labelOfId, NodeLabel } from '../../domain/ids';

/**
 * One statement for keys of several labels: a UNION ALL with one branch per label the loader can meet,
 * each branch fed its own list of ids (`$keys_Vessel`, …), so the number of statements never depends
 * on which labels a batch happens to contain. Every branch must return the same columns.
 */
export function byLabel(
  labels: readonly NodeLabel[],
  branch: (label: NodeLabel, keys: string) => string,
  leading: string[] = [],
) {
  const cypher = `CALL () { ${[...leading, ...labels.map((l) => branch(l, `$keys_${l}`))].join(' UNION ALL ')} } RETURN *`;
  const params = (keys: readonly string[], extra: Params = {}): Params => {
    const p: Params = { ...extra };
    for (const l of labels) p[`keys_${l}`] = [];
    for (const k of keys) {
      const label = labelOfId(k);
      if (label && labels.includes(label)) (p[`keys_${label}`] as string[]).push(k);
    }
    return p;
  };
  return { cypher, params };
}
