/**
 * Investigations: an analyst's case file — entities, saved traces and saved queries, each with a note,
 * its author and time — kept in Neo4j, shared with every reader, and exported as a report.
 */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CargoOrigin, Commodity } from './enums';
import { Connection } from './connection';
import { Node } from './node';
import { Route } from './trace';
import { MAX_INVESTIGATION_ITEMS } from '../domain/investigation';

export enum InvestigationItemKind {
  ENTITY = 'ENTITY',
  TRACE = 'TRACE',
  QUERY = 'QUERY',
}
registerEnumType(InvestigationItemKind, {
  name: 'InvestigationItemKind',
  description: 'What an investigation item keeps: which of `entity`, `trace` and `query` is set.',
  valuesConfig: {
    ENTITY: {
      description: 'A vessel, company, person, port (any entity with an id): `entityId` and `entity` are set.',
    },
    TRACE: { description: 'A saved trace (traceCargo or traceBack arguments): `trace` is set; it re-runs when read.' },
    QUERY: { description: 'A saved GraphQL query with its variables: `query` is set.' },
  },
});

export enum ReportFormat {
  MARKDOWN = 'MARKDOWN',
  HTML = 'HTML',
}
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  description: 'The format of an investigation report.',
  valuesConfig: {
    MARKDOWN: { description: 'Markdown (text/markdown), for a wiki, a ticket or a pull request.' },
    HTML: { description: 'One self-contained HTML page (text/html; no script, no external resource).' },
  },
});

@ObjectType({ description: 'The arguments a saved trace runs with (as given, defaults applied).' })
export class SavedTraceParameters {
  @Field(() => String, { nullable: true, description: 'The origin port (a traceCargo), as given.' })
  origin!: string | null;

  @Field(() => String, { nullable: true, description: 'The destination port (a traceBack), as given.' })
  destination!: string | null;

  @Field(() => Commodity, { description: 'The cargo followed.' })
  commodity!: Commodity;

  @Field(() => String, { nullable: true, description: 'First day of the window (YYYY-MM-DD); null: open.' })
  windowFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the window (YYYY-MM-DD); null: open.' })
  windowTo!: string | null;

  @Field(() => Int, { description: 'Legs in a route, at most.' })
  maxHops!: number;

  @Field(() => Int, { description: 'Longest wait (days) at a port for an inferred reload.' })
  maxWaitDays!: number;

  @Field(() => [CargoOrigin], { nullable: true, description: 'Cargo origins followed; null: the default ones.' })
  cargoOrigins!: CargoOrigin[] | null;

  @Field(() => Float, { nullable: true, description: 'Lowest route confidence kept; null: any.' })
  minConfidence!: number | null;

  @Field(() => Int, { description: 'Most routes kept.' })
  limit!: number;

  @Field(() => String, { nullable: true, description: 'Only routes ending in this country; null: any.' })
  destinationCountry!: string | null;
}

@ObjectType({
  description:
    'A trace kept in an investigation. Its `saved…` fields are the answer when it was saved; the others re-run it now (at most a few saved traces per request: TOO_MANY_TRACES past that) and compare.',
})
export class SavedTrace {
  @Field(() => SavedTraceParameters, { description: 'The arguments it runs with.' })
  parameters!: SavedTraceParameters;

  @Field(() => String, {
    description: 'Fingerprint of the answer when saved: a SHA-256 of its route ids and confidences, in rank order.',
  })
  savedFingerprint!: string;

  @Field(() => Int, { description: 'How many routes it answered when saved.' })
  savedRouteCount!: number;

  @Field(() => [ID], { description: 'The route ids it answered when saved, in rank order.' })
  savedRouteIds!: string[];

  @Field(() => Boolean, {
    description:
      'Re-runs it: true when the answer now differs from the saved one (other routes, order or confidences).',
  })
  changed?: boolean;

  @Field(() => String, { description: "Re-runs it: the current answer's fingerprint." })
  fingerprint?: string;

