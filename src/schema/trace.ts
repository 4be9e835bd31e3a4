/** What a trace answers: routes from a port through every intermediary to the final port. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateRange } from './evidence';
import { Leg, Transfer } from './leg';
import { Subgraph } from './subgraph';
import { TimelineEventKind } from '../domain/timeline';

export enum RouteStepKind {
  LEG = 'LEG',
  TRANSFER = 'TRANSFER',
}
registerEnumType(RouteStepKind, {
  name: 'RouteStepKind',
  description: 'Whether a route step is a leg or a transfer.',
  valuesConfig: {
    LEG: { description: 'A leg: one vessel carried the cargo from a place to a place (`leg` is set).' },
    TRANSFER: { description: 'A transfer: the cargo passed between two vessels (`transfer` is set).' },
  },
});

export enum LinkKind {
  TRANSFER = 'TRANSFER',
  CONTINUATION = 'CONTINUATION',
  INFERRED = 'INFERRED',
}
registerEnumType(LinkKind, {
  name: 'LinkKind',
  description:
    'How the cargo passed from one leg to the next: a documented TRANSFER between vessels, a CONTINUATION on the same vessel with the cargo aboard, or INFERRED (landed and reloaded at the same port within the maximum wait).',
  valuesConfig: {
    TRANSFER: { description: 'A documented transfer between the two vessels: a fact.' },
    CONTINUATION: { description: 'The same vessel sailed on with its cargo aboard: a fact.' },
    INFERRED: {
      description:
        'A guess: the cargo was landed at the port and reloaded by a vessel leaving within maxWaitDays; weighed by how many departures could have taken it.',
    },
  },
});

export enum LinkCertainty {
  CERTAIN = 'CERTAIN',
  POSSIBLE = 'POSSIBLE',
}
registerEnumType(LinkCertainty, {
  name: 'LinkCertainty',
  description: 'CERTAIN when the date bounds prove the order; POSSIBLE when they only allow it.',
  valuesConfig: {
    CERTAIN: { description: 'The next leg cannot have left before the previous one arrived.' },
    POSSIBLE: { description: 'The date ranges overlap: the order is allowed, not proved; lowers route confidence.' },
  },
});

export enum DestinationGrouping {
  COUNTRY = 'COUNTRY',
  PORT = 'PORT',
}
registerEnumType(DestinationGrouping, {
  name: 'DestinationGrouping',
  description: 'How `destinations` groups the routes.',
  valuesConfig: {
    COUNTRY: { description: "One group per country of the routes' final ports (key: ISO 3166-1 alpha-2 code)." },
    PORT: { description: 'One group per final port (key: port id).' },
  },
});

@InputType({ description: 'A period; either side may be left open. Days are written YYYY-MM-DD.' })
export class DateWindowInput {
  @Field(() => String, {
    nullable: true,
    description: 'First day (YYYY-MM-DD, UTC), included; omitted: open. Not a calendar date: BAD_USER_INPUT.',
  })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last day (YYYY-MM-DD, UTC), included; omitted: open. Before `from`: BAD_USER_INPUT.',
  })
  to?: string | null;
}

@ObjectType({ description: 'How a step follows the one before it.' })
export class RouteLink {
  @Field(() => LinkKind, { description: 'Documented transfer, continuation on the same vessel, or inferred reload.' })
  kind!: LinkKind;

  @Field(() => LinkCertainty, {
    description: 'Whether the date bounds prove the order of the two legs or only allow it.',
  })
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
  @Field(() => Int, { description: 'Position in the route, from 0 at the origin.' })
  index!: number;

  @Field(() => RouteStepKind, { description: 'LEG or TRANSFER: which of `leg` and `transfer` is set.' })
  kind!: RouteStepKind;

  @Field(() => Leg, { nullable: true, description: 'The leg, on a LEG step; null on a TRANSFER step.' })
  leg!: Leg | null;

  @Field(() => Transfer, { nullable: true, description: 'The transfer, on a TRANSFER step; null on a LEG step.' })
  transfer!: Transfer | null;

  @Field(() => RouteLink, {
    nullable: true,
    description: 'How this leg follows the previous one (null on the first leg and on transfer steps).',
  })
  link!: RouteLink | null;
}

@ObjectType({ description: 'A tonnage range in tonnes.' })
export class TonnageRange {
  @Field(() => Float, { nullable: true, description: 'Lowest figure, in tonnes; null when no source gives one.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest figure, in tonnes; null when no source gives one.' })
  max!: number | null;
}

@ObjectType({ description: 'A chain of legs that carried cargo from the origin to a final port.' })
export class Route {
  @Field(() => ID, {
    description: 'Id derived from the route\'s legs ("route:…"): the same chain has the same id in every trace.',
  })
  id!: string;

  @Field(() => [RouteStep], { description: 'Legs and transfers from the origin to the final port, in order.' })
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

  @Field(() => String, { description: "The country's or port's name." })
  name!: string;

  @Field(() => Int, { description: 'How many routes end in this group.' })
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

export { TimelineEventKind };
registerEnumType(TimelineEventKind, {
  name: 'TimelineEventKind',
  description: 'What happened in a timeline event; `refId` names the entity.',
  valuesConfig: {
    LEG_DEPARTURE: { description: 'The vessel left on a leg (refId: the leg).' },
    LEG_ARRIVAL: { description: 'The vessel arrived at the end of a leg (refId: the leg).' },
    TRANSFER: { description: 'A transfer the vessel took part in, either side (refId: the transfer).' },
    IDENTITY: { description: 'A name, number or flag it claimed from this date (refId: the identity claim).' },
    DESIGNATION: { description: 'A sanction on the vessel (refId: the designation).' },
    TACTIC: { description: 'An evasion tactic seen for the vessel (refId: the tactic).' },
  },
});

@ObjectType({ description: "One dated event in a vessel's life, with what it refers to." })
export class TimelineEvent {
  @Field(() => TimelineEventKind, {
    description: 'What kind of event: departure, arrival, transfer, identity, designation, tactic.',
  })
  kind!: TimelineEventKind;

  @Field(() => DateRange, {
    nullable: true,
    description: 'When (UTC days, with the precision the sources give); undated events come last.',
  })
  date!: DateRange | null;

  @Field(() => String, { description: 'What happened, in a line.' })
  summary!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The entity the event refers to (a leg, transfer, identity claim, designation or tactic).',
  })
  refId!: string | null;

  @Field(() => Float, { nullable: true, description: 'Confidence of the fact behind the event, 0 to 1.' })
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
