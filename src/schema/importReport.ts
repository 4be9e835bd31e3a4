/** What an import did with each line of its payload. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportFormat {
  JSONL = 'jsonl',
  FTM = 'ftm',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'JSONL: Collier JSON Lines (docs/import.md); FTM: FollowTheMoney entities, one per line.',
  valuesConfig: {
    JSONL: {
      description:
        'Collier JSON Lines: one fact per line, the fields of the mutation inputs plus a `type` (docs/import.md).',
    },
    FTM: { description: 'FollowTheMoney entities, one JSON object per line (e.g. an OpenSanctions export).' },
  },
});

@ObjectType({ description: 'A line the import refused, and why.' })
export class ImportRejection {
  @Field(() => Int, { description: 'Line number in the payload, from 1.' })
  line!: number;

  @Field(() => String, { description: 'What is wrong, naming the field ("imo: is not a valid IMO number …").' })
  reason!: string;
}

@ObjectType({ description: 'A property of FtM entities that an import did not keep, and how many entities had it.' })
export class SkippedFtmProperty {
  @Field(() => String, { description: 'Schema and property, e.g. "Vessel.registrationPort".' })
  property!: string;

  @Field(() => Int, { description: 'Entities of the payload that had it.' })
  count!: number;

  @Field(() => Boolean, {
    description:
      'True: the FtM schema defines it and Collier has no place for it; false: the schema does not define it at all.',
  })
  definedBySchema!: boolean;
}

@ObjectType({ description: 'What an import did: one count per line of the payload.' })
export class ImportReport {
  @Field(() => ID, { description: 'Id of this import run; its audit entries carry it as runId.' })
  runId!: string;

  @Field(() => ImportFormat, { description: 'The format the payload was read as.' })
  format!: ImportFormat;

  @Field(() => Boolean, { description: 'True when nothing was written (the counts say what would have been).' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Non-blank lines.' })
  lines!: number;

  @Field(() => Int, { description: 'Facts that were new.' })
  created!: number;

  @Field(() => Int, { description: 'Facts that existed and changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Facts the graph already held exactly.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Lines refused (see `rejections`); the other lines are still written.' })
  rejected!: number;

  @Field(() => Int, {
    description:
      'FtM lines of schemas Collier does not map, and Address lines (folded into the entities that point at them).',
  })
  skipped!: number;

  @Field(() => [ImportRejection], {
    description: 'Each refused line and why (the first 1000; `rejected` counts them all).',
  })
  rejections!: ImportRejection[];

  @Field(() => [SkippedFtmProperty], {
    description:
      'FtM only: the properties of the schemata Collier reads that it did not keep, by name (never dropped silently); empty for JSON Lines.',
  })
  skippedProperties!: SkippedFtmProperty[];

  @Field(() => Int, {
    description:
      'How many batches the facts were written in: one transaction each, except a dry run, which holds one and rolls it back.',
  })
  batches!: number;

  @Field(() => Int, { description: 'Nodes Neo4j created.' })
  nodesCreated!: number;

  @Field(() => Int, { description: 'Relationships Neo4j created.' })
  relationshipsCreated!: number;

  @Field(() => Int, { description: 'Wall-clock time of the import, in milliseconds.' })
  durationMs!: number;
}
