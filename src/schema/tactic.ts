import { Field, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced } from './evidence';

@ObjectType({ implements: [Node], description: 'An evasion tactic (AIS_DARK, STS_TRANSFER, FALSE_DOCUMENTS …).' })
export class Tactic extends Node {
  @Field(() => String, {
    description: 'Upper-case code of the taxonomy ("AIS_DARK", "STS_TRANSFER"); the id is "tactic:" + code.',
  })
  code!: string;

  @Field(() => String, { description: 'Short readable name ("AIS blackout").' })
  name!: string;

  @Field(() => String, { description: 'What the tactic is and how it hides the trade.' })
  description!: string;
}

@ObjectType({
  implements: [Evidenced],
  description: 'A tactic seen for a vessel, company, leg or transfer, with when and on what evidence.',
})
export class TacticUse extends Evidenced {
  tacticId!: string;

  @Field(() => DateRange, {
    nullable: true,
    description: 'When the tactic was seen (UTC days, with the precision the sources give); null when undated.',
  })
  period!: DateRange | null;

  @Field(() => String, { nullable: true, description: 'What the sources say about this use, condensed.' })
  note!: string | null;
}
