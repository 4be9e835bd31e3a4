import { Field, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced } from './evidence';

@ObjectType({ implements: [Node], description: 'An evasion tactic (AIS_DARK, STS_TRANSFER, FALSE_DOCUMENTS …).' })
export class Tactic extends Node {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType({
  implements: [Evidenced],
  description: 'A tactic seen for a vessel, company, leg or transfer, with when and on what evidence.',
})
export class TacticUse extends Evidenced {
  tacticId!: string;

  @Field(() => DateRange, { nullable: true })
  period!: DateRange | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
