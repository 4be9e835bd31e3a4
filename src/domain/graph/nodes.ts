/**
 * The stored graph's labels and each label's properties with their Cypher types. A writer builds a
 * node's properties from this description (`pickProps`), so a property is added in one place plus
 * where it is shown.
 */
import { NODE_KINDS } from '../ids';

export type CypherType = 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN' | 'DATE' | 'LIST<STRING>';

/** Every node label of the store ('Party' is the second label of companies and persons). */
export const NODE_LABELS = [...Object.values(NODE_KINDS), 'Party'] as const;

/** Properties every fact node carries: its evidence. */
export const EVIDENCE_PROPERTIES = {
  sourceIds: 'LIST<STRING>',
  confidence: 'FLOAT',
  confidenceTier: 'STRING',
  evidenceNote: 'STRING',
  ftmIds: 'LIST<STRING>',
  ftmDatasets: 'LIST<STRING>',
} as const satisfies Record<string, CypherType>;

/** A date range stored as `<prefix>From`, `<prefix>To`, `<prefix>Precision`, `<prefix>Text`. */
export const dateRangeProperties = <P extends string>(prefix: P) =>
  ({
    [`${prefix}From`]: 'DATE',
    [`${prefix}To`]: 'DATE',
    [`${prefix}Precision`]: 'STRING',
    [`${prefix}Text`]: 'STRING',
  }) as Record<`${P}${'From' | 'To' | 'Precision' | 'Text'}`, CypherType>;

/**
 * A Leg's values as the sources give them, copied by every writer under the same names (the fact, the
 * seed record and the stored node use them alike).
 */
export const LEG_GIVEN_PROPERTIES = {
  vesselDescription: 'STRING',
  fromText: 'STRING',
  toText: 'STRING',
  commodity: 'STRING',
  cargoText: 'STRING',
  cargoOrigin: 'STRING',
  declaredOrigin: 'STRING',
  legality: 'STRING',
  discharged: 'BOOLEAN',
  destinationCountryCode: 'STRING',
  tacticsText: 'STRING',
} as const satisfies Record<string, CypherType>;
export type LegGivenProperty = keyof typeof LEG_GIVEN_PROPERTIES;

/** What a new leg stores where its source says nothing. */
export const LEG_DEFAULTS: Partial<Record<LegGivenProperty, unknown>> = {
  commodity: 'COAL',
  cargoText: '',
  cargoOrigin: 'UNCONFIRMED',
  legality: 'UNDETERMINED',
};

/** A Leg node's properties: what the sources give, its dates, its figures, its vessel and its evidence. */
export const LEG_PROPERTIES = {
  id: 'STRING',
  vesselId: 'STRING',
  ...LEG_GIVEN_PROPERTIES,
  ...dateRangeProperties('departure'),
  ...dateRangeProperties('arrival'),
  tonnageJson: 'STRING',
  tonnageMin: 'FLOAT',
  tonnageMax: 'FLOAT',
  valueJson: 'STRING',
  ...EVIDENCE_PROPERTIES,
} as const;

/**
 * The listed properties of `source`, under the same names. A property that has a default takes it
 * when `source` leaves it undefined or null and `fill` is true (a new node), else undefined (left as
 * stored); a property without a default is copied as it is (a null clears a stored value).
 */
export function pickProps<T extends Record<string, CypherType>>(
  names: T,
  source: Partial<Record<keyof T, unknown>>,
  defaults: Partial<Record<keyof T, unknown>> = {},
  fill = true,
): Partial<Record<keyof T, unknown>> {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const k of Object.keys(names) as (keyof T)[])
    out[k] = k in defaults ? (source[k] ?? (fill ? defaults[k] : undefined)) : source[k];
  return out;
}
