/**
 * Pieces of the narrowed reads of the look-ahead loaders (db/loaders.ts `nodeWith`, `…With`): reads
 * of only the properties a query's selection is built from (db/records.ts FIELD_PROPS).
 */
import { toRecord } from './records';

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

/** One vessel's row of LEGS_OF_VESSELS_NARROWED as its leg records, in order. */
export function legsFromColumns(props: readonly string[], row: Record<string, unknown>) {
  const columns = row.columns as unknown[][];
  const legs = new Array<ReturnType<typeof toRecord>>(row.n as number);
  for (let i = 0; i < legs.length; i++) {
    const read: Record<string, unknown> = {};
    for (let c = 0; c < props.length; c++) read[props[c]] = columns[c][i];
    legs[i] = toRecord('Leg', read);
  }
  return legs;
}
