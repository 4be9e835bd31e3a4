/**
 * Constraints and indexes, created idempotently at start (`IF NOT EXISTS`): a uniqueness constraint on
 * every natural key, an index for every lookup, and one full-text index over names and aliases.
 */
import { Database } from '../database';
import { NODE_KINDS } from '../../domain/ids';
import { WRITE_MIGRATIONS } from '../write/audit';
import { WATCH_MIGRATIONS } from '../watch/alerts';
import { checkSchemaVersion, SCHEMA_VERSION_MIGRATIONS, upgradeSchema } from './schemaVersion';
import { INVESTIGATION_MIGRATIONS } from '../investigation/store';

export const FULLTEXT_INDEX = 'entity_names';

const KEYED_LABELS = Object.values(NODE_KINDS);

export const MIGRATIONS: readonly string[] = [
  ...KEYED_LABELS.map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  'CREATE CONSTRAINT vessel_imo IF NOT EXISTS FOR (n:Vessel) REQUIRE n.imo IS UNIQUE',
  'CREATE CONSTRAINT port_locode IF NOT EXISTS FOR (n:Port) REQUIRE n.locode IS UNIQUE',
  'CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE',
  'CREATE CONSTRAINT tactic_code IF NOT EXISTS FOR (n:Tactic) REQUIRE n.code IS UNIQUE',
  'CREATE CONSTRAINT source_url IF NOT EXISTS FOR (n:Source) REQUIRE n.url IS UNIQUE',
  'CREATE CONSTRAINT company_imo_number IF NOT EXISTS FOR (n:Company) REQUIRE n.imoCompanyNumber IS UNIQUE',
  'CREATE INDEX vessel_name IF NOT EXISTS FOR (n:Vessel) ON (n.name)',
  'CREATE INDEX vessel_flag IF NOT EXISTS FOR (n:Vessel) ON (n.flagCode)',
  'CREATE INDEX port_name IF NOT EXISTS FOR (n:Port) ON (n.name)',
  'CREATE INDEX port_country IF NOT EXISTS FOR (n:Port) ON (n.countryCode)',
  'CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name)',
  'CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)',
  'CREATE INDEX leg_departure IF NOT EXISTS FOR (n:Leg) ON (n.departureFrom)',
  'CREATE INDEX leg_arrival IF NOT EXISTS FOR (n:Leg) ON (n.arrivalTo)',
  // the trace's departure and arrival index (src/db/trace/candidates.ts): a port's calls by day
  'CREATE INDEX leg_departure_seek IF NOT EXISTS FOR ()-[r:FROM]-() ON (r.portId, r.seekDay)',
  'CREATE INDEX leg_arrival_seek IF NOT EXISTS FOR ()-[r:TO]-() ON (r.portId, r.seekDay)',
  // a port's departures in the rank order of routes (src/db/trace/startOrder.ts): a trace's start legs, best first
  'CREATE INDEX leg_departure_rank IF NOT EXISTS FOR ()-[r:FROM]-() ON (r.portId, r.rankConf, r.rankDay, r.rankId)',
  // the legs whose onward fact a departure set (src/db/trace/onward.ts): recomputed when it changes
  'CREATE INDEX leg_onward_by IF NOT EXISTS FOR (n:Leg) ON (n.onwardBy)',
  'CREATE INDEX designation_date IF NOT EXISTS FOR (n:Designation) ON (n.dateFrom)',
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Vessel|Port|Company|Person|IdentityClaim|Country) ON EACH [n.name, n.aliasesText]`,
  ...WRITE_MIGRATIONS,
  ...WATCH_MIGRATIONS,
  ...SCHEMA_VERSION_MIGRATIONS,
  ...INVESTIGATION_MIGRATIONS,
];

/** Refuses a database newer than this service (SchemaTooNewError), then constraints, indexes and upgrade steps in order. */
export async function migrate(db: Database): Promise<void> {
  await checkSchemaVersion(db);
  for (const statement of MIGRATIONS) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
  await upgradeSchema(db);
}
