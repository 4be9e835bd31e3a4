/** The audit trail: one entry per fact a write changed, with who, when and each value before and after. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node';
import { Connection } from './connection';

export enum ChangeAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  MERGED = 'MERGED',
  DELETED = 'DELETED',
}
registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description:
    'CREATED, UPDATED, MERGED (the entity was merged into another: see mergeEntities), or DELETED (a watchlist, by deleteWatchlist).',
  valuesConfig: {
    CREATED: { description: 'The fact did not exist before this write.' },
    UPDATED: { description: 'The fact existed; the write changed some of its values (see `changes`).' },
    MERGED: { description: 'The entity was folded into another by mergeEntities; `entity` is the one kept.' },
    DELETED: { description: 'A watchlist was deleted (deleteWatchlist); facts of the graph are never deleted.' },
  },
});

@ObjectType({ description: 'One property (or `links.TYPE` edge set) before and after a write, as JSON text.' })
export class PropertyChange {
  @Field(() => String, { description: 'The property name ("name", "imo"), or "links.TYPE" for a set of edges.' })
  property!: string;

  @Field(() => String, { description: 'JSON; "null" when it had no value.' })
  before!: string;

  @Field(() => String, { description: 'JSON.' })
  after!: string;
}

@ObjectType({ description: 'What one write changed in one fact, who wrote it and when.' })
export class Change {
  @Field(() => ID, {
    description: 'Id of the entry ("change:<write id>:<n>"); entries of one write share the write id.',
  })
  id!: string;

  @Field(() => String, { description: 'When (ISO 8601, UTC).' })
  at!: string;

  @Field(() => String, {
    description: 'Who: "key:<name>" for an API key, "jwt:<subject>" for a token, "cli:<user>" for the import command.',
  })
  actor!: string;

  @Field(() => String, { description: 'The mutation, or "import".' })
  operation!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The id of the HTTP request that wrote it (x-request-id, given or generated); null for the import command.',
  })
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: 'The import run, for imports.' })
  runId!: string | null;

  @Field(() => Int, { nullable: true, description: 'The line of the import file.' })
  line!: number | null;

  @Field(() => ID, { description: 'The fact changed: an entity, source, leg … or a relation ("rel:…").' })
  entityId!: string;

  @Field(() => String, { description: 'Its label, or the relation type.' })
  entityLabel!: string;

  @Field(() => ChangeAction, { description: 'Created, updated, or merged into another entity.' })
  action!: ChangeAction;

  @Field(() => String, { description: 'vessel, company, leg, relation, merge …' })
  factType!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why, where the write says ("merged X into Y", "derived from the identity claims").',
  })
  note!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The entity the fact is about (a claim's vessel, a relation's party, a designation's target …).",
  })
  subjectId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The other entity of a relation or transfer.' })
  objectId!: string | null;

  @Field(() => [PropertyChange], { description: 'Each property the write changed, before and after.' })
  changes!: PropertyChange[];

  @Field(() => Node, {
    nullable: true,
    description: 'The entity as it stands now (after a merge: the one it was merged into).',
  })
  entity?: unknown;
}

export const ChangeConnection = Connection('Change', () => Change);
