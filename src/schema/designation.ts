import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced } from './evidence';
import { Authority, DesignationStatus } from './enums';

@ObjectType({
  implements: [Node, Evidenced],
  description: 'A sanction on a vessel, company or person: who imposed it, what it does, since when.',
})
export class Designation extends Evidenced implements Node {
  @Field(() => ID)
  id!: string;

  targetId!: string;

  @Field(() => Authority)
  authority!: Authority;

  @Field(() => String, { description: '"port-entry ban", "blocked property (SDN)", "asset freeze and travel ban" …' })
  measure!: string;

  @Field(() => DesignationStatus)
  status!: DesignationStatus;

  @Field(() => DateRange)
  date!: DateRange;

  @Field(() => String, { nullable: true })
  reference!: string | null;
}
