/** What a trace answers: routes from a port through every intermediary to the final port. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateRange } from './evidence';
import { Leg, Transfer } from './leg';
import { Subgraph } from './subgraph';

export enum RouteStepKind {
  LEG = 'LEG',
  TRANSFER = 'TRANSFER',
}
registerEnumType(RouteStepKind, { name: 'RouteStepKind' });

export enum LinkKind {
  TRANSFER = 'TRANSFER',
  CONTINUATION = 'CONTINUATION',
  INFERRED = 'INFERRED',
}
registerEnumType(LinkKind, {
  name: 'LinkKind',
  description:
    'How the cargo passed from one leg to the next: a documented TRANSFER between vessels, a CONTINUATION on the same vessel with the cargo aboard, or INFERRED (landed and reloaded at the same port within the maximum wait).',
});

export enum LinkCertainty {
  CERTAIN = 'CERTAIN',
  POSSIBLE = 'POSSIBLE',
}
registerEnumType(LinkCertainty, {
  name: 'LinkCertainty',
  description: 'CERTAIN when the date bounds prove the order; POSSIBLE when they only allow it.',
});

export enum DestinationGrouping {
  COUNTRY = 'COUNTRY',
  PORT = 'PORT',
}
registerEnumType(DestinationGrouping, { name: 'DestinationGrouping' });

@InputType({ description: 'A period; either side may be left open. Days are written YYYY-MM-DD.' })
export class DateWindowInput {
  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;
}

@ObjectType({ description: 'How a step follows the one before it.' })
export class RouteLink {
  @Field(() => LinkKind)
  kind!: LinkKind;

  @Field(() => LinkCertainty)
  certainty!: LinkCertainty;

  @Field(() => Int, { nullable: true, description: 'Fewest days the cargo can have waited (null: unknown).' })
  waitMinDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Most days the cargo can have waited (null: unknown).' })
  waitMaxDays!: number | null;

  @Field(() => Boolean, {
    description: 'True when the two legs meet at a port the sources give only as one of several alternatives.',
  })
  placeUncertain!: boolean;

  @Field(() => String, {
    description:
      'Why the cargo may have gone this way: the documented transfer or continuation, or, for an inferred link, among how many compatible departures it is one guess.',
  })
  reason!: string;

  @Field(() => Int, {
    description:
      'How many compatible departures (same commodity or unknown cargo, leaving that port within the wait) could have taken the cargo on; an inferred link weighs at most 1/alternatives of a documented one. 1 for documented links.',
  })
  alternatives!: number;
}

@ObjectType({
  description:
    'One step of a route: a leg (vessel, from, to, dates, tonnage) or a transfer (from vessel, to vessel, where, when).',
})
export class RouteStep {
  @Field(() => Int)
  index!: number;

  @Field(() => RouteStepKind)
  kind!: RouteStepKind;

  @Field(() => Leg, { nullable: true })
  leg!: Leg | null;

  @Field(() => Transfer, { nullable: true })
  transfer!: Transfer | null;

  @Field(() => RouteLink, {
    nullable: true,
    description: 'How this leg follows the previous one (null on the first leg and on transfer steps).',
  })
  link!: RouteLink | null;
}

@ObjectType({ description: 'A tonnage range in tonnes.' })
export class TonnageRange {
  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;
}

@ObjectType({ description: 'A chain of legs that carried cargo from the origin to a final port.' })
export class Route {
  @Field(() => ID)
  id!: string;

  @Field(() => [RouteStep])
  steps!: RouteStep[];

  @Field(() => Float, {
    description: "From 0 to 1: the weakest leg's confidence, lowered for every inferred or only possible link.",
  })
  confidence!: number;

  @Field(() => Int, { description: 'Links inferred from landing and reloading at the same port.' })
  inferredLinks!: number;

  @Field(() => Int, { description: 'Links whose order the date bounds allow but do not prove.' })
  possibleLinks!: number;

  @Field(() => Int, { description: 'Number of legs.' })
  hops!: number;

  @Field(() => Boolean, { description: 'True when the cargo may have gone further than maxHops allowed to follow.' })
  truncated!: boolean;

  @Field(() => DateRange, { nullable: true, description: 'When the first leg left.' })
  departure!: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'When the last leg arrived.' })
  arrival!: DateRange | null;

  @Field(() => TonnageRange, {
    description: 'Tonnage of the cargo as the legs give it (the last leg that states one).',
  })
  tonnage!: TonnageRange;

  @Field(() => Subgraph, {
    description: 'The route as nodes and edges (ports, legs, vessels, transfers), ready to draw.',
  })
  graph!: Subgraph;

  originId!: string;
  finalPortId!: string;
  finalCountryCode!: string;
  legIds!: string[];
  transferIds!: string[];
}

@ObjectType({ description: 'Where the cargo from an origin ended up, per country or per port.' })
export class DestinationSummary {
  @Field(() => String, { description: 'ISO country code or port id.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  routeCount!: number;

  @Field(() => TonnageRange, {
    description: 'Total tonnage over the distinct final legs (lowest and highest figures).',
  })
  tonnage!: TonnageRange;

  @Field(() => String, { nullable: true, description: 'Earliest day any of these routes can have left the origin.' })
  firstDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Latest day any of these routes can have arrived.' })
  lastDate!: string | null;

  @Field(() => Float, { description: 'The highest route confidence in the group.' })
  bestConfidence!: number;

  @Field(() => Float, {
    description:
      "This group's share (0 to 1) of the summed confidence of every route from the origin: many faint routes to one place add up.",
  })
  likelihood!: number;

  countryCode!: string | null;
  portId!: string | null;
  vesselIds!: string[];
  routes!: Route[];
}

export enum TimelineEventKind {
  LEG_DEPARTURE = 'LEG_DEPARTURE',
  LEG_ARRIVAL = 'LEG_ARRIVAL',
  TRANSFER = 'TRANSFER',
  IDENTITY = 'IDENTITY',
  DESIGNATION = 'DESIGNATION',
  TACTIC = 'TACTIC',
}
registerEnumType(TimelineEventKind, { name: 'TimelineEventKind' });

@ObjectType({ description: "One dated event in a vessel's life, with what it refers to." })
export class TimelineEvent {
  @Field(() => TimelineEventKind)
  kind!: TimelineEventKind;

  @Field(() => DateRange, { nullable: true })
  date!: DateRange | null;

  @Field(() => String, { description: 'What happened, in a line.' })
  summary!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The entity the event refers to (a leg, transfer, identity claim, designation or tactic).',
  })
  refId!: string | null;

  @Field(() => Float, { nullable: true })
  confidence!: number | null;

  sourceIds!: string[];
}

@ObjectType({ description: 'Who and what stood between the origin and the final port.' })
export class RouteIntermediaries {
  /** Resolved by the trace resolver: ports between origin and final port (including transfer places). */
  portIds!: string[];
  /** Vessels and the dates they carried the cargo, to find the companies behind them at the time. */
  vesselSpans!: { vesselId: string; from: string | null; to: string | null }[];
}
