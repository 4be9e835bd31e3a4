import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced, Quantity } from './evidence';

@ObjectType({
  implements: [Node, Evidenced],
  description: 'An aggregate finding that names no single voyage ("47 shipments to Hangzhou Bay, May-Aug 2019").',
})
export class Statistic extends Evidenced implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  statement!: string;

  @Field(() => DateRange, { nullable: true })
  period!: DateRange | null;

  @Field(() => [Quantity])
  quantities!: Quantity[];

  @Field(() => String, { nullable: true, description: 'Whose claim it is, where only attributed.' })
  attributedTo!: string | null;
}
