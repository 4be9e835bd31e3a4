/** The arguments of the trace queries (traceCargo, traceBack, destinations): what to follow and the caps. */
import { ArgsType, Field, Float, Int } from 'type-graphql';
import { CargoOrigin, Commodity } from '../enums';
import { DateWindowInput, DestinationGrouping } from '../trace';
import { DEFAULT_MAX_WAIT_DAYS, MAX_WAIT_DAYS_CAP } from '../../domain/linking';
import { MAX_HOPS_CAP, MAX_ROUTE_LIMIT } from '../../domain/traceLimits';

@ArgsType()
export class TraceArgs {
  @Field(() => Commodity, {
    defaultValue: Commodity.COAL,
    description: 'COAL includes cargo the sources give as "coal or pig iron".',
  })
  commodity!: Commodity;

  @Field(() => DateWindowInput, {
    nullable: true,
    description: 'Only cargo that left the origin (traceBack: reached the destination) in this period.',
  })
  window?: DateWindowInput | null;

  @Field(() => Int, {
    defaultValue: 4,
    description: `Legs in a route, 1 to ${MAX_HOPS_CAP}; outside that: BAD_USER_INPUT.`,
  })
  maxHops!: number;

  @Field(() => Int, {
    defaultValue: DEFAULT_MAX_WAIT_DAYS,
    description: `Longest wait (days) for cargo landed and reloaded at a port, 0 to ${MAX_WAIT_DAYS_CAP} (else BAD_USER_INPUT). Documented transfers hold whatever the wait.`,
  })
  maxWaitDays!: number;

  @Field(() => [CargoOrigin], {
    nullable: true,
    description:
      'Cargo origins to follow (default DPRK, DPRK_SUSPECTED and UNCONFIRMED: sanction-exempt Russian coal is left out); an empty list is BAD_USER_INPUT.',
  })
  cargoOrigins?: CargoOrigin[] | null;
}

@ArgsType()
export class RouteListArgs extends TraceArgs {
  @Field(() => Float, {
    nullable: true,
    description: 'Only routes at least this confident, 0 to 1; outside that: BAD_USER_INPUT.',
  })
  minConfidence?: number | null;

  @Field(() => Int, {
    defaultValue: 50,
    description: `Most routes to return, 1 to ${MAX_ROUTE_LIMIT} (else BAD_USER_INPUT); the most confident come first.`,
  })
  limit!: number;
}

@ArgsType()
export class TraceCargoArgs extends RouteListArgs {
  @Field(() => String, {
    description:
      'The port the cargo left: a port id, UN/LOCODE, or name or alias ("Nampo" works), at most 200 characters; no such port: NOT_FOUND.',
  })
  origin!: string;

  @Field(() => String, { nullable: true, description: 'Only routes ending in this country (ISO 3166-1 alpha-2).' })
  destinationCountry?: string | null;
}

@ArgsType()
export class TraceBackArgs extends RouteListArgs {
  @Field(() => String, {
    description:
      'The port where the cargo was landed: a port id, UN/LOCODE, or name or alias, at most 200 characters; no such port: NOT_FOUND.',
  })
  destination!: string;
}

@ArgsType()
export class DestinationsArgs extends TraceArgs {
  @Field(() => String, {
    description:
      'The port the cargo left: a port id, UN/LOCODE, or name or alias, at most 200 characters; no such port: NOT_FOUND.',
  })
  origin!: string;

  @Field(() => DestinationGrouping, {
    defaultValue: DestinationGrouping.COUNTRY,
    description: 'One group per final country (default) or per final port.',
  })
  groupBy!: DestinationGrouping;
}
