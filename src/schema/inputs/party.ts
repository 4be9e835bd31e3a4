/** Companies and persons as writers give them. */
import { EvidenceInput } from './evidence';
import { Field, ID, InputType } from 'type-graphql';

@InputType('PartyFieldsInput', { description: 'The fields companies and persons share.' })
abstract class PartyFields extends EvidenceInput {
  @Field(() => String, { description: 'The name it is best known by, at most 300 characters.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names; added to those already known.' })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "The country in the sources' words, at most 300 characters." })
  countryText?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered or known address, at most 1000 characters.' })
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Its role in the trade, in the sources' words (at most 1000 characters).",
  })
  role?: string | null;
}

@InputType({ description: 'A company, identified by `id`, else by IMO company number, else by name.' })
export class CompanyInput extends PartyFields {
  @Field(() => ID, {
    nullable: true,
    description: 'A company id, to update that company; omitted: found by IMO company number, else name.',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'IMO unique company number (seven digits).' })
  imoCompanyNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'National company registration number, at most 100 characters.' })
  registrationNumber?: string | null;
}

@InputType({ description: 'A person, identified by `id`, else by name.' })
export class PersonInput extends PartyFields {
  @Field(() => ID, { nullable: true, description: 'A person id, to update that person; omitted: found by name.' })
  id?: string | null;
}