  @Field(() => Int, { description: 'Re-runs it: how many routes it answers now.' })
  routeCount?: number;

  @Field(() => [Route], { description: 'Re-runs it: the routes it answers now, most confident first.' })
  routes?: Route[];

  @Field(() => [ID], { description: 'Re-runs it: routes answered now that were not when saved.' })
  addedRouteIds?: string[];

  @Field(() => [ID], { description: 'Re-runs it: routes answered when saved that are not any more.' })
  removedRouteIds?: string[];
}

@ObjectType({ description: 'A GraphQL query kept in an investigation.' })
export class SavedQuery {
  @Field(() => String, { description: 'The query text.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Its variables, as a JSON object text; null: none.' })
  variables!: string | null;
}

@ObjectType({ description: 'One thing kept in an investigation, with its note, author and time.' })
export class InvestigationItem {
  @Field(() => ID, { description: 'Its id ("invitem:<uuid>"), for removeFromInvestigation.' })
  id!: string;

  @Field(() => ID, { description: 'The investigation it belongs to.' })
  investigationId!: string;

  @Field(() => Int, { description: 'Its place in the investigation (items are listed by it, first added first).' })
  position!: number;

  @Field(() => InvestigationItemKind, { description: 'Which of `entity`, `trace` and `query` it keeps.' })
  kind!: InvestigationItemKind;

  @Field(() => String, { nullable: true, description: "The analyst's note; null: none." })
  note!: string | null;

  @Field(() => String, { description: 'Who added it: "key:<name>" or "jwt:<subject>" (as in the audit trail).' })
  author!: string;

  @Field(() => String, { description: 'When it was added (ISO 8601, UTC).' })
  addedAt!: string;

  @Field(() => ID, { nullable: true, description: 'The entity kept (ENTITY items), as stored.' })
  entityId!: string | null;

  @Field(() => Node, {
    nullable: true,
    description:
      'The entity as it stands now (a merged id gives the one kept); null when it is gone or not an entity item.',
  })
  entity?: unknown;

  @Field(() => SavedTrace, { nullable: true, description: 'The trace kept (TRACE items).' })
  trace!: SavedTrace | null;

  @Field(() => SavedQuery, { nullable: true, description: 'The query kept (QUERY items).' })
  query!: SavedQuery | null;
}

@ObjectType({
  description: `A case file: entities, saved traces and queries with notes (at most ${MAX_INVESTIGATION_ITEMS} items). Readers read every investigation; editors write.`,
})
export class Investigation {
  @Field(() => ID, { description: 'Its id ("investigation:<uuid>").' })
  id!: string;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it is about; null: no summary.' })
  summary!: string | null;

  @Field(() => String, { description: 'Who created it: "key:<name>" or "jwt:<subject>" (as in the audit trail).' })
  owner!: string;

  @Field(() => String, { description: 'When it was created (ISO 8601, UTC).' })
  createdAt!: string;

  @Field(() => String, { description: 'When it or its items last changed (ISO 8601, UTC).' })
  updatedAt!: string;

  @Field(() => Int, { description: 'How many items it holds.' })
  itemCount!: number;

  @Field(() => [InvestigationItem], { description: 'Its items in order (position), first added first.' })
  items?: InvestigationItem[];
}

@ObjectType({ description: 'An investigation written out as a document.' })
export class InvestigationReport {
  @Field(() => ReportFormat, { description: 'The format of `content`.' })
  format!: ReportFormat;

  @Field(() => String, { description: 'A file name to save it under ("<title>.md" or ".html").' })
  fileName!: string;

  @Field(() => String, {
    description: 'Its media type ("text/markdown; charset=utf-8" or "text/html; charset=utf-8").',
  })
  mediaType!: string;

  @Field(() => String, {
    description:
      'The report: title, summary, each item in order with its note, author and time — entities with their designations, traces re-run with their routes and whether they changed, queries — and every source cited, numbered.',
  })
  content!: string;
}

export const InvestigationConnection = Connection('Investigation', () => Investigation);
