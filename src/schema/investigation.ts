/**
 * Investigations: an analyst's case file — entities, saved traces and saved queries, each with a note,
 * its author and time — kept in Neo4j, shared with every reader, and exported as a report.
 */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CargoOrigin, Commodity } from './enums';
import { Connection } from './connection';
import { Node } from './node';
import { DateWindowInput, Route } from './trace';
import { DEFAULT_MAX_WAIT_DAYS, MAX_WAIT_DAYS_CAP } from '../domain/linking';
import {
  MAX_INVESTIGATION_ITEMS,
  MAX_NOTE_LENGTH,
  MAX_QUERY_TEXT,
  MAX_QUERY_VARIABLES,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
} from '../domain/investigation';

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

@InputType({ description: 'A new investigation.' })
export class CreateInvestigationInput {
  @Field(() => String, { description: `Its title (1–${MAX_TITLE_LENGTH} characters).` })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: `What it is about (at most ${MAX_SUMMARY_LENGTH} characters).`,
  })
  summary?: string | null;
}

@InputType({ description: 'Changes to an investigation: fields left out keep their values.' })
export class UpdateInvestigationInput {
  @Field(() => String, { nullable: true, description: `A new title (1–${MAX_TITLE_LENGTH} characters).` })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new summary; null or "" clears it.' })
  summary?: string | null;
}

@InputType({
  description:
    'The arguments of a trace to keep: give `origin` (as traceCargo does) or `destination` (as traceBack does), not both. The same checks as those queries apply (BAD_USER_INPUT naming the field).',
})
export class TraceInput {
  @Field(() => String, {
    nullable: true,
    description:
      'The port the cargo left (traceCargo): a port id, UN/LOCODE, or name or alias, at most 200 characters.',
  })
  origin?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The port where the cargo was landed (traceBack): a port id, UN/LOCODE, or name or alias.',
  })
  destination?: string | null;

  @Field(() => Commodity, { defaultValue: Commodity.COAL, description: 'The cargo followed (default COAL).' })
  commodity!: Commodity;

  @Field(() => DateWindowInput, {
    nullable: true,
    description: 'Only cargo that left (traceBack: arrived) in this period.',
  })
  window?: DateWindowInput | null;

  @Field(() => Int, { defaultValue: 4, description: 'Legs in a route, 1 to the cap traceCargo states.' })
  maxHops!: number;

  @Field(() => Int, {
    defaultValue: DEFAULT_MAX_WAIT_DAYS,
    description: `Longest wait (days) for cargo landed and reloaded at a port, 0 to ${MAX_WAIT_DAYS_CAP}.`,
  })
  maxWaitDays!: number;

  @Field(() => [CargoOrigin], {
    nullable: true,
    description: 'Cargo origins to follow (default DPRK, DPRK_SUSPECTED and UNCONFIRMED).',
  })
  cargoOrigins?: CargoOrigin[] | null;

  @Field(() => Float, { nullable: true, description: 'Only routes at least this confident, 0 to 1.' })
  minConfidence?: number | null;

  @Field(() => Int, { defaultValue: 50, description: 'Most routes to keep, 1 to the cap traceCargo states.' })
  limit!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Only routes ending in this country (ISO 3166-1 alpha-2); with `origin` only.',
  })
  destinationCountry?: string | null;
}

@InputType({ description: 'A GraphQL query to keep, with its variables.' })
export class SavedQueryInput {
  @Field(() => String, {
    description: `The query text (at most ${MAX_QUERY_TEXT} characters): it must be valid against this schema and hold only query operations (no mutation or subscription).`,
  })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: `Its variables as a JSON object text ('{"origin":"Nampho"}'), at most ${MAX_QUERY_VARIABLES} characters.`,
  })
  variables?: string | null;
}

@InputType({
  description:
    'What to add to an investigation: exactly one of `entityId`, `trace` and `query`, with an optional note.',
})
export class InvestigationItemInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An entity in the graph (vessel, company, person, port, leg, …); a merged id stands for the one kept.',
  })
  entityId?: string | null;

  @Field(() => TraceInput, {
    nullable: true,
    description: 'A trace to keep: it runs now, and its answer (a fingerprint of its routes) is stored with it.',
  })
  trace?: TraceInput | null;

  @Field(() => SavedQueryInput, { nullable: true, description: 'A GraphQL query to keep.' })
  query?: SavedQueryInput | null;

  @Field(() => String, { nullable: true, description: `The analyst's note (at most ${MAX_NOTE_LENGTH} characters).` })
  note?: string | null;
}

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
