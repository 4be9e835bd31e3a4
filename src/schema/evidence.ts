/** Every fact carries its evidence: the sources that state it and how sure they make it. */
import { Field, Float, InterfaceType, ObjectType } from 'type-graphql';
import { ConfidenceTier, DatePrecision } from './enums';

@InterfaceType({
  description: 'A fact with its evidence.',
  resolveType: (value: { typename?: string }) => value.typename,
})
export abstract class Evidenced {
  @Field(() => Float, { description: 'Confidence from 0 to 1, from the tier of the sources behind the fact.' })
  confidence!: number;

  @Field(() => ConfidenceTier, {
    description: 'How sure the sources make the fact (HIGH … LOW); `confidence` is its number.',
  })
  confidenceTier!: ConfidenceTier;

  @Field(() => String, { nullable: true, description: 'How the sources qualify the fact, where they do.' })
  evidenceNote!: string | null;

  /** Resolved to `sources` by the evidence resolver. */
  sourceIds!: string[];
}

@ObjectType({ description: 'A date or period as the sources give it: the earliest and latest day it can fall on.' })
export class DateRange {
  @Field(() => String, {
    nullable: true,
    description: 'Earliest possible day (YYYY-MM-DD); null when the sources give no lower bound.',
  })
  from!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Latest possible day (YYYY-MM-DD); null when the sources give no upper bound.',
  })
  to!: string | null;

  @Field(() => DatePrecision, {
    description: 'How the sources stated it: a day, part of a month, a year, open-ended …',
  })
  precision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'The words of the sources ("Aug-Sep 2017").' })
  text!: string | null;
}

@ObjectType({
  implements: [Evidenced],
  description:
    'A figure the sources give, possibly a range or an estimate; conflicting figures are listed side by side.',
})
export class Quantity extends Evidenced {
  @Field(() => Float, { nullable: true, description: 'Lower bound, in `unit`; null when the sources give none.' })
  min!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound, in `unit`; equals min for a single figure, null when the sources give none.',
  })
  max!: number | null;

  @Field(() => String, { description: 'TONNES, USD, WON, SHIPMENTS, TRIPS, DWT or GT.' })
  unit!: string;

  @Field(() => String, { description: 'The words of the sources ("~25,000 t (26,500 t in PoE text per VOA)").' })
  text!: string;
}

@ObjectType({ description: 'An approximate position.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84), -90 to 90; north positive.' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84), -180 to 180; east positive.' })
  lon!: number;
}
