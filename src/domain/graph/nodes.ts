/**
 * The stored graph's labels and each label's properties with their Cypher types. A writer builds a
 * node's properties from this description (`pickProps`), so a property is added in one place plus
 * where it is shown.
 */
import { CargoOrigin, Commodity, Legality } from '../enums';
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
 * What a given property holds: free text of the sources (up to 1000 characters), a name (up to
 * `MAX_NAME`), an ISO country code, a flag, or a value of a vocabulary. `always`: a reader never gets
 * null for it (text reads as '' where the store has none; a vocabulary has its default). `field`: the
 * name facts and imports give it, where that differs from the stored name.
 */
export type GivenProperty =
  | { type: 'STRING'; holds: 'text' | 'name' | 'country'; always?: true; field?: string }
  | { type: 'STRING'; vocabulary: Record<string, string>; always: true }
  | { type: 'BOOLEAN' };

/**
 * A Leg's values as the sources give them, copied by every writer under the same names (the fact, the
 * seed record and the stored node use them alike), validated (domain/facts) and read back (db/records)
 * by this description: adding one is a line here plus where it is shown.
 */
export const LEG_GIVEN = {
  vesselDescription: { type: 'STRING', holds: 'text' },
  fromText: { type: 'STRING', holds: 'text', always: true },
  toText: { type: 'STRING', holds: 'text', always: true },
  commodity: { type: 'STRING', vocabulary: Commodity, always: true },
  cargoText: { type: 'STRING', holds: 'text', always: true },
  cargoOrigin: { type: 'STRING', vocabulary: CargoOrigin, always: true },
  declaredOrigin: { type: 'STRING', holds: 'name' },
  legality: { type: 'STRING', vocabulary: Legality, always: true },
  discharged: { type: 'BOOLEAN' },
  destinationCountryCode: { type: 'STRING', holds: 'country', field: 'destinationCountry' },
  tacticsText: { type: 'STRING', holds: 'text' },
} as const satisfies Record<string, GivenProperty>;
export type LegGivenProperty = keyof typeof LEG_GIVEN;

/** The leg's given properties with their Cypher types, in their order. */
export const LEG_GIVEN_PROPERTIES = Object.fromEntries(
  Object.entries(LEG_GIVEN).map(([k, d]) => [k, d.type]),
) as Record<LegGivenProperty, CypherType>;

/** The value of a given property: a vocabulary's enum, a flag, or a string. */
type GivenValue<D> = D extends { vocabulary: infer E } ? E[keyof E] : D extends { type: 'BOOLEAN' } ? boolean : string;

/** A leg's given values as a fact carries them: each optional (left out: the source says nothing). */
export type LegGivenFields = { [K in LegGivenProperty]?: GivenValue<(typeof LEG_GIVEN)[K]> };

/** A leg's given values as read or seeded: null where the store has none, unless `always`. */
export type LegGivenValues = {
  [K in LegGivenProperty]: (typeof LEG_GIVEN)[K] extends { always: true }
    ? GivenValue<(typeof LEG_GIVEN)[K]>
    : GivenValue<(typeof LEG_GIVEN)[K]> | null;
};

/** The name a fact or an import gives a leg's given property. */
export const legFieldName = (k: LegGivenProperty): string => {
  const d: GivenProperty = LEG_GIVEN[k];
  return 'field' in d && d.field ? d.field : k;
};

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
