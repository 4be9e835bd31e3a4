/**
 * Whether the target Neo4j offers the Graph Data Science procedures an analysis needs (asked once per
 * database, cached), and the errors an analysis raises when it does not or when its scope is too large.
 */
import { Neo4jError } from 'neo4j-driver';
import { Database, StatementCounter } from '../database';

export const DROP_PROCEDURE = 'gds.graph.drop';

/** The target Neo4j lacks the Graph Data Science procedures this operation needs. */
export class GdsUnavailableError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `This Neo4j has no Graph Data Science support for this operation: ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not installed. Install the GDS plugin (2.x for Neo4j 5) or point Collier at a Neo4j that has it.`,
    );
    this.name = 'GdsUnavailableError';
  }
}

/* ----------------------------------------------------------------------------------------------
 * Availability, checked once per database
 * -------------------------------------------------------------------------------------------- */

const available = new WeakMap<Database, Promise<Set<string>>>();

/** The GDS procedure names the database offers (cached; a failed check is retried next time). */
export function gdsProcedures(db: Database, counter?: StatementCounter): Promise<Set<string>> {
  let found = available.get(db);
  if (!found) {
    found = db
      .read<{ name: string }>(`SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'gds.' RETURN name`, {}, counter)
      .then((rows) => new Set(rows.map((r) => r.name)));
    available.set(db, found);
    found.catch(() => available.delete(db));
  }
  return found;
}

export async function requireGds(db: Database, procedures: string[], counter?: StatementCounter): Promise<void> {
  const names = await gdsProcedures(db, counter);
  const missing = [DROP_PROCEDURE, ...procedures].filter((p) => !names.has(p));
  if (missing.length > 0) throw new GdsUnavailableError(missing);
}

/** The requested scope would project more than the bound allows: narrow it. */
export class ProjectionTooLargeError extends Error {
  constructor(readonly bound: number) {
    super(
      `The requested network holds more than ${bound} nodes and relationships, the most one analysis projects. ` +
        'Narrow it: fewer labels or relationshipTypes, a window, or a minConfidence.',
    );
    this.name = 'ProjectionTooLargeError';
  }
}

/** A procedure or function Neo4j does not know (GDS removed, or only partly installed). */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    const m = /(?:procedure|function)[^']*'(gds\.[\w.]+)'/i.exec(error.message);
    if (m && /not found|unknown|no procedure|no function/i.test(error.message)) return new GdsUnavailableError([m[1]]);
  }
  return error;
}

/* ----------------------------------------------------------------------------------------------
 * Projection
 * -------------------------------------------------------------------------------------------- */
