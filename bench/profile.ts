/**
 * Query plans of what each operation really runs: a Database whose reads are PROFILEd, put under an
 * in-process Collier service, so that every statement a GraphQL request sends (the trace, the loader
 * batches …) is recorded with its db hits, rows, operators and any label or full scan.
 */
import neo4j from 'neo4j-driver';
import { Database, Params, StatementCounter, toPlain } from '../src/db/database';
import { asText } from '../src/domain/text';

interface PlanNode {
  operatorType: string;
  dbHits?: number;
  rows?: number;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

export interface StatementProfile {
  /** The first line of the statement, to recognise it. */
  statement: string;
  dbHits: number;
  rows: number;
  ms: number;
  operators: string[];
  /** Label scans and full scans, with their details: none should appear where an index applies. */
  scans: string[];
}

function walk(plan: PlanNode, visit: (p: PlanNode) => void): void {
  visit(plan);
  for (const c of plan.children ?? []) walk(c, visit);
}

export class ProfilingDatabase extends Database {
  profiles: StatementProfile[] = [];

  override async read<T = Record<string, unknown>>(
    cypher: string,
    params: Params = {},
    counter?: StatementCounter,
  ): Promise<T[]> {
    if (counter) counter.count++;
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    const started = Date.now();
    try {
      const result = await session.executeRead((tx) => tx.run(`PROFILE ${cypher}`, params), { timeout: 600_000 });
      const profile = result.summary.profile as unknown as PlanNode | false;
      let dbHits = 0;
      const operators = new Set<string>();
      const scans: string[] = [];
      if (profile) {
        walk(profile, (p) => {
          dbHits += Number(p.dbHits ?? 0);
          const op = p.operatorType.replace(/@.*$/, '');
          operators.add(op);
          if (/LabelScan|AllNodesScan|RelationshipTypeScan|AllRelationshipsScan/.test(op)) {
            scans.push(`${op}: ${asText(p.arguments?.Details ?? '')} (rows ${Number(p.rows ?? 0)})`);
          }
        });
      }
      this.profiles.push({
        statement: cypher
          .trim()
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .slice(0, 2)
          .join(' ')
          .slice(0, 140),
        dbHits,
        rows: profile ? Number(profile.rows ?? 0) : 0,
        ms: Date.now() - started,
        operators: [...operators].sort(),
        scans,
      });
      return result.records.map((r) => toPlain(r.toObject()) as T);
    } finally {
      await session.close();
    }
  }

  take(): StatementProfile[] {
    const out = this.profiles;
    this.profiles = [];
    return out;
  }
}

/**
 * A Database that keeps every read statement with its parameters, so that the bench can send exactly
 * the Cypher a GraphQL request ran through the bare driver ("the Cypher it runs", issue 14) and give
 * the layer's cost as the difference.
 */
export class RecordingDatabase extends Database {
  statements: { cypher: string; params: Params }[] = [];

  override async read<T = Record<string, unknown>>(
    cypher: string,
    params: Params = {},
    counter?: StatementCounter,
  ): Promise<T[]> {
    this.statements.push({ cypher, params });
    return super.read<T>(cypher, params, counter);
  }

  take(): { cypher: string; params: Params }[] {
    const out = this.statements;
    this.statements = [];
    return out;
  }
}
