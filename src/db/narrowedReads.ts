/**
 * Pieces of the narrowed reads of the look-ahead loaders (db/loaders.ts `nodeWith`, `…With`): reads
 * of only the properties a query's selection is built from (db/records.ts FIELD_PROPS).
 */
import { NodeLabel } from '../domain/ids';
import { LegRecord, NodeRecords, toRecord } from './records';

/**
 * A property's value in a narrowed read, a DATE as its ISO text ("2019-05-04", what `toPlain` makes of
 * the driver's Date): the driver decodes a DATE with 64-bit Integer arithmetic, the most expensive
 * value it reads (a nested answer reads hundreds of them to order relations by their periods).
 */
export const propertyValue = (x: string) => `CASE WHEN ${x} IS :: DATE THEN toString(${x}) ELSE ${x} END`;

/**
 * The legs of vessels with only `$props` read: one row per vessel, holding one list per property with
 * its legs' values in time order, not one row per leg (nor one list per leg): a nested answer reads
 * thousands of legs, and each row or list costs the driver an object to unpack and us one to convert.
 */
export const LEGS_OF_VESSELS_NARROWED = `UNWIND $keys AS key
  CALL (key) {
    MATCH (l:Leg)-[:ON]->(:Vessel {id: key})
    WITH l ORDER BY coalesce(l.departureFrom, l.arrivalFrom, l.arrivalTo), l.id
    WITH collect(l) AS legs
    RETURN size(legs) AS n, [p IN $props | [l IN legs | ${propertyValue('l[p]')}]] AS columns
  }
  RETURN key, n, columns`;

/**
 * The record of a narrowed read of `props` (always the id). When only the id was read, every selected
 * field is built from the id alone (db/records.ts FIELD_PROPS: `id`, `__typename`, and fields resolved
 * through loaders keyed by it), so the record is the id and its type: a list that selects `{ id }` over
 * thousands of legs builds no 26-field records for it.
 */
export function narrowedRecord<L extends NodeLabel>(
  label: L,
  props: readonly string[],
  read: Record<string, unknown>,
): NodeRecords[L] {
  // The id-only record stands for the label's record: the selection it serves reads nothing else.
  return props.length === 1 ? idRecord(label, read.id) : toRecord(label, read);
}

const idRecord = <L extends NodeLabel>(label: L, id: unknown) =>
  ({ id: String(id), typename: label }) as unknown as NodeRecords[L];

/** One vessel's row of LEGS_OF_VESSELS_NARROWED as its leg records, in order. */
export function legsFromColumns(props: readonly string[], row: Record<string, unknown>): LegRecord[] {
  const columns = row.columns as unknown[][];
  const legs = new Array<LegRecord>(row.n as number);
  if (props.length === 1) {
    // only the id (`legs { id }`): its records straight from the one column, no property map a leg
    const ids = columns[0];
    for (let i = 0; i < legs.length; i++) legs[i] = idRecord('Leg', ids[i]);
    return legs;
  }
  for (let i = 0; i < legs.length; i++) {
    const read: Record<string, unknown> = {};
    for (let c = 0; c < props.length; c++) read[props[c]] = columns[c][i];
    legs[i] = narrowedRecord('Leg', props, read);
  }
  return legs;
}
