/**
 * The database's schema version, so that upgrades are explicit: one `(:CollierSchema {name: "collier"})`
 * node holds the version the database was last brought to. At start the service runs, in order, every
 * upgrade step above that version (recording the version after each), and refuses to start on a
 * database whose version is newer than its own: an older service could misread or damage what a newer
 * one wrote. Steps must be idempotent (a crash between a step and its record runs it again).
 */
import { Database } from '../database';
import { computeOnwardAll } from '../trace/onward';
import { setRankKeysAll } from '../trace/startOrder';

export interface UpgradeStep {
  version: number;
  /** What the step changes, for the log and the operations page. */
  description: string;
  run(db: Database): Promise<void>;
}

/** The service could start on this database only by downgrading it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly serviceVersion: number,
  ) {
    super(
      `The database's schema version is ${databaseVersion}, newer than this service's ${serviceVersion}: a newer Collier upgraded it. ` +
        'Start that version (or a later one), or restore a backup taken before the upgrade (npm run restore); this service refuses to run on it.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Every step, in version order. Version 1 is the baseline: the constraints and indexes of
 * src/db/upgrade/migrations.ts, which also run (idempotently) at every start. Add a step with the next version
 * for any change existing data needs (a new property to fill, a relationship to rewrite, an index to
 * drop); never edit or remove a released step.
 */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  {
    version: 1,
    description: 'baseline: uniqueness constraints, lookup and full-text indexes (src/db/migrations.ts)',
    run: () => Promise.resolve(),
  },
  {
    version: 2,
    description:
      "the trace's onward fact on every leg (Leg.onwardWait, onwardBy: src/db/trace/onward.ts), computed in batches",
    run: async (db) => {
      await computeOnwardAll(db);
    },
  },
  {
    version: 3,
    description:
      'the rank keys of every departure (FROM.rankConf, rankDay, rankId: src/db/trace/startOrder.ts), set in batches',
    run: async (db) => {
      await setRankKeysAll(db);
    },
  },
];

/**
 * The step that computes the onward fact. A store written with the fact already on every leg (the
 * synthetic bulk load's CSV, seed/synthetic/onward.ts) is imported at its version, with its record, so
 * that the step does not run again; the steps after it run as on any store.
 */
export const ONWARD_FACT_STEP: UpgradeStep = UPGRADE_STEPS.find((s) => s.version === 2)!;

/** The step that sets the rank keys (written by the synthetic bulk load's CSV too: it imports at this version). */
export const RANK_KEYS_STEP: UpgradeStep = UPGRADE_STEPS.find((s) => s.version === 3)!;

/** Created with the other constraints (src/db/upgrade/migrations.ts): one version node, even with replicas starting together. */
export const SCHEMA_VERSION_MIGRATIONS = [
  'CREATE CONSTRAINT collier_schema_name IF NOT EXISTS FOR (n:CollierSchema) REQUIRE n.name IS UNIQUE',
];

export const SCHEMA_VERSION = UPGRADE_STEPS[UPGRADE_STEPS.length - 1].version;

export async function schemaVersion(db: Database): Promise<number> {
  const [row] = await db.read<{ version: number }>(
    "MATCH (s:CollierSchema {name: 'collier'}) RETURN s.version AS version",
  );
  return row?.version ?? 0;
}

/** Throws SchemaTooNewError when the database is newer than `steps`. */
export async function checkSchemaVersion(db: Database, steps: readonly UpgradeStep[] = UPGRADE_STEPS): Promise<number> {
  const current = await schemaVersion(db);
  const latest = steps.length === 0 ? 0 : steps[steps.length - 1].version;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  return current;
}

/** Runs the steps above the database's version, in order; answers the versions applied. */
export async function upgradeSchema(
  db: Database,
  steps: readonly UpgradeStep[] = UPGRADE_STEPS,
  log: (step: UpgradeStep) => void = () => undefined,
): Promise<number[]> {
  const current = await checkSchemaVersion(db, steps);
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    if (step.version <= current) continue;
    log(step);
    await step.run(db);
    await db.write(
      `MERGE (s:CollierSchema {name: 'collier'})
       SET s.version = $version, s.description = $description, s.upgradedAt = datetime()`,
      { version: step.version, description: step.description },
    );
    applied.push(step.version);
  }
  return applied;
}
