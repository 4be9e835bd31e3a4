import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced } from './evidence';
import { Authority, DesignationStatus } from './enums';

@ObjectType({
  implements: [Node, Evidenced],
  description: 'A sanction on a vessel, company or person: who imposed it, what it does, since when.',
})
export class Designation extends Evidenced implements Node {
  @Field(() => ID, { description: 'Stable id ("designation:un:2017-12-28:ul-ji-bong-6").' })
  id!: string;

  targetId!: string;

  @Field(() => Authority, { description: 'Who imposed it: UN 1718 Committee, OFAC, DOJ, ROK, EU, UK, other.' })
  authority!: Authority;

  @Field(() => String, { description: '"port-entry ban", "blocked property (SDN)", "asset freeze and travel ban" …' })
  measure!: string;

  @Field(() => DesignationStatus, { description: 'In force, proposed, withdrawn or lifted.' })
  status!: DesignationStatus;

  @Field(() => DateRange, {
    description: 'When it was imposed or proposed (UTC days, with the precision the sources give).',
  })
  date!: DateRange;

  @Field(() => String, {
    nullable: true,
    description: 'The programme or document reference ("Case 1:19-cv-04210"), where stated.',
  })
  reference!: string | null;
}
