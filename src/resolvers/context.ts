/** What every resolver receives: the database, this request's loaders and statement counter, and its logger. */
import { Database, StatementCounter } from '../db/database';
import { Loaders } from '../db/loaders';
import { Logger } from '../logger';
import { AuthContext } from '../http/auth';
import { ResponseBudget } from './listBound';
import type { AlertFeed } from '../http/alertFeed';
import type { WorkBound } from '../domain/trace/workBound';

export interface Context {
  db: Database;
  loaders: Loaders;
  counter: StatementCounter;
  requestId: string;
  logger: Logger;
  /** The caller (null when anonymous) and the audit-reading role; see resolvers/authChecker.ts. */
  auth: AuthContext;
  /** What the client should know about an answer that is not an error (sent as `extensions.warnings`). */
  warnings: Warning[];
  /** The list items this answer may still hold (GRAPHQL_MAX_RESPONSE_OBJECTS). */
  budget: ResponseBudget;
  /** The work bound of every trace walk (TRACE_MAX_STATES, TRACE_WALK_BUDGET_MS). */
  traceWork: WorkBound;
  /** This replica's live alerts: set for operations over WebSocket (src/http/subscriptions.ts). */
  alertFeed?: AlertFeed;
}

export interface Warning {
  code: 'PATH_CAP_REACHED' | 'TRACE_WORK_LIMIT';
  message: string;
  path?: readonly (string | number)[];
  /** TRACE_WORK_LIMIT: how many of the routes (the first ones) are the exact best. */
  exactRoutes?: number;
}
