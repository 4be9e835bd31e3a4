import { Field, ID, InputType, InterfaceType, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateRange, Evidenced } from './evidence';
import { PartyKind, RelationType } from './enums';
import { Connection } from './connection';
import { labelOfId } from '../domain/ids';

@InterfaceType({
  implements: [Node, Evidenced],
  description: 'A company or a person: owner, manager, operator, broker, charterer, buyer.',
  resolveType: (value: { id: string }) => labelOfId(value.id) ?? undefined,
})
export abstract class Party extends Evidenced implements Node {
  @Field(() => ID, { description: 'Stable id: "company:…" for a company, "person:…" for a person.' })
  id!: string;

  @Field(() => String, { description: 'The name it is best known by in the sources.' })
  name!: string;

  @Field(() => [String], { description: 'Other names and spellings: former names, transliterations, trading names.' })
  aliases!: string[];

  @Field(() => PartyKind, { description: 'COMPANY or PERSON.' })
  kind!: PartyKind;

  @Field(() => String, {
    nullable: true,
    description: 'The country as the sources put it ("North Korea (operates in DPRK and Vietnam)").',
  })
  countryText!: string | null;

  countryCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Registered or known address, as the sources give it.' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: "Its role in the trade, in the sources' words." })
  role!: string | null;
}

@ObjectType({
  implements: [Party, Node, Evidenced],
  description: 'A company: registered owner, manager, operator, front company, broker or buyer.',
})
export class Company extends Party {
  @Field(() => String, { nullable: true, description: 'IMO unique company number, where known.' })
  imoCompanyNumber!: string | null;
}

@ObjectType({
  implements: [Party, Node, Evidenced],
  description: 'A natural person: director, owner, broker or agent named in the sources.',
})
export class Person extends Party {}

@ObjectType({
  implements: [Evidenced],
  description:
    'A tie between a company or person and a vessel or company (ownership, management, control …) over a time span.',
})
export class PartyRelation extends Evidenced {
  @Field(() => ID, {
    description: 'Id of the tie ("rel:…"), as `changes(entityId:)` and linkParty take it; not a Node id.',
  })
  id!: string;

  @Field(() => RelationType, { description: 'What kind of tie: owns, manages, operates, controls, chartered …' })
  type!: RelationType;

  @Field(() => String, { nullable: true, description: 'The role in the sources\' words ("registered owner").' })
  role!: string | null;

  @Field(() => DateRange, {
    nullable: true,
    description: 'When the tie held (UTC days, with the precision the sources give); null when undated.',
  })
  period!: DateRange | null;

  partyId!: string;
  targetId!: string;
}

@InputType({ description: 'Which companies and persons to list.' })
export class PartyFilter {
  @Field(() => String, { nullable: true, description: 'Part of its name or an alias, case-insensitive.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country?: string | null;

  @Field(() => PartyKind, { nullable: true, description: 'Only companies (COMPANY) or only persons (PERSON).' })
  kind?: PartyKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only parties under a sanction in force; false: only those under none.',
  })
  designated?: boolean | null;
}

export const PartyConnection = Connection('Party', () => Party);
