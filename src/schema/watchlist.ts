/** Watchlists and their alerts: what an analyst watches, and what each write that touched it produced. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from './connection';
import { Node } from './node';

export enum AlertKind {
  ENTITY = 'ENTITY',
  PORT = 'PORT',
  COUNTRY = 'COUNTRY',
  MERGED = 'MERGED',
  RISK = 'RISK',
}
registerEnumType(AlertKind, {
  name: 'AlertKind',
  description: 'How a write touched a watchlist (docs/watchlists.md states the rule).',
  valuesConfig: {
    ENTITY: {
      description:
        'A fact about a watched vessel, company or person was written (its record, a leg, a transfer, a claim, a relation, a designation).',
    },
    PORT: { description: 'A new leg from or to a watched port, or a new transfer there.' },
    COUNTRY: {
      description:
        'A new leg carrying DPRK cargo (from a North Korean port, or with DPRK cargo origin) that ends in a watched country.',
    },
    MERGED: {
      description:
        'A watched vessel, company, person or port was merged with another (mergeEntities), kept or removed; `entityId` is the watched one.',
    },
    RISK: {
      description:
        "A write touching a watched vessel raised its risk score to the watchlist's minRisk or above (from below it).",
    },
  },
});

@ObjectType({
  description: 'What an analyst watches: entities, ports and destination countries. Alerts list what touched it.',
})
export class Watchlist {
  @Field(() => ID, { description: 'Its id ("watchlist:<uuid>").' })
  id!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => String, { description: 'Who created it: "key:<name>" or "jwt:<subject>" (as in the audit trail).' })
  owner!: string;

  @Field(() => String, { nullable: true, description: 'A note by its owner.' })
  note!: string | null;

  @Field(() => [ID], { description: 'Watched vessels, companies and persons: any fact written about them alerts.' })
  entityIds!: string[];

  @Field(() => [ID], { description: 'Watched ports: a new leg from or to one, or a new transfer there, alerts.' })
  ports!: string[];

  @Field(() => [String], {
    description: 'Watched destination countries (ISO 3166-1 alpha-2): a new DPRK-cargo leg ending in one alerts.',
  })
  countries!: string[];

  @Field(() => Float, {
    nullable: true,
    description:
      'A risk score (0–100) for the watched vessels. Stored and returned; alerts on a vessel crossing it are not produced yet (docs/watchlists.md).',
  })
  minRisk!: number | null;

  @Field(() => String, { description: 'When it was created (ISO 8601, UTC).' })
  createdAt!: string;

  @Field(() => String, { description: 'When it was last changed (ISO 8601, UTC).' })
  updatedAt!: string;

  @Field(() => [Node], { description: 'The watched entities and ports as they stand now (those still in the graph).' })
  watched?: unknown;

  @Field(() => Int, {
    description: 'How many of its alerts the caller has not marked read (0 for an anonymous caller).',
  })
  unreadCount?: number;
}

@ObjectType({ description: 'A write that touched a watchlist: one per watchlist and fact, committed with the write.' })
export class Alert {
  @Field(() => ID, {
    description:
      'Its id, "alert:<n>": n is its place in the alert log (alerts are numbered in the order their writes committed). Pass it as `since` to get only later alerts.',
  })
  id!: string;

  @Field(() => ID, { description: 'The watchlist it belongs to.' })
  watchlistId!: string;

  @Field(() => String, { description: 'When the write committed it (ISO 8601, UTC).' })
  at!: string;

  @Field(() => AlertKind, { description: 'How the write touched the watchlist.' })
  kind!: AlertKind;

  @Field(() => ID, {
    description: 'The watched thing it touched: a vessel, company, person or port id, or "country:XX".',
  })
  entityId!: string;

  @Field(() => ID, { description: 'The fact written: a leg, a transfer, an entity, a relation ("rel:…") …' })
  factId!: string;

  @Field(() => String, { description: 'The kind of fact: vessel, leg, transfer, relation, designation …' })
  factType!: string;

  @Field(() => [ID], { description: 'The audit entries of that fact in that write (see `changes`).' })
  changeIds!: string[];

  @Field(() => String, { description: 'One line saying what happened.' })
  summary!: string;

  @Field(() => String, { description: 'Who wrote it (as in the audit trail).' })
  actor!: string;

  @Field(() => String, { description: 'The mutation, or "importFacts" / "import".' })
  operation!: string;

  @Field(() => Boolean, { description: 'Whether the caller has marked it read (markAlertsRead).' })
  read?: boolean;

  @Field(() => Node, {
    nullable: true,
    description: 'The watched entity or port as it stands now; null for a country.',
  })
  entity?: unknown;
}

@InputType({ description: 'A new watchlist. It must watch at least one entity, port or country.' })
export class CreateWatchlistInput {
  @Field(() => String, { description: 'Its name (1–200 characters).' })
  name!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Vessel, company or person ids (at most 500); each must be in the graph (a merged id stands for the entity kept).',
  })
  entityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Port ids (at most 500); each must be in the graph.' })
  ports?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 country codes ("CN", "RU"; at most 500).' })
  countries?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'A risk score 0–100 (stored; see Watchlist.minRisk).' })
  minRisk?: number | null;

  @Field(() => String, { nullable: true, description: 'A note (at most 2000 characters).' })
  note?: string | null;
}

@InputType({
  description: 'Changes to a watchlist: fields left out keep their values; lists given replace the stored ones.',
})
export class UpdateWatchlistInput {
  @Field(() => String, { nullable: true, description: 'A new name (1–200 characters).' })
  name?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The watched vessels, companies and persons (replaces the list).' })
  entityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The watched ports (replaces the list).' })
  ports?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The watched countries (replaces the list).' })
  countries?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'A risk score 0–100; null clears it.' })
  minRisk?: number | null;

  @Field(() => String, { nullable: true, description: 'A note; null or "" clears it.' })
  note?: string | null;
}

export const WatchlistConnection = Connection('Watchlist', () => Watchlist);
export const AlertConnection = Connection('Alert', () => Alert);
