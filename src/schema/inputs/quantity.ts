import { Field, Float, InputType } from 'type-graphql';

@InputType({
  description: "A figure, possibly a range: min and/or max, a unit (TONNES by default) and the source's words.",
})
export class QuantityInput {
  @Field(() => Float, { nullable: true, description: 'Lower bound in `unit`, 0 to 1e12; give min, max or both.' })
  min?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound in `unit`, 0 to 1e12, not below min; equal to min for one figure.',
  })
  max?: number | null;

  @Field(() => String, { nullable: true, description: 'TONNES, USD, WON, SHIPMENTS, TRIPS, DWT or GT.' })
  unit?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The sources\' words ("~25,000 t"), at most 500 characters; default: the figure itself.',
  })
  text?: string | null;
}
