import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced, Quantity } from './evidence';

@ObjectType({
  implements: [Node, Evidenced],
  description: 'An aggregate finding that names no single voyage ("47 shipments to Hangzhou Bay, May-Aug 2019").',
})
export class Statistic extends Evidenced implements Node {
  @Field(() => ID, { description: 'Stable id, "statistic:<slug>" (e.g. "statistic:poe-2020-coal-exports-2019").' })
  id!: string;

  @Field(() => String, { description: 'The finding in words, as its sources state it.' })
  statement!: string;

  @Field(() => DateRange, {
    nullable: true,
    description: 'The time the finding covers (UTC dates with their precision); null when the sources give none.',
  })
  period!: DateRange | null;

  @Field(() => [Quantity], {
    description: 'The amounts it states (tonnes, shipments, US dollars …), each a min–max range with its own evidence.',
  })
  quantities!: Quantity[];

  @Field(() => String, { nullable: true, description: 'Whose claim it is, where only attributed.' })
  attributedTo!: string | null;
}
