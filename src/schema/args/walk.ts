/** The filters every link-analysis walk takes (neighbourhood, paths, common connections, export), and the neighbourhood's own arguments. */
import { ArgsType, Field, Float, ID, Int } from 'type-graphql';

export const RELATIONSHIP_TYPES_HELP =
  'Relationship types to follow, from the model (OWNS, MANAGES, OPERATES, CONTROLS, CHARTERED, BROKERED, CONSIGNEE_OF, ASSOCIATED_WITH, CLAIMED, ON, FROM, TO, FROM_VESSEL, TO_VESSEL, AT, FROM_LEG, TO_LEG, DESIGNATED, USED, IN, FLAG, DESTINATION, CITED_IN, ABOUT, NEXT). ' +
  'Default: all but CITED_IN, IN, FLAG, DESTINATION, ABOUT and NEXT (sources and countries would connect everything). Countries, sources, tactics and "port not named" placeholders are never passed through.';

@ArgsType()
export class WalkArgs {
  @Field(() => [String], { nullable: true, description: RELATIONSHIP_TYPES_HELP })
  relationshipTypes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'As of this day (YYYY-MM-DD): only ties in force then, and events (legs, transfers, designations) begun by then. Facts with unknown dates are kept.',
  })
  at?: string | null;

  @Field(() => Float, { nullable: true, description: 'Only facts at least this confident (0 to 1).' })
  minConfidence?: number | null;
}

@ArgsType()
export class NeighborhoodArgs extends WalkArgs {
  @Field(() => ID, {
    description: 'The entity at the centre (any Collier id). Malformed: BAD_USER_INPUT; unknown: NOT_FOUND.',
  })
  id!: string;

  @Field(() => Int, { defaultValue: 1, description: 'Hops from the entity, 1 to 3.' })
  depth!: number;

  @Field(() => Int, {
    defaultValue: 200,
    description:
      'Most nodes, the entity included, 1 to 2000; the nearest are kept and `truncated` tells when some were cut.',
  })
  limit!: number;
}
