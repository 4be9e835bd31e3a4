/** Who is behind a vessel as of a day: direct ties, the chain of controlling parties above them, and every designation on the way. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Vessel } from './vessel';
import { Party, PartyRelation } from './party';
import { Designation } from './designation';
import { GraphNode, Subgraph } from './subgraph';

@ObjectType({ description: 'One tie of an ownership tree: a party holding the vessel, or holding a party above it.' })
export class OwnershipTie {
  @Field(() => PartyRelation, { description: 'The tie itself: its type, role, time span and evidence.' })
  relation!: PartyRelation;

  @Field(() => Int, { description: '1: tied to the vessel itself; 2: owns or controls a party of level 1; and so on.' })
  depth!: number;

  @Field(() => Party, { description: 'The holding company or person.' })
  party!: Party;

  @Field(() => [Designation], { description: "The holding party's designations imposed by the day (all statuses)." })
  designations!: Designation[];
}

@ObjectType({ description: 'A company or person on the tree.' })
export class OwnershipParty {
  @Field(() => Party, { description: 'The company or person.' })
  party!: Party;

  @Field(() => Int, { description: 'Its nearest level (1: tied to the vessel itself).' })
  depth!: number;

  @Field(() => Boolean, { description: 'No known party owns or controls it as of the day: the top of its chain.' })
  ultimateParent!: boolean;

  @Field(() => [Designation], { description: 'Its designations imposed by the day (all statuses).' })
  designations!: Designation[];
}

@ObjectType({ description: 'A designation somewhere on the tree, and where.' })
export class ChainDesignation {
  @Field(() => GraphNode, { description: 'The designated vessel, company or person.' })
  holder!: GraphNode;

  @Field(() => Int, { description: '0: the vessel itself; otherwise the level of the party.' })
  depth!: number;

  @Field(() => Designation, { description: 'The designation: authority, measure, status, date.' })
  designation!: Designation;
}

@ObjectType({
  description: 'Registered owner, managers, operators and the chain of controlling companies above them, as of a day.',
})
export class OwnershipTree {
  @Field(() => Vessel, { description: 'The vessel the tree is drawn for.' })
  vessel!: Vessel;

  @Field(() => String, {
    nullable: true,
    description: 'The day the tree is drawn for; null: any time (every known tie).',
  })
  at!: string | null;

  @Field(() => [OwnershipTie], { description: 'Registered and beneficial owners (OWNS).' })
  owners!: OwnershipTie[];

  @Field(() => [OwnershipTie], { description: 'Ship managers (MANAGES).' })
  managers!: OwnershipTie[];

  @Field(() => [OwnershipTie], { description: 'Operators (OPERATES).' })
  operators!: OwnershipTie[];

  @Field(() => [OwnershipTie], {
    description: 'Other ties to the vessel: controllers, charterers, brokers, consignees, associates.',
  })
  otherTies!: OwnershipTie[];

  @Field(() => [OwnershipTie], {
    description: 'Ties above the direct parties: who owns or controls them, up to the last known parent.',
  })
  chain!: OwnershipTie[];

  @Field(() => [OwnershipParty], { description: 'Every company and person on the tree, nearest first.' })
  parties!: OwnershipParty[];

  @Field(() => [OwnershipParty], {
    description:
      'The last known parents of the owners, managers, operators and controllers: the tops of their chains (nobody known owns or controls them). Charterers, brokers and consignees are not parents.',
  })
  ultimateParents!: OwnershipParty[];

  @Field(() => [ChainDesignation], {
    description: 'Every designation imposed by the day on the vessel or any party of the tree.',
  })
  designations!: ChainDesignation[];

  @Field(() => Boolean, {
    description: 'True when the vessel or a party of the tree has a designation in force by the day.',
  })
  designated!: boolean;

  @Field(() => Subgraph, { description: 'The tree drawn: the vessel, the parties and their ties.' })
  graph!: Subgraph;
}
