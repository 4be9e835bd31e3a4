/**
 * The stored graph's relationship types: the party relations (the `RelationType` vocabulary), the
 * structural edges a fact owns, and the derived NEXT links of the trace engine. Writers and readers
 * take the allow-lists from here; Cypher never spells a type that is not listed.
 */
import { RelationType } from '../enums';

/** How a company or person is tied to a vessel or another company, as stored (one relationship type each). */
export const RELATION_TYPES = Object.values(RelationType) as readonly `${RelationType}`[];

/** The ties a vessel's `owners` list answers (the GraphQL field and its compiled read alike). */
export const OWNER_RELATION_TYPES: readonly `${RelationType}`[] = [RelationType.OWNS];

/** The ties a vessel's `managers` list answers. */
export const MANAGER_RELATION_TYPES: readonly `${RelationType}`[] = [RelationType.MANAGES, RelationType.OPERATES];

/** Structural edges of legs, transfers and tactic uses: their vessel, places, destination, tactics, legs. */
const MOVEMENT_LINKS = [
  'ON',
  'FROM',
  'TO',
  'DESTINATION',
  'USED',
  'FROM_VESSEL',
  'TO_VESSEL',
  'AT',
  'FROM_LEG',
  'TO_LEG',
] as const;

/** Structural edges a fact owns, from the node that holds the fact (written by the write planner). */
export const OUT_LINKS = ['IN', 'FLAG', ...MOVEMENT_LINKS] as const;

/** Structural edges a fact owns that point at the node holding the fact. */
export const IN_LINKS = ['CLAIMED', 'DESIGNATED'] as const;

/** Every relationship type the store holds. */
export const RELATIONSHIP_TYPES = [
  'IN',
  'CITED_IN',
  'CLAIMED',
  'FLAG',
  ...RELATION_TYPES,
  ...MOVEMENT_LINKS,
  'DESIGNATED',
  'ABOUT',
  'NEXT',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
