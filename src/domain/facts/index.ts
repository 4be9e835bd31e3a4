/**
 * The facts Collier accepts from writers — one mutation, one line of a JSON Lines import, or one
 * mapped FollowTheMoney entity each make one Fact — and the rules every fact must pass before it
 * reaches the database: field types, identifiers (IMO check digit, MMSI, UN/LOCODE, ISO country),
 * dates, closed vocabularies, and at least one source. Pure functions, no I/O.
 *
 * A fact names other entities by reference: a Collier id ("vessel:test-vessel-alpha"), a natural key
 * ("imo:9876543", "locode:XXABC", "company-imo:1234567"), or (FtM only) an FtM id. Keys of facts that
 * have no natural key of their own (legs, transfers, relations, designations, claims) are derived
 * from the fact's content *as written*, so the same line always names the same fact.
 */
export { FACT_TYPES, FACT_PHASE, PHASES } from './kinds';
export type { FactType } from './kinds';
export type {
  DateRangeValue,
  QuantityValue,
  FigureEvidence,
  SourceValue,
  SourceRef,
  Ref,
  EvidenceValue,
  Provenance,
  SourceFact,
  VesselFact,
  PartyFact,
  PortFact,
  IdentityClaimFact,
  LegFact,
  TransferFact,
  RelationFact,
  DesignationFact,
  EntityFact,
  CountryFact,
  TacticFact,
  StatisticFact,
  TacticUseFact,
  Fact,
} from './types';
export { FactProblem } from './problem';
export { QUANTITY_UNITS } from './fields';
export { parseRef } from './values';
export { factFields } from './fieldNames';
export { RELATION_ID, validateFact } from './validate';
export { joinKey, refKey, ftmKey, newEntityId, naturalKey, factId } from './keys';
export { bestTier } from './tier';
export { factRefs } from './refs';
